import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Value from 'typebox/value';
import { InvalidCidrError, parseAddressList } from '../security/address-matcher.js';
import { isMethodType, type AuthenticatorApp, type MethodType } from '@pi-enroll/shared';
import { AVAILABLE_METHODS } from '../methods/registry.js';
import type { AppConfig } from './app-config.js';
import { identityModesOf } from './identity-modes.js';
import { expectationOf, unknownVariableWarnings } from './env-messages.js';
import { EnvSchema, SECRET_VARIABLES, type Env } from './env-schema.js';

const KNOWN_VARIABLES = Object.keys(EnvSchema.properties) as (keyof typeof EnvSchema.properties)[];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** Origins are compared as the browser sends them: scheme://host[:port], nothing else. */
function origins(value: string | undefined, variable: string): string[] {
  return list(value).map((entry) => {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new ConfigError(`${variable}: "${entry}" is not an origin like https://portal.example.org`);
    }
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '') {
      throw new ConfigError(`${variable}: "${entry}" is not an origin like https://portal.example.org (no path, query or credentials)`);
    }
    return url.origin;
  });
}

/** EMBED_STYLESHEETS: absolute http(s) URLs of .css files, no credentials. */
function stylesheets(value: string | undefined): string[] {
  return list(value).map((entry) => {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new ConfigError(`EMBED_STYLESHEETS: "${entry}" is not a URL like https://portal.example.org/brand/pi-enroll.css`);
    }
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || url.password !== '') {
      throw new ConfigError(`EMBED_STYLESHEETS: "${entry}" must be an http(s) URL without credentials`);
    }
    return url.href;
  });
}

function cidrs(value: string | undefined, variable: string): string[] {
  const entries = list(value);
  try {
    parseAddressList(entries);
  } catch (error) {
    if (error instanceof InvalidCidrError) throw new ConfigError(`${variable}: ${error.message}`);
    throw error;
  }
  return entries;
}

/** The environment converted and checked against the schema: one message per bad variable, never a secret's value. */
function parseEnv(source: Record<string, string | undefined>): { env: Env; problems: string[] } {
  const raw: Record<string, unknown> = {};
  for (const key of KNOWN_VARIABLES) {
    const value = source[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const withDefaults = Value.Default(EnvSchema, raw);
  const converted = Value.Convert(EnvSchema, withDefaults);
  const invalid = new Set(Value.Errors(EnvSchema, converted).map((error) => error.instancePath.replace(/^\//, '').split('/')[0] ?? ''));
  const problems = KNOWN_VARIABLES.filter((variable) => invalid.has(variable)).map((variable) => {
    const got = SECRET_VARIABLES.has(variable) ? 'the value is not shown' : `got ${JSON.stringify(source[variable] ?? '')}`;
    return `${variable}: ${expectationOf(EnvSchema.properties[variable])} (${got})`;
  });
  return { env: converted as Env, problems };
}

/** What a deployment against a real privacyIDEA cannot do without, all reported at once. */
function missingForPrivacyIdea(env: Env): string[] {
  const missing: string[] = [];
  if (env.PI_ADMIN_USER === undefined) missing.push('PI_ADMIN_USER: required when PI_URL is set');
  if (env.PI_ADMIN_PASSWORD === undefined && env.PI_ADMIN_PASSWORD_FILE === undefined) {
    missing.push('PI_ADMIN_PASSWORD: required when PI_URL is set (or PI_ADMIN_PASSWORD_FILE)');
  }
  if (env.SESSION_SECRET === undefined) missing.push('SESSION_SECRET: required when PI_URL is set (at least 32 characters)');
  const launchTokens = env.LAUNCH_TOKEN_SECRET !== undefined || env.LAUNCH_TOKEN_JWKS_URL !== undefined;
  if (!launchTokens && env.REMOTE_USER_HEADER === undefined && env.PASSWORD_LOGIN !== true) {
    missing.push(
      'LAUNCH_TOKEN_SECRET: set it or LAUNCH_TOKEN_JWKS_URL, REMOTE_USER_HEADER (with TRUSTED_PROXIES) or PASSWORD_LOGIN=true so users can be identified',
    );
  }
  return missing;
}

/** Warnings about variables that look like ours but are not: a typo keeps a setting at its default without a word. */
export function configWarnings(source: Record<string, string | undefined> = process.env): string[] {
  return unknownVariableWarnings(source, KNOWN_VARIABLES);
}

function readSecretFile(path: string, variable: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (error) {
    throw new ConfigError(`${variable}: cannot read ${path} (${(error as Error).message})`);
  }
}

/**
 * Parses and checks the environment once at boot. Each message names the variable to fix.
 * Without PI_URL the BFF runs against the embedded simulator; that is the only place demo mode may run.
 */
export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  const { env, problems } = parseEnv(source);
  const embedded = env.PI_URL === undefined;
  if (!embedded) problems.push(...missingForPrivacyIdea(env));
  if (problems.length === 1) throw new ConfigError(problems[0]);
  if (problems.length > 1) throw new ConfigError(`Invalid configuration (${String(problems.length)} problems):\n  ${problems.join('\n  ')}`);

  let adminPassword = env.PI_ADMIN_PASSWORD;
  if (env.PI_ADMIN_PASSWORD_FILE !== undefined) {
    if (adminPassword !== undefined) throw new ConfigError('PI_ADMIN_PASSWORD_FILE: set either it or PI_ADMIN_PASSWORD, not both');
    adminPassword = readSecretFile(env.PI_ADMIN_PASSWORD_FILE, 'PI_ADMIN_PASSWORD_FILE');
  }
  if (!embedded && env.DEMO_MODE === true) {
    throw new ConfigError('DEMO_MODE: demo sign-in only runs against the embedded simulator; unset PI_URL or DEMO_MODE');
  }
  const trustedProxies = cidrs(env.TRUSTED_PROXIES, 'TRUSTED_PROXIES');
  if (env.REMOTE_USER_HEADER !== undefined && trustedProxies.length === 0) {
    throw new ConfigError('TRUSTED_PROXIES: required with REMOTE_USER_HEADER (the addresses of the SSO proxy that sets it)');
  }
  if (env.LAUNCH_TOKEN_SECRET !== undefined && env.LAUNCH_TOKEN_JWKS_URL !== undefined) {
    throw new ConfigError('LAUNCH_TOKEN_JWKS_URL: set either it or LAUNCH_TOKEN_SECRET, not both');
  }
  if (env.SESSION_MAX_SECONDS < env.SESSION_IDLE_SECONDS) {
    throw new ConfigError('SESSION_MAX_SECONDS: must not be shorter than SESSION_IDLE_SECONDS');
  }

  const config: Omit<AppConfig, 'identity'> & { identity: Omit<AppConfig['identity'], 'modes'> } = {
    host: env.HOST,
    port: env.PORT,
    basePath: env.BASE_PATH.endsWith('/') ? env.BASE_PATH : `${env.BASE_PATH}/`,
    logLevel: env.LOG_LEVEL,
    privacyidea: {
      url: env.PI_URL?.replace(/\/+$/, ''),
      adminUser: env.PI_ADMIN_USER ?? 'admin',
      adminPassword: adminPassword ?? '',
      realm: env.PI_REALM,
      caFile: env.PI_CA_FILE,
      timeoutMs: env.PI_TIMEOUT_MS,
    },
    methods: {
      stepUpMaxAgeSeconds: env.STEP_UP_MAX_AGE_SECONDS,
      allowRemovingLast: env.ALLOW_REMOVING_LAST_METHOD,
      returnUrl: env.RETURN_URL,
      authenticatorApps: authenticatorApps(env.AUTHENTICATOR_APPS),
    },
    enrollment: {
      methods: enrollMethods(env.ENROLL_METHODS),
      ttlSeconds: env.ENROLL_TTL_SECONDS,
      maxAttempts: env.ENROLL_MAX_ATTEMPTS,
      allowAdditionalTokens: env.ALLOW_ADDITIONAL_TOKENS,
      sweepIntervalSeconds: env.SWEEP_INTERVAL_SECONDS,
    },
    recovery: { required: env.RECOVERY_REQUIRED, codeCount: env.RECOVERY_CODE_COUNT },
    email: { resendCooldownSeconds: env.EMAIL_RESEND_COOLDOWN_SECONDS },
    otp: {
      issuer: env.OTP_ISSUER,
      digits: env.OTP_DIGITS,
      period: env.OTP_PERIOD,
      algorithm: env.OTP_ALGORITHM,
      keySource: env.TOTP_KEY_SOURCE,
      windowSeconds: env.OTP_TIME_WINDOW_SECONDS,
      fallbackToDefaults: env.OTP_FALLBACK_TO_DEFAULTS,
    },
    passkey: { rpId: env.PASSKEY_RP_ID?.toLowerCase() },
    // With the embedded simulator nothing outlives the process, so a random key is enough.
    session: {
      secret: env.SESSION_SECRET ?? randomBytes(32).toString('base64url'),
      idleSeconds: env.SESSION_IDLE_SECONDS,
      maxSeconds: env.SESSION_MAX_SECONDS,
    },
    launchToken: {
      secret: env.LAUNCH_TOKEN_SECRET,
      jwksUrl: env.LAUNCH_TOKEN_JWKS_URL,
      audience: env.LAUNCH_TOKEN_AUDIENCE,
      issuer: env.LAUNCH_TOKEN_ISSUER,
    },
    demoMode: embedded && env.DEMO_MODE !== false,
    allowedOrigins: origins(env.ALLOWED_ORIGINS, 'ALLOWED_ORIGINS'),
    embedOrigins: origins(env.EMBED_ORIGINS, 'EMBED_ORIGINS'),
    embedStylesheets: stylesheets(env.EMBED_STYLESHEETS),
    identity: {
      trustedProxies,
      remoteUserHeader: env.REMOTE_USER_HEADER?.toLowerCase(),
      passwordLogin: env.PASSWORD_LOGIN,
    },
    redisUrl: env.REDIS_URL,
    rateLimits: {
      windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
      loginPerUser: env.RATE_LIMIT_LOGIN_PER_USER,
      loginPerAddress: env.RATE_LIMIT_LOGIN_PER_ADDRESS,
      startPerUser: env.RATE_LIMIT_START_PER_USER,
      verifyPerUser: env.RATE_LIMIT_VERIFY_PER_USER,
      sessionPerUser: env.RATE_LIMIT_SESSION_PER_USER,
      enrollPerAddress: env.RATE_LIMIT_ENROLL_PER_ADDRESS,
    },
    webDistDir: env.WEB_DIST_DIR,
    metricsToken: env.METRICS_TOKEN,
    metricsOpen: embedded && env.METRICS_TOKEN === undefined,
    readinessCacheSeconds: env.READINESS_CACHE_SECONDS,
    http: { requestTimeoutSeconds: env.REQUEST_TIMEOUT_SECONDS, keepAliveTimeoutSeconds: env.KEEP_ALIVE_TIMEOUT_SECONDS },
  };
  return { ...config, identity: { ...config.identity, modes: identityModesOf(config) } };
}

/** Without ENROLL_METHODS: an authenticator app, then recovery codes for when the phone is lost. */
const DEFAULT_METHODS: readonly MethodType[] = ['totp', 'recovery'];

/**
 * ENROLL_METHODS: the offered methods in the start screen's order. Each must have its module in this build
 * (methods/registry.ts); recovery codes back up another method, so they cannot be the only one.
 */
function enrollMethods(value: string | undefined): MethodType[] {
  if (value === undefined) return DEFAULT_METHODS.filter((type) => AVAILABLE_METHODS.includes(type));
  const names = list(value.toLowerCase());
  const known = AVAILABLE_METHODS.join(', ');
  if (names.length === 0) throw new ConfigError(`ENROLL_METHODS: name at least one of ${known}`);
  const unknown = names.filter((name) => !isMethodType(name) || !AVAILABLE_METHODS.includes(name));
  if (unknown.length > 0) {
    throw new ConfigError(`ENROLL_METHODS: ${unknown.map((name) => `"${name}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a method this build offers (it has ${known})`);
  }
  const unique = [...new Set(names)] as MethodType[];
  if (unique.length !== names.length) throw new ConfigError('ENROLL_METHODS: a method is named twice');
  if (unique.every((name) => name === 'recovery')) {
    throw new ConfigError('ENROLL_METHODS: recovery codes back up another method; name at least one more (e.g. totp,recovery)');
  }
  return unique;
}

/** The apps the start screen recommends. Default: apps known to handle every setting, with their store pages. */
const DEFAULT_AUTHENTICATOR_APPS: AuthenticatorApp[] = [
  { name: 'privacyIDEA Authenticator', appStore: 'https://apps.apple.com/app/privacyidea-authenticator/id1445401301', googlePlay: 'https://play.google.com/store/apps/details?id=it.netknights.piauthenticator' },
  { name: 'Aegis', googlePlay: 'https://play.google.com/store/apps/details?id=com.beemdevelopment.aegis' },
  { name: 'FreeOTP', appStore: 'https://apps.apple.com/app/freeotp-authenticator/id872559395', googlePlay: 'https://play.google.com/store/apps/details?id=org.fedorahosted.freeotp' },
];

/**
 * AUTHENTICATOR_APPS: JSON, `[{"name": "…", "appStore": "https://…", "googlePlay": "https://…"}]`; `[]` shows none.
 */
function authenticatorApps(value: string | undefined): AuthenticatorApp[] {
  if (value === undefined) return DEFAULT_AUTHENTICATOR_APPS;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new ConfigError('AUTHENTICATOR_APPS: must be JSON, e.g. [{"name": "Aegis", "googlePlay": "https://play.google.com/…"}]');
  }
  const link = (entry: Record<string, unknown>, key: string) => entry[key] === undefined || (typeof entry[key] === 'string' && /^https:\/\//.test(entry[key]));
  if (
    !Array.isArray(parsed) ||
    !parsed.every((entry: unknown) => typeof entry === 'object' && entry !== null && typeof (entry as Record<string, unknown>)['name'] === 'string' && link(entry as Record<string, unknown>, 'appStore') && link(entry as Record<string, unknown>, 'googlePlay'))
  ) {
    throw new ConfigError('AUTHENTICATOR_APPS: must be a list of {name, appStore?, googlePlay?} with https links');
  }
  return (parsed as Record<string, string>[]).map(({ name, appStore, googlePlay }) => ({
    name: String(name),
    ...(appStore !== undefined ? { appStore } : {}),
    ...(googlePlay !== undefined ? { googlePlay } : {}),
  }));
}
