// The widget's screens for security keys, email codes and recovery codes in Chromium, against the built BFF and
// the simulator: a CDP virtual authenticator registers and then signs in, the email code comes from the
// simulator's outbox, and the recovery code typed back is used up while another works once.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from './support/axe-scan.js';
import { launchChromium } from './support/chromium.js';
import { startProduct, type Product } from './support/product.js';

const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));

let product: Product;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  // WebAuthn needs a domain, not an IP address: the page is http://localhost (a secure context), the simulator's
  // relying-party policy names localhost.
  // ALLOW_ADDITIONAL_TOKENS: a user with a key may try to add the same key again.
  product = await startProduct({ env: { ENROLL_METHODS: 'totp,passkey,email,recovery', ALLOW_ADDITIONAL_TOKENS: 'true' }, hostName: 'localhost' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await product?.stop();
});
beforeEach(async () => {
  await product.sim('DELETE', '/tokens');
  await product.sim('DELETE', '/outbox');
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

async function signInAndChoose(username: string, method: RegExp): Promise<void> {
  await page.goto(product.url);
  await page.getByRole('button', { name: username, exact: true }).click();
  await page.getByRole('heading', { name: 'Set up a sign-in method' }).waitFor();
  await page.getByRole('radio', { name: method }).check();
  await page.getByRole('button', { name: 'Start setup' }).click();
}

describe('the widget’s other sign-in methods in Chromium', () => {
  it('registers a security key with a virtual authenticator, "Try it now" signs in with it, and the same key again is refused and leaves no clientwait token', async () => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable', { enableUI: false });
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'usb', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    await page.goto(product.url);
    await page.getByRole('button', { name: 'carol', exact: true }).click();
    await page.getByRole('heading', { name: 'Set up a sign-in method' }).waitFor();
    await checkState('methods-choose');
    await page.getByRole('radio', { name: /Security key or passkey/ }).check();
    await page.getByRole('button', { name: 'Start setup' }).click();
    await page.getByRole('heading', { name: 'Add a security key or passkey' }).waitFor();
    await checkState('passkey-explain');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Your security key or passkey is ready' }).waitFor({ timeout: 20_000 });
    await checkState('passkey-done');
    const [token] = (await product.tokensOf('carol')).filter((candidate) => candidate.tokentype === 'passkey');
    expect(token).toMatchObject({ active: true });
    expect(token!.rollout_state).not.toBe('clientwait');

    await page.getByRole('button', { name: 'Try it now' }).click();
    await page.getByText('It works: the sign-in server accepted your new security key or passkey.').waitFor({ timeout: 20_000 });
    await checkState('passkey-tried');

    // The same key again: the browser refuses (InvalidStateError, the key is in excludeCredentials), the widget
    // removes the token privacyIDEA holds in clientwait at once and says why.
    await page.getByRole('button', { name: 'Your sign-in methods' }).click();
    await page.getByRole('button', { name: 'Add another method' }).click();
    await page.getByRole('radio', { name: /Security key or passkey/ }).check();
    await page.getByRole('button', { name: 'Start setup' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'The security key was not added' }).waitFor({ timeout: 20_000 });
    await page.getByText(/already registered for your account/).waitFor();
    await checkState('passkey-already-registered');
    const passkeys = (await product.tokensOf('carol')).filter((candidate) => candidate.tokentype === 'passkey');
    expect(passkeys.map((candidate) => candidate.rollout_state)).not.toContain('clientwait');
    expect(passkeys).toHaveLength(1);
  });

  it('confirms codes by email with the code from the simulator’s outbox', async () => {
    await signInAndChoose('dave', /Code by email/);
    await page.getByRole('heading', { name: 'Enter the code from your email' }).waitFor();
    await page.getByText(/We sent a code to d•••@example\.org/).waitFor();
    await checkState('email-code');
    const { mails } = await product.sim<{ mails: { otp: string }[] }>('GET', '/outbox?user=dave');
    expect(mails).toHaveLength(1);
    // A whole code at once (paste, autofill) submits itself.
    await page.getByRole('textbox', { name: 'Code from the email' }).fill(mails[0]!.otp);
    await page.getByRole('heading', { name: 'Codes by email are set up' }).waitFor();
    expect((await product.tokensOf('dave')).map((token) => [token.tokentype, token.active])).toEqual([['email', true]]);
  });

  it('recovery codes after the first method: the one typed back is used up, another works exactly once', async () => {
    await signInAndChoose('erin', /Code by email/);
    await page.getByRole('heading', { name: 'Enter the code from your email' }).waitFor();
    const { mails } = await product.sim<{ mails: { otp: string }[] }>('GET', '/outbox?user=erin');
    await page.getByRole('textbox', { name: 'Code from the email' }).fill(mails[0]!.otp);
    await page.getByRole('button', { name: 'Create recovery codes' }).click();
    await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
    await checkState('recovery-codes');

    const codes = await page.getByRole('list', { name: 'Your recovery codes' }).locator('code').allTextContents();
    expect(codes).toHaveLength(10);
    const number = Number((await page.getByText(/^Type code \d+ from your saved list\.$/).textContent())!.match(/\d+/)![0]);
    await page.getByRole('textbox', { name: `Code ${number}` }).fill(codes[number - 1]!);
    await page.getByRole('heading', { name: 'Your recovery codes are ready' }).waitFor();

    expect((await product.validate('erin', codes[number - 1]!)).accepted).toBe(false);
    const other = codes[number % codes.length]!;
    expect((await product.validate('erin', other)).accepted).toBe(true);
    expect((await product.validate('erin', other)).accepted).toBe(false);
  });
});
