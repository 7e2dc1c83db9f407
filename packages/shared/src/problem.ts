import Type from 'typebox';
import { problemCodes } from './problem-codes.js';

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
  },
  { $id: 'Problem', additionalProperties: false },
);

export type Problem = Type.Static<typeof ProblemSchema>;

