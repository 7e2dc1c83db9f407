import type { CreateSessionRequest } from '@pi-enroll/shared';
import { apiPaths } from '@pi-enroll/shared/api-paths';
import { useMutation, type QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client';
import { invalidateEnrollmentReads } from './invalidate-enrollment-reads';
import { bffKey, flowOwnedRequest } from './request-policy';

/** `POST /session`: signs in with a launch token, a password (plus an OTP on step-up) or a demo user. */
export function createSession(api: ApiClient, credentials: CreateSessionRequest): Promise<void> {
  return api.request<void>(apiPaths.session, { method: 'POST', body: credentials });
}

export function useCreateSession(api: ApiClient, queryClient: QueryClient) {
  return useMutation(
    {
      mutationKey: [...bffKey(api), 'create-session'],
      mutationFn: (credentials: CreateSessionRequest) => createSession(api, credentials),
      // The variables are a password or a launch token: gone from the cache as soon as nothing observes them.
      gcTime: 0,
      onSettled: () => invalidateEnrollmentReads(queryClient, api),
      ...flowOwnedRequest,
    },
    queryClient,
  );
}
