import { createHmac, timingSafeEqual } from 'node:crypto';
import { privacyIdeaErrors } from './privacyidea-error.js';
import { pythonJsonDumps } from './python-json.js';
import { PythonBase64Error, pyjwtBase64UrlDecode, pythonUtf8DecodeError } from './python-codecs.js';

export type Role = 'admin' | 'user';

/** The claims privacyIDEA puts into its JWT, in its order (recorded §1.2). No iat/sub/iss. */
export interface PrivacyIdeaClaims {
  username: string;
  realm: string;
  nonce: string;
  role: Role;
  authtype: 'password';
  exp: number;
  rights: string[];
}

export const JWT_LIFETIME_SECONDS = 3600;

export function signJwt(claims: PrivacyIdeaClaims, secret: string): string {
  // PyJWT: header with sorted keys, compact JSON; payload in insertion order.
  const header = base64Url(Buffer.from(pythonJsonDumps({ alg: 'HS256', typ: 'JWT' }, { compact: true })));
  const payload = base64Url(Buffer.from(pythonJsonDumps({ ...claims }, { compact: true })));
  const signature = base64Url(hmacSha256(secret, `${header}.${payload}`));
  return `${header}.${payload}.${signature}`;
}

/**
 * privacyIDEA's `check_auth_token` on top of PyJWT's `jwt.decode(token, secret, algorithms=['HS256'])`, failing
 * with the same errors: decode problems 4304 (with PyJWT's reason), an expired token 4305.
 */
export function decodeJwt(token: string, secret: string, nowMs: number): PrivacyIdeaClaims {
  const raw = Buffer.from(token, 'utf8');
  const lastDot = raw.lastIndexOf(0x2e);
  const firstDot = raw.indexOf(0x2e);
  if (lastDot < 0 || firstDot === lastDot) throw privacyIdeaErrors.authorizationDecoding('Not enough segments');
  const signingInput = raw.subarray(0, lastDot);
  const headerBytes = decodeSegment(raw.subarray(0, firstDot), 'Invalid header padding');
  const header = parseJsonSegment(headerBytes, 'header');
  const payloadBytes = decodeSegment(raw.subarray(firstDot + 1, lastDot), 'Invalid payload padding');
  const signature = decodeSegment(raw.subarray(lastDot + 1), 'Invalid crypto padding');

  if (header['alg'] !== 'HS256') {
    // PyJWT raises InvalidAlgorithmError, which is no DecodeError: privacyIDEA does not catch it (HTTP 500).
    throw privacyIdeaErrors.internalServerError();
  }
  const expected = hmacSha256(secret, signingInput);
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) {
    throw privacyIdeaErrors.authorizationDecoding('Signature verification failed');
  }
  const payload = parseJsonSegment(payloadBytes, 'payload');
  if ('exp' in payload) {
    const exp = payload['exp'];
    if (typeof exp !== 'number' || !Number.isInteger(exp)) {
      throw privacyIdeaErrors.authorizationDecoding('Expiration Time claim (exp) must be an integer.');
    }
    // PyJWT: expired when exp <= now (whole seconds, no leeway).
    if (exp <= Math.floor(nowMs / 1000)) throw privacyIdeaErrors.authorizationExpired();
  }
  return payload as unknown as PrivacyIdeaClaims;
}

function decodeSegment(segment: Uint8Array, paddingError: string): Buffer {
  try {
    return Buffer.from(pyjwtBase64UrlDecode(segment));
  } catch (error) {
    if (error instanceof PythonBase64Error) throw privacyIdeaErrors.authorizationDecoding(paddingError);
    throw error;
  }
}

function parseJsonSegment(bytes: Buffer, what: 'header' | 'payload'): Record<string, unknown> {
  const utf8Error = pythonUtf8DecodeError(bytes);
  if (utf8Error !== undefined) throw privacyIdeaErrors.authorizationDecoding(`Invalid ${what} string: ${utf8Error}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    // Python's json names the failing position; the simulator reports the most common case's text.
    throw privacyIdeaErrors.authorizationDecoding(`Invalid ${what} string: Expecting value: line 1 column 1 (char 0)`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw privacyIdeaErrors.authorizationDecoding(`Invalid ${what} string: must be a json object`);
  }
  return parsed as Record<string, unknown>;
}

function hmacSha256(secret: string, data: string | Uint8Array): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}

function base64Url(bytes: Buffer): string {
  return bytes.toString('base64url');
}
