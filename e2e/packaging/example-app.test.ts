import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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

  it("runs the example's mocked enrollment test, which passes", () => {
    expect(testOutput).toMatch(/Tests\s+\d+ passed/);
    expect(testOutput).not.toMatch(/failed/);
  });
});
