import { randomBytes } from 'node:crypto';
import { ADMIN_RIGHTS, USER_RIGHTS, authValue } from '../auth-profiles.js';
import { successEnvelope } from '../envelope.js';
import { JWT_LIFETIME_SECONDS, signJwt, type Role } from '../jwt.js';
import { privacyIdeaErrors } from '../privacyidea-error.js';
import { ok, presentParam, type RouteHandler } from '../request-context.js';

/**
 * `POST /auth`: a local admin (when no realm is named) or a realm user (`realm=`, `user@realm`, or the default
 * realm). Any failure, including a missing password, is 401/4031 with `detail: {}` (recorded j1, j2, j2b, b3).
 */
export const authRoute: RouteHandler = ({ params, state, nowMs }) => {
  const username = presentParam(params, 'username');
  const password = params['password'];
  const realmParam = presentParam(params, 'realm');
  if (username === undefined || password === undefined) throw privacyIdeaErrors.wrongCredentials();

  let identity: { role: Role; username: string; realm: string } | undefined;
  const admin = realmParam === undefined ? state.users.admin(username) : undefined;
  if (admin !== undefined && admin.password === password) {
    identity = { role: 'admin', username: admin.username, realm: '' };
  } else {
    const resolved = state.users.resolve(username, realmParam);
    if (resolved !== undefined && resolved.user.password === password) {
      identity = { role: 'user', username: resolved.user.username, realm: resolved.realm.name };
    }
  }
  if (identity === undefined) throw privacyIdeaErrors.wrongCredentials();

  const rights = [...(identity.role === 'admin' ? ADMIN_RIGHTS : USER_RIGHTS)];
  const jwt = signJwt(
    {
      username: identity.username,
      realm: identity.realm,
      nonce: randomBytes(20).toString('hex'),
      role: identity.role,
      authtype: 'password',
      exp: Math.floor(nowMs / 1000) + JWT_LIFETIME_SECONDS,
      rights,
    },
    state.jwtSecret,
  );
  return ok(
    successEnvelope(authValue(identity.role, identity.username, identity.realm, jwt), nowMs, {
      id: 2,
      authentication: 'ACCEPT',
    }),
  );
};
