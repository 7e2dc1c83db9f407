import { createCipheriv, createDecipheriv, hkdfSync, randomFillSync } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { SessionData } from './session-data.js';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** IVs are cut from a pool of random bytes refilled every 256 seals: one call into OpenSSL's RNG instead of 256. */
const IV_POOL_BYTES = IV_BYTES * 256;
/** What a sealer seals for: its own key (HKDF info) and associated data, so no value passes as another's. */
export interface SealPurpose {
  keyInfo: string;
  associatedData: string;
}

export const SESSION_COOKIE: SealPurpose = { keyInfo: `session-cookie ${VERSION}`, associatedData: 'pi-enroll session cookie v1' };
/** The header credential of an embedded widget: its own key, so a cookie value is no header credential and back. */
export const SESSION_HEADER: SealPurpose = { keyInfo: `session-header ${VERSION}`, associatedData: 'pi-enroll session header v1' };

/**
 * Encrypts a value (AES-256-GCM, a fresh random 96-bit IV per seal, key derived from SESSION_SECRET with HKDF):
 * the session, so the cookie can carry the pending secret (the browser holds it but can neither read nor alter
 * it, and any replica with the same SESSION_SECRET can open it). Node's own cipher rather than WebCrypto: the
 * cookie is sealed and opened on almost every request, and WebCrypto's per-call overhead was a third of the
 * BFF's CPU.
 */
export class Sealer<T> {
  private readonly key: Buffer;
  private readonly associatedData: Buffer;
  private readonly ivPool = Buffer.alloc(IV_POOL_BYTES);
  private ivPoolOffset = IV_POOL_BYTES;

  constructor(
    secret: string,
    private readonly clock: Clock,
    purpose: SealPurpose,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'pi-enroll', purpose.keyInfo, 32));
    this.associatedData = Buffer.from(purpose.associatedData);
  }

  seal(value: T, expiresAtMs: number): string {
    const iv = this.nextIv();
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(this.associatedData);
    const body = Buffer.concat([cipher.update(JSON.stringify({ exp: expiresAtMs, s: value }), 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
  }

  /** 12 fresh random bytes, never handed out twice. */
  private nextIv(): Buffer {
    if (this.ivPoolOffset === IV_POOL_BYTES) {
      randomFillSync(this.ivPool);
      this.ivPoolOffset = 0;
    }
    const iv = Buffer.from(this.ivPool.subarray(this.ivPoolOffset, this.ivPoolOffset + IV_BYTES));
    this.ivPoolOffset += IV_BYTES;
    return iv;
  }

  /** Undefined for anything that is not a value we sealed for this purpose, or one that has expired. */
  open(value: string): T | undefined {
    if (!value.startsWith(`${VERSION}.`)) return undefined;
    const raw = Buffer.from(value.slice(VERSION.length + 1), 'base64url');
    if (raw.length <= IV_BYTES + TAG_BYTES) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
      decipher.setAAD(this.associatedData);
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      const plain = Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
      const { exp, s } = JSON.parse(plain.toString('utf8')) as { exp: number; s: T };
      return typeof exp === 'number' && this.clock.now() < exp ? s : undefined;
    } catch {
      return undefined;
    }
  }
}

/** The session's sealer: for the cookie, or (SESSION_HEADER) for the header credential. */
export class SessionSealer extends Sealer<SessionData> {
  constructor(secret: string, clock: Clock, purpose: SealPurpose = SESSION_COOKIE) {
    super(secret, clock, purpose);
  }
}
