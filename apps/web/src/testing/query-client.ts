import { QueryClient } from '@tanstack/react-query';

/**
 * A fresh client per test: no cache carried over from another test, and no retries anywhere (the widget's own
 * requests never retry; this keeps it so for anything a test adds).
 */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}
