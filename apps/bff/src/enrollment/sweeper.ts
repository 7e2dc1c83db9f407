import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock.js';
import type { PiToken } from '../privacyidea/pi-envelope.js';
import type { PrivacyIdeaClient, TokenFilter } from '../privacyidea/privacyidea-client.js';
import type { EnrollmentEventSink } from './enrollment-events.js';
import { OUR_SERIALS } from './enrollment-serial.js';
import { isAbandoned } from './token-state.js';

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
  ttlSeconds: number;
  maxAttempts: number;
  intervalSeconds: number;
  /** Every this many passes (and at start-up) all pi-enroll tokens are examined, not only the usual suspects. */
  fullPassEvery?: number;
}

/**
 * Deletes pi-enroll tokens that were never confirmed and have expired or run out of tries. Everything it
 * needs is in privacyIDEA (our serial prefix, the creation time inside the serial, tokeninfo), so it works
 * after restarts and on every replica at once: deleting a token twice is harmless.
 */
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
    const { pi, clock, log, ttlSeconds, maxAttempts } = this.options;
    const full = this.passes % (this.options.fullPassEvery ?? 10) === 0;
    this.passes += 1;
    // Pending tokens are in "verify" (native) or disabled (legacy). A full pass also finds a legacy token
    // whose disabling failed: rare, but it would be live.
    const filters: TokenFilter[] = full
      ? [{ serial: OUR_SERIALS }]
      : [
          { serial: OUR_SERIALS, rolloutState: 'verify' },
          { serial: OUR_SERIALS, active: false },
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
          if (isAbandoned(token, clock.now(), ttlSeconds * 1000, maxAttempts)) doomed.push(token);
        }
        // Delete after listing, so deletions do not shift the pages being read.
        for (const token of doomed) {
          try {
            if (await pi.deleteToken(token.serial)) {
              result.deleted += 1;
              this.options.emit({
                outcome: 'swept',
                strategy: token.rollout_state === 'verify' ? 'native' : 'legacy',
                username: token.username,
                realm: token.user_realm,
                serial: token.serial,
              });
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
