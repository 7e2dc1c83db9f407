import type { Session } from '@pi-enroll/shared';
import { apiPaths } from '@pi-enroll/shared/api-paths';
import { queryOptions } from '@tanstack/react-query';
import { ApiProblemError, type ApiClient } from '../../../lib/api-client';
import { bffKey, flowOwnedRequest } from './request-policy';

/**
 * `GET /session`: who is signed in, their tokens and any unfinished enrollment; `null` when nobody is (204 on a
 * first visit, 401 when the session ended).
 */
export async function getSession(api: ApiClient): Promise<Session | null> {
  try {
    return (await api.request<Session | undefined>(apiPaths.session)) ?? null;
  } catch (error) {
    if (error instanceof ApiProblemError && error.problem.code === 'unauthenticated') return null;
    throw error;
  }
}

/**
 * The session. Always read afresh when the flow asks (signing in changes it), and invalidated by every write,
 * so a host that shows it (e.g. the user's tokens) sees the new token once the code was confirmed. It may hold a
 * pending enrollment's secret: dropped from the cache as soon as nothing observes it (`gcTime: 0`).
 */
export function sessionQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: [...bffKey(api), 'session'] as const,
    queryFn: () => getSession(api),
    staleTime: 0,
    gcTime: 0,
    ...flowOwnedRequest,
  });
}
