import { createCipheriv, createDecipheriv, hkdfSync, randomFillSync } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { SessionData } from './session-data.js';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** IVs are cut from a pool of random bytes refilled every 256 seals: one call into OpenSSL's RNG instead of 256. */
const IV_POOL_BYTES = IV_BYTES * 256;
/** Bound into every seal: a value sealed for another purpose with the same key cannot pass as a session. */
const ASSOCIATED_DATA = Buffer.from('pi-enroll session cookie v1');

/**
 * Encrypts the session (AES-256-GCM, a fresh random 96-bit IV per seal, key derived from SESSION_SECRET with
 * HKDF) so the cookie can carry the pending secret: the browser holds it but can neither read nor alter it, and
 * any replica with the same SESSION_SECRET can open it. Node's own cipher rather than WebCrypto: the cookie
 * is sealed and opened on almost every request, and WebCrypto's per-call overhead was a third of the BFF's CPU.
 */
export class SessionSealer {
  private readonly key: Buffer;
  private readonly ivPool = Buffer.alloc(IV_POOL_BYTES);
  private ivPoolOffset = IV_POOL_BYTES;

  constructor(
    secret: string,
    private readonly clock: Clock,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'pi-enroll', `session-cookie ${VERSION}`, 32));
  }

  seal(session: SessionData, expiresAtMs: number): string {
    const iv = this.nextIv();
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(ASSOCIATED_DATA);
    const body = Buffer.concat([cipher.update(JSON.stringify({ exp: expiresAtMs, s: session }), 'utf8'), cipher.final()]);
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

  /** Undefined for anything that is not a session we sealed, or one that has expired. */
  open(value: string): SessionData | undefined {
    if (!value.startsWith(`${VERSION}.`)) return undefined;
    const raw = Buffer.from(value.slice(VERSION.length + 1), 'base64url');
    if (raw.length <= IV_BYTES + TAG_BYTES) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
      decipher.setAAD(ASSOCIATED_DATA);
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      const plain = Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
      const { exp, s } = JSON.parse(plain.toString('utf8')) as { exp: number; s: SessionData };
      return typeof exp === 'number' && this.clock.now() < exp ? s : undefined;
    } catch {
      return undefined;
    }
  }
}
