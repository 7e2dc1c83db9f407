/** Every BFF route, in one place, so the BFF, the web app and the mock handlers cannot drift apart. */
export const API_PREFIX = '/api/v1';

export const apiPaths = {
  config: `${API_PREFIX}/config`,
  session: `${API_PREFIX}/session`,
  enrollment: `${API_PREFIX}/enrollment`,
  verifyEnrollment: `${API_PREFIX}/enrollment/verify`,
  /** Email only: a new code to the same address, after a cooldown. */
  resendEnrollment: `${API_PREFIX}/enrollment/resend`,
  methods: `${API_PREFIX}/methods`,
  stepUp: `${API_PREFIX}/session/step-up`,
  openapi: `${API_PREFIX}/openapi.json`,
} as const;

/** `GET`-less management of one method: `PATCH` renames it, `DELETE` removes it (after a step-up). */
export function methodPath(serial: string): string {
  return `${apiPaths.methods}/${encodeURIComponent(serial)}`;
}
