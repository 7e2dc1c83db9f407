import type { Role } from './jwt.js';
import type { RouteHandler } from './request-context.js';
import { authRoute } from './routes/auth-route.js';
import { healthzRoute, livezRoute, readyzRoute, startupzRoute } from './routes/healthz-routes.js';
import { tokenInitRoute } from './routes/token-init-route.js';
import { tokenListRoute } from './routes/token-list-route.js';
import {
  deleteTokenInfoRoute,
  deleteTokenRoute,
  disableTokenRoute,
  enableTokenRoute,
  resetTokenRoute,
  setDescriptionRoute,
  setTokenInfoRoute,
  setTokenRoute,
} from './routes/token-management-routes.js';
import { userListRoute } from './routes/user-list-route.js';
import { validateCheckRoute } from './routes/validate-check-route.js';
import { validateInitializeRoute } from './routes/validate-fido2-routes.js';

export interface RouteDefinition {
  method: 'GET' | 'POST' | 'DELETE';
  /** Flask-style path; `:name` matches one non-empty segment. The trailing slash matters, as in Flask. */
  pattern: string;
  /** Roles whose JWT may call the route; empty = no authentication (/auth, /validate/check, /healthz). */
  roles: readonly Role[];
  handler: RouteHandler;
}

const ADMIN: readonly Role[] = ['admin'];
const ADMIN_OR_USER: readonly Role[] = ['admin', 'user'];
const PUBLIC: readonly Role[] = [];

/** Every privacyIDEA endpoint the simulator speaks. Route keys (`POST /token/init`) name faults and counters. */
export const privacyIdeaRoutes: readonly RouteDefinition[] = [
  { method: 'POST', pattern: '/auth', roles: PUBLIC, handler: authRoute },
  { method: 'POST', pattern: '/validate/check', roles: PUBLIC, handler: validateCheckRoute },
  { method: 'GET', pattern: '/validate/check', roles: PUBLIC, handler: validateCheckRoute },
  { method: 'POST', pattern: '/validate/initialize', roles: PUBLIC, handler: validateInitializeRoute },
  { method: 'GET', pattern: '/healthz/', roles: PUBLIC, handler: healthzRoute },
  { method: 'GET', pattern: '/healthz/livez', roles: PUBLIC, handler: livezRoute },
  { method: 'GET', pattern: '/healthz/readyz', roles: PUBLIC, handler: readyzRoute },
  { method: 'GET', pattern: '/healthz/startupz', roles: PUBLIC, handler: startupzRoute },
  { method: 'POST', pattern: '/token/init', roles: ADMIN, handler: tokenInitRoute },
  { method: 'GET', pattern: '/token/', roles: ADMIN_OR_USER, handler: tokenListRoute },
  { method: 'POST', pattern: '/token/enable', roles: ADMIN, handler: enableTokenRoute },
  { method: 'POST', pattern: '/token/enable/:serial', roles: ADMIN, handler: enableTokenRoute },
  { method: 'POST', pattern: '/token/disable', roles: ADMIN, handler: disableTokenRoute },
  { method: 'POST', pattern: '/token/disable/:serial', roles: ADMIN, handler: disableTokenRoute },
  { method: 'POST', pattern: '/token/reset', roles: ADMIN, handler: resetTokenRoute },
  { method: 'POST', pattern: '/token/reset/:serial', roles: ADMIN, handler: resetTokenRoute },
  { method: 'POST', pattern: '/token/set', roles: ADMIN, handler: setTokenRoute },
  { method: 'POST', pattern: '/token/set/:serial', roles: ADMIN, handler: setTokenRoute },
  { method: 'POST', pattern: '/token/description', roles: ADMIN, handler: setDescriptionRoute },
  { method: 'POST', pattern: '/token/description/:serial', roles: ADMIN, handler: setDescriptionRoute },
  { method: 'POST', pattern: '/token/info/:serial/:key', roles: ADMIN, handler: setTokenInfoRoute },
  { method: 'DELETE', pattern: '/token/info/:serial/:key', roles: ADMIN, handler: deleteTokenInfoRoute },
  { method: 'DELETE', pattern: '/token/:serial', roles: ADMIN, handler: deleteTokenRoute },
  { method: 'GET', pattern: '/user/', roles: ADMIN_OR_USER, handler: userListRoute },
];

export type RouteMatch =
  | { kind: 'route'; key: string; route: RouteDefinition; pathParams: Record<string, string> }
  | { kind: 'redirect'; key: string; location: string }
  | { kind: 'method-not-allowed'; key: string; allowed: string[] }
  | { kind: 'not-found'; key: string };

/** Flask routing: exact match, else a 308 to the slash-terminated URL, else 405 for another method, else 404. */
export function matchRoute(method: string, pathname: string): RouteMatch {
  const unmatchedKey = `${method} ${pathname}`;
  const forPath = (path: string): { route: RouteDefinition; pathParams: Record<string, string> }[] =>
    privacyIdeaRoutes.flatMap((route) => {
      const pathParams = matchPattern(route.pattern, path);
      return pathParams === undefined ? [] : [{ route, pathParams }];
    });
  const candidates = forPath(pathname);
  const exact = candidates.find((c) => c.route.method === method);
  if (exact !== undefined) {
    return { kind: 'route', key: `${method} ${exact.route.pattern}`, route: exact.route, pathParams: exact.pathParams };
  }
  if (candidates.length > 0) {
    return { kind: 'method-not-allowed', key: unmatchedKey, allowed: [...new Set(candidates.map((c) => c.route.method))] };
  }
  if (!pathname.endsWith('/') && forPath(`${pathname}/`).some((c) => c.route.method === method)) {
    return { kind: 'redirect', key: unmatchedKey, location: `${pathname}/` };
  }
  return { kind: 'not-found', key: unmatchedKey };
}

function matchPattern(pattern: string, pathname: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = pathname.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const expected = want[i] ?? '';
    const actual = got[i] ?? '';
    if (expected.startsWith(':')) {
      if (actual === '') return undefined;
      try {
        params[expected.slice(1)] = decodeURIComponent(actual);
      } catch {
        return undefined;
      }
    } else if (expected !== actual) {
      return undefined;
    }
  }
  return params;
}
