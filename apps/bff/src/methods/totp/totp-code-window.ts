import { timingSafeEqual } from 'node:crypto';
import { TOTP } from 'otpauth';
import type { TotpParameters } from './pi-totp.js';

/**
 * The time steps, relative to now, whose codes privacyIDEA accepts at login: `range(c - w, c + w)` with
 * w = timeWindow / timeStep (privacyIDEA's `TotpTokenClass.check_otp`), so with the default 180 s and 30 s
 * six steps back and five ahead. The BFF confirms exactly these codes: a code privacyIDEA would refuse at
 * login never confirms, and one it would take is never turned away.
 */
export function acceptedSteps(period: number, windowSeconds: number): number[] {
  const w = Math.max(1, Math.floor(windowSeconds / period));
  return Array.from({ length: 2 * w }, (_, i) => i - w);
}

/** The code an app with these parameters shows `offset` time steps from now. */
export function codeAt(secretBase32: string, parameters: TotpParameters, nowMs: number, offset: number): string {
  const totp = new TOTP({ secret: secretBase32, algorithm: parameters.algorithm, digits: parameters.digits, period: parameters.period });
  return totp.generate({ timestamp: nowMs + offset * parameters.period * 1000 });
}

/** The step offset of the first step in `offsets` whose code is `code`, or undefined. Compared in constant time. */
export function matchingStep(secretBase32: string, parameters: TotpParameters, code: string, nowMs: number, offsets: number[]): number | undefined {
  const totp = new TOTP({ secret: secretBase32, algorithm: parameters.algorithm, digits: parameters.digits, period: parameters.period });
  const given = Buffer.from(code);
  let found: number | undefined;
  for (const offset of offsets) {
    const expected = Buffer.from(totp.generate({ timestamp: nowMs + offset * parameters.period * 1000 }));
    if (expected.length === given.length && timingSafeEqual(expected, given) && found === undefined) found = offset;
  }
  return found;
}
