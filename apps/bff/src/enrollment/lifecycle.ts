import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { ConfirmationWarning, Enrollment, EnrollmentProof, MethodNeed, MethodType, WrongCodeReason } from '@pi-enroll/shared';
import { defaultEnrollmentDescription } from '@pi-enroll/shared/pending-enrollment-rules';
import type { Clock } from '../clock.js';
import type { AppConfig } from '../config/app-config.js';
import type { PiToken } from '../privacyidea/pi-envelope.js';
import type { PrivacyIdeaClient } from '../privacyidea/privacyidea-client.js';
import { ProblemError } from '../http/problem-error.js';
import { withoutPending, type SessionData, type SessionUser, type TokenSnapshot } from '../session/session-data.js';
import type { EnrollmentEventSink, EnrollmentOutcome as AuditOutcome } from './enrollment-events.js';
import type { EnrollmentMethod, MethodContext, ViewExtras } from './enrollment-method.js';
import type { EnrollmentSerials } from './enrollment-serial.js';
import type { EnrollmentOutcome } from './outcomes.js';
import type { PendingEnrollment } from './pending-enrollment.js';
import type { PendingStore } from './pending-store.js';
import { isOwnedBy, isUsableToken } from './user-tokens.js';

/** How long a token snapshot taken by GET /session may stand in for a fresh look at the user's tokens. */
const SNAPSHOT_FRESH_MS = 60_000;

export interface LifecycleDeps {
  pi: PrivacyIdeaClient;
  config: AppConfig;
  clock: Clock;
  log: FastifyBaseLogger;
  emit: EnrollmentEventSink;
  pendingStore: PendingStore;
  serials: EnrollmentSerials;
  /** The offered methods, in the operator's order (methods/registry.ts). */
  methods: ReadonlyMap<MethodType, EnrollmentMethod>;
}

/** Every step answers the session to store (always stored) and what happened. */
export interface StepResult {
  session: SessionData;
  outcome: EnrollmentOutcome;
}

/** The answer to "what is pending for this user", which every route and GET /session ask the same way. */
type PendingLookup =
  | { kind: 'live'; pending: PendingEnrollment; method: EnrollmentMethod }
  | { kind: 'none' }
  | { kind: 'exhausted' }
  | { kind: 'expired' };

/**
 * The enrollment lifecycle: start (or return the one pending), resume, confirm, cancel. It alone owns attempts,
 * expiry, one-enrollment rules, already-enrolled, audit and metrics; a method only says whether a proof holds.
 * The session says who the user is; the shared store says what no old copy of the session may undo.
 */
export class EnrollmentLifecycle {
  constructor(private readonly deps: LifecycleDeps) {}

  async start(
    session: SessionData,
    input: { type?: MethodType; description?: string; settings?: 'compatible'; replaces?: string },
    requestId?: string,
    origin?: string,
  ): Promise<StepResult> {
    const compatible = input.settings === 'compatible';
    if (compatible && !this.deps.config.otp.fallbackToDefaults) {
      return { session, outcome: { kind: 'bad_input', field: 'settings', message: 'Starting over with other settings is not offered here.' } };
    }
    const found = await this.lookup(session, requestId);
    if (found.kind === 'live' && !compatible && (input.type === undefined || input.type === found.pending.type) && found.pending.replaces === input.replaces) {
      this.emit('resumed', session.user, found.pending);
      return { session, outcome: { kind: 'pending', enrollment: await this.view(found) } };
    }
    const type = input.type ?? this.defaultMethod();
    const method = this.deps.methods.get(type);
    // Refused before anything changes: the pending enrollment (if any) stays.
    if (method === undefined) return { session, outcome: { kind: 'method_not_offered', type } };
    // A backup replaces only its own earlier set (which it does by itself), never the method it backs up.
    if (method.needsOtherMethod === true && input.replaces !== undefined) {
      return { session, outcome: { kind: 'bad_input', field: 'replaces', message: `${method.label} cannot replace a sign-in method.` } };
    }
    if (found.kind === 'live') await this.end(session, found, 'cancelled', requestId);
    let current = withoutPending(session);

    const snapshot = await this.freshSnapshot(current, requestId);
    current = { ...current, tokens: snapshot };
    if (method.needsOtherMethod === true) {
      // A backup (recovery codes) needs a working method of another kind, and does not count as one.
      if (!this.hasPrimaryToken(snapshot)) return { session: current, outcome: { kind: 'other_method_required' } };
    } else {
      // Replacing a method (the caller checked the step-up and that it is the user's) adds none in the end.
      const adds = input.replaces === undefined;
      if (adds && !this.deps.config.enrollment.allowAdditionalTokens && (this.hasPrimaryToken(snapshot) || (await this.confirmedElsewhere(current.user, requestId)))) {
        return { session: current, outcome: { kind: 'already_enrolled' } };
      }
    }

    // Under the user's lock, so a method that must create its token at start keeps one per user on every replica,
    // and requests carrying the very same cookie (a double click) get the same enrollment instead of one each.
    const sameCookie = `${session.id}:${session.lastSeenAt}`;
    return this.deps.pendingStore.withUserLock(current.user, randomUUID(), async () => {
      const earlier = await this.deps.pendingStore.startedFrom(sameCookie);
      if (earlier !== undefined && !compatible && earlier.type === method.type && (await this.deps.pendingStore.end(earlier)) === undefined) {
        return { session: { ...current, pending: earlier }, outcome: { kind: 'pending', enrollment: await this.view({ kind: 'live', pending: earlier, method }) } };
      }
      await this.removeLeftBehind(current.user, requestId);
      const now = this.deps.clock.now();
      const id = randomBytes(8).toString('hex').toUpperCase();
      // A method whose pending token cannot be finished after a while (a passkey's challenge) ends sooner.
      const expiresAt = now + Math.min(this.deps.config.enrollment.ttlSeconds, method.maxPendingSeconds ?? Infinity) * 1000;
      const description = input.description?.trim() || defaultEnrollmentDescription(now, method.label);
      const state = await method.start(this.context(current.user, requestId, 0, [], origin), { id, expiresAt, description, compatible });
      const pending: PendingEnrollment = { id, type: method.type, createdAt: now, expiresAt, description, state, ...(input.replaces !== undefined ? { replaces: input.replaces } : {}) };
      // A method that sent something at start (an email code) may send again only after its cooldown.
      if (method.resend !== undefined) await this.deps.pendingStore.claimSend(pending, this.resendCooldownMs(method));
      await this.deps.pendingStore.rememberStart(sameCookie, pending);
      await this.deps.pendingStore.rememberForUser(current.user, pending);
      this.emit('started', current.user, pending);
      return {
        session: { ...current, pending },
        outcome: { kind: 'started', enrollment: await this.view({ kind: 'live', pending, method }) },
      };
    });
  }

  /**
   * A new session of a user (a sign-in) carries on the enrollment the user has pending in another one: the same
   * QR code after an embedded widget was reloaded with a fresh launch token. One that ended is not carried.
   */
  async carryOver(session: SessionData): Promise<SessionData> {
    const pending = await this.deps.pendingStore.pendingOf(session.user);
    if (pending === undefined || !this.deps.methods.has(pending.type) || (await this.deps.pendingStore.end(pending)) !== undefined) return session;
    return { ...session, pending };
  }

  async resume(session: SessionData, requestId?: string): Promise<StepResult> {
    const found = await this.lookup(session, requestId);
    if (found.kind !== 'live') return this.afterEnd(session, found.kind);
    this.emit('resumed', session.user, found.pending);
    return { session, outcome: { kind: 'pending', enrollment: await this.view(found) } };
  }

  /** The pending enrollment for GET /session, or null; the session loses a pending enrollment that ended. */
  async describe(session: SessionData, requestId?: string): Promise<{ session: SessionData; pending: Enrollment | null }> {
    const found = await this.lookup(session, requestId);
    if (found.kind !== 'live') return { session: withoutPending(session), pending: null };
    return { session, pending: await this.view(found) };
  }

  async confirm(session: SessionData, proof: EnrollmentProof, requestId?: string, origin?: string): Promise<StepResult> {
    const { pendingStore, config } = this.deps;
    const found = await this.lookup(session, requestId);
    // Malformed input is refused as such whatever the state, so a client learns what to fix first.
    const read = found.kind === 'live' ? found.method.readProof(proof) : this.readAnyProof(proof);
    if (!read.ok) return { session: found.kind === 'live' ? session : withoutPending(session), outcome: { kind: 'bad_input', field: read.field, message: read.message } };
    if (found.kind !== 'live') return this.afterEnd(session, found.kind);
    const { pending, method } = found;

    // A slot is taken before anything is checked: parallel requests and old cookies share one counter, so no
    // more proofs are ever judged than the limit allows. A proof that is not judged gives its slot back.
    const attempts = await pendingStore.countAttempt(pending);
    if (attempts > config.enrollment.maxAttempts) {
      // Over the limit: not judged. The request that holds the last allowed attempt ends the enrollment (or
      // confirms it); this one only reports a confirmation that already happened.
      await pendingStore.refundAttempt(pending);
      const end = await pendingStore.end(pending);
      if (end?.kind === 'confirmed') return this.confirmed(session, pending, end.serial);
      return { session: withoutPending(session), outcome: { kind: 'exhausted' } };
    }

    const holder = randomUUID();
    return pendingStore.withUserLock(session.user, holder, async () => {
      // A double click's second request finds its own enrollment confirmed by the first.
      const ownEnd = await pendingStore.end(pending);
      if (ownEnd?.kind === 'confirmed') {
        await pendingStore.refundAttempt(pending);
        return this.confirmed(session, pending, ownEnd.serial);
      }
      const adds = pending.replaces === undefined && method.needsOtherMethod !== true;
      if (adds && !config.enrollment.allowAdditionalTokens && (await this.confirmedElsewhere(session.user, requestId))) {
        await pendingStore.refundAttempt(pending);
        return { session: withoutPending(session), outcome: { kind: 'already_enrolled' } };
      }
      if (!(await pendingStore.claimEnd(pending, { kind: 'confirming' }))) {
        await pendingStore.refundAttempt(pending);
        const end = await pendingStore.settledEnd(pending);
        if (end?.kind === 'confirmed') return this.confirmed(session, pending, end.serial);
        return this.afterEnd(session, end?.kind === 'expired' || end?.kind === 'exhausted' ? end.kind : 'none');
      }

      let verdict;
      const leftBehind: string[] = [];
      try {
        // Never a second token beside one a failed attempt may have left: that one goes first, or nothing is made.
        if ((await this.removeLeftBehind(session.user, requestId)).length > 0) {
          throw new ProblemError(503, 'upstream_unavailable', 'The authentication server is not reachable right now; please try again.', { retryAfterSeconds: 5 });
        }
        const attempt = await pendingStore.nextTry(pending);
        verdict = await pendingStore.whileConfirming(pending, () => method.confirm(this.context(session.user, requestId, attempt, leftBehind, origin), pending, read.proof));
      } catch (error) {
        // Not judged: privacyIDEA failed. The user may try again with the same enrollment.
        for (const serial of leftBehind) await pendingStore.addLeftBehind(session.user, serial, this.leftBehindTtl());
        await pendingStore.reopen(pending);
        await pendingStore.refundAttempt(pending);
        throw error;
      }
      switch (verdict.kind) {
        case 'confirmed':
          await pendingStore.settleEnd(pending, { kind: 'confirmed', serial: verdict.serial });
          // A backup is no method of its own: it never makes another browser's first method "already enrolled".
          if (method.needsOtherMethod !== true) await pendingStore.markEnrolled(session.user, verdict.serial);
          this.emit('confirmed', session.user, pending, verdict.serial);
          return this.confirmed(session, pending, verdict.serial, verdict.warning);
        case 'wrong': {
          // Judged wrong codes end the enrollment at the limit, in whatever order parallel requests were judged.
          const wrong = await pendingStore.countWrongCode(pending);
          await pendingStore.reopen(pending);
          if (wrong >= config.enrollment.maxAttempts) {
            await this.end(session, found, 'exhausted', requestId);
            return { session: withoutPending(session), outcome: { kind: 'exhausted' } };
          }
          this.emit('wrong_code', session.user, pending, undefined, verdict.diagnosis?.reason);
          return { session, outcome: { kind: 'wrong_code', attemptsLeft: config.enrollment.maxAttempts - wrong, diagnosis: verdict.diagnosis } };
        }
        case 'gone':
          await pendingStore.settleEnd(pending, { kind: 'replaced' });
          this.emit('replaced', session.user, pending);
          return { session: withoutPending(session), outcome: { kind: 'none' } };
        case 'restart':
          await pendingStore.settleEnd(pending, { kind: 'cancelled' });
          this.emit('cancelled', session.user, pending);
          return { session: withoutPending(session), outcome: { kind: 'restart', detail: verdict.detail } };
      }
    });
  }

  /** Ends whatever is pending; idempotent. A confirmed enrollment stays confirmed: cancelling never removes a method. */
  async cancel(session: SessionData, requestId?: string): Promise<StepResult> {
    const found = await this.lookup(session, requestId);
    if (found.kind === 'live' && !(await this.end(session, found, 'cancelled', requestId))) {
      // A confirmation is under way in another request: the answer waits for it, so it tells what privacyIDEA holds.
      await this.deps.pendingStore.settledEnd(found.pending);
    }
    return { session: withoutPending(session), outcome: { kind: 'cancelled' } };
  }

  /**
   * Sends the user a new code (email), at most once per the method's cooldown on every replica and copy of the
   * session, and never while a confirmation is under way. A send that fails ends the enrollment, leaving nothing.
   */
  async resend(session: SessionData, requestId?: string): Promise<StepResult> {
    const { pendingStore } = this.deps;
    const found = await this.lookup(session, requestId);
    if (found.kind !== 'live') return this.afterEnd(session, found.kind);
    const { pending, method } = found;
    const resend = method.resend?.bind(method);
    if (resend === undefined) return { session, outcome: { kind: 'resend_not_supported' } };
    const cooldownMs = this.resendCooldownMs(method);
    return pendingStore.withUserLock(session.user, randomUUID(), async () => {
      const end = await pendingStore.end(pending);
      // Ended meanwhile (confirmed in another tab, cancelled…): there is nothing to send a code for.
      if (end !== undefined) return this.afterEnd(session, end.kind === 'expired' || end.kind === 'exhausted' ? end.kind : 'none');
      if (!(await pendingStore.claimSend(pending, cooldownMs))) {
        const sentAt = (await pendingStore.lastSentAt(pending)) ?? this.deps.clock.now();
        const retryAfterSeconds = Math.max(1, Math.ceil((sentAt + cooldownMs - this.deps.clock.now()) / 1000));
        return { session, outcome: { kind: 'resend_too_soon', retryAfterSeconds } };
      }
      const verdict = await resend(this.context(session.user, requestId), pending);
      switch (verdict.kind) {
        case 'sent':
          this.emit('resent', session.user, pending);
          return { session, outcome: { kind: 'pending', enrollment: await this.view(found) } };
        case 'gone':
          if (await pendingStore.claimEnd(pending, { kind: 'replaced' })) this.emit('replaced', session.user, pending);
          return { session: withoutPending(session), outcome: { kind: 'none' } };
        case 'failed':
          await this.end(session, found, 'cancelled', requestId);
          return { session: withoutPending(session), outcome: { kind: 'problem', problem: verdict.problem } };
      }
    });
  }

  /** Without a live enrollment no method reads the proof: one that no offered method would take is malformed. */
  private readAnyProof(proof: EnrollmentProof): ReturnType<EnrollmentMethod['readProof']> {
    const reads = [...this.deps.methods.values()].map((method) => method.readProof(proof));
    return reads.find((read) => read.ok) ?? reads[0] ?? { ok: false, field: 'code', message: 'Nothing to confirm.' };
  }

  /** The offered methods with what the user needs for each, for GET /api/v1/config. */
  offeredMethods(): { type: MethodType; needs: MethodNeed; needsOtherMethod: boolean; required: boolean }[] {
    return [...this.deps.methods.values()].map((method) => ({
      type: method.type,
      needs: method.needs,
      needsOtherMethod: method.needsOtherMethod === true,
      required: method.required?.(this.deps.config) === true,
    }));
  }

  /** A start without `type`: the first offered method that needs no other. */
  private defaultMethod(): MethodType {
    const first = [...this.deps.methods.values()].find((method) => method.needsOtherMethod !== true);
    if (first === undefined) throw new Error('no enrollment method offered');
    return first.type;
  }

  /** Whether tokens of this privacyIDEA type are a backup for another method (recovery codes), not a method of their own. */
  isBackupTokenType(tokentype: string): boolean {
    return [...this.deps.methods.values()].some((method) => method.needsOtherMethod === true && method.tokenType === tokentype);
  }

  /** Whether the user has a working method that is not a backup (recovery codes): "has MFA" for the one-method rule. */
  private hasPrimaryToken(snapshot: TokenSnapshot): boolean {
    // A snapshot from before token types were kept counts any usable token.
    return snapshot.usableTokenTypes === undefined ? snapshot.hasUsableToken : snapshot.usableTokenTypes.some((type) => !this.isBackupTokenType(type));
  }

  private resendCooldownMs(method: EnrollmentMethod): number {
    return (method.resendCooldownSeconds?.(this.deps.config) ?? 60) * 1000;
  }

  /**
   * Whether another enrollment of this user (another browser) confirmed a method since this one started. The
   * store remembers the last confirmation; privacyIDEA is asked only then, whether that token still counts (an
   * admin may have deleted it since).
   */
  private async confirmedElsewhere(user: SessionUser, requestId: string | undefined): Promise<boolean> {
    const serial = await this.deps.pendingStore.enrolledSerial(user);
    if (serial === undefined) return false;
    const token = await this.deps.pi.findToken(serial, requestId);
    return token !== undefined && isUsableToken(token) && isOwnedBy(token, user);
  }

  /** The method that enrolls tokens of a privacyIDEA token type, or undefined for a type none of them manages. */
  methodOfTokenType(tokentype: string): MethodType | undefined {
    return [...this.deps.methods.values()].find((method) => method.tokenType === tokentype)?.type;
  }

  /** Lists the user's tokens and remembers what matters for starting an enrollment. */
  async snapshotTokens(user: SessionUser, requestId?: string): Promise<{ tokens: PiToken[]; snapshot: TokenSnapshot }> {
    const tokens: PiToken[] = [];
    for await (const token of this.deps.pi.allTokens({ user }, requestId)) tokens.push(token);
    const usable = tokens.filter(isUsableToken);
    return { tokens, snapshot: { checkedAt: this.deps.clock.now(), hasUsableToken: usable.length > 0, usableTokenTypes: [...new Set(usable.map((token) => token.tokentype))] } };
  }

  private async lookup(session: SessionData, requestId: string | undefined): Promise<PendingLookup> {
    const pending = session.pending;
    const method = pending === undefined ? undefined : this.deps.methods.get(pending.type);
    // A cookie from before an upgrade may hold a pending enrollment of an older shape: it is no enrollment.
    if (pending === undefined || method === undefined || typeof pending.id !== 'string') return { kind: 'none' };
    const end = await this.deps.pendingStore.end(pending);
    // Ended: what each copy of the session is told says how (expired, out of tries), or that nothing is pending.
    if (end !== undefined && end.kind !== 'confirming') return { kind: end.kind === 'expired' || end.kind === 'exhausted' ? end.kind : 'none' };
    if (this.deps.clock.now() >= pending.expiresAt) {
      await this.end(session, { kind: 'live', pending, method }, 'expired', requestId);
      return { kind: 'expired' };
    }
    return { kind: 'live', pending, method };
  }

  /** Ends the enrollment this way if nothing ended it first, then removes what it left upstream. */
  private async end(
    session: SessionData,
    found: Extract<PendingLookup, { kind: 'live' }>,
    how: 'cancelled' | 'expired' | 'exhausted',
    requestId: string | undefined,
  ): Promise<boolean> {
    if (!(await this.deps.pendingStore.claimEnd(found.pending, { kind: how }))) return false;
    this.emit(how, session.user, found.pending);
    try {
      await found.method.discard(this.context(session.user, requestId), found.pending);
    } catch (error) {
      this.deps.log.warn({ err: error, enrollmentId: found.pending.id }, 'could not remove what an ended enrollment left in privacyIDEA; the sweeper will');
    }
    return true;
  }

  /** The answer for a session whose enrollment is no longer live: it expired, ran out of tries, or there is none. */
  private afterEnd(session: SessionData, kind: 'none' | 'expired' | 'exhausted'): StepResult {
    return { session: withoutPending(session), outcome: { kind } };
  }

  /** The user confirmed: the session is rotated (a new id), so no earlier copy of it is the session that enrolled. */
  private confirmed(session: SessionData, pending: PendingEnrollment, serial: string, warning?: ConfirmationWarning): StepResult {
    const tokenType = this.deps.methods.get(pending.type)?.tokenType;
    const known = session.tokens?.usableTokenTypes;
    // The user has this method now; without the kinds they had before, the next start asks privacyIDEA afresh.
    const tokens: TokenSnapshot =
      known !== undefined && tokenType !== undefined
        ? { checkedAt: this.deps.clock.now(), hasUsableToken: true, usableTokenTypes: [...new Set([...known, tokenType])] }
        : { checkedAt: 0, hasUsableToken: true };
    return {
      session: { ...withoutPending(session), id: randomUUID(), tokens },
      outcome: {
        kind: 'confirmed',
        confirmed: { status: 'enrolled', serial, description: pending.description, ...(warning !== undefined ? { warning } : {}) },
        ...(pending.replaces !== undefined ? { replaces: pending.replaces } : {}),
      },
    };
  }

  private async view(found: Extract<PendingLookup, { kind: 'live' }>): Promise<Enrollment> {
    const { pending, method } = found;
    const used = await this.deps.pendingStore.attemptsUsed(pending);
    const extras: ViewExtras = {};
    if (method.resend !== undefined) extras.resendAvailableAt = ((await this.deps.pendingStore.lastSentAt(pending)) ?? pending.createdAt) + this.resendCooldownMs(method);
    return method.view(pending, Math.max(0, this.deps.config.enrollment.maxAttempts - used), extras);
  }

  private async freshSnapshot(session: SessionData, requestId: string | undefined): Promise<TokenSnapshot> {
    const snapshot = session.tokens;
    if (snapshot !== undefined && this.deps.clock.now() - snapshot.checkedAt <= SNAPSHOT_FRESH_MS) return snapshot;
    return (await this.snapshotTokens(session.user, requestId)).snapshot;
  }

  private context(user: SessionUser, requestId: string | undefined, attempt = 0, leftBehind: string[] = [], origin?: string): MethodContext {
    const { pi, config, clock, log, serials } = this.deps;
    return { pi, config, clock, log, serials, user, requestId, origin, attempt, leftBehind: (serial) => void leftBehind.push(serial) };
  }

  /**
   * Removes what earlier failed confirmations of this user may have left (see PendingStore.addLeftBehind) and
   * answers what could not be removed yet.
   */
  private async removeLeftBehind(user: SessionUser, requestId: string | undefined): Promise<string[]> {
    const { pendingStore, pi } = this.deps;
    const serials = await pendingStore.leftBehind(user);
    if (serials.length === 0) return [];
    const remaining: string[] = [];
    for (const serial of serials) {
      try {
        await pi.deleteToken(serial, requestId);
      } catch {
        remaining.push(serial);
      }
    }
    await pendingStore.setLeftBehind(user, remaining, this.leftBehindTtl());
    return remaining;
  }

  /** As long as the user could come back with an enrollment started before the failure. */
  private leftBehindTtl(): number {
    return (this.deps.config.enrollment.ttlSeconds + 3600) * 1000;
  }

  private emit(outcome: AuditOutcome, user: SessionUser, pending: PendingEnrollment, serial?: string, reason?: WrongCodeReason): void {
    this.deps.emit({
      outcome,
      method: pending.type,
      username: user.username,
      realm: user.realm,
      enrollmentId: pending.id,
      ...(serial !== undefined ? { serial } : {}),
      ...(reason !== undefined ? { reason } : {}),
    });
  }
}
