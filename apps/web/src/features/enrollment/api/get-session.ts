import type { Session } from '@pi-enroll/shared';
import { apiPaths } from '@pi-enroll/shared/api-paths';
import { ApiProblemError, type ApiClient } from '../../../lib/api-client';

/** `GET /session`: who is signed in, their tokens and any unfinished enrollment; `null` when nobody is. */
export async function getSession(api: ApiClient): Promise<Session | null> {
  try {
    return await api.request<Session>(apiPaths.session);
  } catch (error) {
    if (error instanceof ApiProblemError && error.problem.code === 'unauthenticated') return null;
    throw error;
  }
}
