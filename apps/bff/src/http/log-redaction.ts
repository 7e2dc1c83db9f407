import type { FastifyRequest } from 'fastify';

/** Field names that hold a credential or a secret wherever they appear in a logged object. */
const secretFields = [
  'password',
  'pass',
  'code',
  'otp',
  'verify',
  'secret',
  'otpauthUri',
  'launchToken',
  'token',
  'otpkey',
  'codes',
  'tans',
  'credential',
  'googleurl',
  'authorization',
  'cookie',
  'set-cookie',
  'pi-enroll-session',
  'adminPassword',
];

const prop = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `["${name}"]`);

/**
 * What pino must never write: credentials, codes, secrets, otpauth URIs, cookies, authorization headers and
 * launch tokens, wherever they appear in a logged request, response or error (top level and two levels down).
 */
export const logRedactPaths = [
  'req.headers.authorization',
  'req.headers["pi-authorization"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...secretFields.flatMap((field) => {
    const path = prop(field);
    return [...(path.startsWith('.') ? [field] : []), `*${path}`, `*.*${path}`];
  }),
];

/**
 * The request as it is logged: method, path and peer. The query string is left out: a launch token or a code in a
 * URL (a host site that puts one there against our advice) must not reach the log.
 */
export function serializeRequest(request: FastifyRequest): Record<string, unknown> {
  const [path, query] = request.url.split('?', 2);
  return {
    method: request.method,
    url: query === undefined ? path : `${path}?[redacted]`,
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket.remotePort,
  };
}

/** A user name is at most this long in a log line; longer ones were not typed by a user. */
const LOGGED_USER_NAME_MAX = 64;

/**
 * A user name as typed into a sign-in form, fit for a log line: an attacker chooses it, so it is cut to 64
 * characters (with the length it had) and control and format characters (new lines, ANSI escapes, bidi overrides)
 * are replaced by `?`, so it can neither flood the log nor forge or disguise lines in a terminal.
 */
export function typedUserNameForLog(typed: string): string {
  const characters = [...typed];
  const shown = characters.slice(0, LOGGED_USER_NAME_MAX).join('').replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '?');
  return characters.length > LOGGED_USER_NAME_MAX ? `${shown}… (${characters.length} characters)` : shown;
}
