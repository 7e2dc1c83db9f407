import { CHALLENGE_VALIDITY_MS } from '../challenges.js';
import { successEnvelope } from '../envelope.js';
import {
  Fido2VerificationError,
  hashCredentialId,
  newFido2UserId,
  passkeyRegistrationOptions,
  verifyPasskeyRegistration,
} from '../fido2.js';
import { PrivacyIdeaError, privacyIdeaErrors } from '../privacyidea-error.js';
import { ok, presentParam, type PrivacyIdeaResponse, type RequestContext } from '../request-context.js';
import type { Fido2Policy } from '../simulator-config.js';
import type { SimulatorState } from '../simulator-state.js';
import { isoSecondsUtc } from '../token-dates.js';
import type { TokenOwner, TokenRecord } from '../token-store.js';

/**
 * `POST /token/init type=passkey` (recorded W0–W3): privacyIDEA 3.11's two-step passkey registration.
 * - `prepolicy.fido2_enroll` first: no relying-party policy for the user → 403/303 (W0). It also puts the policy's rp
 *   id and name and the request's `Origin` into the parameters: a client cannot choose them.
 * - `init_token`: `serial` as sent or `PIPK` + 8 hex (`serial = param.get("serial") or gen_serial(...)`), so a
 *   client may choose the serial. A failure inside `update` deletes a token that this request created.
 * - `PasskeyTokenClass.update`: without attestation on a token that is not in clientwait → clientwait, inactive
 *   (step 1); with `attestationObject` + `clientDataJSON` on a clientwait token → verify and enroll (step 2).
 *   Anything else changes nothing, e.g. step 2 for a serial that does not exist makes a new, active, keyless token
 *   with rollout_state "" (and owned by `user` when sent) — the same trap as TOTP's B2.
 * - `get_init_detail` (only while clientwait): a new challenge (validity 120 s), the user's `fido2_user_id` (made once,
 *   64 bytes), excludeCredentials = the user's enrolled passkeys, and no user → 400/9051 and the token is removed.
 */
export async function passkeyInit(
  { params, headers, state, nowMs }: RequestContext,
  owner: TokenOwner | undefined,
): Promise<PrivacyIdeaResponse> {
  const policy = state.fido2Policy(owner?.realm);
  if (policy === undefined) {
    throw new PrivacyIdeaError(403, 303, 'Missing enrollment policy for WebauthnToken: webauthn_relying_party_id');
  }
  const origin = typeof headers.origin === 'string' ? headers.origin : undefined;

  const serialParam = presentParam(params, 'serial');
  const existing = serialParam === undefined ? undefined : state.tokens.find(serialParam);
  if (existing !== undefined && existing.tokentype !== 'passkey') {
    throw privacyIdeaErrors.tokenInitFailed(
      `Token ${serialParam} already exists with type ${existing.tokentype}. Can not initialize token with new type passkey`,
    );
  }
  const token = existing ?? state.tokens.add(newPasskeyRecord(serialParam ?? state.tokens.newSerial('passkey'), owner, nowMs));
  if (existing !== undefined && owner !== undefined) token.owner = owner;

  try {
    await updatePasskey(token, params, policy, origin, state, nowMs);
  } catch (error) {
    if (existing === undefined) removeToken(state, token);
    throw error;
  }
  if (token.rolloutState === '') token.rolloutState = state.finishedRolloutState();
  // init_token writes creation_date after every init (W3a: it moved from 09:24:57 to 09:24:58 with step 2).
  token.info['creation_date'] = isoSecondsUtc(nowMs);
  if (token.rolloutState !== 'clientwait') return ok(successEnvelope(true, nowMs));

  const tokenOwner = token.owner;
  if (tokenOwner === undefined) {
    removeToken(state, token);
    throw new PrivacyIdeaError(400, 9051, 'ERR9051: User must be provided for passkey enrollment!');
  }
  const userKey = `${tokenOwner.realm}/${tokenOwner.username}`;
  let userId = state.fido2UserIds.get(userKey);
  if (userId === undefined) {
    userId = newFido2UserId();
    state.fido2UserIds.set(userKey, userId);
  }
  const challenge = state.fido2Challenges.add({ serial: token.serial, data: '', validUntilMs: nowMs + CHALLENGE_VALIDITY_MS });
  const nonce = challenge.challenge;
  token.info['relying_party_id'] = policy.rpId;
  token.info['relying_party_name'] = policy.rpName;
  token.info['fido2_user_id'] = userId;
  const registration = passkeyRegistrationOptions({
    rpId: policy.rpId,
    rpName: policy.rpName,
    login: tokenOwner.username,
    userId,
    challenge: nonce,
    userVerification: policy.userVerification ?? 'preferred',
    // get_credential_ids_for_user: the user's passkeys that are not in clientwait.
    excludeCredentialIds: state.tokens
      .ofUser(tokenOwner.username, tokenOwner.realm)
      .filter((t) => t.tokentype === 'passkey' && t.rolloutState !== 'clientwait' && t.info['credential_id_hash'] !== undefined)
      .map(passkeyCredentialId),
  });
  return ok(
    successEnvelope(true, nowMs, {
      detail: { passkey_registration: registration, rollout_state: token.rolloutState, serial: token.serial, transaction_id: challenge.transactionId },
    }),
  );
}

async function updatePasskey(
  token: TokenRecord,
  params: Record<string, string>,
  policy: Fido2Policy,
  origin: string | undefined,
  state: SimulatorState,
  nowMs: number,
): Promise<void> {
  const attestationObject = presentParam(params, 'attestationObject');
  const clientDataJSON = presentParam(params, 'clientDataJSON');
  const hasResponse = attestationObject !== undefined && clientDataJSON !== undefined;
  if (!hasResponse && token.rolloutState !== 'clientwait') {
    token.rolloutState = 'clientwait';
    token.active = false;
    if (params['description'] !== undefined) token.description = params['description'];
    return;
  }
  if (!hasResponse || token.rolloutState !== 'clientwait') return;

  // get_required in update's order; the rp id is always there (the prepolicy put it in).
  const required = (name: string, value: string | undefined): string => {
    if (value === undefined) throw privacyIdeaErrors.parameter(`Missing parameter: ${name}`);
    return value;
  };
  const credentialId = required('credential_id', presentParam(params, 'credential_id'));
  const rawId = required('rawId', presentParam(params, 'rawId'));
  const authenticatorAttachment = required('authenticatorAttachment', presentParam(params, 'authenticatorAttachment'));
  const transactionId = required('transaction_id', presentParam(params, 'transaction_id'));
  const expectedOrigin = required('HTTP_ORIGIN', origin === '' ? undefined : origin);

  const challenge = state.fido2Challenges
    .withTransactionId(transactionId)
    .find((c) => c.serial.toUpperCase() === token.serial.toUpperCase() && c.validUntilMs > nowMs);
  if (challenge === undefined) {
    throw enrollmentError(`The enrollment challenge does not exist or has timed out for ${token.serial}`);
  }
  let verified;
  try {
    verified = await verifyPasskeyRegistration({
      credentialId,
      rawId,
      attestationObject,
      clientDataJSON,
      authenticatorAttachment,
      challenge: challenge.challenge,
      origin: expectedOrigin,
      rpId: policy.rpId,
    });
  } catch (error) {
    if (error instanceof Fido2VerificationError) throw enrollmentError(`Invalid registration response: ${error.message}`);
    throw error;
  }
  if (state.tokens.find(token.serial) !== token) return; // deleted while the signature was being checked
  token.rolloutState = 'enrolled';
  // set_otpkey(bytes_to_base64url(credential_id)): the credential id is the token's secret.
  token.otpkeyHex = Buffer.from(verified.credentialId, 'utf8').toString('hex');
  token.info['device_type'] = verified.deviceType;
  token.info['backed_up'] = verified.backedUp ? 'True' : 'False';
  token.info['public_key'] = verified.publicKey;
  token.info['aaguid'] = verified.aaguid;
  token.info['sign_count'] = String(verified.signCount);
  token.info['credential_id_hash'] = hashCredentialId(credentialId);
  token.active = true;
  state.fido2Challenges.delete(challenge);
}

/** `EnrollmentError` (id 404) goes through the generic privacyIDEAError handler: HTTP 400, `ERR404: …`. */
function enrollmentError(message: string): PrivacyIdeaError {
  return new PrivacyIdeaError(400, 404, `ERR404: ${message}`);
}

/** The credential id a passkey token holds as its otpkey (base64url). */
export function passkeyCredentialId(token: TokenRecord): string {
  return Buffer.from(token.otpkeyHex, 'hex').toString('utf8');
}

function removeToken(state: SimulatorState, token: TokenRecord): void {
  state.tokens.remove(token.serial);
  state.fido2Challenges.deleteForSerial(token.serial);
}

/** A new passkey token: TokenClass defaults (W2a: maxfail 10, otplen 6, windows 10/1000), no tokenkind or hashlib. */
function newPasskeyRecord(serial: string, owner: TokenOwner | undefined, nowMs: number): Omit<TokenRecord, 'id'> {
  const info: Record<string, string> = { creation_date: isoSecondsUtc(nowMs) };
  if (owner !== undefined) info['assignment_date'] = isoSecondsUtc(nowMs);
  return {
    serial,
    tokentype: 'passkey',
    active: true,
    rolloutState: '',
    owner,
    description: '',
    failcount: 0,
    maxfail: 10,
    count: 0,
    countWindow: 10,
    syncWindow: 1000,
    otplen: 6,
    otpkeyHex: '',
    pin: '',
    info,
  };
}
