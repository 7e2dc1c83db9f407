import type { SignInMethod } from '@pi-enroll/shared';
import { methodPath } from '@pi-enroll/shared/api-paths';
import type { ApiClient } from '../api-client';

/**
 * `PATCH /methods/{serial}`: a new description (the device's name). Shared by the done screen (naming the new
 * device) and the list (renaming any manageable method), hence in lib/ rather than in one feature.
 */
export function renameMethod(api: ApiClient, serial: string, description: string): Promise<SignInMethod> {
  return api.request<SignInMethod>(methodPath(serial), { method: 'PATCH', body: { description } });
}
