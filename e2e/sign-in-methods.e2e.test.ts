import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthenticatorApp } from './support/authenticator-app.js';
import { seriousAccessibilityViolations } from './support/axe-scan.js';
import { launchChromium } from './support/chromium.js';
import { startProduct, type Product } from './support/product.js';
import { readQrCode } from './support/read-qr-code.js';

// Every sign-in method through the product as `npm start` runs it, on http://localhost (the demo's relying-party
// id). Each proof is real: a CDP virtual authenticator signs the passkey ceremony, the mailed code is read from
// the simulator's outbox, the recovery codes are read off the screen.
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));

let product: Product;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  product = await startProduct({ hostName: 'localhost', env: { ENROLL_METHODS: 'totp,passkey,email,recovery', ALLOW_ADDITIONAL_TOKENS: 'true' } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await product?.stop();
});
beforeEach(async () => {
  await product.sim('DELETE', '/tokens');
  await product.sim('DELETE', '/outbox');
  await product.sim('POST', '/smtp', { down: false });
  await product.sim('POST', '/policies', { verifyEnrollment: true, passOnNoToken: true });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});
afterEach(async () => {
  await context.close();
});

async function checkState(name: string): Promise<void> {
  await page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true });
  expect(await seriousAccessibilityViolations(page), `accessibility of "${name}"`).toEqual([]);
}

async function signIn(username: string): Promise<void> {
  await page.goto(product.url);
  await page.getByRole('button', { name: username, exact: true }).click();
  await page.getByRole('heading', { name: 'Set up a sign-in method' }).waitFor();
}

async function choose(method: string): Promise<void> {
  await page.getByRole('radio', { name: new RegExp(`^${method}`) }).check();
  await page.getByRole('button', { name: 'Start setup' }).click();
}

/** A platform authenticator that says yes at once (user present and verified), as Chrome's DevTools offer one. */
async function addVirtualAuthenticator(): Promise<CDPSession> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return cdp;
}

async function mailedCode(username: string): Promise<string> {
  const { mails } = await product.sim<{ mails: { otp: string }[] }>('GET', `/outbox?user=${username}`);
  expect(mails.length).toBeGreaterThan(0);
  return mails.at(-1)!.otp;
}

const types = async (username: string) => (await product.tokensOf(username)).map((token) => `${token.tokentype}:${token.rollout_state || 'enrolled'}:${token.active}`);

describe('choosing a sign-in method', () => {
  it('offers each method with what it needs, in the operator’s order', async () => {
    await signIn('alice');
    const names = await page.getByRole('radio').evaluateAll((radios) => radios.map((radio) => radio.closest('label')?.textContent ?? ''));
    expect(names.map((name) => name.split('You need')[0])).toEqual(['Authenticator app', 'Security key or passkey', 'Code by email']);
    expect(names.join(' ')).toContain('You need access to your email.');
    await checkState('methods-choose');
  });
});

describe('a security key or passkey', () => {
  it('enrolls with the browser’s ceremony, then signs in with it once through privacyIDEA ("Try it now")', async () => {
    await addVirtualAuthenticator();
    await signIn('bob');
    await choose('Security key or passkey');
    await page.getByRole('heading', { name: 'Add a security key or passkey' }).waitFor();
    await checkState('passkey-start');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Your security key or passkey is ready' }).waitFor();
    expect(await types('bob')).toEqual(['passkey:enrolled:true']);
    await checkState('passkey-done');
    await page.getByRole('button', { name: 'Try it now' }).click();
    await page.getByRole('status').filter({ hasText: 'It works' }).waitFor();
    await checkState('passkey-tried');
  });

  it('leaves nothing when the user cancels before the ceremony, or the browser’s ceremony fails', async () => {
    await addVirtualAuthenticator();
    await signIn('carol');
    await choose('Security key or passkey');
    await page.getByRole('button', { name: 'Cancel setup' }).click();
    await page.getByRole('button', { name: 'Yes, cancel setup' }).click();
    await page.getByRole('heading', { name: 'Setup cancelled' }).waitFor();
    expect(await product.tokensOf('carol')).toEqual([]);

    await page.getByRole('button', { name: 'Start again' }).click();
    await choose('Security key or passkey');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Your security key or passkey is ready' }).waitFor();

    // The same authenticator again: the browser refuses (InvalidStateError, the key is excluded) and the
    // unfinished token, which counted under passOnNoToken, goes at once.
    await page.getByRole('button', { name: 'Your sign-in methods' }).click();
    await page.getByRole('button', { name: 'Add another method' }).click();
    await choose('Security key or passkey');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'The security key was not added' }).waitFor();
    expect(await page.getByText('already registered').isVisible()).toBe(true);
    await checkState('passkey-abandoned');
    await expect.poll(() => types('carol')).toEqual(['passkey:enrolled:true']);
  });
});

describe('a code by email', () => {
  it('mails the code to the user store’s address, shown masked, and the mailed code enrolls', async () => {
    await signIn('dave');
    await choose('Code by email');
    await page.getByRole('heading', { name: 'Enter the code from your email' }).waitFor();
    expect(await page.getByText(/We sent a code to d•+@example\.org/).isVisible()).toBe(true);
    await checkState('email-code');
    await page.getByRole('textbox', { name: 'Code from the email' }).fill('00000000');
    await page.getByRole('alert').filter({ hasText: 'That code did not work' }).waitFor();
    await checkState('email-wrong-code');
    await page.getByRole('textbox', { name: 'Code from the email' }).fill(await mailedCode('dave'));
    await page.getByRole('heading', { name: 'Codes by email are set up' }).waitFor();
    await checkState('email-done');
    expect(await types('dave')).toEqual(['email:enrolled:true']);
  });

  it('leaves nothing when the user cancels while the mail is on its way, or the mail cannot be sent', async () => {
    await signIn('erin');
    await choose('Code by email');
    await page.getByRole('heading', { name: 'Enter the code from your email' }).waitFor();
    expect(await product.tokensOf('erin')).toHaveLength(1);
    await page.getByRole('button', { name: 'Cancel setup' }).click();
    await page.getByRole('button', { name: 'Yes, cancel setup' }).click();
    await page.getByRole('heading', { name: 'Setup cancelled' }).waitFor();
    expect(await product.tokensOf('erin')).toEqual([]);

    await product.sim('POST', '/smtp', { down: true });
    await page.getByRole('button', { name: 'Start again' }).click();
    await choose('Code by email');
    await page.getByRole('alert').filter({ hasText: 'could not be sent' }).waitFor();
    await checkState('email-send-failed');
    expect(await product.tokensOf('erin')).toEqual([]);
  });
});

describe('recovery codes', () => {
  it('are offered after the first method; the code typed back is used up, every other works once', async () => {
    await signIn('alice');
    await choose('Authenticator app');
    const app = new AuthenticatorApp(product, await readQrCode(page, /QR code for/));
    await page.getByRole('textbox', { name: /digit code/ }).fill(await app.nextCode());
    await page.getByRole('heading', { name: 'Your authenticator app is ready' }).waitFor();

    await page.getByRole('button', { name: 'Create recovery codes' }).click();
    await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
    // Nothing in privacyIDEA yet but the app: the codes exist there only once one is typed back.
    expect(await types('alice')).toEqual(['totp:enrolled:true']);
    const codes = (await page.getByRole('list', { name: 'Your recovery codes' }).getByRole('listitem').allInnerTexts()).map((text) => text.replace(/^Code \d+\s*/, '').replace(/\s/g, ''));
    expect(codes).toHaveLength(10);
    await checkState('recovery-codes');
    // The widget names the code to type back ("Type code 7 from your saved list.").
    const asked = Number(/\d+/.exec(await page.getByText(/^Type code \d+ from your saved list\.$/).innerText())![0]);
    const field = page.getByRole('textbox', { name: `Code ${asked}` });
    await field.fill(codes[(asked % codes.length)]!);
    await page.getByRole('alert').filter({ hasText: `That is not code ${asked}` }).waitFor();
    await checkState('recovery-wrong-code');
    await field.fill(codes[asked - 1]!);
    await page.getByRole('heading', { name: 'Your recovery codes are ready' }).waitFor();
    await checkState('recovery-done');

    expect((await types('alice')).sort()).toEqual(['tan:enrolled:true', 'totp:enrolled:true']);
    expect(await product.validate('alice', codes[asked - 1]!)).toMatchObject({ accepted: false });
    const other = codes[asked % codes.length]!;
    expect(await product.validate('alice', other)).toMatchObject({ accepted: true });
    expect(await product.validate('alice', other)).toMatchObject({ accepted: false });
  });

  it('leave nothing when cancelled before a code is typed back, on a phone too', async () => {
    await context.close();
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });
    page = await context.newPage();
    await signIn('bob');
    await choose('Code by email');
    await page.getByRole('heading', { name: 'Enter the code from your email' }).waitFor();
    await page.getByRole('textbox', { name: 'Code from the email' }).fill(await mailedCode('bob'));
    await page.getByRole('heading', { name: 'Codes by email are set up' }).waitFor();
    await page.getByRole('button', { name: 'Create recovery codes' }).click();
    await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await checkState('recovery-codes-mobile');
    await page.getByRole('button', { name: 'Cancel setup' }).click();
    await page.getByRole('button', { name: 'Yes, cancel setup' }).click();
    await page.getByRole('heading', { name: 'Setup cancelled' }).waitFor();
    expect(await types('bob')).toEqual(['email:enrolled:true']);
  });
});
