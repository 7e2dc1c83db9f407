import { randomBytes } from 'node:crypto';
import { privacyIdeaErrors } from './privacyidea-error.js';

/** The token types the simulator knows: `email` and `tan` are HOTP tokens underneath, as in privacyIDEA; `passkey` is FIDO2. */
export type TokenType = 'totp' | 'hotp' | 'email' | 'tan' | 'passkey';
export const TOKEN_TYPES: readonly TokenType[] = ['totp', 'hotp', 'email', 'tan'];

/** privacyIDEA's HOTP-based classes (HotpTokenClass and its subclasses) count codes; TOTP counts time steps. */
export function isCounterBased(tokentype: TokenType): boolean {
  return tokentype !== 'totp';
}
export type OtpHashlib = 'sha1' | 'sha256' | 'sha512';

export const OTP_HASHLIBS: readonly OtpHashlib[] = ['sha1', 'sha256', 'sha512'];

export interface TokenOwner {
  username: string;
  realm: string;
  resolver: string;
  userid: string;
}

/**
 * A token as the simulator stores it. As in privacyIDEA, the TOTP parameters (hashlib, timeStep, timeWindow,
 * timeShift) live in the free-form tokeninfo, so overwriting `timeStep` through /token/info changes the code the
 * token accepts (recorded i12: internal keys can be overwritten).
 */
export interface TokenRecord {
  id: number;
  serial: string;
  tokentype: TokenType;
  active: boolean;
  rolloutState: string;
  owner: TokenOwner | undefined;
  description: string;
  failcount: number;
  maxfail: number;
  /** TOTP: the last accepted time step. HOTP: the next counter to accept. */
  count: number;
  countWindow: number;
  syncWindow: number;
  otplen: number;
  otpkeyHex: string;
  /** The token PIN; empty by default, so `pass` is the OTP alone. */
  pin: string;
  info: Record<string, string>;
}

/** A snapshot of one token for tests and the control API (`tokens()`, `GET /_sim/tokens`). */
export interface SimToken {
  id: number;
  serial: string;
  tokentype: TokenType;
  active: boolean;
  rollout_state: string;
  username?: string;
  realm?: string;
  user_id?: string;
  description: string;
  failcount: number;
  maxfail: number;
  count: number;
  info: Record<string, string>;
  otpkeyHex: string;
  otplen: number;
  hashlib: OtpHashlib;
  timeStep: number;
  timeWindow: number;
  timeShift: number;
}

export function tokenHashlib(token: TokenRecord): OtpHashlib {
  const value = (token.info['hashlib'] ?? 'sha1').toLowerCase();
  return (OTP_HASHLIBS as readonly string[]).includes(value) ? (value as OtpHashlib) : 'sha1';
}

/** privacyIDEA reads these with `int(...)`/`float(...)`; a value that does not parse is a server error there too. */
export function tokenTimeStep(token: TokenRecord): number {
  return integerInfo(token, 'timeStep', 30);
}

export function tokenTimeWindow(token: TokenRecord): number {
  return integerInfo(token, 'timeWindow', 180);
}

export function tokenTimeShift(token: TokenRecord): number {
  const raw = token.info['timeShift'];
  if (raw === undefined || raw === '') return 0;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw privacyIdeaErrors.internalServerError();
  return value;
}

function integerInfo(token: TokenRecord, key: string, fallback: number): number {
  const raw = token.info[key];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\s*[+-]?\d+\s*$/.test(raw)) throw privacyIdeaErrors.internalServerError();
  const value = Number.parseInt(raw, 10);
  // int("0") would make privacyIDEA divide by zero: a 500 as well.
  if (value === 0) throw privacyIdeaErrors.internalServerError();
  return value;
}

export function snapshotToken(token: TokenRecord): SimToken {
  const snapshot: SimToken = {
    id: token.id,
    serial: token.serial,
    tokentype: token.tokentype,
    active: token.active,
    rollout_state: token.rolloutState,
    description: token.description,
    failcount: token.failcount,
    maxfail: token.maxfail,
    count: token.count,
    info: { ...token.info },
    otpkeyHex: token.otpkeyHex,
    otplen: token.otplen,
    hashlib: tokenHashlib(token),
    timeStep: safe(() => tokenTimeStep(token), 30),
    timeWindow: safe(() => tokenTimeWindow(token), 180),
    timeShift: safe(() => tokenTimeShift(token), 0),
  };
  if (token.owner !== undefined) {
    snapshot.username = token.owner.username;
    snapshot.realm = token.owner.realm;
    snapshot.user_id = token.owner.userid;
  }
  return snapshot;
}

function safe(read: () => number, fallback: number): number {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** `get_class_prefix` of each token class (recorded M4, T1, W2). */
const SERIAL_PREFIXES: Record<TokenType, string> = { totp: 'TOTP', hotp: 'OATH', email: 'PIEM', tan: 'PITN', passkey: 'PIPK' };

/** All tokens, in memory. Serial lookups ignore case, as privacyIDEA's token query does. */
export class TokenStore {
  readonly #tokens = new Map<string, TokenRecord>();
  #nextId = 1;

  find(serial: string): TokenRecord | undefined {
    return this.#tokens.get(serial.toUpperCase());
  }

  all(): TokenRecord[] {
    return [...this.#tokens.values()];
  }

  ofUser(username: string, realm: string): TokenRecord[] {
    return this.all().filter((t) => t.owner?.username === username && t.owner.realm === realm);
  }

  add(token: Omit<TokenRecord, 'id'>): TokenRecord {
    const record: TokenRecord = { id: this.#nextId++, ...token };
    this.#tokens.set(record.serial.toUpperCase(), record);
    return record;
  }

  remove(serial: string): boolean {
    return this.#tokens.delete(serial.toUpperCase());
  }

  clear(): void {
    this.#tokens.clear();
  }

  /** privacyIDEA's gen_serial: the class prefix (`TOTP`, `OATH` for HOTP, `PIEM`, `PITN`, `PIPK`) and 8 upper-case hex digits. */
  newSerial(tokentype: TokenType): string {
    const prefix = SERIAL_PREFIXES[tokentype];
    for (;;) {
      const serial = `${prefix}${randomBytes(4).toString('hex').toUpperCase()}`;
      if (this.find(serial) === undefined) return serial;
    }
  }
}
