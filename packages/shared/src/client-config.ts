import Type from 'typebox';
import { MethodTypeSchema } from './enrollment.js';
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

/** What a user needs for a method, for the start screen's choice (the widget words it). */
export const MethodNeedSchema = Type.Union([
  /** A phone (or computer) with an authenticator app. */
  Type.Literal('authenticator_app'),
  /** A security key, or this device's screen lock (a passkey). */
  Type.Literal('security_key_or_screen_lock'),
  /** Access to the mailbox of the address the organisation has on file. */
  Type.Literal('email_access'),
  /** A safe place for a list of codes: a password manager, a printout. */
  Type.Literal('safe_place_for_codes'),
]);
export type MethodNeed = Type.Static<typeof MethodNeedSchema>;

/** A method this deployment offers (ENROLL_METHODS), in the operator's order. */
export const OfferedMethodSchema = Type.Object(
  {
    type: MethodTypeSchema,
    needs: MethodNeedSchema,
    /** Only for a user who already has another method (recovery codes): offered right after the first one. */
    needsOtherMethod: Type.Boolean(),
    /** The operator wants every user to have it (RECOVERY_REQUIRED): the widget does not offer to skip it. */
    required: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type OfferedMethod = Type.Static<typeof OfferedMethodSchema>;

/** Public, secret-free facts the widget needs before the user signs in (`GET /api/v1/config`). */
export const ClientConfigSchema = Type.Object(
  {
    identityModes: Type.Array(IdentityModeSchema),
    /** The methods a user may enroll here, in the order the start screen offers them. */
    methods: Type.Array(OfferedMethodSchema),
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
