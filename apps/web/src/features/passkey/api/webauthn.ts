import type { PasskeyCredential, PasskeyRegistrationOptions } from '@pi-enroll/shared';
import type { PasskeyAssertion, PasskeyRequestOptions } from '@pi-enroll/shared/methods/passkey-try';

// The browser's WebAuthn API takes and gives ArrayBuffers; the contract carries base64url. The JSON helpers of
// newer browsers (PublicKeyCredential.parseCreationOptionsFromJSON, credential.toJSON()) are used where they
// exist, with this module's own conversion as the fallback.

export function base64UrlToBuffer(value: string): ArrayBuffer {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(value.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes.buffer;
}

export function bufferToBase64Url(buffer: ArrayBuffer | ArrayBufferView): string {
  const bytes = buffer instanceof ArrayBuffer ? new Uint8Array(buffer) : new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

interface JsonHelpers {
  parseCreationOptionsFromJSON?: (options: unknown) => PublicKeyCredentialCreationOptions;
  parseRequestOptionsFromJSON?: (options: unknown) => PublicKeyCredentialRequestOptions;
}
const helpers = (): JsonHelpers => (typeof PublicKeyCredential === 'function' ? (PublicKeyCredential as unknown as JsonHelpers) : {});

export function toCreationOptions(options: PasskeyRegistrationOptions): PublicKeyCredentialCreationOptions {
  const parse = helpers().parseCreationOptionsFromJSON;
  if (parse) return parse(options);
  return {
    ...options,
    rp: options.rp,
    user: { ...options.user, id: base64UrlToBuffer(options.user.id) },
    challenge: base64UrlToBuffer(options.challenge),
    excludeCredentials: options.excludeCredentials?.map((credential) => ({
      ...credential,
      id: base64UrlToBuffer(credential.id),
      transports: credential.transports as AuthenticatorTransport[] | undefined,
    })),
    authenticatorSelection: options.authenticatorSelection as AuthenticatorSelectionCriteria | undefined,
    attestation: options.attestation as AttestationConveyancePreference | undefined,
  };
}

export function toRequestOptions(options: PasskeyRequestOptions): PublicKeyCredentialRequestOptions {
  const parse = helpers().parseRequestOptionsFromJSON;
  if (parse) return parse(options);
  return {
    ...options,
    challenge: base64UrlToBuffer(options.challenge),
    allowCredentials: options.allowCredentials?.map((credential) => ({ ...credential, id: base64UrlToBuffer(credential.id) })),
    userVerification: options.userVerification as UserVerificationRequirement | undefined,
  };
}

interface WithToJson {
  toJSON?: () => unknown;
}

/** `navigator.credentials.create`'s answer as the contract's RegistrationResponseJSON. */
export function registrationToJson(credential: PublicKeyCredential): PasskeyCredential {
  const own = (credential as WithToJson).toJSON;
  if (typeof own === 'function') return own.call(credential) as PasskeyCredential;
  const response = credential.response as AuthenticatorAttestationResponse;
  const transports = typeof response.getTransports === 'function' ? response.getTransports() : undefined;
  return {
    id: credential.id,
    rawId: bufferToBase64Url(credential.rawId),
    type: 'public-key',
    response: {
      clientDataJSON: bufferToBase64Url(response.clientDataJSON),
      attestationObject: bufferToBase64Url(response.attestationObject),
      ...(transports ? { transports } : {}),
    },
    clientExtensionResults: { ...credential.getClientExtensionResults() },
    ...(credential.authenticatorAttachment ? { authenticatorAttachment: credential.authenticatorAttachment } : {}),
  };
}

/** `navigator.credentials.get`'s answer as the contract's AuthenticationResponseJSON. */
export function assertionToJson(credential: PublicKeyCredential): PasskeyAssertion {
  const own = (credential as WithToJson).toJSON;
  if (typeof own === 'function') return own.call(credential) as PasskeyAssertion;
  const response = credential.response as AuthenticatorAssertionResponse;
  return {
    id: credential.id,
    rawId: bufferToBase64Url(credential.rawId),
    type: 'public-key',
    response: {
      authenticatorData: bufferToBase64Url(response.authenticatorData),
      clientDataJSON: bufferToBase64Url(response.clientDataJSON),
      signature: bufferToBase64Url(response.signature),
      ...(response.userHandle ? { userHandle: bufferToBase64Url(response.userHandle) } : {}),
    },
    clientExtensionResults: { ...credential.getClientExtensionResults() },
    ...(credential.authenticatorAttachment ? { authenticatorAttachment: credential.authenticatorAttachment } : {}),
  };
}

/** Why a WebAuthn call failed, in the passkey method's words (the reason its `Abandoned` screen explains). */
export type CeremonyFailure = 'notAllowed' | 'alreadyRegistered' | 'failed';

export function ceremonyFailureOf(error: unknown): CeremonyFailure {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  // NotAllowedError: dismissed, timed out or refused; AbortError: aborted. InvalidStateError: the authenticator
  // already holds a credential in excludeCredentials (this key is registered already).
  if (name === 'NotAllowedError' || name === 'AbortError') return 'notAllowed';
  if (name === 'InvalidStateError') return 'alreadyRegistered';
  return 'failed';
}
