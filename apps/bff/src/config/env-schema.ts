import Type from 'typebox';

/**
 * Every environment variable the BFF reads. Documented in the README's configuration table; keep both in step.
 * Values arrive as strings and are converted (numbers, booleans) before validation.
 */
export const EnvSchema = Type.Object({
  NODE_ENV: Type.Optional(Type.String()),
  HOST: Type.String({ default: '127.0.0.1' }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  BASE_PATH: Type.String({ default: '/', pattern: '^/', description: 'a path starting with /' }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) => Type.Literal(level)),
    { default: 'info' },
  ),

  PI_URL: Type.Optional(Type.String({ pattern: '^https?://', description: 'an http:// or https:// URL' })),
  PI_ADMIN_USER: Type.Optional(Type.String({ minLength: 1 })),
  PI_ADMIN_PASSWORD: Type.Optional(Type.String({ minLength: 1 })),
  PI_ADMIN_PASSWORD_FILE: Type.Optional(Type.String({ minLength: 1 })),
  PI_REALM: Type.Optional(Type.String({ minLength: 1 })),
  PI_CA_FILE: Type.Optional(Type.String({ minLength: 1 })),
  PI_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 120_000, default: 5000 }),

  ENROLL_METHODS: Type.Optional(Type.String({ description: 'a comma-separated list of totp, passkey, email, recovery' })),
  RECOVERY_REQUIRED: Type.Boolean({ default: false }),
  RECOVERY_CODE_COUNT: Type.Integer({ minimum: 4, maximum: 50, default: 10 }),
  EMAIL_RESEND_COOLDOWN_SECONDS: Type.Integer({ minimum: 10, maximum: 3600, default: 60 }),
  ENROLL_TTL_SECONDS: Type.Integer({ minimum: 60, maximum: 86_400, default: 600 }),
  ENROLL_MAX_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 20, default: 5 }),
  ALLOW_ADDITIONAL_TOKENS: Type.Boolean({ default: false }),
  SWEEP_INTERVAL_SECONDS: Type.Integer({ minimum: 5, maximum: 86_400, default: 60 }),

  PASSKEY_RP_ID: Type.Optional(Type.String({ minLength: 1, maxLength: 253, pattern: '^[A-Za-z0-9.-]+$' })),
  OTP_ISSUER: Type.String({ minLength: 1, maxLength: 64, default: 'privacyIDEA' }),
  OTP_DIGITS: Type.Union([Type.Literal(6), Type.Literal(7), Type.Literal(8)], { default: 6 }),
  OTP_PERIOD: Type.Union([Type.Literal(30), Type.Literal(60)], { default: 30 }),
  OTP_ALGORITHM: Type.Union([Type.Literal('SHA1'), Type.Literal('SHA256'), Type.Literal('SHA512')], { default: 'SHA1' }),
  RETURN_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  AUTHENTICATOR_APPS: Type.Optional(Type.String({ minLength: 2 })),
  STEP_UP_MAX_AGE_SECONDS: Type.Integer({ minimum: 0, maximum: 86_400, default: 300 }),
  ALLOW_REMOVING_LAST_METHOD: Type.Boolean({ default: false }),
  OTP_FALLBACK_TO_DEFAULTS: Type.Boolean({ default: true }),
  OTP_TIME_WINDOW_SECONDS: Type.Integer({ minimum: 30, maximum: 3600, default: 180 }),
  TOTP_KEY_SOURCE: Type.Union([Type.Literal('auto'), Type.Literal('client'), Type.Literal('server')], { default: 'auto' }),

  SESSION_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  SESSION_IDLE_SECONDS: Type.Integer({ minimum: 60, maximum: 86_400, default: 900 }),
  SESSION_MAX_SECONDS: Type.Integer({ minimum: 300, maximum: 86_400, default: 3600 }),
  LAUNCH_TOKEN_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  LAUNCH_TOKEN_JWKS_URL: Type.Optional(Type.String({ pattern: '^https?://', description: 'an http:// or https:// URL' })),
  LAUNCH_TOKEN_AUDIENCE: Type.String({ minLength: 1, default: 'pi-enroll' }),
  LAUNCH_TOKEN_ISSUER: Type.Optional(Type.String({ minLength: 1 })),

  DEMO_MODE: Type.Optional(Type.Boolean()),
  ALLOWED_ORIGINS: Type.Optional(Type.String()),
  EMBED_ORIGINS: Type.Optional(Type.String()),
  EMBED_STYLESHEETS: Type.Optional(Type.String()),

  TRUSTED_PROXIES: Type.Optional(Type.String()),
  REMOTE_USER_HEADER: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9-]+$', maxLength: 64, description: 'a header name of letters, digits and -' })),
  PASSWORD_LOGIN: Type.Boolean({ default: false }),
  REDIS_URL: Type.Optional(Type.String({ pattern: '^rediss?://', description: 'a redis:// or rediss:// URL' })),

  RATE_LIMIT_WINDOW_SECONDS: Type.Integer({ minimum: 1, maximum: 86_400, default: 60 }),
  RATE_LIMIT_LOGIN_PER_USER: Type.Integer({ minimum: 1, maximum: 10_000, default: 5 }),
  RATE_LIMIT_LOGIN_PER_ADDRESS: Type.Integer({ minimum: 1, maximum: 10_000, default: 20 }),
  RATE_LIMIT_START_PER_USER: Type.Integer({ minimum: 1, maximum: 10_000, default: 10 }),
  RATE_LIMIT_VERIFY_PER_USER: Type.Integer({ minimum: 1, maximum: 10_000, default: 10 }),
  RATE_LIMIT_SESSION_PER_USER: Type.Integer({ minimum: 1, maximum: 100_000, default: 120 }),
  RATE_LIMIT_ENROLL_PER_ADDRESS: Type.Integer({ minimum: 1, maximum: 10_000, default: 60 }),
  WEB_DIST_DIR: Type.Optional(Type.String()),
  METRICS_TOKEN: Type.Optional(Type.String({ minLength: 16 })),
  READINESS_CACHE_SECONDS: Type.Integer({ minimum: 0, maximum: 300, default: 5 }),
  REQUEST_TIMEOUT_SECONDS: Type.Integer({ minimum: 1, maximum: 600, default: 30 }),
  KEEP_ALIVE_TIMEOUT_SECONDS: Type.Integer({ minimum: 1, maximum: 300, default: 72 }),
});

export type Env = Type.Static<typeof EnvSchema>;

/** Variables whose value is never repeated in a message: a typo'd secret is still a secret (REDIS_URL may hold a password). */
export const SECRET_VARIABLES: ReadonlySet<string> = new Set([
  'PI_ADMIN_PASSWORD',
  'SESSION_SECRET',
  'LAUNCH_TOKEN_SECRET',
  'METRICS_TOKEN',
  'REDIS_URL',
]);
