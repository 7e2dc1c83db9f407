import { privacyIdeaErrors } from '../privacyidea-error.js';
import { presentParam, type RequestContext } from '../request-context.js';
import type { TokenRecord } from '../token-store.js';

/**
 * The tokens a management call applies to: `serial` (from the path or the body) and/or `user` (+ `realm`).
 * Neither → 400/905 (recorded j17), unknown serial → 404/601 (recorded f5), unknown user → 400/904.
 */
export function selectTokens({ params, pathParams, state }: RequestContext): TokenRecord[] {
  const serial = pathParams['serial'] ?? presentParam(params, 'serial');
  const userParam = presentParam(params, 'user');
  if (serial === undefined && userParam === undefined) {
    throw privacyIdeaErrors.parameter('You either need to provide user or serial');
  }
  let tokens: TokenRecord[];
  if (userParam !== undefined) {
    const resolved = state.users.resolve(userParam, presentParam(params, 'realm'));
    if (resolved === undefined) throw privacyIdeaErrors.userNotFound();
    tokens = state.tokens.ofUser(resolved.user.username, resolved.realm.name);
    if (serial !== undefined) tokens = tokens.filter((t) => t.serial.toUpperCase() === serial.toUpperCase());
  } else {
    const token = serial === undefined ? undefined : state.tokens.find(serial);
    tokens = token === undefined ? [] : [token];
  }
  if (serial !== undefined && tokens.length === 0) throw privacyIdeaErrors.tokenNotFound();
  return tokens;
}

/** One token by its serial (path routes such as `/token/info/<serial>/<key>`); unknown → 404/601. */
export function tokenBySerial({ pathParams, params, state }: RequestContext): TokenRecord {
  const serial = pathParams['serial'] ?? presentParam(params, 'serial');
  if (serial === undefined) throw privacyIdeaErrors.missingParameter('serial');
  const token = state.tokens.find(serial);
  if (token === undefined) throw privacyIdeaErrors.tokenNotFound();
  return token;
}
