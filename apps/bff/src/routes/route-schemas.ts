import { ProblemSchema, apiPaths } from '@pi-enroll/shared';

/** Where a route's errors can come from besides its own handler (whose specific problems it declares itself). */
export interface ProblemSources {
  /** POST/DELETE: the origin check (403) and the JSON body parser (400, 413, 415). */
  stateChanging?: boolean;
  /** It needs a signed-in user, or signs one in (401). */
  session?: boolean;
  /** One of the rate limits of plugins/rate-limits.ts applies (429). */
  rateLimited?: boolean;
  /** It calls privacyIDEA (502 upstream_error, 503 upstream_unavailable). */
  upstream?: boolean;
}

/**
 * The problem answers a route can really give, declared so the OpenAPI document lists those and no others.
 * Every route may answer 500 (internal_error: the error handler's answer to a bug).
 */
export function problemsFor(sources: ProblemSources) {
  return {
    ...(sources.stateChanging === true ? { 400: ProblemSchema, 403: ProblemSchema, 413: ProblemSchema, 415: ProblemSchema } : {}),
    ...(sources.session === true ? { 401: ProblemSchema } : {}),
    ...(sources.rateLimited === true ? { 429: ProblemSchema } : {}),
    500: ProblemSchema,
    ...(sources.upstream === true ? { 502: ProblemSchema, 503: ProblemSchema } : {}),
  };
}

/** Every source at once: for routes not yet declaring their own (prefer problemsFor). */
export const commonProblems = problemsFor({ stateChanging: true, session: true, rateLimited: true, upstream: true });

interface OperationDoc {
  summary: string;
  description: string;
}

/**
 * What each API operation is for, as the OpenAPI document shows it (plugins/openapi.ts adds them to the routes).
 * Keyed by method and path without BASE_PATH.
 */
export const operationDocs: Record<string, OperationDoc> = {
  [`GET ${apiPaths.config}`]: {
    summary: 'What the widget needs before sign-in',
    description: 'Identity modes offered here, demo users (simulator only), the OTP parameters, framing origins, the enrollment lifetime and attempt limit. No secrets; no session needed.',
  },
  [`POST ${apiPaths.session}`]: {
    summary: 'Sign in',
    description:
      'With a launch token from the host site, a user name and password (plus a current code when the user already has a token: `step_up_required`), or a demo user. Always starts a new session (cookie) and ends the one the browser had. Every credential failure is the same `invalid_credentials`.',
  },
  [`GET ${apiPaths.session}`]: {
    summary: 'Who is signed in',
    description: "The signed-in user, their confirmed tokens and the pending enrollment, if any. Behind a trusted SSO proxy the proxy's header signs the user in here.",
  },
  [`DELETE ${apiPaths.session}`]: {
    summary: 'Sign out',
    description: 'Ends the session for every replica (a copied cookie dies with it) and clears the cookie. Idempotent: 204 without a session too.',
  },
  [`POST ${apiPaths.enrollment}`]: {
    summary: 'Start an enrollment',
    description:
      'Creates a TOTP token in privacyIDEA that cannot be used until confirmed, and answers its secret and otpauth URI (201). While one is pending, answers it again (200). 409 when the user may not add another token.',
  },
  [`GET ${apiPaths.enrollment}`]: {
    summary: 'The pending enrollment',
    description: 'The pending enrollment with its secret, for its owner only. 404 when there is none, 410 when it expired (its token is deleted).',
  },
  [`DELETE ${apiPaths.enrollment}`]: {
    summary: 'Cancel the pending enrollment',
    description: 'Deletes the unconfirmed token. Idempotent: 204 when nothing is pending.',
  },
  [`POST ${apiPaths.verifyEnrollment}`]: {
    summary: 'Confirm with a code',
    description:
      'Checks a current code from the new authenticator; on success the token becomes usable (200). A wrong code is 422 with the attempts left; the last wrong one deletes the token and answers 409. 404 without a pending enrollment, 410 when it expired.',
  },
};
