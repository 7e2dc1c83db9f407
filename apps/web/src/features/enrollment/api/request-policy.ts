import type { ApiClient } from '../../../lib/api-client';

/**
 * The start of every query key of the enrollment: the BFF's URL is part of it, so two
 * widgets talking to different BFFs can share one QueryClient without sharing entries.
 */
export function bffKey(api: ApiClient) {
  return ['pi-enroll', api.baseUrl] as const;
}

/**
 * How every BFF read runs under TanStack Query (writes are plain fetchers and never pass through it), set per
 * query rather than as QueryClient defaults, so a host's client with other defaults cannot change the flow. The
 * flow machine owns failures: it shows them and offers "Try again" (or retries when the browser is back online).
 * So TanStack Query must not retry by itself, must not pause a request while the browser says it is offline
 * (the user would see a spinner instead of "You seem to be offline"), and must not throw errors into render.
 */
export const flowOwnedRequest = { retry: false, networkMode: 'always', throwOnError: false } as const;
