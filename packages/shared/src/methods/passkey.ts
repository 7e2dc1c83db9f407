import Type from 'typebox';
import { pendingFields } from './pending-fields.js';

/**
 * WebAuthn's PublicKeyCredentialCreationOptionsJSON as far as a browser needs it for `navigator.credentials.create`
 * (binary fields base64url). Deliberately minimal: the passkey method extends it here with what privacyIDEA's
 * registration options carry.
 */
export const PasskeyRegistrationOptionsSchema = Type.Object(
  {
    rp: Type.Object({ id: Type.Optional(Type.String()), name: Type.String() }, { additionalProperties: false }),
    user: Type.Object({ id: Type.String(), name: Type.String(), displayName: Type.String() }, { additionalProperties: false }),
    challenge: Type.String(),
    pubKeyCredParams: Type.Array(Type.Object({ type: Type.Literal('public-key'), alg: Type.Integer() }, { additionalProperties: false })),
    timeout: Type.Optional(Type.Integer({ minimum: 0 })),
    excludeCredentials: Type.Optional(
      Type.Array(
        Type.Object(
          { id: Type.String(), type: Type.Literal('public-key'), transports: Type.Optional(Type.Array(Type.String())) },
          { additionalProperties: false },
        ),
      ),
    ),
    authenticatorSelection: Type.Optional(
      Type.Object(
        {
          authenticatorAttachment: Type.Optional(Type.String()),
          residentKey: Type.Optional(Type.String()),
          requireResidentKey: Type.Optional(Type.Boolean()),
          userVerification: Type.Optional(Type.String()),
        },
        { additionalProperties: false },
      ),
    ),
    attestation: Type.Optional(Type.String()),
  },
  { $id: 'PasskeyRegistrationOptions', additionalProperties: false },
);
export type PasskeyRegistrationOptions = Type.Static<typeof PasskeyRegistrationOptionsSchema>;

/** A pending security-key or passkey enrollment: the options for the browser's registration ceremony. */
export const PasskeyEnrollmentSchema = Type.Object(
  {
    type: Type.Literal('passkey'),
    ...pendingFields,
    registrationOptions: PasskeyRegistrationOptionsSchema,
  },
  { $id: 'PasskeyEnrollment', additionalProperties: false },
);
export type PasskeyEnrollment = Type.Static<typeof PasskeyEnrollmentSchema>;

/** WebAuthn's RegistrationResponseJSON: what `navigator.credentials.create` answered, binary fields base64url. */
export const PasskeyCredentialSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 1024 }),
    rawId: Type.String({ minLength: 1, maxLength: 1024 }),
    type: Type.Literal('public-key'),
    response: Type.Object(
      {
        clientDataJSON: Type.String({ minLength: 1, maxLength: 4096 }),
        attestationObject: Type.String({ minLength: 1, maxLength: 8192 }),
        transports: Type.Optional(Type.Array(Type.String({ maxLength: 32 }), { maxItems: 8 })),
      },
      { additionalProperties: true },
    ),
    clientExtensionResults: Type.Object({}, { additionalProperties: true }),
    authenticatorAttachment: Type.Optional(Type.String({ maxLength: 32 })),
  },
  { $id: 'PasskeyCredential', additionalProperties: false },
);
export type PasskeyCredential = Type.Static<typeof PasskeyCredentialSchema>;
