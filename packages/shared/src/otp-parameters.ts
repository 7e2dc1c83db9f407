import Type from 'typebox';

export const OtpAlgorithmSchema = Type.Union([Type.Literal('SHA1'), Type.Literal('SHA256'), Type.Literal('SHA512')]);
export type OtpAlgorithm = Type.Static<typeof OtpAlgorithmSchema>;

export const OtpDigitsSchema = Type.Union([Type.Literal(6), Type.Literal(7), Type.Literal(8)]);
export type OtpDigits = Type.Static<typeof OtpDigitsSchema>;

/** What most authenticator apps support; anything else is shown to the user as a non-default parameter. */
export const defaultOtpParameters = { algorithm: 'SHA1', digits: 6, period: 30 } as const;

/** A code is 6–8 digits once spaces are removed (users paste "123 456"). */
export const OTP_CODE_PATTERN = '^[0-9]{6,8}$';

export function normalizeOtpCode(input: string): string {
  return input.replace(/\s+/g, '');
}
