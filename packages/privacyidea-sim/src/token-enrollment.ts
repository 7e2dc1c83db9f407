import { randomBytes } from 'node:crypto';
import { Secret } from 'otpauth';
import type { PythonJson } from './python-json.js';
import { pythonFloatRepr } from './python-json.js';
import { isoSecondsUtc } from './token-dates.js';
import type { OtpHashlib, TokenOwner, TokenRecord, TokenType } from './token-store.js';
import type { ResolvedUser } from './user-directory.js';

/** The seed length privacyIDEA generates for each hash algorithm (`genkey=1`). */
const GENERATED_KEY_BYTES: Record<OtpHashlib, number> = { sha1: 20, sha256: 32, sha512: 64 };

/** privacyIDEA's verify_enrollment prompt (recorded §4.2). */
export const VERIFY_ENROLLMENT_MESSAGE = 'Please enter a valid OTP value of the new token.';

/**
 * The QR images privacyIDEA renders are not needed by any client of the simulator: every `img` is this valid
 * 1×1 PNG, so the field has the recorded type and prefix.
 */
export const ONE_PIXEL_PNG_DATA_URI =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

export interface TokenKeyMaterial {
  otpkeyHex: string;
  otplen: number;
  hashlib: OtpHashlib;
  /** TOTP only. */
  timeStep: number;
}

export function generateOtpKeyHex(hashlib: OtpHashlib): string {
  return randomBytes(GENERATED_KEY_BYTES[hashlib]).toString('hex');
}

export function ownerOf({ user, realm }: ResolvedUser): TokenOwner {
  return { username: user.username, realm: realm.name, resolver: realm.resolver, userid: user.userid };
}

/** A new token's record; tokeninfo as privacyIDEA writes it on enrollment (recorded §5.2). */
export function newTokenRecord(options: {
  serial: string;
  tokentype: TokenType;
  key: TokenKeyMaterial;
  owner: TokenOwner | undefined;
  description: string;
  rolloutState: string;
  pin: string;
  nowMs: number;
}): Omit<TokenRecord, 'id'> {
  const token: Omit<TokenRecord, 'id'> = {
    serial: options.serial,
    tokentype: options.tokentype,
    active: true,
    rolloutState: options.rolloutState,
    owner: options.owner,
    description: options.description,
    failcount: 0,
    maxfail: 10,
    count: 0,
    countWindow: 10,
    syncWindow: 1000,
    otplen: options.key.otplen,
    otpkeyHex: options.key.otpkeyHex,
    pin: options.pin,
    info: { tokenkind: 'software', creation_date: isoSecondsUtc(options.nowMs) },
  };
  applyKeyMaterial(token, options.key);
  if (options.owner !== undefined) token.info['assignment_date'] = isoSecondsUtc(options.nowMs);
  return token;
}

/**
 * A new seed for an existing token (init on an existing serial without `verify`): like privacyIDEA's set_otpkey,
 * this resets count and failcount; the TOTP time shift and window are kept.
 */
export function rekeyToken(token: TokenRecord, key: TokenKeyMaterial): void {
  token.count = 0;
  token.failcount = 0;
  applyKeyMaterial(token, key);
}

function applyKeyMaterial(token: Omit<TokenRecord, 'id'>, key: TokenKeyMaterial): void {
  token.otpkeyHex = key.otpkeyHex;
  token.otplen = key.otplen;
  token.info['hashlib'] = key.hashlib;
  if (token.tokentype === 'totp') {
    token.info['timeStep'] = String(key.timeStep);
    token.info['timeWindow'] ??= '180';
    token.info['timeShift'] ??= pythonFloatRepr(0);
  }
}

/** `detail.googleurl`, `oathurl`, `otpkey` of an init answer (recorded §3). */
export function enrollmentUrls(token: TokenRecord): { [key: string]: PythonJson } {
  const base32 = Secret.fromHex(token.otpkeyHex).base32.replace(/=+$/, '');
  return {
    googleurl: { description: 'URL for google Authenticator', img: ONE_PIXEL_PNG_DATA_URI, value: googleAuthenticatorUrl(token, base32) },
    oathurl: { description: 'URL for OATH token', img: ONE_PIXEL_PNG_DATA_URI, value: oathTokenUrl(token) },
    otpkey: {
      description: 'OTP seed',
      img: ONE_PIXEL_PNG_DATA_URI,
      value: `seed://${token.otpkeyHex}`,
      value_b32: base32,
    },
  };
}

/**
 * privacyIDEA's create_google_authenticator_url: label = serial, then secret, `counter=1` (HOTP), `algorithm`
 * only when not SHA1 (upper-case since privacyIDEA PR #3822), `period` (TOTP), digits, creator, issuer, serial.
 */
function googleAuthenticatorUrl(token: TokenRecord, base32: string): string {
  const hashlib = token.info['hashlib'] ?? 'sha1';
  const parts = [`secret=${base32}`];
  if (token.tokentype === 'hotp') parts.push('counter=1');
  if (hashlib !== 'sha1') parts.push(`algorithm=${hashlib.toUpperCase()}`);
  if (token.tokentype === 'totp') parts.push(`period=${token.info['timeStep'] ?? '30'}`);
  parts.push(`digits=${token.otplen}`, 'creator=privacyidea', 'issuer=privacyIDEA', `serial=${pythonQuote(token.serial)}`);
  return `otpauth://${token.tokentype}/${pythonQuote(token.serial)}?${parts.join('&')}`;
}

function oathTokenUrl(token: TokenRecord): string {
  const timeBased = token.tokentype === 'totp' ? '&timeBased=true' : '';
  return `oathtoken:///addToken?name=${pythonQuote(token.serial)}&lockdown=true&key=${token.otpkeyHex}${timeBased}`;
}

/** Python's `urllib.parse.quote` (safe `/`): what privacyIDEA uses for the label. */
function pythonQuote(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => {
      const ch = String.fromCharCode(byte);
      return /[A-Za-z0-9_.\-~/]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}
