import { randomInt, timingSafeEqual } from 'node:crypto';

/**
 * Digits per recovery code: 10^8 codes, of which a set holds ~10, so a guess succeeds with p ≈ 10⁻⁷ while
 * privacyIDEA's failcounter (maxfail, 10 by default) locks the token after a few. Digits only, because privacyIDEA
 * login forms and their plugins often accept digits only.
 */
export const RECOVERY_CODE_DIGITS = 8;

/** A set of distinct codes from the CSPRNG, and which one (0-based) the user types back. */
export function newRecoveryCodes(count: number): { codes: string[]; confirmIndex: number } {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(String(randomInt(0, 10 ** RECOVERY_CODE_DIGITS)).padStart(RECOVERY_CODE_DIGITS, '0'));
  return { codes: [...codes], confirmIndex: randomInt(0, count) };
}

/** What users type: the code, perhaps with spaces or dashes from a printout. */
export function normalizeRecoveryCode(input: string): string {
  return input.replace(/[\s-]+/g, '');
}

export function isWellFormedRecoveryCode(code: string): boolean {
  return new RegExp(`^[0-9]{${RECOVERY_CODE_DIGITS}}$`).test(code);
}

export function sameCode(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
