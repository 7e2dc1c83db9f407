import { mkdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthenticatorApp } from './support/authenticator-app.js';
import { seriousAccessibilityViolations } from './support/axe-scan.js';
import { launchChromium } from './support/chromium.js';
import { startProduct, type Product } from './support/product.js';
import { readQrCode } from './support/read-qr-code.js';

// The home of a user's sign-in methods, in the product as `npm start` runs it. A sign-in counts as a step-up for
// STEP_UP_MAX_AGE_SECONDS; at 2 s a test can wait it out and see the step-up the BFF asks for.
const STEP_UP_SECONDS = 2;
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
const QR_NAME = /QR code for/;

let product: Product;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  product = await startProduct({ env: { STEP_UP_MAX_AGE_SECONDS: String(STEP_UP_SECONDS), ALLOW_REMOVING_LAST_METHOD: 'true' } });
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

async function checkState(name: string): Promise<void> {
  await page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true });
  expect(await seriousAccessibilityViolations(page), `accessibility of "${name}"`).toEqual([]);
}

/** Signs in as a demo user and sets up an authenticator app; answers the app. */
async function enrollApp(username: string): Promise<AuthenticatorApp> {
  await page.goto(product.url);
  await page.getByRole('button', { name: username, exact: true }).click();
  await page.getByRole('button', { name: 'Start setup' }).click();
  const app = new AuthenticatorApp(product, await readQrCode(page, QR_NAME));
  await page.getByRole('textbox', { name: /digit code/ }).fill(await app.nextCode());
  await page.getByRole('heading', { name: 'Your authenticator app is ready' }).waitFor();
  return app;
}

/** The user comes back later (signing in again in a new browser): the widget opens on their list. */
async function comeBack(signInAs?: string): Promise<void> {
  await page.goto(product.url);
  if (signInAs !== undefined) await page.getByRole('button', { name: signInAs, exact: true }).click();
  await page.getByRole('heading', { name: 'Your sign-in methods', level: 1 }).waitFor();
}

const method = (name: string) => page.getByRole('article', { name });

describe('the list of sign-in methods', () => {
  it('opens on the list for a user with a method, renames it, and removes it after a step-up code', async () => {
    const app = await enrollApp('alice');
    await comeBack();
    const [token] = await product.tokensOf('alice');
    await method(token!.description).waitFor();
    expect(await page.getByRole('heading', { name: 'Set up your authenticator app' }).count()).toBe(0);
    await checkState('methods-list');

    await method(token!.description).getByRole('button', { name: 'Rename' }).click();
    const name = page.getByRole('textbox', { name: 'Device name' });
    await name.fill('Work phone');
    await checkState('methods-rename');
    await name.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Renamed to “Work phone”.' }).waitFor();
    expect((await product.tokensOf('alice')).map((t) => t.description)).toEqual(['Work phone']);

    // The sign-in is older than STEP_UP_MAX_AGE_SECONDS now: removing needs a code from the app.
    await sleep(STEP_UP_SECONDS * 1000 + 500);
    await method('Work phone').getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('note').filter({ hasText: 'This is your last sign-in method' }).waitFor();
    await checkState('methods-confirm-remove-last');
    await page.getByRole('button', { name: 'Yes, remove it' }).click();
    await page.getByRole('heading', { name: 'Confirm it is you' }).waitFor();
    await checkState('methods-step-up');
    expect(await product.tokensOf('alice')).toHaveLength(1);
    await page.getByRole('textbox', { name: 'Code' }).fill('000000');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('That code did not work. Enter the newest code.').waitFor();
    expect(await product.tokensOf('alice')).toHaveLength(1);
    await page.getByRole('textbox', { name: 'Code' }).fill(await app.nextCode());
    await page.getByRole('button', { name: 'Confirm' }).click();

    // The last method gone, the user is back where a new user starts.
    await page.getByRole('heading', { name: 'Set up your authenticator app' }).waitFor();
    expect(await product.tokensOf('alice')).toEqual([]);
  });

  it('replaces a lost phone: the old app proves it is the user, the new one is set up, the old one goes only then', async () => {
    const oldPhone = await enrollApp('bob');
    const [old] = await product.tokensOf('bob');
    await comeBack();
    await sleep(STEP_UP_SECONDS * 1000 + 500);
    await method(old!.description).getByRole('button', { name: 'Replace (lost phone)' }).click();
    await checkState('methods-confirm-replace');
    await page.getByRole('button', { name: 'Set up the new phone' }).click();
    await page.getByRole('textbox', { name: 'Code' }).fill(await oldPhone.nextCode());
    await page.getByRole('button', { name: 'Confirm' }).click();

    const newPhone = new AuthenticatorApp(product, await readQrCode(page, QR_NAME));
    // Until the new app is confirmed, the old one is untouched and still signs in.
    expect((await product.tokensOf('bob')).map((t) => t.serial)).toEqual([old!.serial]);
    expect(await product.validate('bob', await oldPhone.nextCode())).toMatchObject({ accepted: true });
    await page.getByRole('textbox', { name: /digit code/ }).fill(await newPhone.nextCode());
    await page.getByRole('heading', { name: 'Your authenticator app is ready' }).waitFor();
    await page.getByRole('note').filter({ hasText: `“${old!.description}” was removed from your account.` }).waitFor();
    await checkState('methods-replaced');

    const tokens = await product.tokensOf('bob');
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.serial).not.toBe(old!.serial);
    expect(await product.validate('bob', await oldPhone.nextCode())).toMatchObject({ accepted: false });
    expect(await product.validate('bob', await newPhone.nextCode())).toMatchObject({ accepted: true });
  });

  it('can be used with the keyboard alone, and fits a phone', async () => {
    await enrollApp('carol');
    await context.close();
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });
    page = await context.newPage();
    await comeBack('carol');
    const [token] = await product.tokensOf('carol');
    const rename = method(token!.description).getByRole('button', { name: 'Rename' });
    for (let presses = 0; presses < 20 && !(await rename.evaluate((element) => element === document.activeElement)); presses += 1) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    const name = page.getByRole('textbox', { name: 'Device name' });
    await name.waitFor();
    expect(await name.evaluate((element) => element === document.activeElement || element.closest('.pie-screen')?.contains(document.activeElement))).toBe(true);
    await name.fill('Phone');
    await page.keyboard.press('Enter');
    await method('Phone').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await checkState('methods-list-mobile');
  });
});
