import type { Enrollment, EnrollmentConfirmed } from '@pi-enroll/shared';
import { ProblemError } from '../http/problem-error.js';
import type { WrongCodeDiagnosis } from './enrollment-method.js';

/** What a lifecycle step ended in. Routes turn it into an answer with `answerOf`, the one table of HTTP answers. */
export type EnrollmentOutcome =
  | { kind: 'started'; enrollment: Enrollment }
  | { kind: 'pending'; enrollment: Enrollment }
  /** `replaces`: the method the new one replaces, which the caller removes now. */
  | { kind: 'confirmed'; confirmed: EnrollmentConfirmed; replaces?: string }
  | { kind: 'cancelled' }
  | { kind: 'wrong_code'; attemptsLeft: number; diagnosis: WrongCodeDiagnosis | undefined }
  | { kind: 'exhausted' }
  | { kind: 'expired' }
  | { kind: 'none' }
  | { kind: 'already_enrolled' }
  | { kind: 'bad_input'; field: string; message: string }
  | { kind: 'restart'; detail: string }
  | { kind: 'method_not_offered'; type: string }
  | { kind: 'other_method_required' }
  | { kind: 'resend_not_supported' }
  | { kind: 'resend_too_soon'; retryAfterSeconds: number }
  /** A method's own problem (an email that could not be sent); the enrollment ended and left nothing. */
  | { kind: 'problem'; problem: ProblemError };

export type EnrollmentAnswer = { status: 200 | 201 | 204; body: Enrollment | EnrollmentConfirmed | null } | { problem: ProblemError };

/** The one place that decides the HTTP status and problem of every enrollment outcome. */
export function answerOf(outcome: EnrollmentOutcome, fallbackAvailable: boolean): EnrollmentAnswer {
  switch (outcome.kind) {
    case 'started':
      return { status: 201, body: outcome.enrollment };
    case 'pending':
      return { status: 200, body: outcome.enrollment };
    case 'confirmed':
      return { status: 200, body: outcome.confirmed };
    case 'cancelled':
      return { status: 204, body: null };
    case 'wrong_code':
      return { problem: wrongCodeProblem(outcome.attemptsLeft, outcome.diagnosis, fallbackAvailable) };
    case 'exhausted':
      return {
        problem: new ProblemError(409, 'attempts_exhausted', 'Too many wrong codes. The enrollment was ended; please start again.', {
          attemptsLeft: 0,
        }),
      };
    case 'expired':
      return { problem: new ProblemError(410, 'enrollment_expired', 'The enrollment expired; please start again.') };
    case 'none':
      return { problem: new ProblemError(404, 'no_pending_enrollment', 'There is no enrollment in progress.') };
    case 'already_enrolled':
      return { problem: new ProblemError(409, 'already_enrolled', 'You already have an active sign-in method.') };
    case 'bad_input':
      return { problem: new ProblemError(400, 'invalid_request', outcome.message, { errors: [{ field: outcome.field, message: outcome.message }] }) };
    case 'restart':
      return { problem: new ProblemError(409, 'enrollment_restart_required', outcome.detail) };
    case 'method_not_offered':
      return { problem: new ProblemError(400, 'method_not_offered', `The sign-in method "${outcome.type}" is not offered here.`, { errors: [{ field: 'type', message: 'not offered here' }] }) };
    case 'other_method_required':
      return { problem: new ProblemError(409, 'other_method_required', 'Recovery codes back up another sign-in method. Set one up first.') };
    case 'resend_not_supported':
      return { problem: new ProblemError(409, 'resend_not_supported', 'The pending sign-in method sends no code that could be sent again.') };
    case 'resend_too_soon':
      return {
        problem: new ProblemError(429, 'resend_too_soon', `A new code can be sent in ${outcome.retryAfterSeconds} seconds.`, { retryAfterSeconds: outcome.retryAfterSeconds }),
      };
    case 'problem':
      return { problem: outcome.problem };
  }
}

/** A wrong code, with what the method could tell about it; the detail is for people, clients branch on `reason`. */
function wrongCodeProblem(attemptsLeft: number, diagnosis: WrongCodeDiagnosis | undefined, fallbackAvailable: boolean): ProblemError {
  if (diagnosis?.reason === 'clock_drift') {
    const minutes = Math.max(1, Math.round(Math.abs(diagnosis.clockOffsetSeconds) / 60));
    const direction = diagnosis.clockOffsetSeconds < 0 ? 'behind' : 'ahead';
    return new ProblemError(422, 'invalid_code', `Your phone's clock is about ${minutes} minute${minutes === 1 ? '' : 's'} ${direction}. Set its time to automatic, then enter the newest code.`, {
      attemptsLeft,
      reason: 'clock_drift',
      clockOffsetSeconds: diagnosis.clockOffsetSeconds,
    });
  }
  if (diagnosis?.reason === 'app_ignores_settings') {
    return new ProblemError(422, 'invalid_code', `Your authenticator app does not support these settings (${diagnosis.ignoredSettings.join(', ')}).`, {
      attemptsLeft,
      reason: 'app_ignores_settings',
      ignoredSettings: diagnosis.ignoredSettings,
      fallbackAvailable,
    });
  }
  return new ProblemError(422, 'invalid_code', 'That code is not right. Check the app and try the current code.', { attemptsLeft });
}
