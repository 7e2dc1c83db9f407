import { sortedKeys } from './envelope.js';
import type { PythonJson } from './python-json.js';
import type { TokenRecord } from './token-store.js';
import { tanInfoView } from './token-types/tan-token.js';

/**
 * A token as `GET /token/` shows it (recorded §5.2/§8.2): every field, keys in sorted order, tokeninfo values as
 * strings. Unassigned tokens show empty strings for the user fields, no realms and no `user_editable`, which
 * privacyIDEA adds only for a token with an owner (lib/token.py get_tokens_paginate, 3.11.5 and 3.13.3; recorded
 * 3.13 §1.6).
 */
export function tokenView(token: TokenRecord): { [key: string]: PythonJson } {
  const info: { [key: string]: PythonJson } = {};
  if (token.tokentype === 'tan') {
    // TanTokenClass.get_as_dict: no hashed TANs, their number as `tan.count` (recorded T1a).
    const { info: visible, count } = tanInfoView(token);
    for (const [key, value] of Object.entries(visible)) info[key] = value;
    info['tan.count'] = count;
  } else {
    for (const [key, value] of Object.entries(token.info)) info[key] = value;
  }
  return sortedKeys({
    active: token.active,
    container_serial: '',
    count: token.count,
    count_window: token.countWindow,
    description: token.description,
    failcount: token.failcount,
    id: token.id,
    info: sortedKeys(info),
    locked: false,
    maxfail: token.maxfail,
    otplen: token.otplen,
    realms: token.owner === undefined ? [] : [token.owner.realm],
    resolver: token.owner?.resolver ?? '',
    revoked: false,
    rollout_state: token.rolloutState,
    serial: token.serial,
    sync_window: token.syncWindow,
    tokengroup: [],
    tokentype: token.tokentype,
    ...(token.owner === undefined ? {} : { user_editable: false }),
    user_id: token.owner?.userid ?? '',
    user_realm: token.owner?.realm ?? '',
    username: token.owner?.username ?? '',
  });
}
