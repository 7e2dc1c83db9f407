import Type from 'typebox';
import { problemCodes } from './problem-codes.js';
import { OtpSettingSchema, WrongCodeReasonSchema } from './wrong-code-diagnosis.js';

export const ProblemCodeSchema = Type.Enum(problemCodes);

export const FieldErrorSchema = Type.Object({
  field: Type.String({ description: 'JSON pointer or name of the offending field' }),
  message: Type.String(),
});

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'URI reference naming the problem type' }),
    title: Type.String(),
    status: Type.Integer({ minimum: 400, maximum: 599 }),
    code: ProblemCodeSchema,
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    attemptsLeft: Type.Optional(Type.Integer({ minimum: 0 })),
    retryAfterSeconds: Type.Optional(Type.Integer({ minimum: 0 })),
    errors: Type.Optional(Type.Array(FieldErrorSchema)),
    /** With `invalid_code`: why the code is wrong, when the BFF can tell (it never accepts such a code). */
    reason: Type.Optional(WrongCodeReasonSchema),
    /** With `reason: "clock_drift"`: how far the phone's clock is off, in seconds; negative: behind. */
    clockOffsetSeconds: Type.Optional(Type.Integer()),
    /** With `reason: "app_ignores_settings"`: the settings the user's app ignores. */
    ignoredSettings: Type.Optional(Type.Array(OtpSettingSchema)),
    /** With `reason: "app_ignores_settings"`: whether "Use settings every app supports" may restart the enrollment. */
    fallbackAvailable: Type.Optional(Type.Boolean()),
    /** With `step_up_required`: the serials whose code satisfies the step-up. */
    stepUpMethods: Type.Optional(Type.Array(Type.String())),
  },
  { $id: 'Problem', additionalProperties: false },
);

export type Problem = Type.Static<typeof ProblemSchema>;

