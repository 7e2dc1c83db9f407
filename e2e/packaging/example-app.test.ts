import { execFile } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { URI, type TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { startProduct, type Product } from '../support/product.js';
import { readQrCode } from '../support/read-qr-code.js';

/**
 * What an outside project gets from `npm pack`: both installable packages are packed (each builds itself in
 * `prepack`), a copy of examples/react-host installs them from the tarballs and everything else from the npm
 * registry (the cache first), type-checks against their declarations with skipLibCheck off, builds, and runs its
 * own mocked test. A missing export, a broken or unresolvable .d.ts, a bundled React or a workspace-only import
 * fails one of these steps.
 */
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const exampleSource = join(repoRoot, 'examples/react-host');
const run = promisify(execFile);
const LAUNCH_SECRET = 'packaging-launch-token-secret-0123456789abcdef';

/**
 * The child processes must not see this test run: vitest's own variables would make the example's vitest
 * think it runs inside a worker, and npm's (`npm_config_*`, from the root's `npm test`) would point the
 * example's npm at the workspace.
 */
function outsideEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(VITEST|npm_|INIT_CWD$|NODE_ENV$|TEST$|NODE_OPTIONS$)/i.test(name)) continue;
    env[name] = value;
  }
  return { ...env, CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' };
}

async function step(what: string, command: string, args: string[], cwd: string): Promise<string> {
  const started = Date.now();
  try {
    const { stdout, stderr } = await run(command, args, {
      cwd,
      env: outsideEnvironment(),
      encoding: 'utf8',
      maxBuffer: 32 * 1024 * 1024,
      timeout: 240_000,
    });
    console.log(`packaging: ${what} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return `${stdout}\n${stderr}`;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${what} failed (${command} ${args.join(' ')} in ${cwd}):\n${stdout}\n${stderr}`, { cause: error });
  }
}

describe('the packed @pi-enroll/web and @pi-enroll/mock-api in a project outside the workspace', () => {
  let example: string;
  let testOutput: string;

  beforeAll(async () => {
    example = mkdtempSync(join(tmpdir(), 'pi-enroll-react-host-'));
    // What a fresh checkout of the example holds: no installed or built leftovers from a developer's runs.
    cpSync(exampleSource, example, {
      recursive: true,
      filter: (path) => !relative(exampleSource, path).split(sep).some((part) => ['node_modules', 'vendor', 'dist'].includes(part)),
    });
    await step('pack', process.execPath, [join(repoRoot, 'scripts/pack-libraries.mjs'), join(example, 'vendor')], repoRoot);
    await step('install', 'npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], example);
    await step('build', 'npm', ['run', 'build'], example);
    testOutput = await step('test', 'npm', ['test'], example);
  }, 600_000);

  afterAll(() => {
    if (example) rmSync(example, { recursive: true, force: true });
  });

  it('installs the packages from the tarballs, with React and msw the host\'s own, neither bundled nor nested', () => {
    const manifest = (path: string) => JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')) as { version: string };
    const installed = (name: string) => join(example, 'node_modules', name);
    expect(manifest(installed('@pi-enroll/web')).version).toBe(manifest(join(repoRoot, 'apps/web')).version);
    expect(manifest(installed('@pi-enroll/mock-api')).version).toBe(manifest(join(repoRoot, 'packages/mock-api')).version);
    // One copy each, the host's: a second React breaks hooks, a second msw ignores the host's server.
    for (const [name, dependency] of [['@pi-enroll/web', 'react'], ['@pi-enroll/web', 'react-dom'], ['@pi-enroll/mock-api', 'msw']] as const) {
      expect(existsSync(join(installed(name), 'node_modules', dependency)), `${name} brings its own ${dependency}`).toBe(false);
    }
    const libraryCode = readdirSync(join(installed('@pi-enroll/web'), 'dist-lib'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(join(installed('@pi-enroll/web'), 'dist-lib', file), 'utf8'))
      .join('\n');
    expect(libraryCode).toMatch(/from "react"/);
    // React's own source would carry its internals' name; shared would be an import no outsider can resolve.
    expect(libraryCode).not.toMatch(/__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE|from "@pi-enroll\//);
  });

  it.each(['@pi-enroll/web', '@pi-enroll/mock-api'])(
    '%s imports, in its code and its declarations, only packages it declares (no workspace or hoisted-only ones)',
    (name) => {
      const root = join(example, 'node_modules', name);
      const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
      const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
      const imported = new Set<string>();
      for (const file of readdirSync(join(root, 'dist-lib'), { recursive: true, encoding: 'utf8' })) {
        if (!/\.(js|d\.ts)$/.test(file)) continue;
        const code = readFileSync(join(root, 'dist-lib', file), 'utf8');
        // Static imports and re-exports (at a line's start), side-effect imports, import() calls and types.
        const imports = /^(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]|^import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;
        for (const match of code.matchAll(imports)) {
          const specifier = match[1] ?? match[2] ?? match[3] ?? '';
          if (specifier.startsWith('.')) continue;
          imported.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
        }
      }
      expect(imported.size).toBeGreaterThan(0);
      expect([...imported].filter((dependency) => !declared.has(dependency))).toEqual([]);
    },
  );

  it("runs the example's mocked enrollment test, which passes", () => {
    expect(testOutput).toMatch(/Tests\s+\d+ passed/);
    expect(testOutput).not.toMatch(/failed/);
  });

  describe("the example's built pages in Chromium against the real BFF, third-party cookies blocked", () => {
    let product: Product;
    let host: Server;
    let hostUrl: string;
    let browser: Browser;
    let page: Page;
    /** What the host's backend answers at /my-portal/pi-enroll-launch: set per test (its "signed-in user"). */
    let launch: { user: string; apiBase: string };

    beforeAll(async () => {
      // The example's dist/ with a stand-in for the host's backend, on 127.0.0.1.
      host = createServer((request, response) => {
        const url = new URL(request.url ?? '/', 'http://host');
        if (url.pathname === '/my-portal/pi-enroll-launch') {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ apiBase: launch.apiBase, launchToken: launchToken(launch.user) }));
          return;
        }
        const file = normalize(join(example, 'dist', url.pathname === '/' ? 'index.html' : url.pathname));
        if (!file.startsWith(join(example, 'dist')) || !existsSync(file)) {
          response.writeHead(404).end();
          return;
        }
        response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' });
        response.end(readFileSync(file));
      });
      await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
      hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
      // Reached as localhost, the BFF is on another site than the host page; as 127.0.0.1, on the same site.
      product = await startProduct({ hostName: 'localhost', env: { LAUNCH_TOKEN_SECRET: LAUNCH_SECRET, ALLOWED_ORIGINS: hostUrl } });
      browser = await launchChromium({ blockThirdPartyCookies: true });
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await product?.stop();
      host?.close();
    });
    beforeEach(async () => {
      page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    });
    afterEach(async () => {
      await page.close();
    });

    const bffs = {
      'another site': () => product.url,
      'the same site': () => {
        const url = new URL(product.url);
        url.hostname = '127.0.0.1';
        return url.href;
      },
    };
    const codeFor = async (otpauthUri: string) => {
      await product.sim('POST', '/clock/advance', { ms: 30_000 });
      return (URI.parse(otpauthUri) as TOTP).generate({ timestamp: await product.simNow() });
    };

    it.each([
      ['another site', 'alice'],
      ['the same site', 'bob'],
    ] as const)('<EnrollmentWidget> enrolls with the BFF on %s', async (where, user) => {
      launch = { user, apiBase: bffs[where]() };
      await page.goto(`${hostUrl}/`);
      const start = page.getByRole('button', { name: 'Start setup' });
      await start.waitFor();
      // @pi-enroll/web/widget.css, bundled by the host: the primary button has the accent colour.
      expect(await start.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(11, 87, 208)');
      await start.click();
      // The QR code's lazy chunk, split by the host's bundler, loads and draws a code a phone can read.
      const otpauthUri = await readQrCode(page, /^QR code for /);
      expect(otpauthUri).toContain(`privacyIDEA:${user}`);
      await page.getByRole('textbox', { name: '6-digit code' }).fill(await codeFor(otpauthUri));
      await page.getByRole('heading', { name: 'Your authenticator app is ready' }).waitFor();
      await page.getByText(/asks for a code when you sign in/).waitFor();
      expect((await product.tokensOf(user)).map((token) => token.active)).toEqual([true]);
    });

    it.each([
      ['another site', 'carol'],
      ['the same site', 'dave'],
    ] as const)('the host’s own UI over useEnrollment() enrolls with the BFF on %s', async (where, user) => {
      launch = { user, apiBase: bffs[where]() };
      await page.goto(`${hostUrl}/headless.html`);
      await page.getByRole('button', { name: 'Add an authenticator app' }).click();
      const otpauthUri = await page.getByRole('link', { name: 'open in your app' }).getAttribute('href');
      expect(otpauthUri).toContain(`privacyIDEA:${user}`);
      await page.getByRole('textbox', { name: 'Code from your app' }).fill(await codeFor(otpauthUri!));
      await page.getByRole('button', { name: 'Confirm' }).click();
      await page.getByRole('status').filter({ hasText: 'Added:' }).waitFor();
      expect((await product.tokensOf(user)).map((token) => token.active)).toEqual([true]);
    });
  });
});

const contentTypes: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

function launchToken(username: string): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const body = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: username, realm: 'example', aud: 'pi-enroll', iat: now, exp: now + 300, jti: randomUUID() })}`;
  return `${body}.${createHmac('sha256', LAUNCH_SECRET).update(body).digest('base64url')}`;
}
