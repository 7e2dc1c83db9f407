import type { EnrollmentConfirmed, VerifyEnrollmentRequest } from '@pi-enroll/shared';
import { apiPaths } from '@pi-enroll/shared/api-paths';
import type { ApiClient } from '../../../lib/api-client';

/** `POST /enrollment/verify`: the code from the app; only a right one makes the token usable. */
export function confirmEnrollment(api: ApiClient, request: VerifyEnrollmentRequest): Promise<EnrollmentConfirmed> {
  return api.request<EnrollmentConfirmed>(apiPaths.verifyEnrollment, { method: 'POST', body: request });
}
