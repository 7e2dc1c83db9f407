import { apiPaths } from '@pi-enroll/shared/api-paths';
import type { ApiClient } from '../../../lib/api-client';

export interface CancelEnrollmentOptions {
  /** Lets the request outlive the page (closing the tab or the widget). */
  keepalive?: boolean;
}

/**
 * `DELETE /enrollment`: removes the pending token so it cannot lock the user out. Idempotent, so it is also
 * sent when the widget closes; `keepalive` lets that request outlive the page.
 */
export function cancelEnrollment(api: ApiClient, options: CancelEnrollmentOptions = {}): Promise<void> {
  return api.request<void>(apiPaths.enrollment, { method: 'DELETE', keepalive: options.keepalive ?? false });
}
