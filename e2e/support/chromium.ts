import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, headless, with the flags that keep it off the (closed) network. `blockThirdPartyCookies`:
 * as Safari and Firefox do by default (Chromium's own test switch for its third-party cookie phase-out).
 */
export function launchChromium({ blockThirdPartyCookies = false }: { blockThirdPartyCookies?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(blockThirdPartyCookies ? ['--test-third-party-cookie-phaseout'] : []),
    ],
  });
}
