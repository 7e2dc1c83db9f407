import type { Clock } from '../clock.js';
import { ProblemError } from '../http/problem-error.js';
import { userKey, type SessionUser } from '../session/session-data.js';
import type { Sealer } from '../session/session-sealer.js';
import type { ExpiringStore } from '../store/expiring-store.js';
import type { PendingEnrollment } from './pending-enrollment.js';

/**
 * How an enrollment ended, kept in the shared store under its id. Every copy of a session cookie (another tab,
 * an old backup, another replica) reads it before acting, so an enrollment ends once for all of them.
 */
export type EnrollmentEnd =
  | { kind: 'confirming' }
  | { kind: 'confirmed'; serial: string }
  | { kind: 'cancelled' }
  | { kind: 'expired' }
  | { kind: 'exhausted' }
  /** Its token was deleted or replaced by a newer enrollment of the same user. */
  | { kind: 'replaced' };

/** Marks outlive the enrollment by this much, so a cookie replayed after its expiry still finds them. */
const MARK_GRACE_MS = 60 * 60 * 1000;
const LOCK_POLL_MS = 20;
/** How long requests carrying the same cookie count as one start (a double click, a retried request). */
const SAME_COOKIE_MS = 60_000;

function encode(end: EnrollmentEnd): string {
  return end.kind === 'confirmed' ? `confirmed:${end.serial}` : end.kind;
}

function decode(value: string | undefined): EnrollmentEnd | undefined {
  if (value === undefined) return undefined;
  if (value.startsWith('confirmed:')) return { kind: 'confirmed', serial: value.slice('confirmed:'.length) };
  if (['confirming', 'cancelled', 'expired', 'exhausted', 'replaced'].includes(value)) return { kind: value } as EnrollmentEnd;
  return undefined;
}

/**
 * Everything about a pending enrollment that must hold across parallel requests, old cookies and replicas:
 * its attempt counter, how it ended, the user's lock, and which user already confirmed a method.
 */
export class PendingStore {
  constructor(
    private readonly store: ExpiringStore,
    private readonly clock: Clock,
    private readonly sealer: Sealer<PendingEnrollment>,
    private readonly options: {
      /**
       * How long a lock (and a `confirming` mark) lives: longer than its holder's privacyIDEA calls can take, so a
       * replica that died while holding it (or a request cut off mid-way) frees the user after that.
       */
      lockTtlMs: number;
      enrolledMarkMs: number;
    },
  ) {}

  /**
   * Remembers, sealed (it holds the secret), the enrollment a request started from one exact cookie, for as long
   * as a double click or a second request with that cookie may take to arrive.
   */
  async rememberStart(cookieState: string, pending: PendingEnrollment): Promise<void> {
    await this.store.set(`started-from:${cookieState}`, this.sealer.seal(pending, this.clock.now() + SAME_COOKIE_MS), SAME_COOKIE_MS);
  }

  async startedFrom(cookieState: string): Promise<PendingEnrollment | undefined> {
    const sealed = await this.store.get(`started-from:${cookieState}`);
    return sealed === undefined ? undefined : this.sealer.open(sealed);
  }

  /** Counts one proof about to be checked and answers how many were counted, this one included. */
  countAttempt(pending: PendingEnrollment): Promise<number> {
    return this.store.increment(`attempts:${pending.id}`, this.markTtl(pending));
  }

  /** Gives back an attempt that was never judged (privacyIDEA failed, another request finished first). */
  async refundAttempt(pending: PendingEnrollment): Promise<void> {
    await this.store.increment(`attempts:${pending.id}`, this.markTtl(pending), -1);
  }

  async attemptsUsed(pending: PendingEnrollment): Promise<number> {
    return Number((await this.store.get(`attempts:${pending.id}`)) ?? '0');
  }

  async end(pending: PendingEnrollment): Promise<EnrollmentEnd | undefined> {
    return decode(await this.store.get(`end:${pending.id}`));
  }

  /**
   * Ends the enrollment this way unless it ended already; true for exactly one caller. `confirming` is claimed
   * only for as long as a lock lives, so a confirmation whose replica died mid-way can be tried again.
   */
  claimEnd(pending: PendingEnrollment, end: EnrollmentEnd): Promise<boolean> {
    return this.store.claim(`end:${pending.id}`, encode(end), end.kind === 'confirming' ? this.options.lockTtlMs : this.markTtl(pending));
  }

  /** Turns this request's own `confirming` into the final end. */
  async settleEnd(pending: PendingEnrollment, end: EnrollmentEnd): Promise<void> {
    await this.store.set(`end:${pending.id}`, encode(end), this.markTtl(pending));
  }

  /** Undoes this request's `confirming` when the confirmation did not happen (a wrong code, privacyIDEA down). */
  async reopen(pending: PendingEnrollment): Promise<void> {
    await this.store.release(`end:${pending.id}`, 'confirming');
  }

  /** Waits while another request is confirming this enrollment, then answers how it ended. */
  async settledEnd(pending: PendingEnrollment): Promise<EnrollmentEnd | undefined> {
    const giveUpAt = Date.now() + this.options.lockTtlMs;
    for (;;) {
      const end = await this.end(pending);
      if (end?.kind !== 'confirming' || Date.now() >= giveUpAt) return end;
      await sleep(LOCK_POLL_MS);
    }
  }

  /**
   * Runs `task` while holding the user's lock: one confirmation (or token-creating start) per user at a time,
   * on every replica. Waits for a holder to finish; a holder that died frees the lock after `lockTtlMs`.
   */
  async withUserLock<T>(user: SessionUser, holder: string, task: () => Promise<T>): Promise<T> {
    const key = `lock:${userKey(user)}`;
    const giveUpAt = Date.now() + this.options.lockTtlMs;
    while (!(await this.store.claim(key, holder, this.options.lockTtlMs))) {
      if (Date.now() >= giveUpAt) throw new ProblemError(503, 'upstream_unavailable', 'Another request of yours is still being processed; please try again.', { retryAfterSeconds: 1 });
      await sleep(LOCK_POLL_MS);
    }
    try {
      return await task();
    } finally {
      await this.store.release(key, holder);
    }
  }

  /** Remembers that the user confirmed a method, so an enrollment of another browser cannot add a second one. */
  async markEnrolled(user: SessionUser, serial: string): Promise<void> {
    await this.store.set(`enrolled:${userKey(user)}`, serial, this.options.enrolledMarkMs);
  }

  async enrolledSerial(user: SessionUser): Promise<string | undefined> {
    return this.store.get(`enrolled:${userKey(user)}`);
  }

  private markTtl(pending: PendingEnrollment): number {
    return Math.max(0, pending.expiresAt - this.clock.now()) + MARK_GRACE_MS;
  }
}


function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
