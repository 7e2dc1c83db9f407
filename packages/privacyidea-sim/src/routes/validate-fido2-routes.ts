import { CHALLENGE_VALIDITY_MS } from '../challenges.js';
import { successEnvelope } from '../envelope.js';
import { Fido2VerificationError, PASSKEY_AUTH_MESSAGE, hashCredentialId, verifyPasskeyAssertion } from '../fido2.js';
import { PrivacyIdeaError, privacyIdeaErrors } from '../privacyidea-error.js';
import { ok, presentParam, type PrivacyIdeaResponse, type RequestContext, type RouteHandler } from '../request-context.js';
import type { TokenRecord } from '../token-store.js';
import { passkeyCredentialId } from './passkey-init.js';

/**
 * `POST /validate/initialize {type: "passkey"}` (recorded W4; api/validate.py `initialize`): a challenge bound to no
 * user or token. The rp id comes from a relying-party policy that matches **without a user**
 * (`get_first_policy_value(..., user=None)`), so a policy bound to a realm is not found here.
 */
export const validateInitializeRoute: RouteHandler = ({ params, state, nowMs }) => {
  const type = presentParam(params, 'type');
  if (type === undefined) throw privacyIdeaErrors.parameter('Missing parameter: type');
  if (type.toLowerCase() !== 'passkey') throw privacyIdeaErrors.parameter(`Unsupported token type '${type}' for authentication initialization!`);
  const policy = state.fido2Policy(undefined);
  if (policy === undefined) throw new PrivacyIdeaError(403, 303, 'Missing policy for webauthn_relying_party_id, unable to create challenge!');
  const userVerification = policy.userVerification ?? 'preferred';
  const challenge = state.fido2Challenges.add({
    serial: '',
    data: `user_verification=${userVerification}`,
    validUntilMs: nowMs + CHALLENGE_VALIDITY_MS,
  });
  const passkey = {
    challenge: challenge.challenge,
    message: PASSKEY_AUTH_MESSAGE,
    rpId: policy.rpId,
    transaction_id: challenge.transactionId,
    user_verification: userVerification,
  };
  return ok(
    successEnvelope(false, nowMs, { id: 2, authentication: 'CHALLENGE', detail: { passkey, transaction_id: challenge.transactionId } }),
  );
};

/**
 * `/validate/check` with `credential_id` (recorded W5, W5b; api/validate.py `check`, lib/fido2/challenge.py
 * `verify_fido2_challenge`, `PasskeyTokenClass.check_otp`): the token is found by the credential id's hash, the
 * user is its owner. A signature that does not verify is REJECT without `detail` (check_otp answers -1 and nothing
 * is counted); success updates `sign_count` and deletes the transaction's challenges.
 */
export async function passkeyCheck({ params, headers, state, nowMs }: RequestContext, credentialId: string): Promise<PrivacyIdeaResponse> {
  const transactionId = presentParam(params, 'transaction_id');
  if (transactionId === undefined) throw privacyIdeaErrors.parameter('Missing parameter: transaction_id');
  const serial = presentParam(params, 'serial');
  let token: TokenRecord | undefined;
  if (serial !== undefined) {
    token = state.tokens.find(serial);
    if (token === undefined) throw privacyIdeaErrors.tokenNotFound();
  } else {
    const hash = hashCredentialId(credentialId);
    token = state.tokens.all().find((t) => t.info['credential_id_hash'] === hash);
  }
  if (token === undefined) {
    return answer(false, nowMs, { message: 'No token found for the given credential ID or transaction ID!' });
  }
  const owner = token.owner;
  if (owner === undefined) return answer(false, nowMs, { message: 'No user found for the token with the given credential ID!' });

  const challenges = state.fido2Challenges.withTransactionId(transactionId);
  if (challenges.length === 0) {
    throw new PrivacyIdeaError(404, 601, `Challenge with transaction_id ${transactionId} not found.`);
  }
  const challenge = challenges.find((c) => c.serial === '' || c.serial.toUpperCase() === token.serial.toUpperCase());
  if (challenge === undefined) throw authError(`The challenge ${transactionId} is not meant for the token ${token.serial}.`);
  if (challenge.validUntilMs <= nowMs) throw authError(`The challenge ${transactionId} has timed out.`);
  const [key, userVerification] = challenge.data.split('=');
  if (key !== 'user_verification' || userVerification === undefined) throw authError(`Invalid user_verification data in challenge ${transactionId}.`);

  const authenticatorData = requiredOneOf(params, ['authenticatorData', 'authenticatordata']);
  const clientDataJSON = requiredOneOf(params, ['clientDataJSON', 'clientdata']);
  const signature = requiredOneOf(params, ['signature', 'signaturedata']);
  const userHandle = presentParam(params, 'userHandle') ?? presentParam(params, 'userhandle');
  const origin = typeof headers.origin === 'string' && headers.origin !== '' ? headers.origin : undefined;
  if (origin === undefined) throw privacyIdeaErrors.parameter('Missing parameter: HTTP_ORIGIN');

  let newSignCount: number;
  try {
    newSignCount = await verifyPasskeyAssertion({
      credentialId: passkeyCredentialId(token),
      publicKey: token.info['public_key'] ?? '',
      signCount: Number.parseInt(token.info['sign_count'] ?? '0', 10),
      authenticatorData,
      clientDataJSON,
      signature,
      userHandle,
      challenge: challenge.challenge,
      origin,
      rpId: token.info['relying_party_id'] ?? '',
      userVerification,
    });
  } catch (error) {
    if (error instanceof Fido2VerificationError) return answer(false, nowMs, {});
    throw error;
  }
  token.info['sign_count'] = String(newSignCount);
  for (const used of state.fido2Challenges.withTransactionId(transactionId)) state.fido2Challenges.delete(used);
  return answer(true, nowMs, { message: 'Found matching challenge', serial: token.serial, username: owner.username });
}

/** `get_required_one_of`. */
function requiredOneOf(params: Record<string, string>, keys: [string, string]): string {
  for (const key of keys) {
    const value = presentParam(params, key);
    if (value !== undefined) return value;
  }
  throw privacyIdeaErrors.parameter(`Missing one of the following parameters: ['${keys[0]}', '${keys[1]}']`);
}

/** AuthError (id 403) at /validate: HTTP 401, message without a prefix (`before_after.auth_error`). */
function authError(message: string): PrivacyIdeaError {
  return new PrivacyIdeaError(401, 403, message);
}

/** `prepare_result` with rid 2: empty details mean no `detail` key (the W3 style), `authentication` from the value. */
function answer(accepted: boolean, nowMs: number, detail: Record<string, string>): PrivacyIdeaResponse {
  return ok(
    successEnvelope(accepted, nowMs, {
      id: 2,
      authentication: accepted ? 'ACCEPT' : 'REJECT',
      ...(Object.keys(detail).length === 0 ? {} : { detail }),
    }),
  );
}
