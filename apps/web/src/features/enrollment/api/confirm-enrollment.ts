import type { EnrollmentConfirmed, VerifyEnrollmentRequest } from '@pi-enroll/shared';
import { apiPaths } from '@pi-enroll/shared/api-paths';
import { useMutation, type QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client';
import { sessionQueryOptions } from './get-session';
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
      // Right: a new token and no pending enrollment. Wrong: one attempt fewer, or the enrollment removed.
      onSettled: () => void queryClient.invalidateQueries({ queryKey: sessionQueryOptions(api).queryKey }),
      ...flowOwnedRequest,
    },
    queryClient,
  );
}
