import type { OtpAlgorithm } from '@pi-enroll/shared';
import { decodeBase32 } from './base32.js';

export interface TotpParameters {
  algorithm: OtpAlgorithm;
  digits: number;
  period: number;
}

const hashNames: Record<OtpAlgorithm, string> = { SHA1: 'SHA-1', SHA256: 'SHA-256', SHA512: 'SHA-512' };

/**
 * RFC 6238 TOTP on Web Crypto, so the fake can check the code a real authenticator app shows (QA scanning the
 * QR with a phone) in the browser and in Node alike, without shipping an OTP library.
 */
export async function totp(secretBase32: string, parameters: TotpParameters, atMs: number): Promise<string> {
  const counter = Math.floor(atMs / 1000 / parameters.period);
  const message = new ArrayBuffer(8);
  // The counter is a 64-bit big-endian integer; two 32-bit halves keep it exact beyond 2^32.
  new DataView(message).setUint32(0, Math.floor(counter / 2 ** 32));
  new DataView(message).setUint32(4, counter % 2 ** 32);
  const key = await crypto.subtle.importKey(
    'raw',
    decodeBase32(secretBase32),
    { name: 'HMAC', hash: hashNames[parameters.algorithm] },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, message));
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary =
    ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 10 ** parameters.digits).padStart(parameters.digits, '0');
}

/** True when `code` is the TOTP of the current time step or of one step either side (clock drift). */
export async function isCurrentTotp(
  code: string,
  secretBase32: string,
  parameters: TotpParameters,
  nowMs: number,
): Promise<boolean> {
  for (const drift of [-1, 0, 1]) {
    if ((await totp(secretBase32, parameters, nowMs + drift * parameters.period * 1000)) === code) return true;
  }
  return false;
}
