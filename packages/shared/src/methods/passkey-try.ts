// "Try it now" for a new security key or passkey: one authentication with it through privacyIDEA, so its owner
// sees that it works. Two calls on one path: without a credential it answers the options for
// `navigator.credentials.get`, with one it answers whether privacyIDEA accepted it.
import Type from 'typebox';
import { methodPath } from '../api-paths.js';

/** `POST` here: `{credentialId?}` → PasskeyTryChallenge; `{transactionId, credential}` → PasskeyTryResult. */
export function passkeyTryPath(serial: string): string {
  return `${methodPath(serial)}/try`;
}

/** WebAuthn's PublicKeyCredentialRequestOptionsJSON, as far as privacyIDEA's login challenge fills it. */
export const PasskeyRequestOptionsSchema = Type.Object(
  {
    challenge: Type.String({ description: 'base64url' }),
    rpId: Type.String(),
    userVerification: Type.Optional(Type.String()),
    timeout: Type.Optional(Type.Integer({ minimum: 0 })),
    allowCredentials: Type.Optional(
      Type.Array(Type.Object({ id: Type.String(), type: Type.Literal('public-key') }, { additionalProperties: false }), { maxItems: 1 }),
    ),
  },
  { $id: 'PasskeyRequestOptions', additionalProperties: false },
);
export type PasskeyRequestOptions = Type.Static<typeof PasskeyRequestOptionsSchema>;

/** WebAuthn's AuthenticationResponseJSON: what `navigator.credentials.get` answered, binary fields base64url. */
export const PasskeyAssertionSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 1024, pattern: '^[A-Za-z0-9_-]+$' }),
    rawId: Type.String({ minLength: 1, maxLength: 1024, pattern: '^[A-Za-z0-9_-]+$' }),
    type: Type.Literal('public-key'),
    response: Type.Object(
      {
        authenticatorData: Type.String({ minLength: 1, maxLength: 4096, pattern: '^[A-Za-z0-9_-]+$' }),
        clientDataJSON: Type.String({ minLength: 1, maxLength: 4096, pattern: '^[A-Za-z0-9_-]+$' }),
        signature: Type.String({ minLength: 1, maxLength: 1024, pattern: '^[A-Za-z0-9_-]+$' }),
        userHandle: Type.Optional(Type.String({ maxLength: 256, pattern: '^[A-Za-z0-9_-]*$' })),
      },
      { additionalProperties: false },
    ),
    clientExtensionResults: Type.Optional(Type.Object({}, { additionalProperties: true })),
    authenticatorAttachment: Type.Optional(Type.String({ maxLength: 32 })),
  },
  { $id: 'PasskeyAssertion', additionalProperties: false },
);
export type PasskeyAssertion = Type.Static<typeof PasskeyAssertionSchema>;

export const PasskeyTryRequestSchema = Type.Object(
  {
    /** The new credential's id (the widget has it from the registration), so the browser asks for that key only. */
    credentialId: Type.Optional(Type.String({ minLength: 1, maxLength: 1024, pattern: '^[A-Za-z0-9_-]+$' })),
    transactionId: Type.Optional(Type.String({ pattern: '^[0-9]{1,40}$' })),
    credential: Type.Optional(PasskeyAssertionSchema),
  },
  { $id: 'PasskeyTryRequest', additionalProperties: false },
);
export type PasskeyTryRequest = Type.Static<typeof PasskeyTryRequestSchema>;

export const PasskeyTryChallengeSchema = Type.Object(
  {
    transactionId: Type.String(),
    options: PasskeyRequestOptionsSchema,
  },
  { $id: 'PasskeyTryChallenge', additionalProperties: false },
);
export type PasskeyTryChallenge = Type.Static<typeof PasskeyTryChallengeSchema>;

/**
 * `ok`: privacyIDEA accepted a login with this very key. `failed`: it did not (`reason: other_key` when another of
 * the user's keys answered, `rejected` when privacyIDEA refused the signature or the challenge was gone).
 */
export const PasskeyTryResultSchema = Type.Object(
  {
    result: Type.Union([Type.Literal('ok'), Type.Literal('failed')]),
    reason: Type.Optional(Type.Union([Type.Literal('other_key'), Type.Literal('rejected')])),
  },
  { $id: 'PasskeyTryResult', additionalProperties: false },
);
export type PasskeyTryResult = Type.Static<typeof PasskeyTryResultSchema>;
