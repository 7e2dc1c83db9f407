import type { MethodType } from '@pi-enroll/shared';

/**
 * An enrollment in progress, as the BFF remembers it between requests: inside the encrypted session cookie, so
 * any replica can continue it. What must not be replayable from an old copy of the cookie (its attempts, whether
 * it already ended) lives in the shared store under its id (pending-store.ts), never here.
 */
export interface PendingEnrollment<State = unknown> {
  /** 16 upper-case hex digits; also part of the serial of any token this enrollment creates. */
  id: string;
  type: MethodType;
  createdAt: number;
  expiresAt: number;
  description: string;
  /** The method's own state (for an authenticator app: the secret and its parameters). */
  state: State;
  /** A method of the user (its serial) to remove once this one is confirmed: replacing a lost phone. */
  replaces?: string;
}
