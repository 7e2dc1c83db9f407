// The rules of a pending enrollment that more than one side applies (the BFF decides, the widget and the QA
// fake follow), in one place and free of any schema library so the widget can import them cheaply.

/** An enrollment is over once its `expiresAt` is reached: the same instant for the server and the browser. */
export function hasExpired(expiresAt: string, now: number): boolean {
  return msUntilExpiry(expiresAt, now) <= 0;
}

export function msUntilExpiry(expiresAt: string, now: number): number {
  return Date.parse(expiresAt) - now;
}

/** A wrong code costs one attempt; at zero the enrollment is removed (`attempts_exhausted`). */
export function attemptsLeftAfterWrongCode(attemptsLeft: number): number {
  return Math.max(0, attemptsLeft - 1);
}

/** What the BFF calls an authenticator app in a default description. */
export const TOTP_METHOD_LABEL = 'Authenticator app (TOTP)';

/** The token's description when the user named no device: the method and the day, in English. */
export function defaultEnrollmentDescription(now: number, methodLabel: string = TOTP_METHOD_LABEL): string {
  return `${methodLabel}, added ${new Date(now).toISOString().slice(0, 10)}`;
}
