import type { EnrollmentConfirmed, VerifyEnrollmentRequest } from '@pi-enroll/shared';
import { apiPaths } from '@pi-enroll/shared/api-paths';
import { useMutation, type QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client';
import { invalidateEnrollmentReads } from './invalidate-enrollment-reads';
import { bffKey, flowOwnedRequest } from './request-policy';

/** `POST /enrollment/verify`: the code from the app; only a right one makes the token usable. */
export function confirmEnrollment(api: ApiClient, request: VerifyEnrollmentRequest): Promise<EnrollmentConfirmed> {
  return api.request<EnrollmentConfirmed>(apiPaths.verifyEnrollment, { method: 'POST', body: request });
}

export function useConfirmEnrollment(api: ApiClient, queryClient: QueryClient) {
  return useMutation(
    {
      mutationKey: [...bffKey(api), 'confirm-enrollment'],
      mutationFn: (request: VerifyEnrollmentRequest) => confirmEnrollment(api, request),
      onSettled: () => invalidateEnrollmentReads(queryClient, api),
      ...flowOwnedRequest,
    },
    queryClient,
  );
}
