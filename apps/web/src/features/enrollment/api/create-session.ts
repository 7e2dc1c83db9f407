import type { CreateSessionRequest } from '@pi-enroll/shared';
import { apiPaths } from '@pi-enroll/shared/api-paths';
import type { ApiClient } from '../../../lib/api-client';

/** `POST /session`: signs in with a launch token, a password (plus an OTP on step-up) or a demo user. */
export function createSession(api: ApiClient, credentials: CreateSessionRequest): Promise<void> {
  return api.request<void>(apiPaths.session, { method: 'POST', body: credentials });
}
