// The stable problem codes, kept free of any schema library so the widget can import them cheaply.

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
  'last_method',
  'no_pending_enrollment',
  'invalid_code',
  'attempts_exhausted',
  'enrollment_expired',
  'enrollment_restart_required',
  'method_not_offered',
  'other_method_required',
  'resend_not_supported',
  'resend_too_soon',
  'no_email_address',
  'email_send_failed',
  'upstream_unavailable',
  'upstream_error',
  'internal_error',
] as const;

export type ProblemCode = (typeof problemCodes)[number];

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The `type` URI of a problem: stable, and names the README section that explains it. */
export function problemTypeUri(code: ProblemCode): string {
  return `https://pi-enroll.dev/problems/${code.replaceAll('_', '-')}`;
}
