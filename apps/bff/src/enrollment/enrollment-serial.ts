import { randomBytes } from 'node:crypto';

/**
 * Tokens created by pi-enroll get serials of our own: `PIEN` + creation time (8 hex digits of epoch seconds)
 * + 8 random hex digits. The prefix marks them in privacyIDEA, where every replica and every restart can
 * find them (`GET /token/?serial=PIEN*`), and the embedded time lets the sweeper judge expiry without
 * any state of its own. Operators can tell pi-enroll's tokens apart at a glance.
 */
export const ENROLLMENT_SERIAL_PREFIX = 'PIEN';
export const OUR_SERIALS = `${ENROLLMENT_SERIAL_PREFIX}*`;

const SERIAL_PATTERN = /^PIEN([0-9A-F]{8})[0-9A-F]{8}$/;

export function newEnrollmentSerial(nowMs: number): string {
  const seconds = Math.floor(nowMs / 1000).toString(16).toUpperCase().padStart(8, '0');
  return `${ENROLLMENT_SERIAL_PREFIX}${seconds}${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** Creation time in epoch ms, or undefined for a serial pi-enroll did not make. */
export function enrollmentCreatedAt(serial: string): number | undefined {
  const match = SERIAL_PATTERN.exec(serial);
  return match?.[1] === undefined ? undefined : Number.parseInt(match[1], 16) * 1000;
}

export function isEnrollmentSerial(serial: string): boolean {
  return SERIAL_PATTERN.test(serial);
}
