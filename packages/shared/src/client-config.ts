import Type from 'typebox';
import { OtpAlgorithmSchema, OtpDigitsSchema } from './otp-parameters.js';

export const IdentityModeSchema = Type.Union([
  Type.Literal('launch-token'),
  Type.Literal('trusted-header'),
  Type.Literal('password'),
  Type.Literal('demo'),
]);
export type IdentityMode = Type.Static<typeof IdentityModeSchema>;

/** Public, secret-free facts the widget needs before the user signs in (`GET /api/v1/config`). */
export const ClientConfigSchema = Type.Object(
  {
    identityModes: Type.Array(IdentityModeSchema),
    /** Only in demo mode, i.e. only against the embedded simulator. */
    demoUsers: Type.Array(Type.String()),
    otp: Type.Object(
      {
        issuer: Type.String(),
        algorithm: OtpAlgorithmSchema,
        digits: OtpDigitsSchema,
        period: Type.Integer({ minimum: 1 }),
      },
      { additionalProperties: false },
    ),
    /** Origins of host pages that may embed the widget in an iframe and receive its postMessage events. */
    embedOrigins: Type.Array(Type.String()),
    enrollmentTtlSeconds: Type.Integer({ minimum: 1 }),
    maxAttempts: Type.Integer({ minimum: 1 }),
  },
  { $id: 'ClientConfig', additionalProperties: false },
);
export type ClientConfig = Type.Static<typeof ClientConfigSchema>;
