import type { ClientConfig } from '@pi-enroll/shared';
import { apiPaths } from '@pi-enroll/shared/api-paths';
import type { ApiClient } from '../../../lib/api-client';

/** `GET /config`: the public facts the widget needs before anyone signs in. */
export function getClientConfig(api: ApiClient): Promise<ClientConfig> {
  return api.request<ClientConfig>(apiPaths.config);
}
