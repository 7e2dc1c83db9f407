/** Every BFF route, in one place, so the BFF, the web app and the mock handlers cannot drift apart. */
export const API_PREFIX = '/api/v1';

export const apiPaths = {
  config: `${API_PREFIX}/config`,
  session: `${API_PREFIX}/session`,
  enrollment: `${API_PREFIX}/enrollment`,
  verifyEnrollment: `${API_PREFIX}/enrollment/verify`,
  openapi: `${API_PREFIX}/openapi.json`,
} as const;
