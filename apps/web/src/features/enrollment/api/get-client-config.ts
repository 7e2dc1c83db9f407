import type { ClientConfig } from '@pi-enroll/shared';
import { apiPaths } from '@pi-enroll/shared/api-paths';
import { queryOptions } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client';
import { bffKey, flowOwnedRequest } from './request-policy';

/** `GET /config`: the public facts the widget needs before anyone signs in. */
export function getClientConfig(api: ApiClient): Promise<ClientConfig> {
  return api.request<ClientConfig>(apiPaths.config);
}

/** The config does not change while the page is open: fetched once per BFF, then read from the cache. */
export function clientConfigQueryOptions(api: ApiClient) {
  return queryOptions({
    queryKey: [...bffKey(api), 'config'] as const,
    queryFn: () => getClientConfig(api),
    staleTime: Infinity,
    ...flowOwnedRequest,
  });
}
