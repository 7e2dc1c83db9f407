import type { PasskeyCredential } from '@pi-enroll/shared';

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * A RegistrationResponseJSON as the browser's `credential.toJSON()` gives it: base64url fields, `id` equal to
 * `rawId`, type `public-key`. The route's schema checked lengths and types already; this checks what a schema
 * cannot say, and names the first field that is wrong.
 */
export function readRegistrationCredential(value: PasskeyCredential | undefined): { ok: true; credential: PasskeyCredential } | { ok: false; message: string } {
  if (value === undefined) return { ok: false, message: 'Send the credential the browser created (a RegistrationResponseJSON).' };
  const fields: [string, string][] = [
    ['credential.id', value.id],
    ['credential.rawId', value.rawId],
    ['credential.response.clientDataJSON', value.response.clientDataJSON],
    ['credential.response.attestationObject', value.response.attestationObject],
  ];
  for (const [name, field] of fields) {
    if (!BASE64URL.test(field)) return { ok: false, message: `${name} must be base64url without padding.` };
  }
  if (value.id !== value.rawId) return { ok: false, message: 'credential.id and credential.rawId must be the same.' };
  if (value.authenticatorAttachment !== undefined && value.authenticatorAttachment !== 'platform' && value.authenticatorAttachment !== 'cross-platform') {
    return { ok: false, message: 'credential.authenticatorAttachment must be "platform" or "cross-platform".' };
  }
  return { ok: true, credential: value };
}

/**
 * Whether a browser on `origin` may use `rpId` (WebAuthn §5.1.3): the rp id is the page's host or one of its parent
 * domains, and the page is https (or http on localhost, a secure context too).
 */
export function isRpIdFor(rpId: string, origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase();
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && (host === 'localhost' || host.endsWith('.localhost')));
  return secure && (host === rpId || host.endsWith(`.${rpId}`));
}
