import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticatorApp } from './support/authenticator-app.js';
import { seriousAccessibilityViolations } from './support/axe-scan.js';
import { launchChromium } from './support/chromium.js';
import { startProduct, type Product } from './support/product.js';
import { readQrCode } from './support/read-qr-code.js';

// A lost phone, end to end, with password sign-in: the user saved recovery codes when they set up their app; on
// a new phone they sign in with one of them, which also counts as the step-up a replacement needs.
let product: Product;
let browser: Browser;

beforeAll(async () => {
  product = await startProduct({ env: { PASSWORD_LOGIN: 'true', DEMO_MODE: 'false', ENROLL_METHODS: 'totp,recovery' } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

async function signIn(page: Page, username: string, code?: string): Promise<void> {
  await page.goto(product.url);
  await page.getByRole('textbox', { name: 'Username' }).fill(username);
  await page.getByLabel('Password').fill(`${username}-demo`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (code === undefined) return;
  await page.getByRole('textbox', { name: 'Code from your current authenticator' }).fill(code);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('a lost phone', () => {
  it('is replaced after signing in with a recovery code; the old app stops working only once the new one does', async () => {
    const types = async () => (await product.tokensOf('erin')).map((token) => token.tokentype).sort();
    let codes: string[];
    let oldSerial: string;
    let oldPhone: AuthenticatorApp;
    let session: BrowserContext = await browser.newContext();
    try {
      const page = await session.newPage();
      await signIn(page, 'erin');
      await page.getByRole('button', { name: 'Start setup' }).click();
      oldPhone = new AuthenticatorApp(product, await readQrCode(page, /QR code for/));
      await page.getByRole('textbox', { name: /digit code/ }).fill(await oldPhone.nextCode());
      await page.getByRole('button', { name: 'Create recovery codes' }).click();
      const list = page.getByRole('list', { name: 'Your recovery codes' });
      await list.waitFor();
      codes = (await list.getByRole('listitem').allInnerTexts()).map((text) => text.replace(/^Code \d+\s*/, '').replace(/\s/g, ''));
      const asked = Number(/\d+/.exec(await page.getByText(/^Type code \d+ from your saved list\.$/).innerText())![0]);
      await page.getByRole('textbox', { name: `Code ${asked}` }).fill(codes[asked - 1]!);
      await page.getByRole('heading', { name: 'Your recovery codes are ready' }).waitFor();
      codes.splice(asked - 1, 1);
      expect(await types()).toEqual(['tan', 'totp']);
      oldSerial = (await product.tokensOf('erin')).find((token) => token.tokentype === 'totp')!.serial;
    } finally {
      await session.close();
    }

    // The phone is gone. A new browser; the second factor at sign-in is a recovery code.
    session = await browser.newContext();
    try {
      const page = await session.newPage();
      await signIn(page, 'erin', codes[0]);
      await page.getByRole('heading', { name: 'Your sign-in methods', level: 1 }).waitFor();
      const app = page.getByRole('article').filter({ has: page.getByRole('button', { name: 'Replace (lost phone)' }) });
      await app.getByRole('button', { name: 'Replace (lost phone)' }).click();
      await page.getByRole('button', { name: 'Set up the new phone' }).click();
      // The sign-in just now was the step-up: no code asked again, the setup of the new phone starts.
      const newPhone = new AuthenticatorApp(product, await readQrCode(page, /QR code for/));
      expect((await product.tokensOf('erin')).map((token) => token.serial)).toContain(oldSerial);
      await page.getByRole('textbox', { name: /digit code/ }).fill(await newPhone.nextCode());
      await page.getByRole('heading', { name: 'Your authenticator app is ready' }).waitFor();
      await page.getByRole('note').filter({ hasText: 'was removed from your account' }).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      const tokens = await product.tokensOf('erin');
      expect(tokens.map((token) => token.tokentype).sort()).toEqual(['tan', 'totp']);
      expect(tokens.map((token) => token.serial)).not.toContain(oldSerial);
      // The recovery code used to sign in is spent; the others still work, once each.
      expect(await product.validate('erin', codes[0]!)).toMatchObject({ accepted: false });
      expect(await product.validate('erin', codes[1]!)).toMatchObject({ accepted: true });
      expect(await product.validate('erin', await newPhone.nextCode())).toMatchObject({ accepted: true });
      expect(await product.validate('erin', await oldPhone.nextCode())).toMatchObject({ accepted: false });
    } finally {
      await session.close();
    }
  });
});
