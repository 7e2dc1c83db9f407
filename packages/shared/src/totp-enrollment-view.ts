// The pending TOTP enrollment as its owner sees it, built one way for the BFF and the QA fake.
import type { TotpEnrollment } from './methods/totp.js';
import { buildOtpauthUri, type OtpauthParams } from './otpauth-uri.js';

export function totpEnrollmentView(key: OtpauthParams & Pick<TotpEnrollment, 'algorithm' | 'digits'>, expiresAtMs: number, attemptsLeft: number): TotpEnrollment {
  const { secret, issuer, accountName, algorithm, digits, period } = key;
  return {
    type: 'totp',
    status: 'pending',
    otpauthUri: buildOtpauthUri({ secret, issuer, accountName, algorithm, digits, period }),
    secret,
    issuer,
    accountName,
    algorithm,
    digits,
    period,
    expiresAt: new Date(expiresAtMs).toISOString(),
    attemptsLeft,
  };
}
