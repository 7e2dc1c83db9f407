import type { FastifyBaseLogger } from 'fastify';
import type { MethodType } from '@pi-enroll/shared';
import type { Clock } from '../clock.js';
import type { PiToken } from '../privacyidea/pi-envelope.js';
import type { PrivacyIdeaClient, TokenFilter } from '../privacyidea/privacyidea-client.js';
import type { EnrollmentEventSink } from './enrollment-events.js';
import { OUR_SERIALS, type EnrollmentSerials } from './enrollment-serial.js';
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
 * Whether a token is one of ours that an enrollment left unfinished and nobody will finish: only such tokens are
 * ever deleted. Its serial must carry our MAC (enrollment-serial.ts), it must still be unfinished, and it must
 * not have been re-initialised after its enrollment's deadline (an admin's rollover of a confirmed token makes
 * it `verify` again; privacyIDEA then writes a new creation_date, and the token is the admin's business).
 */
export function isAbandoned(token: PiToken, serials: EnrollmentSerials, now: number): boolean {
  const mark = serials.parse(token.serial);
  if (mark === undefined) return false;
  const createdAt = Date.parse(token.info['creation_date'] ?? '');
  if (mark.kind === 'P') return Number.isNaN(createdAt) || now >= createdAt + SHORT_LIVED_GRACE_MS || now >= mark.deadlineMs;
  if (!isUnfinished(token)) return false;
  if (!Number.isNaN(createdAt) && createdAt > mark.deadlineMs) return false;
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

  /** One pass. Concurrent calls share the pass in progress. Never throws: failures are logged and retried next pass. */
  sweepOnce(): Promise<SweepResult> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<SweepResult> {
    const { pi, clock, log, serials } = this.options;
    const full = this.passes % (this.options.fullPassEvery ?? 10) === 0;
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
          if (isAbandoned(token, serials, clock.now())) doomed.push(token);
        }
        // Delete after listing, so deletions do not shift the pages being read.
        for (const token of doomed) {
          try {
            if (await pi.deleteToken(token.serial)) {
              result.deleted += 1;
              const mark = serials.parse(token.serial);
              const method = this.options.methodOfTokenType(token.tokentype);
              if (mark !== undefined && mark.kind !== 'P' && method !== undefined) {
                this.options.emit({
                  outcome: 'swept',
                  method,
                  username: token.username,
                  realm: token.user_realm,
                  enrollmentId: mark.enrollmentId,
                  serial: token.serial,
                });
              }
            }
          } catch (error) {
            result.failed += 1;
            log.warn({ err: error, serial: token.serial }, 'sweeper could not delete an abandoned token; will retry');
          }
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
