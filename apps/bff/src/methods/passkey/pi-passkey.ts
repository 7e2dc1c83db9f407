import type { PiToken } from '../../privacyidea/pi-envelope.js';
import { PrivacyIdeaProtocolError } from '../../privacyidea/pi-errors.js';
import type { PrivacyIdeaClient } from '../../privacyidea/privacyidea-client.js';

/**
 * privacyIDEA 3.11's passkey token over its REST API (recorded-api-more.md §5, W2–W5). Everything the BFF sends is
 * what privacyIDEA's own web UI sends; the relying party's id and name are never sent: `prepolicy.fido2_enroll`
 * takes them from the enrollment policy (`webauthn_relying_party_id`, `webauthn_relying_party_name`) and overwrites
 * whatever a client puts there.
 */

/** privacyIDEA's `passkey_registration` (py_webauthn `options_to_json`), as far as the BFF reads it. */
export interface PiPasskeyRegistration {
  challenge: string;
  rp: { id: string; name: string };
  user: { id: string; name: string; displayName: string };
  pubKeyCredParams: { alg: number; type: 'public-key' }[];
  timeout?: number;
  excludeCredentials?: { id: string; type: 'public-key'; transports?: string[] }[];
  authenticatorSelection?: { residentKey?: string; requireResidentKey?: boolean; userVerification?: string; authenticatorAttachment?: string };
  attestation?: string;
}

export interface PasskeyInitResult {
  serial: string;
  transactionId: string;
  rolloutState: string;
  registration: PiPasskeyRegistration;
}

/** Step 1 (W2): the token exists from here, inactive, in `clientwait`. */
export async function initPasskey(
  pi: PrivacyIdeaClient,
  init: { serial: string; user: { username: string; realm: string | undefined }; description: string },
  requestId?: string,
): Promise<PasskeyInitResult> {
  const form: Record<string, string> = { type: 'passkey', serial: init.serial, user: init.user.username, description: init.description };
  if (init.user.realm !== undefined) form.realm = init.user.realm;
  const envelope = await pi.adminCall({ method: 'POST', path: '/token/init', form, requestId });
  const detail = envelope.detail as { serial?: unknown; transaction_id?: unknown; rollout_state?: unknown; passkey_registration?: unknown } | null | undefined;
  const registration = detail?.passkey_registration;
  if (typeof detail?.serial !== 'string' || typeof detail.transaction_id !== 'string' || !isRegistration(registration)) {
    throw new PrivacyIdeaProtocolError('POST /token/init', 200, 'no serial, transaction_id or passkey_registration in detail');
  }
  return { serial: detail.serial, transactionId: detail.transaction_id, rolloutState: typeof detail.rollout_state === 'string' ? detail.rollout_state : '', registration };
}

/** The browser's RegistrationResponseJSON, binary fields base64url. */
export interface RegistrationCredential {
  id: string;
  rawId: string;
  response: { attestationObject: string; clientDataJSON: string };
  authenticatorAttachment?: string;
}

/**
 * Step 2 (W3): privacyIDEA verifies the attestation against the challenge and the forwarded Origin. Answers 200
 * without `detail`; a registration that does not verify is 400/404 (`EnrollmentError`). Only for a token the
 * caller has just seen waiting: for a serial that is gone privacyIDEA makes a new, active, empty passkey token
 * (`PasskeyTokenClass.update` does nothing for a token not in clientwait). `user`/`realm` are left out for that
 * reason too (the UI sends them; the server code does not read them).
 */
export async function completePasskey(
  pi: PrivacyIdeaClient,
  step: { serial: string; transactionId: string; credential: RegistrationCredential; origin: string },
  requestId?: string,
): Promise<void> {
  const { credential } = step;
  await pi.adminCall({
    method: 'POST',
    path: '/token/init',
    form: {
      type: 'passkey',
      serial: step.serial,
      transaction_id: step.transactionId,
      credential_id: credential.id,
      rawId: credential.rawId,
      attestationObject: credential.response.attestationObject,
      clientDataJSON: credential.response.clientDataJSON,
      // Required by PasskeyTokenClass.update; a browser that does not report it registered a roaming key.
      authenticatorAttachment: credential.authenticatorAttachment ?? 'cross-platform',
    },
    browserOrigin: step.origin,
    requestId,
  });
}

/** The token after step 2 counts only when privacyIDEA says so (quirk 8: step 2's answer has no rollout_state). */
export function isEnrolledPasskey(token: PiToken | undefined): boolean {
  return token !== undefined && token.tokentype === 'passkey' && token.active && token.rollout_state === 'enrolled';
}

export interface PasskeyChallenge {
  transactionId: string;
  challenge: string;
  rpId: string;
  userVerification: string;
}

/** `/validate/initialize {type: passkey}` (W4): a login challenge bound to no user; needs the rp policy at realm "". */
export async function initializePasskeyLogin(pi: PrivacyIdeaClient, origin: string, requestId?: string): Promise<PasskeyChallenge> {
  const envelope = await pi.validateCall({ method: 'POST', path: '/validate/initialize', form: { type: 'passkey' }, browserOrigin: origin, requestId });
  const passkey = (envelope.detail as { passkey?: Record<string, unknown> } | null | undefined)?.passkey;
  const { challenge, rpId, transaction_id: transactionId, user_verification: userVerification } = passkey ?? {};
  if (typeof challenge !== 'string' || typeof rpId !== 'string' || typeof transactionId !== 'string') {
    throw new PrivacyIdeaProtocolError('POST /validate/initialize', 200, 'no detail.passkey');
  }
  return { transactionId, challenge, rpId, userVerification: typeof userVerification === 'string' ? userVerification : 'preferred' };
}

export interface AssertionCredential {
  id: string;
  response: { authenticatorData: string; clientDataJSON: string; signature: string; userHandle?: string };
}

/**
 * `/validate/check` with the assertion (W5): ACCEPT names the token that signed. A signature that does not verify
 * is a REJECT without detail; a transaction that is gone (used, expired) is an error the caller treats as a no.
 */
export async function checkPasskeyLogin(
  pi: PrivacyIdeaClient,
  login: { transactionId: string; credential: AssertionCredential; origin: string },
  requestId?: string,
): Promise<{ accepted: boolean; serial: string | undefined }> {
  const { credential } = login;
  const form: Record<string, string> = {
    transaction_id: login.transactionId,
    credential_id: credential.id,
    authenticatorData: credential.response.authenticatorData,
    clientDataJSON: credential.response.clientDataJSON,
    signature: credential.response.signature,
  };
  if (credential.response.userHandle !== undefined) form.userHandle = credential.response.userHandle;
  const envelope = await pi.validateCall({ method: 'POST', path: '/validate/check', form, browserOrigin: login.origin, requestId });
  const serial = (envelope.detail as { serial?: unknown } | null | undefined)?.serial;
  return { accepted: envelope.result.status && envelope.result.value === true, serial: typeof serial === 'string' ? serial : undefined };
}

function isRegistration(value: unknown): value is PiPasskeyRegistration {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<Record<keyof PiPasskeyRegistration, unknown>>;
  const rp = r.rp as { id?: unknown; name?: unknown } | undefined;
  const user = r.user as { id?: unknown; name?: unknown; displayName?: unknown } | undefined;
  return (
    typeof r.challenge === 'string' &&
    typeof rp?.id === 'string' &&
    typeof rp.name === 'string' &&
    typeof user?.id === 'string' &&
    typeof user.name === 'string' &&
    typeof user.displayName === 'string' &&
    Array.isArray(r.pubKeyCredParams)
  );
}
