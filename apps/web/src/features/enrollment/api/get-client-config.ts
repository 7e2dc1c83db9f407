import type { ClientConfig } from '@pi-enroll/shared';
import { apiPaths } from '@pi-enroll/shared/api-paths';
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import type { ApiClient } from '../../../lib/api-client';
import { bffKey, flowOwnedRequest } from './request-policy';

/** `GET /config`: the public facts the widget needs before anyone signs in. */
export function getClientConfig(api: ApiClient): Promise<ClientConfig> {
  return api.request<ClientConfig>(apiPaths.config);
}

/**
 * The config does not change while the page is open: fetched once per BFF, then read from the cache, and kept
 * there (`gcTime: Infinity`) although the flow fetches it without an observer.
 */
export function clientConfigQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: [...bffKey(api), 'config'] as const,
    queryFn: () => getClientConfig(api),
    staleTime: Infinity,
    gcTime: Infinity,
    ...flowOwnedRequest,
  });
}

/**
 * The config as the query cache has it, once the flow fetched it; `undefined` before. A subscription to the
 * cache rather than `useQuery`: the flow decides when the config is fetched, and a query observer would add
 * 2.3 KB gzip to a widget near its budget.
 */
export function useCachedClientConfig(queryClient: QueryClient, api: ApiClient): ClientConfig | undefined {
  const { queryKey } = clientConfigQueryOptions(api);
  const subscribe = useCallback((changed: () => void) => queryClient.getQueryCache().subscribe(changed), [queryClient]);
  return useSyncExternalStore(subscribe, () => queryClient.getQueryData(queryKey));
}
