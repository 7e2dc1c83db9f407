import { launchChromium } from '../e2e/support/chromium.js';
import { measureWidgetBundle } from '../apps/web/scripts/measure-widget-bundle.mjs';
import type { BenchStack } from './support/bench-stack.js';

export interface WidgetFigures {
  initialJsGzipKb: number;
  cssGzipKb: number;
  qrVisibleMs: number;
  qrVisibleThrottledMs: number;
}

/** Navigation (with a launch token in the fragment) → sign-in → start → QR code on screen, in Chromium. */
async function timeToQr(stack: BenchStack, username: string, throttled: boolean): Promise<number> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (throttled) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6 * 1024 * 1024) / 8,
        uploadThroughput: (750 * 1024) / 8,
      });
    }
    const url = `${stack.bffUrl}/#launch_token=${await stack.launchToken(username)}`;
    const started = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page.getByRole('button', { name: 'Start setup' }).click();
    await page.getByRole('img', { name: /QR code for/ }).waitFor();
    const elapsed = performance.now() - started;
    await page.getByRole('button', { name: 'Cancel setup' }).click();
    await page.getByRole('button', { name: 'Yes, cancel setup' }).click();
    await page.getByRole('heading', { name: 'Setup cancelled' }).waitFor();
    return elapsed;
  } finally {
    await browser.close();
  }
}

const RUNS = 3;

/** The median of RUNS fresh browsers (each cancels its enrollment, so the user can start again). */
async function medianTimeToQr(stack: BenchStack, username: string, throttled: boolean): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) times.push(await timeToQr(stack, username, throttled));
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? Number.NaN;
}

export async function measureWidget(stack: BenchStack): Promise<WidgetFigures> {
  const bundle = measureWidgetBundle();
  return {
    initialJsGzipKb: bundle.initialJsGzipBytes / 1024,
    cssGzipKb: bundle.cssGzipBytes / 1024,
    qrVisibleMs: await medianTimeToQr(stack, 'dave', false),
    qrVisibleThrottledMs: await medianTimeToQr(stack, 'erin', true),
  };
}
