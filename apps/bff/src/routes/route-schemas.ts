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
    description: 'Identity modes offered here, the sign-in methods offered (ENROLL_METHODS, in order, with what the user needs for each), demo users (simulator only), the OTP parameters, framing origins, the enrollment lifetime and attempt limit. No secrets; no session needed.',
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
      'Starts an enrollment of `type` (default: the first offered method) and answers it, discriminated by `type` (201): `totp` a key and its otpauth URI, nothing created in privacyIDEA until the code is confirmed; `email` the masked address privacyIDEA mailed a code to (502 `email_send_failed` when it could not, 409 `no_email_address` without one; no token is left either way); `recovery` the codes and which one to type back, nothing created until then (409 `other_method_required` for a user with no other method); `passkey` the registration options. 400 `method_not_offered` for a type this deployment does not offer. While one is pending, answers it again (200). 409 when the user may not add another method. `settings: "compatible"` starts over with SHA1 / 6 / 30; `replaces: <serial>` replaces one of the user\'s methods once the new one is confirmed (403 `step_up_required` without a fresh step-up, 404 for a serial that is not theirs).',
  },
  [`GET ${apiPaths.enrollment}`]: {
    summary: 'The pending enrollment',
    description: 'The pending enrollment with its secret, for its owner only. 404 when there is none, 409 when its tries ran out, 410 when it expired.',
  },
  [`DELETE ${apiPaths.enrollment}`]: {
    summary: 'Cancel the pending enrollment',
    description: 'Ends the pending enrollment for every copy of the session; a confirmed method is never removed by it. Idempotent: 204 when nothing is pending.',
  },
  [`POST ${apiPaths.resendEnrollment}`]: {
    summary: 'Send a new email code',
    description:
      'Email only: privacyIDEA mails a new code to the same address (the earlier code stops working) and the pending enrollment is answered with the next `resendAvailableAt` (200). 429 `resend_too_soon` (Retry-After) within EMAIL_RESEND_COOLDOWN_SECONDS of the last code, 409 `resend_not_supported` for any other method, 502 `email_send_failed` when the mail could not be sent (the enrollment is then ended and its token removed), 404 without a pending enrollment, 410 when it expired.',
  },
  [`POST ${apiPaths.verifyEnrollment}`]: {
    summary: 'Confirm with a code or a credential',
    description:
      '`{code}` for totp, email and recovery, `{credential}` (a RegistrationResponseJSON) for passkey. For an authenticator app: checks a current code from the new authenticator; only then is the token created, and privacyIDEA spends the code (200). Recovery codes: the code named by `confirmCodeNumber`; only then is the set created in privacyIDEA (and an older set removed). Email: the mailed code, checked by privacyIDEA. A wrong code is 422 with the attempts left and, when the BFF can tell, why (`reason`); the last wrong one answers 409. 404 without a pending enrollment, 410 when it expired, 409 `enrollment_restart_required` when privacyIDEA changed the settings.',
  },
  [`GET ${apiPaths.methods}`]: {
    summary: "The user's sign-in methods",
    description: 'Every token privacyIDEA holds for the user (read-only for types pi-enroll does not manage), with when it was added and last used; whether another may be added or the last removed; and the step-up state.',
  },
  [`PATCH ${apiPaths.methods}/:serial`]: {
    summary: 'Rename a method',
    description: "Sets the method's description. 404 for a serial that is not one of the user's methods, exactly as for one that does not exist.",
  },
  [`DELETE ${apiPaths.methods}/:serial`]: {
    summary: 'Remove a method',
    description: 'Needs a fresh step-up or sign-in (403 `step_up_required` names the methods that can give one). The last method only when ALLOW_REMOVING_LAST_METHOD (else 409 `last_method`). 404 for a serial that is not the user\'s.',
  },
  [`POST ${apiPaths.methods}/:serial/try`]: {
    summary: 'Try a new security key',
    description:
      'One real login with an enrolled passkey of the user, through privacyIDEA. Without `credential`: the options for `navigator.credentials.get` (and a `transactionId`); `credentialId` limits them to that key. With `transactionId` and `credential` (an AuthenticationResponseJSON): `ok` when privacyIDEA accepted a signature of this very key, else `failed` with a reason. 404 for a serial that is not the user\'s, 400 for one that is not an enrolled passkey.',
  },
  [`POST ${apiPaths.stepUp}`]: {
    summary: 'Confirm it is still you',
    description: 'A current code from one of the user\'s methods (a recovery code too): for STEP_UP_MAX_AGE_SECONDS, methods may be removed or replaced. 401 `invalid_credentials` for a wrong code.',
  },
};
