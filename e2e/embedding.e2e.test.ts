import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TOTP} from 'otpauth';
import { URI } from 'otpauth';
import { PNG } from 'pngjs';
import jsQRModule from 'jsqr';
import type { Browser, BrowserContext, Frame, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium.js';
import { startProduct, type Product } from './support/product.js';

/**
 * The widget embedded by a host page on another site than the BFF, with third-party cookies blocked: the host
 * on 127.0.0.1, the BFF reached as localhost. The host's own backend mints launch tokens (GET /launch-token).
 */
const LAUNCH_SECRET = 'e2e-launch-token-secret-0123456789abcdef';
const QR_NAME = /QR code for/;
const BRAND = { '--pie-color-accent': '#6b2fb3', '--pie-color-background': 'rgb(250, 245, 255)', '--pie-radius-container': '20px' };

type Decode = typeof jsQRModule.default;
const jsQR: Decode = typeof jsQRModule === 'function' ? jsQRModule : jsQRModule.default;

let product: Product;
let host: Server;
let hostUrl: string;
/** A page on yet another origin the BFF was not told about: the misconfiguration a developer hits first. */
let strangerUrl: string;
let stranger: Server;
let cookieEcho: Server;
let cookieEchoUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;

function launchToken(username: string): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const body = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: username, realm: 'example', aud: 'pi-enroll', iat: now, exp: now + 300, jti: randomUUID() })}`;
  return `${body}.${createHmac('sha256', LAUNCH_SECRET).update(body).digest('base64url')}`;
}

/** The host's pages: each embedding way, as apps/web/README.md shows it for a host on another site. */
function hostPages(bff: string): Record<string, string> {
  const bffOrigin = new URL(bff).origin;
  // Without `?user=` the host hands over no launch token (a same-site reload: the cookie still counts).
  const token = `const user = new URLSearchParams(location.search).get('user');
  const launchToken = user ? await (await fetch('/launch-token?user=' + user)).text() : undefined;`;
  return {
    '/element.html': `<!doctype html><title>host</title><link rel="stylesheet" href="${bff}widget.css">
<script type="module" src="${bff}widget.js"></script>
<div id="slot"></div>
<script type="module">${token}
  const widget = document.createElement('pi-enroll-widget');
  if (launchToken) widget.setAttribute('launch-token', launchToken);
  widget.addEventListener('pi-enroll:enrolled', (event) => { document.title = 'enrolled ' + event.detail.serial; });
  document.querySelector('#slot').append(widget);
</script>`,
    '/mount.html': `<!doctype html><title>host</title><link rel="stylesheet" href="${bff}widget.css"><div id="mfa"></div>
<script type="module">${token}
  const { mount } = await import('${bff}widget.js');
  mount(document.querySelector('#mfa'), { launchToken, onEnrolled: ({ serial }) => { document.title = 'enrolled ' + serial; } });
</script>`,
    '/iframe.html': `<!doctype html><title>host</title>
<iframe id="mfa" title="Authenticator app setup" src="${bff}embed.html" style="width: 600px; height: 800px"></iframe>
<script type="module">
  const frame = document.querySelector('#mfa');
  const theme = new URLSearchParams(location.search).get('theme');
  window.addEventListener('message', async (event) => {
    if (event.origin !== '${bffOrigin}' || event.source !== frame.contentWindow) return;
    if (event.data.type === 'pi-enroll:ready') {
      ${token}
      if (theme) frame.contentWindow.postMessage({ type: 'pi-enroll:theme', variables: JSON.parse(theme) }, '${bffOrigin}');
      frame.contentWindow.postMessage({ type: 'pi-enroll:launch-token', launchToken }, '${bffOrigin}');
    }
    if (event.data.type === 'pi-enroll:enrolled') document.title = 'enrolled ' + event.data.serial;
  });
</script>`,
    '/cookie-probe.html': `<!doctype html><title>probe</title>`,
  };
}

/** A page server on a loopback address; `pages` is read per request, so it may be filled after the start. */
function serve(address: string, pages: () => Record<string, string>): Promise<[Server, string]> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://host');
    if (url.pathname === '/launch-token') {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end(launchToken(url.searchParams.get('user') ?? 'alice'));
      return;
    }
    const body = pages()[url.pathname];
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/html' });
    response.end(body ?? 'not found');
  });
  return new Promise((resolve) => server.listen(0, address, () => resolve([server, `http://${address}:${(server.address() as AddressInfo).port}`])));
}

beforeAll(async () => {
  [cookieEcho, cookieEchoUrl] = await new Promise<[Server, string]>((resolve) => {
    const server = createServer((request, response) => {
      if (request.url === '/set') {
        response.writeHead(200, { 'set-cookie': 'probe=1; Path=/; SameSite=None; Secure', 'content-type': 'text/plain' });
        response.end('set');
        return;
      }
      response.writeHead(200, { 'content-type': 'text/plain', 'access-control-allow-origin': request.headers.origin ?? '*', 'access-control-allow-credentials': 'true' });
      response.end(request.headers.cookie ?? '');
    });
    server.listen(0, '127.0.0.1', () => resolve([server, `http://localhost:${(server.address() as AddressInfo).port}`]));
  });
  let pages: Record<string, string> = {};
  [host, hostUrl] = await serve('127.0.0.1', () => pages);
  // Another loopback address is another site again: in EMBED_ORIGINS (it may load widget.js) but not in ALLOWED_ORIGINS.
  [stranger, strangerUrl] = await serve('127.0.0.2', () => pages);
  product = await startProduct({
    hostName: 'localhost',
    env: { LAUNCH_TOKEN_SECRET: LAUNCH_SECRET, ALLOWED_ORIGINS: hostUrl, EMBED_ORIGINS: `${hostUrl},${strangerUrl}` },
  });
  // The same BFF reached as 127.0.0.1 is on the host's site (another port, the same host): same-site pages.
  const sameSite = Object.entries(hostPages(sameSiteBffUrl())).map(([path, body]): [string, string] => [`/same-site${path}`, body]);
  pages = { ...hostPages(product.url), ...Object.fromEntries(sameSite) };
  browser = await launchChromium({ blockThirdPartyCookies: true });
});
afterAll(async () => {
  await browser?.close();
  await product?.stop();
  for (const server of [host, stranger, cookieEcho]) server?.close();
});
beforeEach(async () => {
  await product.sim('DELETE', '/tokens');
  context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  page = await context.newPage();
});
afterEach(async () => {
  await context.close();
});

/** The BFF at 127.0.0.1: another origin than the host page (127.0.0.1, another port) but the same site. */
function sameSiteBffUrl(): string {
  const url = new URL(product.url);
  url.hostname = '127.0.0.1';
  return url.href;
}

async function qrUri(image: Locator): Promise<string> {
  const png = PNG.sync.read(await image.screenshot());
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (decoded === null) throw new Error('no QR code could be read from the screenshot');
  return decoded.data;
}

async function codeFromUri(uri: string): Promise<string> {
  const totp = URI.parse(uri) as TOTP;
  return totp.generate({ timestamp: await product.simNow() });
}

/** Start → scan and code (one screen) → done, in the widget wherever it is (page or frame). */
async function enroll(widget: Page | Frame, username: string): Promise<void> {
  await widget.getByRole('button', { name: 'Start setup' }).click();
  const uri = await qrUri(widget.getByRole('img', { name: QR_NAME }));
  expect(uri).toContain(`privacyIDEA:${username}`);
  await product.sim('POST', '/clock/advance', { ms: 30_000 });
  await widget.getByRole('textbox', { name: /digit code/ }).fill(await codeFromUri(uri));
  await widget.getByRole('heading', { name: 'Your authenticator app is ready' }).waitFor();
  await expect.poll(() => page.title()).toMatch(/^enrolled /);
  expect((await product.tokensOf(username)).map((token) => token.active)).toEqual([true]);
}

const iframe = () => page.frameLocator('#mfa');
const iframeWidget = async () => {
  await page.locator('#mfa').waitFor();
  const frame = page.frame({ url: /embed\.html/ });
  if (frame === null) throw new Error('no widget frame');
  return frame;
};

describe('a host page on another site, third-party cookies blocked', () => {
  it("sends no cookie of the BFF's site from the host page: a SameSite=None cookie stored first-party stays home", async () => {
    await page.goto(`${cookieEchoUrl}/set`);
    await page.goto(`${hostUrl}/cookie-probe.html`);
    const sent = await page.evaluate(async (url) => (await fetch(url, { credentials: 'include' })).text(), `${cookieEchoUrl}/echo`);
    expect(sent).toBe('');
    // First-party, the same cookie is there: the browser stored it.
    await page.goto(`${cookieEchoUrl}/echo`);
    expect(await page.locator('body').textContent()).toBe('probe=1');
  });

  it.each(['element', 'mount'])('enrolls through the script tag (%s), styled by widget.css', async (way) => {
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(request.url()));
    await page.goto(`${hostUrl}/${way}.html?user=alice`);
    const start = page.getByRole('button', { name: 'Start setup' });
    await start.waitFor();
    // widget.css applied: the primary button has the accent colour, not the browser's grey.
    expect(await start.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(11, 87, 208)');
    await enroll(page, 'alice');
    expect(failed).toEqual([]);
  });

  it('enrolls through the iframe, styled, with the session in memory only', async () => {
    await page.goto(`${hostUrl}/iframe.html?user=bob`);
    const frame = await iframeWidget();
    await iframe().getByRole('button', { name: 'Start setup' }).waitFor();
    expect(await frame.evaluate(() => document.cookie)).toBe('');
    await enroll(frame, 'bob');
  });

  it('shows the host’s colours in a branded iframe, and --pie-radius-control leaves the QR frame alone', async () => {
    await page.goto(`${hostUrl}/iframe.html?user=carol&theme=${encodeURIComponent(JSON.stringify({ ...BRAND, '--pie-radius-control': '0px' }))}`);
    const start = iframe().getByRole('button', { name: 'Start setup' });
    await start.waitFor();
    await expect.poll(() => start.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(107, 47, 179)');
    expect(await start.evaluate((element) => getComputedStyle(element).borderRadius)).toBe('0px');
    expect(await iframe().locator('.pie-root').evaluate((element) => getComputedStyle(element).getPropertyValue('--pie-color-background').trim())).toBe('rgb(250, 245, 255)');
    await start.click();
    const qr = iframe().locator('.pie-qr');
    await qr.waitFor();
    expect(await qr.evaluate((element) => getComputedStyle(element).borderRadius)).toBe('20px');
  });

  it('resumes the same QR code after a reload, with a fresh launch token from the host', async () => {
    await page.goto(`${hostUrl}/iframe.html?user=dave`);
    await iframe().getByRole('button', { name: 'Start setup' }).click();
    const before = await qrUri(iframe().getByRole('img', { name: QR_NAME }));
    await page.reload();
    await iframe().getByRole('button', { name: 'Continue with the same QR code' }).click();
    const after = await qrUri(iframe().getByRole('img', { name: QR_NAME }));
    expect(after).toBe(before);
  });

  it('tells in place when the host page is not allowed to call the BFF, and the console names the variable', async () => {
    const console: string[] = [];
    page.on('console', (message) => console.push(message.text()));
    await page.goto(`${strangerUrl}/element.html?user=erin`);
    await page.getByText('This page is not allowed to use the setup service.').waitFor();
    expect(console.join('\n')).toContain(`ALLOWED_ORIGINS=${strangerUrl}`);
  });
});

describe('a host page on another origin of the same site', () => {
  it.each(['element', 'mount', 'iframe'])('enrolls through %s, styled', async (way) => {
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(request.url()));
    await page.goto(`${hostUrl}/same-site/${way}.html?user=erin`);
    const widget = way === 'iframe' ? await iframeWidget() : page;
    const start = widget.getByRole('button', { name: 'Start setup' });
    await start.waitFor();
    expect(await start.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(11, 87, 208)');
    await enroll(widget, 'erin');
    expect(failed).toEqual([]);
  });

  it('keeps the user signed in by the cookie across a reload, with no new launch token', async () => {
    await page.goto(`${hostUrl}/same-site/element.html?user=alice`);
    await page.getByRole('button', { name: 'Start setup' }).click();
    const before = await qrUri(page.getByRole('img', { name: QR_NAME }));
    // The host hands over nothing this time: only the BFF's cookie, sent because the BFF is on the same site.
    await page.goto(`${hostUrl}/same-site/element.html`);
    await page.getByRole('button', { name: 'Continue with the same QR code' }).click();
    expect(await qrUri(page.getByRole('img', { name: QR_NAME }))).toBe(before);
    // A new sign-in would offer this unfinished enrollment again: end it.
    await page.getByRole('button', { name: 'Cancel setup' }).click();
    await page.getByRole('button', { name: 'Yes, cancel setup' }).click();
    await page.getByRole('heading', { name: 'Setup cancelled' }).waitFor();
  });

  it('unlike a host on another site, whose reload without a new launch token is signed out', async () => {
    await page.goto(`${hostUrl}/element.html?user=bob`);
    await page.getByRole('button', { name: 'Start setup' }).waitFor();
    await page.goto(`${hostUrl}/element.html`);
    // Signed out: the sign-in screen (with the simulator's demo users; a real deployment says "not signed in").
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.getByRole('button', { name: 'Start setup' }).count()).toBe(0);
  });
});
