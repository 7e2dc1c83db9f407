import { apiPaths } from '@pi-enroll/shared/api-paths';
import type { ApiClient } from '../../../lib/api-client';

/** `DELETE /session`: signs the user out (idempotent: 204 with or without a session). */
export function signOut(api: ApiClient): Promise<void> {
  return api.request<void>(apiPaths.session, { method: 'DELETE' });
}
