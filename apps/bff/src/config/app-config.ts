import type { OtpAlgorithm, OtpDigits } from '@pi-enroll/shared';

export type VerifyMode = 'auto' | 'native' | 'legacy';

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
    verifyMode: VerifyMode;
  };
  enrollment: {
    ttlSeconds: number;
    maxAttempts: number;
    allowAdditionalTokens: boolean;
    sweepIntervalSeconds: number;
  };
  otp: { issuer: string; digits: OtpDigits; period: number; algorithm: OtpAlgorithm };
  session: { secret: string; idleSeconds: number; maxSeconds: number };
  launchToken: { secret: string | undefined; jwksUrl: string | undefined; audience: string; issuer: string | undefined };
  demoMode: boolean;
  /** Origins allowed to send state-changing requests (CSRF defence). Empty: same origin only. */
  allowedOrigins: string[];
  /** Host pages that may frame the widget and receive its postMessage events. */
  embedOrigins: string[];
  webDistDir: string | undefined;
  /** Bearer token required by /metrics; open when unset. */
  metricsToken: string | undefined;
  readinessCacheSeconds: number;
}
