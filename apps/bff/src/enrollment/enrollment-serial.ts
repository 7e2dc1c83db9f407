import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * Tokens created by pi-enroll get serials of our own, which are also their mark:
 *
 *   PIEN  kind  deadline  enrollment id  attempt  MAC
 *   PIEN  C     6758A1F0  9F3C…(16 hex)  03       1A2B3C4D
 *
 * - kind: `C` a token created from the key the user's app already holds (it exists unconfirmed for the
 *   milliseconds between /token/init and its confirmation), `S` a token whose key privacyIDEA generated (it waits
 *   for the code while the user scans), `F` a FIDO2 token (passkey) that privacyIDEA keeps in clientwait until
 *   the browser's registration comes back (its enrollment lasts at most privacyIDEA's challenge validity),
 *   `P` a probe that is deleted at once.
 * - deadline: epoch seconds (8 hex digits) after which an unconfirmed token of this enrollment is abandoned.
 * - attempt: which try of the enrollment made it (2 hex digits). A try privacyIDEA carries out late, after the
 *   BFF gave up on it, then makes a token of its own instead of re-making the one a later try confirmed.
 * - MAC: the first 4 bytes of an HMAC over the rest, keyed from SESSION_SECRET. A serial that merely starts with
 *   `PIEN` (an admin's token, a copy) is not ours, and the sweeper never touches it.
 *
 * The mark lives in the serial rather than in a tokeninfo key: it exists from the token's first moment (a
 * tokeninfo write after /token/init leaves an unmarked window a crash can strand), and it costs no extra
 * privacyIDEA call. Every replica with the same SESSION_SECRET recognises it, after any restart.
 */
export const ENROLLMENT_SERIAL_PREFIX = 'PIEN';
export const OUR_SERIALS = `${ENROLLMENT_SERIAL_PREFIX}*`;

export type SerialKind = 'C' | 'S' | 'F' | 'P';

export interface SerialMark {
  kind: SerialKind;
  deadlineMs: number;
  enrollmentId: string;
  /** 0–255; later tries wrap around. */
  attempt: number;
}

const SERIAL_PATTERN = /^PIEN([CSFP])([0-9A-F]{8})([0-9A-F]{16})([0-9A-F]{2})([0-9A-F]{8})$/;
const ENROLLMENT_ID_PATTERN = /^[0-9A-F]{16}$/;

export class EnrollmentSerials {
  private readonly key: Buffer;

  constructor(sessionSecret: string) {
    this.key = Buffer.from(hkdfSync('sha256', sessionSecret, 'pi-enroll', 'enrollment serial mark', 32));
  }

  serialFor(mark: SerialMark): string {
    if (!ENROLLMENT_ID_PATTERN.test(mark.enrollmentId)) throw new Error('enrollment ids are 16 upper-case hex digits');
    const seconds = Math.ceil(mark.deadlineMs / 1000).toString(16).toUpperCase().padStart(8, '0');
    const attempt = (mark.attempt & 0xff).toString(16).toUpperCase().padStart(2, '0');
    const body = `${ENROLLMENT_SERIAL_PREFIX}${mark.kind}${seconds}${mark.enrollmentId}${attempt}`;
    return body + this.mac(body);
  }

  /** The mark of a serial pi-enroll made with this secret; undefined for every other serial. */
  parse(serial: string): SerialMark | undefined {
    const match = SERIAL_PATTERN.exec(serial.toUpperCase());
    if (match === null) return undefined;
    const [, kind, seconds, enrollmentId, attempt, mac] = match as unknown as [string, SerialKind, string, string, string, string];
    const expected = Buffer.from(this.mac(serial.toUpperCase().slice(0, -8)));
    if (!timingSafeEqual(expected, Buffer.from(mac))) return undefined;
    return { kind, deadlineMs: Number.parseInt(seconds, 16) * 1000, enrollmentId, attempt: Number.parseInt(attempt, 16) };
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('hex').slice(0, 8).toUpperCase();
  }
}
