import type { AuthenticatorApp, IdentityMode, MethodType, OtpAlgorithm, OtpDigits } from '@pi-enroll/shared';

/** Who makes an authenticator app's key: `client` the BFF (no token until the right code), `server` privacyIDEA. */
export type KeySourceSetting = 'auto' | 'client' | 'server';

export interface RateLimits {
  windowSeconds: number;
  loginPerUser: number;
  loginPerAddress: number;
  startPerUser: number;
  verifyPerUser: number;
  /** Session reads (GET, each a token listing) and sign-outs per user. */
  sessionPerUser: number;
  enrollPerAddress: number;
}

/** The validated, structured configuration. Only `load-config.ts` builds it; everything else reads it. */
export interface AppConfig {
  host: string;
  port: number;
  basePath: string;
  logLevel: string;
  privacyidea: {
    /** Undefined means: run against the embedded simulator (demo and development only). */
    url: string | undefined;
    adminUser: string;
    adminPassword: string;
    realm: string | undefined;
    caFile: string | undefined;
    timeoutMs: number;
  };
  /** The management screens and the done screen. */
  methods: {
    /** How long a sign-in or a step-up counts as fresh for removing or replacing a method. */
    stepUpMaxAgeSeconds: number;
    /** Removing the last manageable method: allowed (with a warning in the widget) or refused. */
    allowRemovingLast: boolean;
    returnUrl: string | undefined;
    authenticatorApps: AuthenticatorApp[];
  };
  enrollment: {
    /** The methods offered (ENROLL_METHODS), in the start screen's order; each has its module. */
    methods: MethodType[];
    ttlSeconds: number;
    maxAttempts: number;
    allowAdditionalTokens: boolean;
    sweepIntervalSeconds: number;
  };
  /** Recovery codes (privacyIDEA `tan` tokens). */
  recovery: {
    /** The widget asks every user for a set right after their first method, without "skip". */
    required: boolean;
    /** How many codes a set has. */
    codeCount: number;
  };
  email: {
    /** How long after a code was mailed a new one may be asked for. */
    resendCooldownSeconds: number;
  };
  otp: {
    issuer: string;
    digits: OtpDigits;
    period: number;
    algorithm: OtpAlgorithm;
    keySource: KeySourceSetting;
    /** privacyIDEA's TOTP `timeWindow`: codes this far either side of now confirm, as they would log in. */
    windowSeconds: number;
    /** Whether a user whose app ignores the settings may start over with SHA1 / 6 / 30. */
    fallbackToDefaults: boolean;
  };
  passkey: {
    /**
     * The relying-party id privacyIDEA's enrollment policy must name (`webauthn_relying_party_id`). privacyIDEA
     * decides it, not the BFF; when set, a start whose registration options name another one is refused and its
     * token removed, so a misconfigured policy shows in the log instead of as a failing browser prompt.
     */
    rpId: string | undefined;
  };
  session: { secret: string; idleSeconds: number; maxSeconds: number };
  launchToken: { secret: string | undefined; jwksUrl: string | undefined; audience: string; issuer: string | undefined };
  demoMode: boolean;
  /** Origins allowed to send state-changing requests (CSRF defence) and credentialed CORS calls. Empty: same origin only. */
  allowedOrigins: string[];
  /** Host pages that may frame the widget and receive its postMessage events. */
  embedOrigins: string[];
  /** Stylesheets (absolute URLs) the iframe widget loads to take the host's brand; their origins join the CSP. */
  embedStylesheets: string[];
  identity: {
    /** CIDRs of the reverse proxies whose X-Forwarded-* and remote-user headers are believed (TCP peer address). */
    trustedProxies: string[];
    /** Lower-cased name of the header a trusted SSO proxy puts the signed-in user in; undefined: mode off. */
    remoteUserHeader: string | undefined;
    /** Username + password (+ OTP step-up) checked against privacyIDEA. */
    passwordLogin: boolean;
    /** How users can be identified with this configuration (GET /config, the start-up line): computed once. */
    modes: IdentityMode[];
  };
  /** Shared store for used launch-token ids, rate-limit counters and ended sessions; undefined: this process only. */
  redisUrl: string | undefined;
  rateLimits: RateLimits;
  webDistDir: string | undefined;
  /** Bearer token required by /metrics. */
  metricsToken: string | undefined;
  /** /metrics without a token: only with the embedded simulator. Against a real privacyIDEA, no token means no /metrics. */
  metricsOpen: boolean;
  readinessCacheSeconds: number;
  /** How long a client may take to send a whole request, and how long an idle keep-alive connection stays open. */
  http: { requestTimeoutSeconds: number; keepAliveTimeoutSeconds: number };
}
