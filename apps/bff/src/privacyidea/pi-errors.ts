/**
 * privacyIDEA error codes the BFF reacts to (recorded from a 3.11 server, see test/fixtures/privacyidea).
 * Anything else is passed on as an `upstream_error`.
 */
export const piErrorCode = {
  initFailed: 301,
  tokenNotFound: 601,
  userNotFound: 904,
  parameter: 905,
  wrongCredentials: 4031,
  missingAuthorization: 4033,
  authorizationUndecodable: 4304,
  authorizationExpired: 4305,
  wrongRole: 4306,
  serverError: -500,
} as const;

/** privacyIDEA answered, with `result.status: false`. */
export class PrivacyIdeaError extends Error {
  override name = 'PrivacyIdeaError';
  constructor(
    readonly httpStatus: number,
    readonly piCode: number,
    message: string,
    readonly endpoint: string,
  ) {
    super(`privacyIDEA ${endpoint} answered ${httpStatus}/${piCode}: ${message}`);
  }

  is(code: number): boolean {
    return this.piCode === code;
  }
}

/** privacyIDEA could not be reached or did not answer in time: worth retrying later. */
export class PrivacyIdeaUnavailableError extends Error {
  override name = 'PrivacyIdeaUnavailableError';
  constructor(
    readonly endpoint: string,
    readonly reason: string,
  ) {
    super(`privacyIDEA ${endpoint} unavailable: ${reason}`);
  }
}

/** privacyIDEA answered something that is not its JSON envelope (a proxy's HTML page, a truncated body…). */
export class PrivacyIdeaProtocolError extends Error {
  override name = 'PrivacyIdeaProtocolError';
  constructor(
    readonly endpoint: string,
    readonly httpStatus: number,
    reason: string,
  ) {
    super(`privacyIDEA ${endpoint} answered ${httpStatus} that is not an API envelope: ${reason}`);
  }
}
