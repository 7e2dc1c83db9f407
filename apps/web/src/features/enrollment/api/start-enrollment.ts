import type { Enrollment, StartEnrollmentRequest } from '@pi-enroll/shared';
import { apiPaths } from '@pi-enroll/shared/api-paths';
import { useMutation, type QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client';
import { invalidateEnrollmentReads } from './invalidate-enrollment-reads';
import { bffKey, flowOwnedRequest } from './request-policy';

/** `POST /enrollment`: a new pending TOTP token, or the one already pending (the BFF makes this idempotent). */
export function startEnrollment(api: ApiClient, request: StartEnrollmentRequest): Promise<Enrollment> {
  return api.request<Enrollment>(apiPaths.enrollment, { method: 'POST', body: request });
}

export function useStartEnrollment(api: ApiClient, queryClient: QueryClient) {
  return useMutation(
    {
      mutationKey: [...bffKey(api), 'start-enrollment'],
      mutationFn: (request: StartEnrollmentRequest) => startEnrollment(api, request),
      onSettled: () => invalidateEnrollmentReads(queryClient, api),
      ...flowOwnedRequest,
    },
    queryClient,
  );
}
