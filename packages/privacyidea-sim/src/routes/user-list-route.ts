import { successEnvelope } from '../envelope.js';
import { ok, presentParam, type RouteHandler } from '../request-context.js';

/**
 * `GET /user/?realm=` (recorded Appendix A): the realm's users in resolver order, keys sorted. `username` filters
 * (with `*` wildcards). A realm user's JWT sees only that user. An unknown realm lists nobody.
 */
export const userListRoute: RouteHandler = ({ params, state, nowMs, caller }) => {
  const realmName = caller?.role === 'user' ? caller.realm : presentParam(params, 'realm');
  const realm = realmName === undefined ? state.users.defaultRealm() : state.users.realm(realmName);
  const usernameFilter = caller?.role === 'user' ? caller.username : presentParam(params, 'username');
  const matcher = usernameFilter === undefined ? undefined : wildcard(usernameFilter);
  const users = (realm?.users ?? []).filter((user) => matcher === undefined || matcher.test(user.username));
  return ok(
    successEnvelope(
      users.map((user) => ({
        editable: false,
        email: user.email ?? '',
        givenname: user.givenname ?? '',
        mobile: [...(user.mobile ?? [])],
        phone: user.phone ?? '',
        resolver: realm?.resolver ?? '',
        surname: user.surname ?? '',
        userid: user.userid,
        username: user.username,
      })),
      nowMs,
    ),
  );
};

function wildcard(filter: string): RegExp {
  const pattern = filter
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`, 'i');
}
