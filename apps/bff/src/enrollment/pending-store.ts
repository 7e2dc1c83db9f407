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
      /** How long a lock (and a `confirming` mark) outlives its holder's last renewal: a dead replica's lapse. */
      lockTtlMs: number;
      /** How long a request waits for the user's lock before it gives up (503). */
      lockWaitMs: number;
      enrolledMarkMs: number;
    },
  ) {}

  /**
   * Remembers, sealed (it holds the secret), the enrollment a request started from one exact cookie, for as long
   * as a double click or a second request with that cookie may take to arrive.
   */
  rememberStart(cookieState: string, pending: PendingEnrollment): Promise<void> {
    return this.putSealed(`started-from:${cookieState}`, pending, SAME_COOKIE_MS);
  }

  startedFrom(cookieState: string): Promise<PendingEnrollment | undefined> {
    return this.getSealed(`started-from:${cookieState}`);
  }

  /**
   * Remembers, sealed, the user's pending enrollment until it expires, so that a new session of theirs picks it
   * up at sign-in: an embedded widget holds its session only in memory, and a reload signs in afresh with a new
   * launch token. Whether it is still live is the end mark's say, read on every use as for any session.
   */
  async rememberForUser(user: SessionUser, pending: PendingEnrollment): Promise<void> {
    const ttlMs = pending.expiresAt - this.clock.now();
    if (ttlMs > 0) await this.putSealed(`pending-of:${userKey(user)}`, pending, ttlMs);
  }

  pendingOf(user: SessionUser): Promise<PendingEnrollment | undefined> {
    return this.getSealed(`pending-of:${userKey(user)}`);
  }

  /** A pending enrollment holds its key: in the store it is only ever sealed. */
  private async putSealed(key: string, pending: PendingEnrollment, ttlMs: number): Promise<void> {
    await this.store.set(key, this.sealer.seal(pending, this.clock.now() + ttlMs), ttlMs);
  }

  private async getSealed(key: string): Promise<PendingEnrollment | undefined> {
    const sealed = await this.store.get(key);
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

  /** Numbers every try to confirm, refunded or not, so each gets a token serial of its own. */
  nextTry(pending: PendingEnrollment): Promise<number> {
    return this.store.increment(`tries:${pending.id}`, this.markTtl(pending));
  }

  /** Counts a proof judged wrong and answers how many were, this one included. */
  countWrongCode(pending: PendingEnrollment): Promise<number> {
    return this.store.increment(`wrong:${pending.id}`, this.markTtl(pending));
  }

  /** The proofs judged wrong so far: what the user sees as used attempts. */
  async attemptsUsed(pending: PendingEnrollment): Promise<number> {
    return Number((await this.store.get(`wrong:${pending.id}`)) ?? '0');
  }

  /**
   * Claims a send (an email code) for this enrollment unless one was sent within `cooldownMs`; true for exactly one
   * caller per cooldown on every replica, so old cookies and parallel requests cannot send faster.
   */
  claimSend(pending: PendingEnrollment, cooldownMs: number): Promise<boolean> {
    return this.store.claim(`sent:${pending.id}`, String(this.clock.now()), cooldownMs);
  }

  /** When the last send was claimed, while its cooldown runs. */
  async lastSentAt(pending: PendingEnrollment): Promise<number | undefined> {
    const value = await this.store.get(`sent:${pending.id}`);
    return value === undefined ? undefined : Number(value);
  }

  async end(pending: Pick<PendingEnrollment, 'id'>): Promise<EnrollmentEnd | undefined> {
    return decode(await this.store.get(`end:${pending.id}`));
  }

  /**
   * Ends the enrollment this way unless it ended already; true for exactly one caller. `confirming` lives only
   * while it is renewed (whileConfirming), so a confirmation whose replica died mid-way can be tried again.
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
    const giveUpAt = Date.now() + this.options.lockWaitMs;
    for (;;) {
      const end = await this.end(pending);
      if (end?.kind !== 'confirming' || Date.now() >= giveUpAt) return end;
      await sleep(LOCK_POLL_MS);
    }
  }

  /**
   * Runs `task` while holding the user's lock: one confirmation (or start) per user at a time, on every replica.
   * Waits for a holder to finish. The holder renews its lease while it works, however long privacyIDEA takes;
   * a holder that died (a killed replica) stops renewing, and the lock lapses after `lockTtlMs`.
   */
  async withUserLock<T>(user: SessionUser, holder: string, task: () => Promise<T>): Promise<T> {
    const key = `lock:${userKey(user)}`;
    const giveUpAt = Date.now() + this.options.lockWaitMs;
    while (!(await this.store.claim(key, holder, this.options.lockTtlMs))) {
      if (Date.now() >= giveUpAt) {
        throw new ProblemError(503, 'upstream_unavailable', 'Another request of yours is still being processed; please try again.', { retryAfterSeconds: 1 });
      }
      await sleep(LOCK_POLL_MS);
    }
    return this.whileRenewing([[key, holder]], task).finally(() => this.store.release(key, holder));
  }

  /**
   * Runs `task` only if the user's lock is free right now (the sweeper: a user who is confirming at this moment
   * is left alone this pass); answers undefined without running it otherwise.
   */
  async ifUserLockFree<T>(user: SessionUser, holder: string, task: () => Promise<T>): Promise<T | undefined> {
    const key = `lock:${userKey(user)}`;
    if (!(await this.store.claim(key, holder, this.options.lockTtlMs))) return undefined;
    return this.whileRenewing([[key, holder]], task).finally(() => this.store.release(key, holder));
  }

  /** Runs a confirmation while its enrollment is marked `confirming`, renewing the mark like a lock. */
  async whileConfirming<T>(pending: PendingEnrollment, task: () => Promise<T>): Promise<T> {
    return this.whileRenewing([[`end:${pending.id}`, encode({ kind: 'confirming' })]], task);
  }

  private async whileRenewing<T>(leases: [key: string, value: string][], task: () => Promise<T>): Promise<T> {
    const renew = () => {
      for (const [key, value] of leases) void this.store.extend(key, value, this.options.lockTtlMs).catch(() => undefined);
    };
    const timer = setInterval(renew, Math.max(10, Math.floor(this.options.lockTtlMs / 3)));
    try {
      return await task();
    } finally {
      clearInterval(timer);
    }
  }

  /** Remembers that the user confirmed a method, so an enrollment of another browser cannot add a second one. */
  async markEnrolled(user: SessionUser, serial: string): Promise<void> {
    await this.store.set(`enrolled:${userKey(user)}`, serial, this.options.enrolledMarkMs);
  }

  async enrolledSerial(user: SessionUser): Promise<string | undefined> {
    return this.store.get(`enrolled:${userKey(user)}`);
  }

  /**
   * Remembers a token a failed confirmation may have left (created, then the clean-up failed too). The user was
   * told it did not work, so it is removed at the user's next start or confirmation; until then it is a working
   * token of a key the user proved, never a lockout. Called under the user's lock.
   */
  async addLeftBehind(user: SessionUser, serial: string, ttlMs: number): Promise<void> {
    const serials = new Set(await this.leftBehind(user));
    serials.add(serial);
    await this.store.set(`left-behind:${userKey(user)}`, [...serials].join(','), ttlMs);
  }

  async leftBehind(user: SessionUser): Promise<string[]> {
    return ((await this.store.get(`left-behind:${userKey(user)}`)) ?? '').split(',').filter(Boolean);
  }

  async setLeftBehind(user: SessionUser, serials: string[], ttlMs: number): Promise<void> {
    await this.store.set(`left-behind:${userKey(user)}`, serials.join(','), serials.length === 0 ? 1 : ttlMs);
  }

  private markTtl(pending: PendingEnrollment): number {
    return Math.max(0, pending.expiresAt - this.clock.now()) + MARK_GRACE_MS;
  }
}


function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
