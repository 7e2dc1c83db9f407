import Type from 'typebox';
import { OtpAlgorithmSchema, OtpDigitsSchema } from '../otp-parameters.js';
import { pendingFields } from './pending-fields.js';

/** A pending authenticator-app enrollment: the key (only ever sent to its owner) and how the app should use it. */
export const TotpEnrollmentSchema = Type.Object(
  {
    type: Type.Literal('totp'),
    ...pendingFields,
    otpauthUri: Type.String(),
    secret: Type.String({ pattern: '^[A-Z2-7]+$', description: 'Base32, unpadded' }),
    issuer: Type.String(),
    accountName: Type.String(),
    algorithm: OtpAlgorithmSchema,
    digits: OtpDigitsSchema,
    period: Type.Integer({ minimum: 1 }),
  },
  { $id: 'TotpEnrollment', additionalProperties: false },
);
export type TotpEnrollment = Type.Static<typeof TotpEnrollmentSchema>;
