import type { PiToken } from '../privacyidea/pi-envelope.js';
import { enrollmentCreatedAt, isEnrollmentSerial } from './enrollment-serial.js';

/** Tokeninfo keys pi-enroll writes. privacyIDEA stores any key; these survive restarts and are seen by every replica. */
export const infoKeys = {
  /** Wrong codes so far for a pending enrollment. */
  failures: 'pi_enroll_failures',
  /** Legacy (disabled-until-confirmed) tokens: "enabling" while being enabled, then the confirmation date. */
  confirmed: 'pi_enroll_confirmed',
} as const;

/** The value of `pi_enroll_confirmed` between a right code and the token being enabled. */
export const CONFIRMING = 'enabling';

/**
 * A pi-enroll token is confirmed once privacyIDEA enrolled it (native), or the BFF dated its confirmation, or it
 * was enabled after being marked "enabling" (legacy). A disabled "enabling" token is an interrupted
 * confirmation: still pending, so it is swept rather than left to lock its owner out.
 */
export function isConfirmed(token: PiToken): boolean {
  if (token.rollout_state === 'enrolled') return true;
  const mark = token.info[infoKeys.confirmed];
  return mark !== undefined && (mark !== CONFIRMING || token.active);
}

export function isUnconfirmedEnrollment(token: PiToken): boolean {
  return isEnrollmentSerial(token.serial) && !isConfirmed(token);
}

export function failuresOf(token: PiToken): number {
  const value = Number.parseInt(token.info[infoKeys.failures] ?? '0', 10);
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/** Whether an unconfirmed pi-enroll token should be deleted now: expired or out of tries. */
export function isAbandoned(token: PiToken, now: number, ttlMs: number, maxAttempts: number): boolean {
  if (!isUnconfirmedEnrollment(token)) return false;
  const createdAt = enrollmentCreatedAt(token.serial);
  if (createdAt === undefined) return false;
  return now >= createdAt + ttlMs || failuresOf(token) >= maxAttempts;
}

/** Counts as "has MFA" for the already-enrolled rule: an active token that is not one of our unconfirmed ones. */
export function isUsableToken(token: PiToken): boolean {
  return token.active && token.rollout_state !== 'verify' && !isUnconfirmedEnrollment(token);
}
