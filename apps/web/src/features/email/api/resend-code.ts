import type { EmailEnrollment } from '@pi-enroll/shared';
import { apiPaths } from '@pi-enroll/shared/api-paths';
import type { ApiClient } from '../../../lib/api-client';

/**
 * `POST /enrollment/resend`: a new code to the same address (the user store's, never one from the request), once
 * the cooldown is over. Answers the pending enrollment with its next `resendAvailableAt`.
 */
export function resendCode(api: ApiClient): Promise<EmailEnrollment> {
  return api.request<EmailEnrollment>(apiPaths.resendEnrollment, { method: 'POST', body: {} });
}
