import { ProblemSchema } from '@pi-enroll/shared';

/** The error answers every API route may give, declared so the OpenAPI document lists them. */
export const commonProblems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  413: ProblemSchema,
  415: ProblemSchema,
  429: ProblemSchema,
  500: ProblemSchema,
  502: ProblemSchema,
  503: ProblemSchema,
} as const;
