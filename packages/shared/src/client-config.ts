import Type from 'typebox';
import { OtpAlgorithmSchema, OtpDigitsSchema } from './otp-parameters.js';

export const IdentityModeSchema = Type.Union([
  Type.Literal('launch-token'),
  Type.Literal('trusted-header'),
  Type.Literal('password'),
  Type.Literal('demo'),
]);
export type IdentityMode = Type.Static<typeof IdentityModeSchema>;

export const AuthenticatorAppSchema = Type.Object(
  {
    name: Type.String(),
    appStore: Type.Optional(Type.String()),
    googlePlay: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type AuthenticatorApp = Type.Static<typeof AuthenticatorAppSchema>;

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
    /** Stylesheets the iframe widget loads for the host's brand (EMBED_STYLESHEETS). */
    embedStylesheets: Type.Array(Type.String()),
    enrollmentTtlSeconds: Type.Integer({ minimum: 1 }),
    maxAttempts: Type.Integer({ minimum: 1 }),
    /** Where "Back to <site>" on the done screen leads (RETURN_URL), or null: no such button (embeds tell the host). */
    returnUrl: Type.Union([Type.String(), Type.Null()]),
    /** Recommended authenticator apps with their store links (AUTHENTICATOR_APPS), shown on the start screen. */
    authenticatorApps: Type.Array(AuthenticatorAppSchema),
  },
  { $id: 'ClientConfig', additionalProperties: false },
);
export type ClientConfig = Type.Static<typeof ClientConfigSchema>;
