import { successEnvelope } from '../envelope.js';
import { privacyIdeaErrors } from '../privacyidea-error.js';
import { isTrue, ok, presentParam, type RouteHandler } from '../request-context.js';
import type { TokenRecord } from '../token-store.js';
import { tokenView } from '../token-view.js';

const DEFAULT_PAGE_SIZE = 15;

/**
 * `GET /token/` with the filters of privacyIDEA's `_create_token_query` (recorded §8.3):
 * - `serial`, `description`, `rollout_state`: exact and case-insensitive, or a LIKE match when the value contains
 *   `*`. The `serial` wildcard is not in the recording; it follows privacyIDEA's source (the BFF relies on it).
 * - `user` (+ `realm`, else the default realm) or `realm` alone; `type`; `active`; `assigned`.
 * - `infokey` + `infovalue`: exact; `infokey` alone is ignored.
 * - Sorted by serial, `pagesize` (15) / `page` with `count`, `current` (3.11 only; 3.13 §1.6), `next`, `prev`.
 * A realm user's JWT sees only that user's tokens.
 */
export const tokenListRoute: RouteHandler = ({ params, state, nowMs, caller }) => {
  let tokens = state.tokens.all();

  if (caller?.role === 'user') {
    tokens = tokens.filter((t) => t.owner?.username === caller.username && t.owner.realm === caller.realm);
  } else {
    const userParam = presentParam(params, 'user');
    const realmParam = presentParam(params, 'realm');
    if (userParam !== undefined) {
      const resolved = state.users.resolve(userParam, realmParam);
      if (resolved === undefined) throw privacyIdeaErrors.userNotFound();
      tokens = tokens.filter((t) => t.owner?.username === resolved.user.username && t.owner.realm === resolved.realm.name);
    } else if (realmParam !== undefined) {
      tokens = tokens.filter((t) => t.owner?.realm.toLowerCase() === realmParam.toLowerCase());
    }
  }

  const serial = presentParam(params, 'serial');
  if (serial !== undefined) tokens = tokens.filter((t) => likeOrEqual(serial, t.serial));
  const description = presentParam(params, 'description');
  if (description !== undefined) tokens = tokens.filter((t) => likeOrEqual(description, t.description));
  const rolloutState = presentParam(params, 'rollout_state');
  if (rolloutState !== undefined) tokens = tokens.filter((t) => likeOrEqual(rolloutState, t.rolloutState));
  const type = presentParam(params, 'type');
  if (type !== undefined) tokens = tokens.filter((t) => t.tokentype === type.toLowerCase());
  const active = presentParam(params, 'active');
  if (active !== undefined) tokens = tokens.filter((t) => t.active === isTrue(active));
  const assigned = presentParam(params, 'assigned');
  if (assigned !== undefined) tokens = tokens.filter((t) => (t.owner !== undefined) === isTrue(assigned));
  const infokey = presentParam(params, 'infokey');
  const infovalue = presentParam(params, 'infovalue');
  if (infokey !== undefined && infovalue !== undefined) tokens = tokens.filter((t) => t.info[infokey] === infovalue);

  tokens.sort(bySerial);
  const pageSize = positiveInteger(presentParam(params, 'pagesize'), DEFAULT_PAGE_SIZE);
  const page = positiveInteger(presentParam(params, 'page'), 1);
  const pages = Math.ceil(tokens.length / pageSize);
  const onPage: TokenRecord[] = tokens.slice((page - 1) * pageSize, page * pageSize);
  const value = {
    count: tokens.length,
    ...(state.profile.tokenListCurrent ? { current: page } : {}),
    next: page < pages ? page + 1 : null,
    prev: page > 1 ? page - 1 : null,
    tokens: onPage.map(tokenView),
  };
  return ok(successEnvelope(value, nowMs));
};

function bySerial(a: TokenRecord, b: TokenRecord): number {
  return a.serial < b.serial ? -1 : a.serial > b.serial ? 1 : 0;
}

/** SQL `LIKE` with `*` as `%` when the filter has a `*`, else case-insensitive equality. */
function likeOrEqual(filter: string, value: string): boolean {
  if (!filter.includes('*')) return filter.toLowerCase() === value.toLowerCase();
  const pattern = filter
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`, 'is').test(value);
}

function positiveInteger(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number.parseInt(value, 10);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}
