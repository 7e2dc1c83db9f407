// Runtime helpers with no schema library behind them, so the widget can import them without pulling TypeBox in.

/** What most authenticator apps support; anything else is shown to the user as a non-default parameter. */
export const defaultOtpParameters = { algorithm: 'SHA1', digits: 6, period: 30 } as const;

/** A code is 6–8 digits once spaces are removed (users paste "123 456"). */
export const OTP_CODE_PATTERN = /^[0-9]{6,8}$/;

export function normalizeOtpCode(input: string): string {
  return input.replace(/\s+/g, '');
}

export function isWellFormedOtpCode(input: string): boolean {
  return OTP_CODE_PATTERN.test(normalizeOtpCode(input));
}
