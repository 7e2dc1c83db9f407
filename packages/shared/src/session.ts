import Type from 'typebox';
import { EnrollmentSchema } from './enrollment.js';

/**
 * How the browser proves who the user is. Which variants a deployment accepts is announced by
 * `GET /api/v1/config` (`identity.modes`); the user is never taken from any other request field.
 */
export const LaunchTokenLoginSchema = Type.Object(
  { launchToken: Type.String({ minLength: 1, maxLength: 8192 }) },
  { additionalProperties: false },
);
export const DemoLoginSchema = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 128 }) },
  { additionalProperties: false },
);
export const PasswordLoginSchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 128 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    otp: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
  },
  { additionalProperties: false },
);

export const CreateSessionRequestSchema = Type.Union([LaunchTokenLoginSchema, PasswordLoginSchema, DemoLoginSchema], {
  $id: 'CreateSessionRequest',
});
export type CreateSessionRequest = Type.Static<typeof CreateSessionRequestSchema>;

export const UserSchema = Type.Object(
  { username: Type.String(), realm: Type.String() },
  { additionalProperties: false },
);
export type User = Type.Static<typeof UserSchema>;

export const TokenSummarySchema = Type.Object(
  {
    serial: Type.String(),
    type: Type.String(),
    description: Type.String(),
    active: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type TokenSummary = Type.Static<typeof TokenSummarySchema>;

export const SessionSchema = Type.Object(
  {
    user: UserSchema,
    tokens: Type.Array(TokenSummarySchema),
    pending: Type.Union([EnrollmentSchema, Type.Null()]),
  },
  { $id: 'Session', additionalProperties: false },
);
export type Session = Type.Static<typeof SessionSchema>;
