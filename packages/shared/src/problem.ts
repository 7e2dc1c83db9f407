import Type from 'typebox';

/**
 * Every error the BFF answers is an RFC 9457 problem document with one of these stable codes.
 * Clients branch on `code`, never on `title` or `detail`, which are for humans and may change.
 */
export const problemCodes = [
  'invalid_request',
  'payload_too_large',
  'unsupported_media_type',
  'unauthenticated',
  'invalid_credentials',
  'launch_token_invalid',
  'step_up_required',
  'forbidden_origin',
  'rate_limited',
  'not_found',
  'already_enrolled',
  'no_pending_enrollment',
  'invalid_code',
  'attempts_exhausted',
  'enrollment_expired',
  'upstream_unavailable',
  'upstream_error',
  'internal_error',
] as const;

export type ProblemCode = (typeof problemCodes)[number];

export const ProblemCodeSchema = Type.Union(problemCodes.map((code) => Type.Literal(code)));

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

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The `type` URI of a problem: stable, resolvable to the README section that explains it. */
export function problemTypeUri(code: ProblemCode): string {
  return `https://pi-enroll.dev/problems/${code.replaceAll('_', '-')}`;
}
