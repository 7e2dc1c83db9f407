import type { StepUpState } from '@pi-enroll/shared';
import { apiPaths } from '@pi-enroll/shared/api-paths';
import type { ApiClient } from '../../../lib/api-client';

/** `POST /session/step-up`: a code from one of the user's methods; 401 `invalid_credentials` when wrong. */
export function stepUp(api: ApiClient, code: string): Promise<StepUpState> {
  return api.request<StepUpState>(apiPaths.stepUp, { method: 'POST', body: { code } });
}
