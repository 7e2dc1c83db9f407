import type { QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client';
import { pendingEnrollmentQueryOptions } from './get-pending-enrollment';
import { sessionQueryOptions } from './get-session';

/**
 * After any write (sign in, start, confirm, cancel), successful or not, the session (its user, tokens and
 * pending enrollment) and the pending enrollment may have changed on the server: whoever shows them reads them
 * again. Not awaited: the flow goes on with the write's own answer.
 */
export function invalidateEnrollmentReads(queryClient: QueryClient, api: ApiClient): void {
  void queryClient.invalidateQueries({ queryKey: sessionQueryOptions(api).queryKey });
  void queryClient.invalidateQueries({ queryKey: pendingEnrollmentQueryOptions(api).queryKey });
}

/**
 * Runs a write's fetcher and invalidates the reads once it settled. Writes are plain fetchers, not mutations:
 * the flow state is their one owner, and a mutation would keep the password, the code or the new secret in its
 * variables and data until someone remembered to reset it.
 */
export async function settleWrite<T>(queryClient: QueryClient, api: ApiClient, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } finally {
    invalidateEnrollmentReads(queryClient, api);
  }
}
