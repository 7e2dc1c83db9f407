import { HOTP, Secret } from 'otpauth';
import { pythonFloatRepr } from './python-json.js';
import { checkTan } from './token-types/tan-token.js';
import { isCounterBased, tokenHashlib, tokenTimeShift, tokenTimeStep, tokenTimeWindow, type TokenRecord } from './token-store.js';

/**
 * OTP checks with privacyIDEA's semantics (lib/tokens/totptoken.py, hotptoken.py, lib/decorators HmacOtp). The
 * codes themselves are RFC 4226/6238 values from `otpauth`: a TOTP code is the HOTP code of its time step.
 */

export function otpForCounter(token: TokenRecord, counter: number): string {
  return HOTP.generate({
    secret: Secret.fromHex(token.otpkeyHex),
    algorithm: tokenHashlib(token).toUpperCase(),
    digits: token.otplen,
    counter,
  });
}

/** The time step privacyIDEA would compute now: `int((time + timeShift) / timeStep)`. */
export function currentTimeStep(token: TokenRecord, nowMs: number): number {
  return Math.trunc((nowMs / 1000 + tokenTimeShift(token)) / tokenTimeStep(token));
}

/**
 * `check_otp`: the counter the code belongs to, or -1. On a match the token's `count` is set (TOTP: the step; HOTP:
 * the next counter) and, for TOTP, `timeShift` = step start − now. A match at or before `count` is a replay (-1).
 * Callers decide what a match means (the code is consumed even when the authentication is then rejected).
 */
export function checkOtp(token: TokenRecord, otp: string, nowMs: number): number {
  // A TAN is one of a set, each usable once in any order (tantoken.py check_otp); no counter moves.
  if (token.tokentype === 'tan') return checkTan(token, otp);
  if (isCounterBased(token.tokentype)) {
    const matched = findCounter(token, otp, token.count, token.count + token.countWindow);
    if (matched >= 0) token.count = matched + 1;
    return matched;
  }
  const { start, end } = totpSearchRange(token, nowMs);
  const matched = findCounter(token, otp, start, end);
  if (matched < 0 || (token.count !== 0 && matched <= token.count)) return -1;
  token.count = matched;
  const stepStart = matched * tokenTimeStep(token);
  token.info['timeShift'] = pythonFloatRepr(stepStart - Math.trunc(nowMs / 1000));
  return matched;
}

/** `is_previous_otp`: the code belongs to a counter the token has already used. */
export function isPreviousOtp(token: TokenRecord, otp: string, nowMs: number): boolean {
  // A used TAN is gone: privacyIDEA says only "wrong otp value" (recorded T5).
  if (token.tokentype === 'tan') return false;
  if (isCounterBased(token.tokentype)) {
    const matched = findCounter(token, otp, Math.max(0, token.count - token.countWindow), token.count);
    return matched >= 0;
  }
  const { start, end } = totpSearchRange(token, nowMs);
  const matched = findCounter(token, otp, start, end);
  return matched >= 0 && matched <= token.count;
}

/**
 * HmacOtp.checkOtp(symetric=True): `range(counter - w, counter + w)` with w = timeWindow / timeStep, so 180 s
 * means 6 steps back and 5 ahead (Python's range excludes its end).
 */
function totpSearchRange(token: TokenRecord, nowMs: number): { start: number; end: number } {
  const counter = currentTimeStep(token, nowMs);
  const window = Math.trunc(tokenTimeWindow(token) / tokenTimeStep(token));
  return { start: Math.max(0, counter - window), end: counter + window };
}

function findCounter(token: TokenRecord, otp: string, start: number, end: number): number {
  if (otp.length !== token.otplen) return -1;
  for (let counter = start; counter < end; counter++) {
    if (otpForCounter(token, counter) === otp) return counter;
  }
  return -1;
}
