import type { OtpHashlib, TokenType } from './token-store.js';
import { OTP_HASHLIBS } from './token-store.js';
import type { ForceServerGenerateRule } from './version-profiles.js';

/**
 * The admin-scope actions of privacyIDEA that change what an admin's `/token/init` creates (recorded-api-more.md
 * §1.6, §1.7). privacyIDEA stores action values as strings; the simulator takes them typed.
 */
export interface AdminPolicyActions {
  totp_otplen?: number;
  totp_hashlib?: OtpHashlib;
  totp_timestep?: number;
  hotp_otplen?: number;
  hotp_hashlib?: OtpHashlib;
  /** 3.12+ only (3.11 has it in user scope for the web UI alone). */
  totp_force_server_generate?: boolean;
  hotp_force_server_generate?: boolean;
}

/**
 * One admin-scope policy. `realm` is the realm of the user the admin acts on; omitted = every realm (privacyIDEA's
 * `realm: ""`). Policies are evaluated in list order: for a value set by several matching policies the first wins
 * (privacyIDEA takes the one with the highest priority and refuses conflicting ones of equal priority).
 */
export interface AdminScopePolicy {
  name: string;
  realm?: string;
  actions: AdminPolicyActions;
}

export const ADMIN_POLICY_ACTIONS: readonly (keyof AdminPolicyActions)[] = [
  'totp_otplen',
  'totp_hashlib',
  'totp_timestep',
  'hotp_otplen',
  'hotp_hashlib',
  'totp_force_server_generate',
  'hotp_force_server_generate',
];

/** What admin-scope policies make of an init's otplen/hashlib/timeStep: `prepolicy.init_token_defaults`. */
export interface InitDefaults {
  otplen?: number;
  hashlib?: OtpHashlib;
  timeStep?: number;
}

function matching(policies: readonly AdminScopePolicy[], userRealm: string | undefined): AdminScopePolicy[] {
  return policies.filter((p) => p.realm === undefined || (userRealm !== undefined && p.realm.toLowerCase() === userRealm.toLowerCase()));
}

/**
 * `init_token_defaults` → `TotpTokenClass.get_default_settings` (HOTP likewise), then `request.all_data.update(...)`:
 * the policy values overwrite whatever the request sent (recorded Q3–Q5).
 */
export function initDefaultsFromPolicies(
  policies: readonly AdminScopePolicy[],
  tokentype: TokenType,
  userRealm: string | undefined,
): InitDefaults {
  const defaults: InitDefaults = {};
  for (const { actions } of matching(policies, userRealm)) {
    const otplen = tokentype === 'totp' ? actions.totp_otplen : actions.hotp_otplen;
    const hashlib = tokentype === 'totp' ? actions.totp_hashlib : actions.hotp_hashlib;
    defaults.otplen ??= otplen;
    defaults.hashlib ??= hashlib;
    if (tokentype === 'totp') defaults.timeStep ??= actions.totp_timestep;
  }
  return defaults;
}

/**
 * Whether the server replaces a client-supplied otpkey (`prepolicy.force_server_generate_key`):
 * 3.12/3.13 `Match.allowed()` is true when a matching policy grants the action or when no admin-scope policy is
 * defined at all (`lib/policy.py` Match.allowed: `policies_defined or not policies_at_all`); 3.14 `Match.enforced()`
 * only when a matching policy grants it.
 */
export function forcesServerKey(
  rule: ForceServerGenerateRule,
  policies: readonly AdminScopePolicy[],
  tokentype: TokenType,
  userRealm: string | undefined,
): boolean {
  if (rule === 'never') return false;
  const action = tokentype === 'totp' ? 'totp_force_server_generate' : 'hotp_force_server_generate';
  const granted = matching(policies, userRealm).some((p) => p.actions[action] === true);
  return rule === 'allowed' ? granted || policies.length === 0 : granted;
}

/** Checks one policy from a config file or the control API; the error names the field. */
export function readAdminPolicy(raw: unknown, path: string, fail: (path: string, problem: string) => never): AdminScopePolicy {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail(path, 'expected an object');
  const entry = raw as Record<string, unknown>;
  const name = entry['name'];
  if (typeof name !== 'string' || name === '') fail(`${path}.name`, 'expected a non-empty string');
  const policy: AdminScopePolicy = { name: name, actions: {} };
  if (entry['realm'] !== undefined) {
    if (typeof entry['realm'] !== 'string' || entry['realm'] === '') fail(`${path}.realm`, 'expected a realm name (omit it for all realms)');
    policy.realm = entry['realm'];
  }
  const actions = entry['actions'];
  if (typeof actions !== 'object' || actions === null || Array.isArray(actions)) return fail(`${path}.actions`, 'expected an object');
  for (const [key, value] of Object.entries(actions as Record<string, unknown>)) {
    const at = `${path}.actions.${key}`;
    switch (key) {
      case 'totp_otplen':
      case 'hotp_otplen':
        if (value !== 6 && value !== 8) fail(at, 'expected 6 or 8 (the values privacyIDEA offers)');
        policy.actions[key] = value;
        break;
      case 'totp_timestep':
        if (value !== 30 && value !== 60) fail(at, 'expected 30 or 60 (the values privacyIDEA offers)');
        policy.actions[key] = value;
        break;
      case 'totp_hashlib':
      case 'hotp_hashlib':
        if (!(OTP_HASHLIBS as readonly unknown[]).includes(value)) fail(at, `expected one of ${OTP_HASHLIBS.join(', ')}`);
        policy.actions[key] = value as OtpHashlib;
        break;
      case 'totp_force_server_generate':
      case 'hotp_force_server_generate':
        if (typeof value !== 'boolean') fail(at, 'expected true or false');
        policy.actions[key] = value;
        break;
      default:
        fail(at, `unknown admin action (expected ${ADMIN_POLICY_ACTIONS.join(', ')})`);
    }
  }
  return policy;
}
