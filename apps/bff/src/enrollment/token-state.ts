import type { PiToken } from '../privacyidea/pi-envelope.js';
import { enrollmentCreatedAt, isEnrollmentSerial } from './enrollment-serial.js';

/** Tokeninfo keys pi-enroll writes. privacyIDEA stores any key; these survive restarts and are seen by every replica. */
export const infoKeys = {
  /** Wrong codes so far for a pending enrollment. */
  failures: 'pi_enroll_failures',
  /** Set when a legacy (disabled-until-confirmed) token was confirmed. */
  confirmed: 'pi_enroll_confirmed',
} as const;

/** A pi-enroll token is confirmed once privacyIDEA enrolled it (native) or the BFF marked it (legacy). */
export function isConfirmed(token: PiToken): boolean {
  return token.rollout_state === 'enrolled' || token.info[infoKeys.confirmed] !== undefined;
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
