import { readFileSync } from 'node:fs';
import { readAdminPolicy, type AdminScopePolicy } from './admin-policies.js';
import { isPrivacyIdeaVersion, PRIVACYIDEA_VERSIONS, type PrivacyIdeaVersion } from './version-profiles.js';

/** A user in a realm's user store (privacyIDEA: an LDAP/SQL resolver). Field names follow `GET /user/`. */
export interface SimulatorUser {
  username: string;
  password: string;
  /** The resolver's id for the user (LDAP entryUUID); shown as the token's `user_id`. */
  userid: string;
  givenname?: string;
  surname?: string;
  email?: string;
  phone?: string;
  mobile?: string[];
}

/** The two policies the product cares about, each bound to one realm (as the recorded policies were). */
export interface RealmPolicies {
  /** `scope=enrollment, action=verify_enrollment=…` (policy `pol-verify-enroll` and the recorded additions). */
  verifyEnrollment: boolean;
  /**
   * The token types verify_enrollment names (the policies' values add up); absent: hotp totp email tan, as in the
   * recorded lab with `pol-verify-enroll`, `rec-verify-email` and `rec-verify-paper` on.
   */
  verifyEnrollmentTypes?: string[];
  /** `scope=authentication, action=passOnNoToken` (policy `pol-passonnotoken`). */
  passOnNoToken: boolean;
  /**
   * 3.14 only: `scope=authentication, action=passonnotoken_ignore_rollout_state=<states>`: under passOnNoToken, tokens
   * in these rollout states do not count. Absent = no such policy. Ignored by the 3.11 and 3.13 profiles.
   */
  passOnNoTokenIgnoreRolloutState?: string[];
}

/** Policies that make privacyIDEA's authentication answers say less, which match no user or realm here. */
export interface HardeningPolicies {
  /** `hide_auth_error_status` (3.14 hardening scope): 4xx answers of /auth and /validate become 401. Ignored before 3.14. */
  hideAuthErrorStatus: boolean;
  /**
   * `hide_specific_error_message` (authentication scope, 3.13+): a rejected /validate/check says only
   * "Authentication failed." in its `detail`, and so does every /auth and /validate error. Ignored on 3.11.
   */
  hideSpecificErrorMessage?: boolean;
}

export interface SimulatorRealm {
  name: string;
  /** The resolver name shown in token objects and `GET /user/` (e.g. `ldap-example`). */
  resolver: string;
  /** The realm used when a request names no realm. Exactly one realm is the default (the first, if none says so). */
  default?: boolean;
  policies?: Partial<RealmPolicies>;
  users: SimulatorUser[];
}

/** A local (database) administrator, as `admin` in the recording. */
export interface SimulatorAdmin {
  username: string;
  password: string;
}

/** A token that exists when the simulator starts, e.g. "carol already has a disabled token". */
export interface SimulatorSeedToken {
  serial: string;
  type?: 'totp' | 'hotp';
  /** Hex seed. */
  otpkey: string;
  user?: string;
  /** Defaults to the default realm when `user` is set. */
  realm?: string;
  otplen?: number;
  hashlib?: 'sha1' | 'sha256' | 'sha512';
  timeStep?: number;
  description?: string;
  active?: boolean;
  rolloutState?: '' | 'verify' | 'enrolled';
}

/** JSON-serialisable; `--config file.json` and `PI_SIM_CONFIG` take exactly this shape. */
export interface SimulatorConfig {
  /** The privacyIDEA version to speak (default 3.11); see the README's "Version profiles". */
  version?: PrivacyIdeaVersion;
  realms: SimulatorRealm[];
  admins: SimulatorAdmin[];
  tokens?: SimulatorSeedToken[];
  /** Admin-scope policies (recorded-api-more.md §1.6); absent or empty = none, as on a fresh privacyIDEA. */
  adminPolicies?: AdminScopePolicy[];
  hardening?: Partial<HardeningPolicies>;
  /**
   * The WebAuthn/passkey relying-party policy (`scope=enrollment`, `webauthn_relying_party_id` +
   * `webauthn_relying_party_name`, recorded-api-more.md W1). Absent = no such policy: passkey init answers W0.
   */
  fido2?: Fido2Policy;
}

/**
 * privacyIDEA's relying-party policy. `realm` omitted or `""` = every realm (what W1 recorded and what
 * `/validate/initialize` needs: it reads the rp id without a user, `api/validate.py` `initialize`). A policy bound to
 * one realm serves `/token/init` for that realm's users only.
 */
export interface Fido2Policy {
  rpId: string;
  rpName: string;
  realm?: string;
  /** `webauthn_user_verification_requirement`; default `preferred`. */
  userVerification?: 'required' | 'preferred' | 'discouraged';
}

export const USER_VERIFICATION_REQUIREMENTS = ['required', 'preferred', 'discouraged'] as const;

/** The recorded lab's relying party (W1). */
export const DEMO_FIDO2_POLICY: Fido2Policy = { rpId: 'localhost', rpName: 'privacyIDEA Lab' };

export class SimulatorConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimulatorConfigError';
  }
}

/** The demo realm's policies: the product's target environment. */
export const DEMO_POLICIES: RealmPolicies = { verifyEnrollment: true, passOnNoToken: true };

const DEMO_USERS = [
  // Recorded LDAP order (GET /user/ lists erin first), userids = the recorded entryUUIDs.
  { username: 'erin', userid: '36f1e6c0-7f88-1041-858d-b36386ce3025', n: 5 },
  { username: 'dave', userid: '36f1db76-7f88-1041-858c-b36386ce3025', n: 4 },
  { username: 'carol', userid: '36f1d392-7f88-1041-858b-b36386ce3025', n: 3 },
  { username: 'bob', userid: '36f1cb40-7f88-1041-858a-b36386ce3025', n: 2 },
  { username: 'alice', userid: '36f1bd76-7f88-1041-8589-b36386ce3025', n: 1 },
];

/**
 * The recorded lab: realm `example` (resolver `ldap-example`) with alice…erin, admin `admin`. Both policies are on,
 * because that is the environment the product targets (verify before use; users without tokens may pass).
 */
export function defaultSimulatorConfig(): SimulatorConfig {
  return {
    realms: [
      {
        name: 'example',
        resolver: 'ldap-example',
        default: true,
        policies: { ...DEMO_POLICIES },
        users: DEMO_USERS.map(({ username, userid, n }) => ({
          username,
          password: `${username}-demo`,
          userid,
          givenname: username[0]?.toUpperCase() + username.slice(1),
          surname: 'Example',
          email: `${username}@example.org`,
          phone: `+1555000100${n}`,
          mobile: [`+1555100100${n}`],
        })),
      },
    ],
    admins: [{ username: 'admin', password: 'admin-demo' }],
    fido2: { ...DEMO_FIDO2_POLICY },
  };
}

export interface DemoCredentials {
  /** The first admin: what a client such as the BFF signs in as. */
  admin: { username: string; password: string };
  admins: { username: string; password: string }[];
  users: { username: string; realm: string; password: string }[];
}

/** Who can sign in to a simulator with this config; what the CLI prints. */
export function credentialsOf(config: SimulatorConfig): DemoCredentials {
  const admins = config.admins.map(({ username, password }) => ({ username, password }));
  const [admin] = admins;
  if (admin === undefined) throw new SimulatorConfigError('admins: at least one admin is needed');
  return {
    admin,
    admins,
    users: config.realms.flatMap((realm) =>
      realm.users.map(({ username, password }) => ({ username, realm: realm.name, password })),
    ),
  };
}

/** The default config's credentials: admin/admin-demo, alice/alice-demo … erin/erin-demo in realm `example`. */
export const demoCredentials: DemoCredentials = credentialsOf(defaultSimulatorConfig());

/** Reads and validates a config file; errors name the file and the offending field. */
export function loadSimulatorConfig(path: string): SimulatorConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SimulatorConfigError(`${path}: cannot read the simulator config: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new SimulatorConfigError(`${path}: not valid JSON: ${(error as Error).message}`);
  }
  return validateSimulatorConfig(raw, path);
}

/** Checks a config object field by field; the error names the first bad field, e.g. `realms[0].users[1].userid`. */
export function validateSimulatorConfig(raw: unknown, source = 'config'): SimulatorConfig {
  const fail = (path: string, problem: string): never => {
    throw new SimulatorConfigError(`${source}: ${path}: ${problem}`);
  };
  const root = asObject(raw, 'the config', fail);
  const realmsRaw = asArray(root['realms'], 'realms', fail);
  if (realmsRaw.length === 0) fail('realms', 'at least one realm is needed');
  const realms = realmsRaw.map((entry, i) => readRealm(entry, `realms[${i}]`, fail));
  const names = new Set<string>();
  realms.forEach((realm, i) => {
    const key = realm.name.toLowerCase();
    if (names.has(key)) fail(`realms[${i}].name`, `duplicate realm "${realm.name}"`);
    names.add(key);
  });
  if (realms.filter((realm) => realm.default === true).length > 1) fail('realms', 'more than one realm has "default": true');
  const admins = asArray(root['admins'], 'admins', fail).map((entry, i) => {
    const admin = asObject(entry, `admins[${i}]`, fail);
    return {
      username: nonEmptyString(admin['username'], `admins[${i}].username`, fail),
      password: nonEmptyString(admin['password'], `admins[${i}].password`, fail),
    };
  });
  if (admins.length === 0) fail('admins', 'at least one admin is needed (clients sign in as one)');
  const config: SimulatorConfig = { realms, admins };
  if (root['version'] !== undefined) {
    if (!isPrivacyIdeaVersion(root['version'])) fail('version', `expected one of ${PRIVACYIDEA_VERSIONS.map((v) => JSON.stringify(v)).join(', ')}`);
    config.version = root['version'] as PrivacyIdeaVersion;
  }
  if (root['adminPolicies'] !== undefined) {
    config.adminPolicies = asArray(root['adminPolicies'], 'adminPolicies', fail).map((entry, i) => readAdminPolicy(entry, `adminPolicies[${i}]`, fail));
  }
  if (root['hardening'] !== undefined) {
    const hardening = asObject(root['hardening'], 'hardening', fail);
    config.hardening = {};
    for (const key of Object.keys(hardening)) {
      if (key !== 'hideAuthErrorStatus' && key !== 'hideSpecificErrorMessage') fail(`hardening.${key}`, 'unknown policy (expected hideAuthErrorStatus or hideSpecificErrorMessage)');
      config.hardening[key as keyof HardeningPolicies] = asBoolean(hardening[key], `hardening.${key}`, fail);
    }
  }
  if (root['fido2'] !== undefined) config.fido2 = readFido2Policy(root['fido2'], 'fido2', fail);
  if (root['tokens'] !== undefined) {
    const serials = new Set<string>();
    config.tokens = asArray(root['tokens'], 'tokens', fail).map((entry, i) => {
      const token = readSeedToken(entry, `tokens[${i}]`, realms, fail);
      if (serials.has(token.serial.toUpperCase())) fail(`tokens[${i}].serial`, `duplicate serial "${token.serial}"`);
      serials.add(token.serial.toUpperCase());
      return token;
    });
  }
  for (const key of Object.keys(root)) {
    if (!TOP_LEVEL_FIELDS.includes(key)) fail(key, `unknown field (expected ${TOP_LEVEL_FIELDS.join(', ')})`);
  }
  return config;
}

const TOP_LEVEL_FIELDS = ['version', 'realms', 'admins', 'tokens', 'adminPolicies', 'hardening', 'fido2'];

/** `prepolicy.fido2_enroll` requires both values and an rp id that `is_fqdn`. */
export function readFido2Policy(raw: unknown, path: string, fail: Fail): Fido2Policy {
  const entry = asObject(raw, path, fail);
  for (const key of Object.keys(entry)) {
    if (!['rpId', 'rpName', 'realm', 'userVerification'].includes(key)) fail(`${path}.${key}`, 'unknown field (expected rpId, rpName, realm, userVerification)');
  }
  const rpId = nonEmptyString(entry['rpId'], `${path}.rpId`, fail);
  if (!/^(?=.{1,253}$)(?!-)[A-Za-z0-9-]{1,63}(?<!-)(?:\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))*$/.test(rpId)) fail(`${path}.rpId`, 'expected a domain name');
  const policy: Fido2Policy = { rpId, rpName: nonEmptyString(entry['rpName'], `${path}.rpName`, fail) };
  if (entry['realm'] !== undefined) policy.realm = asString(entry['realm'], `${path}.realm`, fail);
  if (entry['userVerification'] !== undefined) {
    policy.userVerification = oneOf(entry['userVerification'], USER_VERIFICATION_REQUIREMENTS, `${path}.userVerification`, fail);
  }
  return policy;
}

type Fail = (path: string, problem: string) => never;

function readRealm(raw: unknown, path: string, fail: Fail): SimulatorRealm {
  const realm = asObject(raw, path, fail);
  const name = nonEmptyString(realm['name'], `${path}.name`, fail);
  if (name.includes('@')) fail(`${path}.name`, 'a realm name cannot contain "@" (it separates user and realm)');
  const result: SimulatorRealm = {
    name,
    resolver: nonEmptyString(realm['resolver'], `${path}.resolver`, fail),
    users: [],
  };
  if (realm['default'] !== undefined) result.default = asBoolean(realm['default'], `${path}.default`, fail);
  if (realm['policies'] !== undefined) {
    const policies = asObject(realm['policies'], `${path}.policies`, fail);
    result.policies = {};
    for (const key of Object.keys(policies)) {
      if (key === 'passOnNoTokenIgnoreRolloutState') {
        result.policies[key] = readRolloutStates(policies[key], `${path}.policies.${key}`, fail);
        continue;
      }
      if (key === 'verifyEnrollmentTypes') {
        result.policies[key] = readTokenTypes(policies[key], `${path}.policies.${key}`, fail);
        continue;
      }
      if (key !== 'verifyEnrollment' && key !== 'passOnNoToken') {
        fail(`${path}.policies.${key}`, 'unknown policy (expected verifyEnrollment, verifyEnrollmentTypes, passOnNoToken, passOnNoTokenIgnoreRolloutState)');
      }
      result.policies[key] = asBoolean(policies[key], `${path}.policies.${key}`, fail);
    }
  }
  const usernames = new Set<string>();
  result.users = asArray(realm['users'], `${path}.users`, fail).map((entry, i) => {
    const userPath = `${path}.users[${i}]`;
    const user = asObject(entry, userPath, fail);
    const parsed: SimulatorUser = {
      username: nonEmptyString(user['username'], `${userPath}.username`, fail),
      password: nonEmptyString(user['password'], `${userPath}.password`, fail),
      userid: nonEmptyString(user['userid'], `${userPath}.userid`, fail),
    };
    for (const field of ['givenname', 'surname', 'email', 'phone'] as const) {
      if (user[field] !== undefined) parsed[field] = asString(user[field], `${userPath}.${field}`, fail);
    }
    if (user['mobile'] !== undefined) {
      parsed.mobile = asArray(user['mobile'], `${userPath}.mobile`, fail).map((m, j) => asString(m, `${userPath}.mobile[${j}]`, fail));
    }
    if (usernames.has(parsed.username)) fail(`${userPath}.username`, `duplicate user "${parsed.username}" in realm "${name}"`);
    usernames.add(parsed.username);
    return parsed;
  });
  return result;
}

function readSeedToken(raw: unknown, path: string, realms: SimulatorRealm[], fail: Fail): SimulatorSeedToken {
  const token = asObject(raw, path, fail);
  const seed: SimulatorSeedToken = {
    serial: nonEmptyString(token['serial'], `${path}.serial`, fail),
    otpkey: nonEmptyString(token['otpkey'], `${path}.otpkey`, fail),
  };
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(seed.otpkey)) fail(`${path}.otpkey`, 'expected a hex seed (an even number of hex digits)');
  if (token['type'] !== undefined) seed.type = oneOf(token['type'], ['totp', 'hotp'] as const, `${path}.type`, fail);
  if (token['hashlib'] !== undefined) seed.hashlib = oneOf(token['hashlib'], ['sha1', 'sha256', 'sha512'] as const, `${path}.hashlib`, fail);
  if (token['rolloutState'] !== undefined) {
    seed.rolloutState = oneOf(token['rolloutState'], ['', 'verify', 'enrolled'] as const, `${path}.rolloutState`, fail);
  }
  if (token['otplen'] !== undefined) seed.otplen = integerIn(token['otplen'], 6, 10, `${path}.otplen`, fail);
  if (token['timeStep'] !== undefined) seed.timeStep = integerIn(token['timeStep'], 1, 86400, `${path}.timeStep`, fail);
  if (token['description'] !== undefined) seed.description = asString(token['description'], `${path}.description`, fail);
  if (token['active'] !== undefined) seed.active = asBoolean(token['active'], `${path}.active`, fail);
  if (token['realm'] !== undefined) seed.realm = nonEmptyString(token['realm'], `${path}.realm`, fail);
  if (token['user'] !== undefined) {
    seed.user = nonEmptyString(token['user'], `${path}.user`, fail);
    const realm = seed.realm === undefined ? (realms.find((r) => r.default === true) ?? realms[0]) : realms.find((r) => r.name === seed.realm);
    if (realm === undefined) fail(`${path}.realm`, `no realm "${seed.realm}"`);
    if (!realm?.users.some((u) => u.username === seed.user)) fail(`${path}.user`, `no user "${seed.user}" in realm "${realm?.name}"`);
  } else if (seed.realm !== undefined) {
    fail(`${path}.realm`, 'a realm needs a user');
  }
  return seed;
}

/** privacyIDEA 3.14's `RolloutState.all_states()` (lib/tokenrolloutstate.py): what `passonnotoken_ignore_rollout_state` offers. */
export const ROLLOUT_STATES = ['clientwait', 'pending', 'verify', 'enrolled', 'broken', 'failed', 'denied'] as const;

/** The token types a verify_enrollment policy may name here. */
export function readTokenTypes(value: unknown, path: string, fail: Fail): string[] {
  const known = ['hotp', 'totp', 'email', 'tan'];
  return asArray(value, path, fail).map((type, i) => {
    if (typeof type !== 'string' || !known.includes(type)) fail(`${path}[${i}]`, `expected one of ${known.map((k) => JSON.stringify(k)).join(', ')}`);
    return type;
  });
}

export function readRolloutStates(value: unknown, path: string, fail: Fail): string[] {
  return asArray(value, path, fail).map((state, i) => {
    if (typeof state !== 'string' || !(ROLLOUT_STATES as readonly string[]).includes(state)) {
      fail(`${path}[${i}]`, `expected one of ${ROLLOUT_STATES.map((r) => JSON.stringify(r)).join(', ')}`);
    }
    return state;
  });
}

function asObject(value: unknown, path: string, fail: Fail): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'expected an object');
  return value as Record<string, unknown>;
}

function asArray(value: unknown, path: string, fail: Fail): unknown[] {
  if (!Array.isArray(value)) fail(path, 'expected an array');
  return value as unknown[];
}

function asString(value: unknown, path: string, fail: Fail): string {
  if (typeof value !== 'string') fail(path, 'expected a string');
  return value;
}

function nonEmptyString(value: unknown, path: string, fail: Fail): string {
  const text = asString(value, path, fail);
  if (text.length === 0) fail(path, 'expected a non-empty string');
  return text;
}

function asBoolean(value: unknown, path: string, fail: Fail): boolean {
  if (typeof value !== 'boolean') fail(path, 'expected true or false');
  return value;
}

function integerIn(value: unknown, min: number, max: number, path: string, fail: Fail): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(path, `expected an integer from ${min} to ${max}`);
  }
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string, fail: Fail): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(path, `expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
  }
  return value as T;
}
