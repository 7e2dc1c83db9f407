import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TOTP, URI } from 'otpauth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from './support/axe-scan.js';
import { launchChromium } from './support/chromium.js';
import { startProduct, type Product } from './support/product.js';
import { readQrCode } from './support/read-qr-code.js';

const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const QR_NAME = /QR code for/;

let product: Product;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  product = await startProduct();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await product?.stop();
});
beforeEach(async () => {
  await product.sim('DELETE', '/tokens');
  await product.sim('POST', '/policies', { verifyEnrollment: true, passOnNoToken: true });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});
afterEach(async () => {
  await context.close();
});

/** Every state the user passes through is scanned with axe and photographed for the record. */
async function checkState(name: string): Promise<void> {
  await page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true });
  expect(await seriousAccessibilityViolations(page), `accessibility of "${name}"`).toEqual([]);
}

/** Signs in as a demo user and starts the setup; answers how many actions the user had taken on the start screen. */
async function signInAndStart(username: string): Promise<number> {
  await page.goto(product.url);
  await page.getByRole('button', { name: username, exact: true }).click();
  await page.getByRole('heading', { name: 'Set up your authenticator app' }).waitFor();
  const actionsBeforeStart = await userActions();
  await page.getByRole('button', { name: 'Start setup' }).click();
  await page.getByRole('img', { name: QR_NAME }).waitFor();
  return actionsBeforeStart;
}

/** What the widget counted of the user's actions on the flow (each click that moves it, each code typed). */
async function userActions(): Promise<number> {
  return Number(await page.locator('[data-user-actions]').getAttribute('data-user-actions'));
}

/** The done screen's own field: the device is named once it works (the setup starts without asking). */
async function nameDevice(name: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Device name' }).fill(name);
  await page.getByRole('button', { name: 'Save name' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
}

/** The code an authenticator app shows now (on the simulator's clock), computed independently from the URI. */
async function codeFromUri(uri: string, offsetSteps = 0): Promise<string> {
  const totp = URI.parse(uri) as TOTP;
  return totp.generate({ timestamp: (await product.simNow()) + offsetSteps * totp.period * 1000 });
}

/** The code goes in the field next to the QR code, and submits itself. */
async function enterCode(code: string): Promise<void> {
  await page.getByRole('textbox', { name: /digit code/ }).fill(code);
}

describe.each([
  { mode: 'verify-policy', verifyEnrollment: true },
  { mode: 'no-verify-policy', verifyEnrollment: false },
])('the QR path (privacyIDEA with verify_enrollment=$verifyEnrollment)', ({ mode, verifyEnrollment }) => {
  it('reads the QR code off the screen, confirms the code, and the token then works for login — once per code', async () => {
    await product.sim('POST', '/policies', { verifyEnrollment });
    const actionsBeforeStart = await signInAndStart('bob');
    await checkState(`setup-${mode}`);
    const uri = await readQrCode(page, QR_NAME);
    expect(uri).toMatch(/^otpauth:\/\/totp\/privacyIDEA:bob\?secret=[A-Z2-7]+&issuer=privacyIDEA/);

    // While the QR code is on the screen privacyIDEA holds nothing for bob: passOnNoToken lets him in as before.
    expect(await product.tokensOf('bob')).toEqual([]);
    expect((await product.validate('bob', 'anything')).accepted).toBe(true);

    await product.sim('POST', '/clock/advance', { ms: 30_000 });
    const confirmingCode = await codeFromUri(uri);
    await enterCode(confirmingCode);
    await page.getByRole('heading', { name: 'Your authenticator app is ready' }).waitFor();
    await checkState(`done-${mode}`);
    // Start screen to working token: the user acted twice in the widget (start, the code), scanning aside.
    expect((await userActions()) - actionsBeforeStart).toBe(2);
    await nameDevice('Work phone');

    expect(await product.tokensOf('bob')).toEqual([expect.objectContaining({ active: true, description: 'Work phone' })]);
    expect(await product.validate('bob', confirmingCode)).toMatchObject({ accepted: false });
    expect(await product.validate('bob', 'anything')).toMatchObject({ accepted: false });
    await product.sim('POST', '/clock/advance', { ms: 30_000 });
    expect(await product.validate('bob', await codeFromUri(uri))).toMatchObject({ accepted: true });
  });
});

describe('other paths through the widget', () => {
  it('works from the key shown as text, for people who cannot scan', async () => {
    await signInAndStart('alice');
    await page.getByText('Can’t scan the code?').click();
    await checkState('manual-key');
    const key = (await page.locator('.pie-key').innerText()).replace(/\s+/g, '');
    expect(key).toMatch(/^[A-Z2-7]{16,}$/);
    const totp = new TOTP({ secret: key, algorithm: 'SHA1', digits: 6, period: 30 });
    await enterCode(totp.generate({ timestamp: await product.simNow() }));
    await page.getByRole('heading', { name: 'Your authenticator app is ready' }).waitFor();
    expect((await product.tokensOf('alice'))[0]).toMatchObject({ active: true, rollout_state: 'enrolled' });
  });

  it('removes the token after too many wrong codes', async () => {
    await signInAndStart('carol');
    const field = page.getByRole('textbox', { name: /digit code/ });
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await field.fill(`00000${attempt}`);
      await page.getByRole('alert').filter({ hasText: `${5 - attempt} attempt` }).waitFor();
      if (attempt === 1) await checkState('wrong-code');
    }
    await field.fill('000009');
    await page.getByRole('heading', { name: 'Too many wrong codes' }).waitFor();
    await checkState('exhausted');
    expect(await product.tokensOf('carol')).toEqual([]);
  });

  it("tells a user whose phone clock is 7 minutes behind what is wrong, then the right code enrolls", async () => {
    await signInAndStart('carol');
    const uri = await readQrCode(page, QR_NAME);
    await enterCode(await codeFromUri(uri, -14));
    await page.getByRole('alert').filter({ hasText: "Your phone's clock is about 7 min behind" }).waitFor();
    await checkState('clock-drift');
    expect(await product.tokensOf('carol')).toEqual([]);
    await page.getByRole('textbox', { name: /digit code/ }).fill(await codeFromUri(uri));
    await page.getByRole('heading', { name: 'Your authenticator app is ready' }).waitFor();
    expect(await product.tokensOf('carol')).toEqual([expect.objectContaining({ active: true })]);
  });

  it('cancels after asking, and leaves no token', async () => {
    await signInAndStart('dave');
    await page.getByRole('button', { name: 'Cancel setup' }).click();
    await page.getByRole('heading', { name: 'Cancel the setup?' }).waitFor();
    await checkState('confirm-cancel');
    await page.getByRole('button', { name: 'Yes, cancel setup' }).click();
    await page.getByRole('heading', { name: 'Setup cancelled' }).waitFor();
    await checkState('cancelled');
    expect(await product.tokensOf('dave')).toEqual([]);
  });

  it('loads without console errors: a first visit, a user with a method, a reload mid-setup', async () => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(product.url);
    await page.getByRole('button', { name: 'erin', exact: true }).click();
    await page.getByRole('button', { name: 'Start setup' }).click();
    const uri = await readQrCode(page, QR_NAME);
    await page.reload();
    await page.getByRole('button', { name: 'Continue with the same QR code' }).click();
    await enterCode(await codeFromUri(uri));
    await page.getByRole('heading', { name: 'Your authenticator app is ready' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Your sign-in methods' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('offers the same QR code after a reload', async () => {
    await signInAndStart('erin');
    const before = await readQrCode(page, QR_NAME);
    await page.reload();
    await page.getByRole('heading', { name: 'Finish your setup' }).waitFor();
    await checkState('resume');
    await page.getByRole('button', { name: 'Continue with the same QR code' }).click();
    expect(await readQrCode(page, QR_NAME)).toBe(before);
    expect(await product.tokensOf('erin')).toEqual([]);
    // A new sign-in would offer this enrollment again: end it, so the next test starts afresh.
    await page.getByRole('button', { name: 'Cancel setup' }).click();
    await page.getByRole('button', { name: 'Yes, cancel setup' }).click();
    await page.getByRole('heading', { name: 'Setup cancelled' }).waitFor();
  });

  it('leaves nothing behind a closed tab: the user is never locked out, and coming back after the expiry starts afresh', async () => {
    await signInAndStart('erin');
    await page.close();
    expect(await product.tokensOf('erin')).toEqual([]);
    expect(await product.validate('erin', 'anything')).toMatchObject({ accepted: true });
    await product.sim('POST', '/clock/advance', { ms: 601_000 });
    page = await context.newPage();
    await page.goto(product.url);
    await page.getByRole('heading', { name: 'Set up your authenticator app' }).waitFor();
    expect(await product.tokensOf('erin')).toEqual([]);
    expect(await product.validate('erin', 'anything')).toMatchObject({ accepted: true });
  });

  it('can be completed with the keyboard alone', async () => {
    await page.goto(product.url);
    const focusAndPress = async (name: string | RegExp, role: 'button' | 'link' = 'button') => {
      const target = page.getByRole(role, { name, exact: typeof name === 'string' });
      for (let presses = 0; presses < 40 && !(await target.evaluate((element) => element === document.activeElement)); presses += 1) {
        await page.keyboard.press('Tab');
      }
      expect(await target.evaluate((element) => element === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
    };
    await page.getByRole('button', { name: 'alice', exact: true }).waitFor();
    await focusAndPress('alice');
    await page.getByRole('heading', { name: 'Set up your authenticator app' }).waitFor();
    await focusAndPress('Start setup');
    await page.getByRole('img', { name: QR_NAME }).waitFor();
    // The step's heading has the focus, is the page's one h1, and shows no focus ring (it is not a control).
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      return { tag: element.tagName, text: element.textContent, outline: getComputedStyle(element).outlineStyle, h1s: document.querySelectorAll('h1').length };
    });
    expect(focused).toEqual({ tag: 'H1', text: 'Scan the QR code, then enter the code', outline: 'none', h1s: 1 });
    const uri = await readQrCode(page, QR_NAME);
    const field = page.getByRole('textbox', { name: /digit code/ });
    for (let presses = 0; presses < 10 && !(await field.evaluate((element) => element === document.activeElement)); presses += 1) {
      await page.keyboard.press('Tab');
    }
    expect(await field.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type(await codeFromUri(uri));
    await page.getByRole('heading', { name: 'Your authenticator app is ready' }).waitFor();
  });

  it('shows a device name full of markup as plain text, running none of it', async () => {
    const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
    await signInAndStart('dave');
    const uri = await readQrCode(page, QR_NAME);
    await enterCode(await codeFromUri(uri));
    await page.getByRole('heading', { name: 'Your authenticator app is ready' }).waitFor();
    await nameDevice(payload);
    await page.getByRole('button', { name: 'Your sign-in methods' }).click();
    await page.getByRole('heading', { name: payload, level: 2 }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('img[src="x"], script:text("__xss")').count()).toBe(0);
  });

  it('shows the open-in-app link on a phone, without horizontal scrolling', async () => {
    await context.close();
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });
    page = await context.newPage();
    await signInAndStart('bob');
    const link = page.getByRole('link', { name: 'Open in authenticator app' });
    expect(await link.isVisible()).toBe(true);
    expect(await link.getAttribute('href')).toMatch(/^otpauth:\/\/totp\//);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await checkState('scan-mobile');
  });

  it('downloads its scripts and styles Brotli-compressed, QR code included', async () => {
    const delivered = new Map<string, string>();
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (!/\.(js|css)$/.test(path)) return;
      const headers = response.headers();
      // Files under 1 KB are not worth compressing: the build leaves them as they are.
      delivered.set(path, headers['content-encoding'] ?? (Number(headers['content-length']) < 1024 ? 'small' : 'uncompressed'));
    });
    await signInAndStart('carol');
    const paths = [...delivered.keys()];
    expect(paths.some((path) => /qr-code/.test(path)), paths.join(', ')).toBe(true);
    for (const [path, encoding] of delivered) expect(['br', 'small'], path).toContain(encoding);
    expect([...delivered.values()].filter((encoding) => encoding === 'br').length).toBeGreaterThanOrEqual(3);
  });
});

describe('what an operator sees afterwards', () => {
  it('counts the whole funnel of this run in /metrics', async () => {
    const metrics = await (await fetch(`${product.url}metrics`)).text();
    const count = (outcome: string) =>
      [...metrics.matchAll(new RegExp(`^pi_enroll_enrollments_total\\{[^}]*outcome="${outcome}"[^}]*\\} (\\d+)`, 'gm'))].reduce(
        (sum, match) => sum + Number(match[1]),
        0,
      );
    // Started in every test above; confirmed in five; one each of the other outcomes at least.
    expect(count('started')).toBeGreaterThanOrEqual(9);
    expect(count('confirmed')).toBeGreaterThanOrEqual(5);
    for (const outcome of ['wrong_code', 'exhausted', 'cancelled', 'resumed', 'expired']) expect(count(outcome), outcome).toBeGreaterThanOrEqual(1);
  });
});
