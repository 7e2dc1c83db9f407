import type { Enrollment, StartEnrollmentRequest } from '@pi-enroll/shared';
import { apiPaths } from '@pi-enroll/shared/api-paths';
import type { ApiClient } from '../../../lib/api-client';

/** `POST /enrollment`: a new pending TOTP token, or the one already pending (the BFF makes this idempotent). */
export function startEnrollment(api: ApiClient, request: StartEnrollmentRequest): Promise<Enrollment> {
  return api.request<Enrollment>(apiPaths.enrollment, { method: 'POST', body: request });
}
