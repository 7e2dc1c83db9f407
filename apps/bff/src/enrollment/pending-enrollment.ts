import type { Enrollment, OtpAlgorithm, OtpDigits } from '@pi-enroll/shared';
import { buildOtpauthUri } from '@pi-enroll/shared/otpauth-uri';

/**
 * How a pending token is kept unusable until its owner confirms a code.
 * - `native`: privacyIDEA's verify_enrollment policy put it in rollout_state "verify"; step 2 of /token/init confirms.
 * - `legacy`: no policy (or an older server): the token was disabled right after init; the BFF checks the code
 *   and enables it.
 */
export type VerifyStrategy = 'native' | 'legacy';

/**
 * A pending enrollment as the BFF remembers it between requests: inside the encrypted session cookie, so any
 * replica can continue it. The secret lives here only until the enrollment ends.
 */
export interface PendingEnrollment {
  serial: string;
  secret: string;
  strategy: VerifyStrategy;
  createdAt: number;
  expiresAt: number;
  description: string;
  issuer: string;
  accountName: string;
  algorithm: OtpAlgorithm;
  digits: OtpDigits;
  period: number;
  /** Set once a wrong code was recorded upstream, so success knows to clear the counter. */
  hadFailures?: boolean;
}

export function toEnrollment(pending: PendingEnrollment, attemptsLeft: number): Enrollment {
  return {
    type: 'totp',
    status: 'pending',
    otpauthUri: buildOtpauthUri(pending),
    secret: pending.secret,
    issuer: pending.issuer,
    accountName: pending.accountName,
    algorithm: pending.algorithm,
    digits: pending.digits,
    period: pending.period,
    expiresAt: new Date(pending.expiresAt).toISOString(),
    attemptsLeft,
  };
}
