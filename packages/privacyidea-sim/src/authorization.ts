import type { IncomingHttpHeaders } from 'node:http';
import { decodeJwt, type PrivacyIdeaClaims, type Role } from './jwt.js';
import { privacyIdeaErrors } from './privacyidea-error.js';

/**
 * privacyIDEA's `check_auth_token`: the raw JWT (no scheme) in `PI-Authorization`, else in `Authorization`.
 * A missing header is 4033, an undecodable one 4304, an expired one 4305, the wrong role 4306.
 */
export function authorizeRequest(
  headers: IncomingHttpHeaders,
  allowedRoles: readonly Role[],
  secret: string,
  nowMs: number,
): PrivacyIdeaClaims {
  const token = headerValue(headers['pi-authorization']) || headerValue(headers['authorization']);
  if (!token) throw privacyIdeaErrors.missingAuthorizationHeader();
  const claims = decodeJwt(token, secret, nowMs);
  if (!allowedRoles.includes(claims.role)) throw privacyIdeaErrors.wrongRole(allowedRoles);
  return claims;
}

function headerValue(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}
