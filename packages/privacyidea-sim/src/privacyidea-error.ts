/**
 * The errors privacyIDEA answers, with the exact HTTP status, `result.error.code` and message text recorded.
 * Some privacyIDEA error classes prefix the message with `ERR<code>: `, others do not; each factory says which.
 */
export class PrivacyIdeaError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: number,
    message: string,
    /** `/auth` failures carry `detail: {}`, every other error `detail: null` (recorded). */
    readonly detailIsEmptyObject = false,
  ) {
    super(message);
    this.name = 'PrivacyIdeaError';
  }
}

export const INTERNAL_SERVER_ERROR_MESSAGE =
  '500 Internal Server Error: The server encountered an internal error and was unable to complete your request. ' +
  'Either the server is overloaded or there is an error in the application.';

export const privacyIdeaErrors = {
  wrongCredentials: () => new PrivacyIdeaError(401, 4031, 'Authentication failure. Wrong credentials', true),
  missingAuthorizationHeader: () => new PrivacyIdeaError(401, 4033, 'Authentication failure. Missing Authorization header.'),
  authorizationDecoding: (reason: string) =>
    new PrivacyIdeaError(401, 4304, `Authentication failure. Error decoding the Authorization token: ${reason}`),
  authorizationExpired: () =>
    new PrivacyIdeaError(401, 4305, 'Authentication failure. Your token has expired: Signature has expired'),
  wrongRole: (roles: readonly string[]) =>
    new PrivacyIdeaError(
      401,
      4306,
      `Authentication failure. You do not have the necessary role (${pythonList(roles)}) to access this resource!`,
    ),
  tokenInitFailed: (reason: string) => new PrivacyIdeaError(400, 301, `ERR301: init token failed: ${reason}`),
  tokenNotFound: () => new PrivacyIdeaError(404, 601, 'The requested token could not be found.'),
  userNotFound: () => new PrivacyIdeaError(400, 904, 'ERR904: The user can not be found in any resolver in this realm!'),
  /** 3.13+ at /validate/check (recorded-api-3.13 E1): privacyIDEA's `User.__str__` is `<login@realm>`. */
  userDoesNotExist: (loginAtRealm: string) => new PrivacyIdeaError(400, 904, `ERR904: User <${loginAtRealm}> does not exist.`),
  parameter: (message: string) => new PrivacyIdeaError(400, 905, `ERR905: ${message}`),
  missingParameter: (name: string) => new PrivacyIdeaError(400, 905, `ERR905: Missing parameter: '${name}'`),
  /** What Flask answers for an unhandled exception; privacyIDEA has a few reachable ones (recorded j12, j14). */
  internalServerError: () => new PrivacyIdeaError(500, -500, INTERNAL_SERVER_ERROR_MESSAGE),
};

function pythonList(items: readonly string[]): string {
  return `[${items.map((item) => `'${item}'`).join(', ')}]`;
}
