import { createHash, randomBytes } from 'node:crypto';
import { verifyAuthenticationResponse, verifyRegistrationResponse } from '@simplewebauthn/server';
import type { PythonJson } from './python-json.js';

/**
 * The passkey ceremonies as privacyIDEA 3.11.5 runs them (lib/tokens/passkeytoken.py, lib/fido2/…), verified for
 * real with @simplewebauthn/server instead of py_webauthn. The checks privacyIDEA's messages depend on (id vs rawId,
 * clientData type, challenge, origin) are made here first with py_webauthn's texts; the rest of the verification
 * (rp id hash, flags, algorithm, attestation statement, signature) is simplewebauthn's, with its texts.
 */

/** COSE ids privacyIDEA offers by default (`DEFAULT_PUBLIC_KEY_CREDENTIAL_ALGORITHM_PREFERENCE`, recorded W2). */
export const DEFAULT_ALGORITHMS = [-7, -37, -257] as const;

/** `timeout` of passkey registration options: hard-coded 12000 in `PasskeyTokenClass.get_init_detail` (W2). */
export const PASSKEY_REGISTRATION_TIMEOUT_MS = 12_000;

export const PASSKEY_AUTH_MESSAGE = 'Please authenticate with your passkey!';

/** A FIDO2 verification that failed; privacyIDEA wraps it (`EnrollmentError`, or -1 at login). */
export class Fido2VerificationError extends Error {}

/** py_webauthn's `base64url_to_bytes` goes through Python's lenient decoder: standard base64 with padding works too (W3). */
export function lenientBase64(value: string): Buffer {
  return Buffer.from(value, 'base64');
}

export function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

/** `fido2.challenge.get_fido2_nonce`: base64url of 32 random bytes. */
export function fido2Nonce(): string {
  return base64url(randomBytes(32));
}

/** py_webauthn `generate_user_handle`: 64 random bytes. */
export function newFido2UserId(): string {
  return base64url(randomBytes(64));
}

/** `hash_credential_id`: SHA-256 hex of the credential id's bytes. */
export function hashCredentialId(credentialId: string): string {
  return createHash('sha256').update(lenientBase64(credentialId)).digest('hex');
}

/**
 * The clients privacyIDEA's UI talks to put the **string's bytes** of the challenge into the ceremony and privacyIDEA
 * compares with `challenge.encode("utf-8")` (W3/W5): clientDataJSON.challenge is base64url of those bytes.
 */
export function expectedClientChallenge(challenge: string): string {
  return base64url(Buffer.from(challenge, 'utf8'));
}

/** `options_to_json(generate_registration_options(...))`, keys sorted as Flask's jsonify writes them (W2). */
export function passkeyRegistrationOptions(options: {
  rpId: string;
  rpName: string;
  login: string;
  userId: string;
  challenge: string;
  userVerification: string;
  excludeCredentialIds: string[];
}): { [key: string]: PythonJson } {
  return {
    attestation: 'none',
    authenticatorSelection: { requireResidentKey: true, residentKey: 'required', userVerification: options.userVerification },
    challenge: options.challenge,
    excludeCredentials: options.excludeCredentialIds.map((id) => ({ id, type: 'public-key' })),
    pubKeyCredParams: DEFAULT_ALGORITHMS.map((alg) => ({ alg, type: 'public-key' })),
    rp: { id: options.rpId, name: options.rpName },
    timeout: PASSKEY_REGISTRATION_TIMEOUT_MS,
    user: { displayName: options.login, id: options.userId, name: options.login },
  };
}

export interface RegistrationInput {
  credentialId: string;
  rawId: string;
  attestationObject: string;
  clientDataJSON: string;
  authenticatorAttachment: string;
  /** The stored nonce string (not decoded). */
  challenge: string;
  origin: string;
  rpId: string;
}

export interface VerifiedPasskey {
  credentialId: string;
  publicKey: string;
  signCount: number;
  aaguid: string;
  deviceType: 'single_device' | 'multi_device';
  backedUp: boolean;
}

/** `verify_registration_response(credential, expected_challenge=challenge.encode(), expected_origin, expected_rp_id)`. */
export async function verifyPasskeyRegistration(input: RegistrationInput): Promise<VerifiedPasskey> {
  const rawId = base64url(lenientBase64(input.rawId));
  if (input.credentialId !== rawId) throw new Fido2VerificationError('id and raw_id were not equivalent');
  const clientDataJSON = base64url(lenientBase64(input.clientDataJSON));
  checkClientData(clientDataJSON, 'webauthn.create', input.challenge, input.origin);
  let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verification = await verifyRegistrationResponse({
      response: {
        id: input.credentialId,
        rawId,
        response: { attestationObject: base64url(lenientBase64(input.attestationObject)), clientDataJSON },
        type: 'public-key',
        clientExtensionResults: {},
        ...(isAttachment(input.authenticatorAttachment) ? { authenticatorAttachment: input.authenticatorAttachment } : {}),
      },
      expectedChallenge: expectedClientChallenge(input.challenge),
      expectedOrigin: input.origin,
      expectedRPID: input.rpId,
      // py_webauthn's default: require_user_verification=False (privacyIDEA does not pass it at registration).
      requireUserVerification: false,
      supportedAlgorithmIDs: [...DEFAULT_ALGORITHMS],
    });
  } catch (error) {
    throw new Fido2VerificationError(error instanceof Error ? error.message : String(error));
  }
  if (!verification.verified) throw new Fido2VerificationError('the registration could not be verified');
  const { credential, aaguid, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
  return {
    credentialId: credential.id,
    publicKey: base64url(credential.publicKey),
    signCount: credential.counter,
    aaguid,
    deviceType: credentialDeviceType === 'multiDevice' ? 'multi_device' : 'single_device',
    backedUp: credentialBackedUp,
  };
}

export interface AssertionInput {
  /** The token's credential id (its otpkey), not the one the client names: `PasskeyTokenClass.check_otp`. */
  credentialId: string;
  publicKey: string;
  signCount: number;
  authenticatorData: string;
  clientDataJSON: string;
  signature: string;
  userHandle: string | undefined;
  challenge: string;
  origin: string;
  rpId: string;
  userVerification: string;
}

/** `verify_authentication_response(...)`; answers the new sign count. */
export async function verifyPasskeyAssertion(input: AssertionInput): Promise<number> {
  const clientDataJSON = base64url(lenientBase64(input.clientDataJSON));
  checkClientData(clientDataJSON, 'webauthn.get', input.challenge, input.origin);
  try {
    const verification = await verifyAuthenticationResponse({
      response: {
        id: input.credentialId,
        rawId: input.credentialId,
        response: {
          authenticatorData: base64url(lenientBase64(input.authenticatorData)),
          clientDataJSON,
          signature: base64url(lenientBase64(input.signature)),
          ...(input.userHandle === undefined ? {} : { userHandle: base64url(lenientBase64(input.userHandle)) }),
        },
        type: 'public-key',
        clientExtensionResults: {},
      },
      expectedChallenge: expectedClientChallenge(input.challenge),
      expectedOrigin: input.origin,
      expectedRPID: input.rpId,
      credential: { id: input.credentialId, publicKey: new Uint8Array(lenientBase64(input.publicKey)), counter: input.signCount },
      requireUserVerification: input.userVerification === 'required',
    });
    if (!verification.verified) throw new Fido2VerificationError('the signature does not verify');
    return verification.authenticationInfo.newCounter;
  } catch (error) {
    if (error instanceof Fido2VerificationError) throw error;
    throw new Fido2VerificationError(error instanceof Error ? error.message : String(error));
  }
}

/** py_webauthn's own client-data checks, in its order and with its messages. */
function checkClientData(clientDataJSON: string, type: string, challenge: string, origin: string): void {
  let clientData: { type?: unknown; challenge?: unknown; origin?: unknown };
  try {
    clientData = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as typeof clientData;
  } catch {
    throw new Fido2VerificationError('Unable to parse client data JSON');
  }
  if (typeof clientData !== 'object' || clientData === null) throw new Fido2VerificationError('Unable to parse client data JSON');
  if (clientData.type !== type) throw new Fido2VerificationError(`Unexpected client data type "${String(clientData.type)}", expected "${type}"`);
  if (clientData.challenge !== expectedClientChallenge(challenge)) throw new Fido2VerificationError('Client data challenge was not expected challenge');
  if (clientData.origin !== origin) {
    throw new Fido2VerificationError(`Unexpected client data origin "${String(clientData.origin)}", expected "${origin}"`);
  }
}

function isAttachment(value: string): value is 'platform' | 'cross-platform' {
  return value === 'platform' || value === 'cross-platform';
}
