import Type from 'typebox';
import { DESCRIPTION_MAX_LENGTH } from './enrollment-limits.js';
import { METHOD_TYPES, type MethodType } from './method-types.js';
import { EmailEnrollmentSchema } from './methods/email.js';
import { PasskeyCredentialSchema, PasskeyEnrollmentSchema } from './methods/passkey.js';
import { RecoveryEnrollmentSchema } from './methods/recovery.js';
import { TotpEnrollmentSchema } from './methods/totp.js';
import { ConfirmationWarningSchema } from './wrong-code-diagnosis.js';

export { DESCRIPTION_MAX_LENGTH, METHOD_TYPES, type MethodType };
export * from './methods/email.js';
export * from './methods/passkey.js';
export * from './methods/recovery.js';
export * from './methods/totp.js';

/**
 * The sign-in methods a user can enroll: `totp` an authenticator app, `passkey` a security key or passkey, `email`
 * a code mailed to the address in the user store, `recovery` a set of one-time recovery codes. Each has its module
 * in apps/bff/src/methods/ and apps/web/src/features/; which are offered is the operator's choice (ENROLL_METHODS).
 */
export const MethodTypeSchema = Type.Union([Type.Literal('totp'), Type.Literal('passkey'), Type.Literal('email'), Type.Literal('recovery')], {
  $id: 'MethodType',
});
// The schema and the schema-free list name the same methods.
const _sameMethods: [Type.Static<typeof MethodTypeSchema>, MethodType] extends [MethodType, Type.Static<typeof MethodTypeSchema>] ? true : never = true;
void _sameMethods;
void METHOD_TYPES;

export const StartEnrollmentRequestSchema = Type.Object(
  {
    type: Type.Optional(MethodTypeSchema),
    description: Type.Optional(
      Type.String({ minLength: 1, maxLength: DESCRIPTION_MAX_LENGTH, description: "The device's name, e.g. 'Work phone'" }),
    ),
    /**
     * `compatible`: start over with the settings every authenticator app supports (SHA1, 6 digits, 30 s), after
     * a code showed the user's app ignores the configured ones. Ends the pending enrollment, if any.
     */
    settings: Type.Optional(Type.Literal('compatible')),
    /**
     * Replace a method (a lost phone): the serial of one of the user's methods, removed once the new one is
     * confirmed, in the same request. Needs a fresh step-up or sign-in (see `POST /api/v1/session/step-up`).
     */
    replaces: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { $id: 'StartEnrollmentRequest', additionalProperties: false },
);
export type StartEnrollmentRequest = Type.Static<typeof StartEnrollmentRequestSchema>;

/**
 * A pending enrollment as its owner sees it, by method (`type`). Secrets (a key, recovery codes) are only ever sent
 * to their owner, and only while the enrollment is pending.
 */
export const EnrollmentSchema = Type.Union([TotpEnrollmentSchema, PasskeyEnrollmentSchema, EmailEnrollmentSchema, RecoveryEnrollmentSchema], {
  $id: 'Enrollment',
});
export type Enrollment = Type.Static<typeof EnrollmentSchema>;
/** The pending enrollment of one method. */
export type EnrollmentOf<T extends MethodType> = Extract<Enrollment, { type: T }>;

/**
 * The proof that the new method works: `{code}` for totp, email and recovery (the code typed), `{credential}` for
 * passkey (the browser's RegistrationResponseJSON). One object, so a malformed field is named as such; which of
 * them the pending enrollment's method takes is its own rule (a missing one is `400 invalid_request`).
 */
export const VerifyEnrollmentRequestSchema = Type.Object(
  {
    code: Type.Optional(Type.String({ minLength: 1, maxLength: 32, description: 'The code typed: 6–8 digits for totp and email, a recovery code; spaces are ignored' })),
    credential: Type.Optional(PasskeyCredentialSchema),
  },
  { $id: 'VerifyEnrollmentRequest', additionalProperties: false },
);
export type VerifyEnrollmentRequest = Type.Static<typeof VerifyEnrollmentRequestSchema>;

/** The proof a method checks, as the request carried it. */
export type EnrollmentProof = VerifyEnrollmentRequest;

/** `POST /api/v1/enrollment/resend` takes nothing: the address is the user store's, never the request's. */
export const ResendEnrollmentRequestSchema = Type.Object({}, { $id: 'ResendEnrollmentRequest', additionalProperties: false });

export const EnrollmentConfirmedSchema = Type.Object(
  {
    status: Type.Literal('enrolled'),
    serial: Type.String(),
    description: Type.String(),
    /** The code confirmed, but the phone's clock is off: worth fixing before it drifts out of the window. */
    warning: Type.Optional(ConfirmationWarningSchema),
    /** The serial of the method this one replaced (and that was removed), when the enrollment replaced one. */
    replaced: Type.Optional(Type.String()),
  },
  { $id: 'EnrollmentConfirmed', additionalProperties: false },
);
export type EnrollmentConfirmed = Type.Static<typeof EnrollmentConfirmedSchema>;
