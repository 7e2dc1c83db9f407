import type { Enrollment } from '@pi-enroll/shared';
import { apiPaths } from '@pi-enroll/shared/api-paths';
import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client';
import { bffKey, flowOwnedRequest } from './request-policy';

/**
 * `GET /enrollment`: the unfinished enrollment as privacyIDEA has it now (attempts left), read when the user
 * resumes it; 410 once expired, 404 once finished or removed elsewhere. The BFF counts it as resumed.
 */
export function getPendingEnrollment(api: ApiClient): Promise<Enrollment> {
  return api.request<Enrollment>(apiPaths.enrollment);
}

/**
 * Always read afresh: the point is to learn whether the enrollment can still go on. Holds the secret, so it is
 * dropped from the cache as soon as nothing observes it: the flow keeps what it read in its state.
 */
export function pendingEnrollmentQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: [...bffKey(api), 'pending-enrollment'] as const,
    queryFn: () => getPendingEnrollment(api),
    staleTime: 0,
    gcTime: 0,
    ...flowOwnedRequest,
  });
}
