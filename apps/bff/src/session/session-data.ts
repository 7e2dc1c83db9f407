import type { IdentityMode } from '@pi-enroll/shared';
import type { PendingEnrollment } from '../enrollment/pending-enrollment.js';

export interface SessionUser {
  username: string;
  realm: string | undefined;
}

/**
 * The one key of a user in stores and rate limits. privacyIDEA matches user names case-insensitively, so the key
 * does too; the realm is part of it, as `bob` in two realms are two people.
 */
export function userKey(user: SessionUser): string {
  return `${(user.realm ?? '').toLowerCase()}\u0000${user.username.toLowerCase()}`;
}

/** What the BFF last learnt of the user's tokens, so starting an enrollment need not ask again at once. */
export interface TokenSnapshot {
  checkedAt: number;
  hasUsableToken: boolean;
  /** The privacyIDEA types of the usable tokens (a backup such as recovery codes is no method of its own). */
  usableTokenTypes?: string[];
}

/** Everything a session holds. It travels encrypted in the session cookie; nothing lives in process memory. */
export interface SessionData {
  id: string;
  user: SessionUser;
  via: IdentityMode;
  createdAt: number;
  lastSeenAt: number;
  tokens?: TokenSnapshot;
  pending?: PendingEnrollment;
}

/** The session without its pending enrollment: after it ended, or when its token is gone. */
export function withoutPending(session: SessionData): SessionData {
  const { pending: _ended, ...rest } = session;
  return rest;
}
