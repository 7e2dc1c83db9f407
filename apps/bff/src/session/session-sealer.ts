import { hkdfSync } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';
import type { Clock } from '../clock.js';
import type { SessionData } from './session-data.js';

/**
 * Encrypts the session (JWE, direct AES-256-GCM) so the cookie can carry the pending secret: the browser
 * holds it but cannot read or alter it, and any replica with the same SESSION_SECRET can open it.
 */
export class SessionSealer {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly clock: Clock,
  ) {
    this.key = new Uint8Array(hkdfSync('sha256', secret, 'pi-enroll', 'session-cookie v1', 32));
  }

  async seal(session: SessionData, expiresAtMs: number): Promise<string> {
    return new EncryptJWT({ s: session })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setIssuedAt(Math.floor(this.clock.now() / 1000))
      .setExpirationTime(Math.floor(expiresAtMs / 1000))
      .encrypt(this.key);
  }

  /** Undefined for anything that is not a session we sealed, or one that has expired. */
  async open(value: string): Promise<SessionData | undefined> {
    try {
      const { payload } = await jwtDecrypt(value, this.key, {
        currentDate: new Date(this.clock.now()),
        keyManagementAlgorithms: ['dir'],
        contentEncryptionAlgorithms: ['A256GCM'],
      });
      return payload.s as SessionData;
    } catch {
      return undefined;
    }
  }
}
