import { createHash, randomBytes } from 'node:crypto';
import { privacyIdeaErrors } from '../privacyidea-error.js';
import { presentParam, type RequestParams } from '../request-context.js';
import { otpForCounter } from '../token-otp.js';
import type { TokenRecord } from '../token-store.js';

/** privacyIDEA's `tantoken.DEFAULT_COUNT`: TANs made when neither `tans` nor a `tantoken_count` is given. */
export const DEFAULT_TAN_COUNT = 100;
const TAN_INFO_PREFIX = 'tan.tan';

/**
 * The TANs a tan init stores, and what its answer shows in `detail.otps` (lib/tokens/tantoken.py `update`, v3.11.5):
 * - `tans=<code> <code> …` (whitespace-separated): these codes, in this order; `otplen` becomes the first code's
 *   length, and `otps` is `{}` (the paper token makes `papertoken_count=0` codes). Not recorded; from the source.
 * - otherwise `tantoken_count` (a request parameter, which the enrollment policy `tantoken_count` overwrites in
 *   `prepolicy.tantoken_count`) or 100: the HOTP codes of counters 0… of the token's key, all shown (recorded T1).
 */
export function tanCodes(params: RequestParams): { tans: string[] | undefined; count: number } {
  const tans = presentParam(params, 'tans');
  if (tans !== undefined) return { tans: tans.split(/\s+/).filter(Boolean), count: 0 };
  const raw = presentParam(params, 'tantoken_count');
  const count = raw === undefined ? DEFAULT_TAN_COUNT : Number.parseInt(raw, 10);
  if (!Number.isInteger(count) || count < 0 || count > 10_000) throw privacyIdeaErrors.parameter('Parameter tantoken_count must be a whole number.');
  return { tans: undefined, count };
}

/** Stores the TANs as privacyIDEA does: each as tokeninfo `tan.tan<N>` = `<4-byte salt hex>:<salted hash>`. */
export function storeTans(token: TokenRecord, params: RequestParams): Record<string, string> {
  const { tans, count } = tanCodes(params);
  const shown: Record<string, string> = {};
  const codes = tans ?? Array.from({ length: count }, (_, i) => otpForCounter(token, i));
  if (tans === undefined) codes.forEach((code, i) => (shown[String(i)] = code));
  for (const key of Object.keys(token.info)) if (key.startsWith(TAN_INFO_PREFIX)) delete token.info[key];
  codes.forEach((code, i) => {
    const salt = randomBytes(4).toString('hex');
    token.info[`${TAN_INFO_PREFIX}${i}`] = `${salt}:${saltedHash(code, salt)}`;
  });
  return shown;
}

/**
 * `TanTokenClass.check_otp`: a code of the token's length that matches one stored TAN is used up (its tokeninfo
 * entry deleted) and answers 1; anything else -1. Order does not matter and `count` is never touched (recorded T2–T6c).
 */
export function checkTan(token: TokenRecord, otp: string): number {
  if (otp.length !== token.otplen) return -1;
  for (const [key, value] of Object.entries(token.info)) {
    if (!key.startsWith(TAN_INFO_PREFIX)) continue;
    const [salt = '', hash = ''] = value.split(':');
    if (saltedHash(otp, salt) === hash) {
      delete token.info[key];
      return 1;
    }
  }
  return -1;
}

/** `get_as_dict`: tokeninfo without the hashed TANs, plus `tan.count`, the number left (a JSON number, recorded T1a). */
export function tanInfoView(token: TokenRecord): { info: Record<string, string>; count: number } {
  const info: Record<string, string> = {};
  let count = 0;
  for (const [key, value] of Object.entries(token.info)) {
    if (key.startsWith(TAN_INFO_PREFIX)) count += 1;
    else info[key] = value;
  }
  return { info, count };
}

function saltedHash(value: string, salt: string): string {
  return createHash('sha256').update(salt).update(value).digest('hex');
}
