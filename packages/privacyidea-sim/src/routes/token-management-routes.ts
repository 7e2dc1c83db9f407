import { successEnvelope } from '../envelope.js';
import { privacyIdeaErrors } from '../privacyidea-error.js';
import { ok, type RouteHandler } from '../request-context.js';
import { selectTokens, tokenBySerial } from './token-selection.js';

/** `value` = number of tokens whose state changed: disabling twice answers 0 (recorded d4). */
export const enableTokenRoute: RouteHandler = (ctx) => setActive(ctx, true);
export const disableTokenRoute: RouteHandler = (ctx) => setActive(ctx, false);

const setActive = (ctx: Parameters<RouteHandler>[0], active: boolean): ReturnType<RouteHandler> => {
  let changed = 0;
  for (const token of selectTokens(ctx)) {
    if (token.active !== active) {
      token.active = active;
      changed += 1;
    }
  }
  return ok(successEnvelope(changed, ctx.nowMs));
};

/** Failcount back to 0; `value` = number of tokens reset. */
export const resetTokenRoute: RouteHandler = (ctx) => {
  const tokens = selectTokens(ctx);
  for (const token of tokens) token.failcount = 0;
  return ok(successEnvelope(tokens.length, ctx.nowMs));
};

/**
 * `/token/set`: `value` = attributes set × tokens. The parameter is `max_failcount` (the field is `maxfail`);
 * `maxfail=` is not a parameter and is silently ignored (recorded e10: value 0).
 */
export const setTokenRoute: RouteHandler = (ctx) => {
  const tokens = selectTokens(ctx);
  const { params } = ctx;
  const numeric = (name: string): number | undefined => {
    const raw = params[name];
    if (raw === undefined) return undefined;
    if (!/^\s*\d+\s*$/.test(raw)) throw privacyIdeaErrors.parameter(`Parameter ${name} must be an integer.`);
    return Number.parseInt(raw, 10);
  };
  let set = 0;
  const apply = (present: boolean, update: (token: (typeof tokens)[number]) => void): void => {
    if (!present) return;
    tokens.forEach(update);
    set += tokens.length;
  };
  const description = params['description'];
  const maxFailcount = numeric('max_failcount');
  const countWindow = numeric('count_window');
  const syncWindow = numeric('sync_window');
  apply(description !== undefined, (t) => (t.description = description ?? ''));
  apply(maxFailcount !== undefined, (t) => (t.maxfail = maxFailcount ?? t.maxfail));
  apply(countWindow !== undefined, (t) => (t.countWindow = countWindow ?? t.countWindow));
  apply(syncWindow !== undefined, (t) => (t.syncWindow = syncWindow ?? t.syncWindow));
  for (const infoKey of ['hashlib', 'timeWindow', 'timeStep', 'timeShift', 'count_auth_max', 'count_auth_success_max']) {
    const value = params[infoKey];
    apply(value !== undefined, (t) => (t.info[infoKey] = value ?? ''));
  }
  return ok(successEnvelope(set, ctx.nowMs));
};

/** `POST /token/description/<serial>` (or `serial=` in the body); `value` = tokens changed. */
export const setDescriptionRoute: RouteHandler = (ctx) => {
  const description = ctx.params['description'];
  if (description === undefined) throw privacyIdeaErrors.missingParameter('description');
  const tokens = selectTokens(ctx);
  for (const token of tokens) token.description = description;
  return ok(successEnvelope(tokens.length, ctx.nowMs));
};

/** Tokeninfo is free-form: any key, even internal ones like `timeStep`; values are stored as strings. */
export const setTokenInfoRoute: RouteHandler = (ctx) => {
  const value = ctx.params['value'];
  const token = tokenBySerial(ctx);
  if (value === undefined) throw privacyIdeaErrors.missingParameter('value');
  token.info[ctx.pathParams['key'] ?? ''] = value;
  return ok(successEnvelope(true, ctx.nowMs));
};

/** Deleting a key that does not exist still answers `true` (recorded i9b). */
export const deleteTokenInfoRoute: RouteHandler = (ctx) => {
  const token = tokenBySerial(ctx);
  delete token.info[ctx.pathParams['key'] ?? ''];
  return ok(successEnvelope(true, ctx.nowMs));
};

/** `DELETE /token/<serial>`; an unknown or already deleted serial is 404/601 (recorded f2, f3). */
export const deleteTokenRoute: RouteHandler = (ctx) => {
  const token = tokenBySerial(ctx);
  ctx.state.tokens.remove(token.serial);
  ctx.state.fido2Challenges.deleteForSerial(token.serial);
  return ok(successEnvelope(1, ctx.nowMs));
};
