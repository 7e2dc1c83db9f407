import type { SignInMethodList } from '@pi-enroll/shared';
import { apiPaths } from '@pi-enroll/shared/api-paths';
import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client';

/** `GET /methods`: every sign-in method of the user, read-only ones included, and what they may do. */
export function getMethods(api: ApiClient): Promise<SignInMethodList> {
  return api.request<SignInMethodList>(apiPaths.methods);
}

/**
 * The list, under the same `['pi-enroll', baseUrl]` prefix as the flow's reads. Always read afresh when the list
 * appears (`staleTime: 0`; an enrollment or a removal elsewhere changes it), invalidated by every write here.
 */
export function methodsQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: ['pi-enroll', api.baseUrl, 'methods'] as const,
    queryFn: () => getMethods(api),
    staleTime: 0,
    retry: false,
  });
}
