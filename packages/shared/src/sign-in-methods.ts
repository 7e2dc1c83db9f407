import Type from 'typebox';
import { DESCRIPTION_MAX_LENGTH, MethodTypeSchema } from './enrollment.js';

/**
 * One of the user's sign-in methods as the management screens show it (`GET /api/v1/methods`). Tokens of a type
 * pi-enroll does not manage are listed too, read-only (`method: null`, `manageable: false`).
 */
export const SignInMethodSchema = Type.Object(
  {
    serial: Type.String(),
    /** privacyIDEA's token type (`totp`, `hotp`, `webauthn`, …). */
    tokenType: Type.String(),
    /** The pi-enroll method that manages it, or null for a type pi-enroll does not manage. */
    method: Type.Union([MethodTypeSchema, Type.Null()]),
    description: Type.String(),
    active: Type.Boolean(),
    /** privacyIDEA's `info.creation_date`. */
    createdAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    /** privacyIDEA's `info.last_auth`, present once the token was used. */
    lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    /** Whether this user may rename and remove it here. */
    manageable: Type.Boolean(),
  },
  { $id: 'SignInMethod', additionalProperties: false },
);
export type SignInMethod = Type.Static<typeof SignInMethodSchema>;

export const StepUpStateSchema = Type.Object(
  {
    /** Until when a removal needs no new step-up (ISO date), or null when one is needed now. */
    freshUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    /** The serials whose code satisfies a step-up. */
    methods: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);
export type StepUpState = Type.Static<typeof StepUpStateSchema>;

export const SignInMethodListSchema = Type.Object(
  {
    methods: Type.Array(SignInMethodSchema),
    /** Whether "Add another method" is offered (ALLOW_ADDITIONAL_TOKENS, or no method yet). */
    canAdd: Type.Boolean(),
    /** Whether removing the last manageable method is allowed (with a warning) or refused. */
    canRemoveLast: Type.Boolean(),
    stepUp: StepUpStateSchema,
  },
  { $id: 'SignInMethodList', additionalProperties: false },
);
export type SignInMethodList = Type.Static<typeof SignInMethodListSchema>;

export const RenameMethodRequestSchema = Type.Object(
  { description: Type.String({ minLength: 1, maxLength: DESCRIPTION_MAX_LENGTH }) },
  { $id: 'RenameMethodRequest', additionalProperties: false },
);
export type RenameMethodRequest = Type.Static<typeof RenameMethodRequestSchema>;

/** A code from one of the user's other methods (or a recovery code), proving it is still them. */
export const StepUpRequestSchema = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 32 }) },
  { $id: 'StepUpRequest', additionalProperties: false },
);
export type StepUpRequest = Type.Static<typeof StepUpRequestSchema>;
