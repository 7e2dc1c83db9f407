import type { OtpSetting, ProblemCode, WrongCodeReason } from '@pi-enroll/shared';

export interface ProblemExtras {
  attemptsLeft?: number;
  retryAfterSeconds?: number;
  errors?: { field: string; message: string }[];
  reason?: WrongCodeReason;
  clockOffsetSeconds?: number;
  ignoredSettings?: OtpSetting[];
  fallbackAvailable?: boolean;
  stepUpMethods?: string[];
}

const titles: Record<ProblemCode, string> = {
  invalid_request: 'The request is not valid',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'Only application/json is accepted',
  unauthenticated: 'You are not signed in',
  invalid_credentials: 'Sign-in failed',
  launch_token_invalid: 'The sign-in link is not valid',
  step_up_required: 'Confirm with a code from your existing authenticator',
  forbidden_origin: 'This request did not come from an allowed page',
  rate_limited: 'Too many requests',
  not_found: 'Not found',
  already_enrolled: 'You already have an authenticator',
  last_method: 'This is your last sign-in method',
  no_pending_enrollment: 'There is no enrollment in progress',
  invalid_code: 'That code is not right',
  attempts_exhausted: 'Too many wrong codes',
  enrollment_expired: 'The enrollment expired',
  enrollment_restart_required: 'Please start the setup again',
  method_not_offered: 'This sign-in method is not offered here',
  other_method_required: 'Set up another sign-in method first',
  resend_not_supported: 'This sign-in method sends nothing to resend',
  resend_too_soon: 'Please wait before asking for a new code',
  no_email_address: 'There is no email address on file for you',
  email_send_failed: 'The email could not be sent',
  upstream_unavailable: 'The authentication server is not reachable',
  upstream_error: 'The authentication server reported an error',
  internal_error: 'Something went wrong on our side',
};

/** Thrown anywhere in a request; the error handler turns it into an RFC 9457 problem document. */
export class ProblemError extends Error {
  override name = 'ProblemError';
  readonly title: string;

  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly detail?: string,
    readonly extras: ProblemExtras = {},
  ) {
    super(detail ?? titles[code]);
    this.title = titles[code];
  }
}
