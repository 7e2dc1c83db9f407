import { methodPath } from '@pi-enroll/shared/api-paths';
import type { ApiClient } from '../../../lib/api-client';

/** `DELETE /methods/{serial}`: 204, or 403 `step_up_required` (with `stepUpMethods`), 409 `last_method`, 404. */
export function removeMethod(api: ApiClient, serial: string): Promise<void> {
  return api.request<void>(methodPath(serial), { method: 'DELETE' });
}
