import type { FastifyBaseLogger } from 'fastify';
import type { MethodType } from '@pi-enroll/shared';
import type { Clock } from '../clock.js';
import type { PiToken } from '../privacyidea/pi-envelope.js';
import type { PrivacyIdeaClient, TokenFilter } from '../privacyidea/privacyidea-client.js';
import type { EnrollmentEventSink } from './enrollment-events.js';
import { OUR_SERIALS, type EnrollmentSerials } from './enrollment-serial.js';
import type { PendingStore } from './pending-store.js';
import { isUnfinished } from './user-tokens.js';

export interface SweepResult {
  examined: number;
  deleted: number;
  failed: number;
}

export interface SweeperOptions {
  pi: PrivacyIdeaClient;
  clock: Clock;
  log: FastifyBaseLogger;
  emit: EnrollmentEventSink;
  serials: EnrollmentSerials;
  /** The users' locks and how enrollments ended: a token whose owner is confirming right now is not the sweeper's. */
  pendingStore: Pick<PendingStore, 'end' | 'ifUserLockFree'>;
  /** The realm pi-enroll's sessions give the owner of a token (PI_REALM), so the sweeper takes the same lock. */
  realm: string | undefined;
  /** The method that enrolls tokens of a privacyIDEA token type, for the audit line and the funnel. */
  methodOfTokenType: (tokentype: string) => MethodType | undefined;
  intervalSeconds: number;
  /** Every this many passes (and at start-up) all pi-enroll tokens are examined, not only unfinished ones. */
  fullPassEvery?: number;
}

/**
 * A token made from the user's own key exists unconfirmed only between /token/init and its second step; one
 * still unconfirmed after this was stranded by a crash. A probe is deleted right after it answered.
 */
const SHORT_LIVED_GRACE_MS = 2 * 60 * 1000;
/**
 * A token of ours dated after its enrollment's deadline by more than this was initialised again by someone else
 * (an admin's rollover). Less is a confirmation that began just before the deadline and reached privacyIDEA late.
 */
const LATE_CONFIRMATION_MS = 15 * 60 * 1000;

/**
 * Whether a token is one of ours that an enrollment left unfinished and nobody will finish: only such tokens are
 * ever deleted. Its serial must carry our MAC (enrollment-serial.ts), it must still be unfinished, and it must
 * not have been re-initialised well after its enrollment's deadline (an admin's rollover of a confirmed token
 * makes it `verify` again; privacyIDEA then writes a new creation_date, and the token is the admin's business).
 */
export function isAbandoned(token: PiToken, serials: EnrollmentSerials, now: number): boolean {
  const mark = serials.parse(token.serial);
  if (mark === undefined) return false;
  const createdAt = Date.parse(token.info['creation_date'] ?? '');
  if (mark.kind === 'P') return Number.isNaN(createdAt) || now >= createdAt + SHORT_LIVED_GRACE_MS || now >= mark.deadlineMs;
  if (!isUnfinished(token)) return false;
  if (!Number.isNaN(createdAt) && createdAt > mark.deadlineMs + LATE_CONFIRMATION_MS) return false;
  if (now >= mark.deadlineMs) return true;
  return mark.kind === 'C' && !Number.isNaN(createdAt) && now >= createdAt + SHORT_LIVED_GRACE_MS;
}

export class Sweeper {
  private timer: NodeJS.Timeout | undefined;
  private passes = 0;
  private running: Promise<SweepResult> | undefined;
  private readonly passListeners: ((result: SweepResult) => void)[] = [];

  constructor(private readonly options: SweeperOptions) {}

  /** Called after every pass, e.g. for metrics. */
  onPass(listener: (result: SweepResult) => void): void {
    this.passListeners.push(listener);
  }

  start(): void {
    if (this.timer !== undefined) return;
    void this.sweepOnce();
    this.timer = setInterval(() => void this.sweepOnce(), this.options.intervalSeconds * 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /**
   * One pass (`full`: over every token of ours, as every tenth pass is). Concurrent calls share the pass in
   * progress. Never throws: failures are logged and retried next pass.
   */
  sweepOnce(options: { full?: boolean } = {}): Promise<SweepResult> {
    this.running ??= this.pass(options.full === true).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /**
   * The last word on a candidate, under its owner's lock: how its enrollment ended, if the store knows.
   * - confirming: a confirmation is working on it right now; keep.
   * - confirmed with this serial: the user's method; keep. With another serial: a try privacyIDEA carried out
   *   after the BFF had given up on it; delete, live or not.
   * - cancelled, expired, exhausted, replaced: the enrollment made no method, so nothing of it stays.
   * - unknown (never ended, or the store was lost in a restart): only an unfinished token past its time goes.
   */
  private async deleteIfStillAbandoned(token: PiToken): Promise<'deleted' | 'kept'> {
    const { pi, serials, clock } = this.options;
    const mark = serials.parse(token.serial);
    if (mark === undefined) return 'kept';
    const end = mark.kind === 'P' ? undefined : await this.options.pendingStore.end({ id: mark.enrollmentId });
    const doomed =
      end === undefined
        ? isAbandoned(token, serials, clock.now())
        : end.kind === 'confirmed'
          ? end.serial !== token.serial
          : end.kind !== 'confirming';
    if (!doomed || !(await pi.deleteToken(token.serial))) return 'kept';
    const method = this.options.methodOfTokenType(token.tokentype);
    if (mark.kind !== 'P' && method !== undefined) {
      this.options.emit({ outcome: 'swept', method, username: token.username, realm: token.user_realm, enrollmentId: mark.enrollmentId, serial: token.serial });
    }
    return 'deleted';
  }

  private async pass(forceFull: boolean): Promise<SweepResult> {
    const { pi, clock, log, serials } = this.options;
    const full = forceFull || this.passes % (this.options.fullPassEvery ?? 10) === 0;
    this.passes += 1;
    // Unfinished tokens wait in "verify" or "clientwait". A full pass also finds probe tokens, which are live.
    const filters: TokenFilter[] = full
      ? [{ serial: OUR_SERIALS }]
      : [
          { serial: OUR_SERIALS, rolloutState: 'verify' },
          { serial: OUR_SERIALS, rolloutState: 'clientwait' },
        ];
    const result: SweepResult = { examined: 0, deleted: 0, failed: 0 };
    const seen = new Set<string>();
    try {
      for (const filter of filters) {
        const doomed: PiToken[] = [];
        for await (const token of pi.allTokens(filter)) {
          if (seen.has(token.serial)) continue;
          seen.add(token.serial);
          result.examined += 1;
          // On a full pass every token of an ended enrollment is a candidate too (deleteIfStillAbandoned decides).
          if (isAbandoned(token, serials, clock.now()) || (full && serials.parse(token.serial) !== undefined)) doomed.push(token);
        }
        // Delete after listing, so deletions do not shift the pages being read.
        for (const token of doomed) {
          // Under the owner's lock, and only if no confirmation of this enrollment is under way or done: a user
          // who comes back to a half-made token this very moment re-creates it without the sweeper in between.
          const user = { username: token.username, realm: this.options.realm ?? token.user_realm };
          const outcome = await this.options.pendingStore
            .ifUserLockFree(user, `sweeper:${token.serial}`, () => this.deleteIfStillAbandoned(token))
            .catch((error: unknown) => {
              log.warn({ err: error, serial: token.serial }, 'sweeper could not delete an abandoned token; will retry');
              return 'failed' as const;
            });
          if (outcome === 'deleted') result.deleted += 1;
          if (outcome === 'failed') result.failed += 1;
        }
      }
    } catch (error) {
      result.failed += 1;
      log.warn({ err: error }, 'sweeper pass failed; will retry');
    }
    if (result.deleted > 0 || result.failed > 0) log.info({ sweep: result, full }, 'sweeper pass');
    for (const listener of this.passListeners) listener(result);
    return result;
  }
}
