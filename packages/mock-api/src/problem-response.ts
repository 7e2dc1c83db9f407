import { ProblemSchema, type Problem } from '@pi-enroll/shared';
import { PROBLEM_CONTENT_TYPE, problemTypeUri, type ProblemCode } from '@pi-enroll/shared/problem-codes';
import { HttpResponse } from 'msw';
import { checkedAnswer } from './contract-check.js';

const statusByCode: Record<ProblemCode, number> = {
  invalid_request: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unauthenticated: 401,
  invalid_credentials: 401,
  launch_token_invalid: 401,
  step_up_required: 401,
  forbidden_origin: 403,
  rate_limited: 429,
  not_found: 404,
  already_enrolled: 409,
  last_method: 409,
  no_pending_enrollment: 404,
  invalid_code: 422,
  attempts_exhausted: 409,
  enrollment_expired: 410,
  enrollment_restart_required: 409,
  method_not_offered: 400,
  other_method_required: 409,
  resend_not_supported: 409,
  resend_too_soon: 429,
  no_email_address: 409,
  email_send_failed: 502,
  upstream_unavailable: 503,
  upstream_error: 502,
  internal_error: 500,
};

export type ProblemExtras = Pick<
  Problem,
  'detail' | 'attemptsLeft' | 'retryAfterSeconds' | 'errors' | 'reason' | 'clockOffsetSeconds' | 'ignoredSettings' | 'fallbackAvailable' | 'stepUpMethods'
> & {
  /** When the BFF answers this code with another status than its usual one (`step_up_required`: 401 at sign-in, 403 on a removal). */
  status?: number;
};

/** The problem document the BFF would answer for `code`, with the status the BFF uses for it. */
export function problemBody(code: ProblemCode, extras: ProblemExtras = {}): Problem {
  const { status = statusByCode[code], ...fields } = extras;
  const body = { type: problemTypeUri(code), title: code.replaceAll('_', ' '), status, code, ...fields };
  return checkedAnswer(ProblemSchema, body, `problem ${code}`);
}

/**
 * An `application/problem+json` answer, for handlers and for tests that force an error path with `server.use()`.
 * A `retryAfterSeconds` also sets the `Retry-After` header, as the BFF does.
 */
export function problemResponse(code: ProblemCode, extras: ProblemExtras = {}): HttpResponse<Problem> {
  const body = problemBody(code, extras);
  const headers = new Headers({ 'Content-Type': PROBLEM_CONTENT_TYPE });
  if (extras.retryAfterSeconds !== undefined) headers.set('Retry-After', String(extras.retryAfterSeconds));
  return HttpResponse.json(body, { status: body.status, headers });
}
