import Type from 'typebox';
import { DESCRIPTION_MAX_LENGTH } from './enrollment-limits.js';
import { OtpAlgorithmSchema, OtpDigitsSchema } from './otp-parameters.js';
import { ConfirmationWarningSchema } from './wrong-code-diagnosis.js';

export { DESCRIPTION_MAX_LENGTH };

/** The sign-in methods a user can enroll. Each has its module in apps/bff/src/methods/ and apps/web/src/features/. */
export const MethodTypeSchema = Type.Union([Type.Literal('totp')], { $id: 'MethodType' });
export type MethodType = Type.Static<typeof MethodTypeSchema>;

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

/** A pending enrollment as its owner sees it. The secret is only ever sent to its owner. */
export const EnrollmentSchema = Type.Object(
  {
    type: MethodTypeSchema,
    status: Type.Literal('pending'),
    otpauthUri: Type.String(),
    secret: Type.String({ pattern: '^[A-Z2-7]+$', description: 'Base32, unpadded' }),
    issuer: Type.String(),
    accountName: Type.String(),
    algorithm: OtpAlgorithmSchema,
    digits: OtpDigitsSchema,
    period: Type.Integer({ minimum: 1 }),
    expiresAt: Type.String({ format: 'date-time' }),
    attemptsLeft: Type.Integer({ minimum: 0 }),
  },
  { $id: 'Enrollment', additionalProperties: false },
);
export type Enrollment = Type.Static<typeof EnrollmentSchema>;

export const VerifyEnrollmentRequestSchema = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 32, description: '6–8 digits; spaces are ignored' }),
  },
  { $id: 'VerifyEnrollmentRequest', additionalProperties: false },
);
export type VerifyEnrollmentRequest = Type.Static<typeof VerifyEnrollmentRequestSchema>;

/** The proof a method checks: for codes (authenticator app, email, recovery codes) the code typed. */
export type EnrollmentProof = VerifyEnrollmentRequest;

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
