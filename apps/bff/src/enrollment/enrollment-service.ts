import type { FastifyBaseLogger } from 'fastify';
import { TOTP } from 'otpauth';
import type { Enrollment, EnrollmentConfirmed, OtpDigits } from '@pi-enroll/shared';
import type { Clock } from '../clock.js';
import type { AppConfig } from '../config/app-config.js';
import { ProblemError } from '../http/problem-error.js';
import type { PiToken } from '../privacyidea/pi-envelope.js';
import { PrivacyIdeaError, piErrorCode } from '../privacyidea/pi-errors.js';
import type { PiHashlib, PrivacyIdeaClient } from '../privacyidea/privacyidea-client.js';
import { withoutPending, type SessionData, type SessionUser, type TokenSnapshot } from '../session/session-data.js';
import type { EnrollmentEventSink } from './enrollment-events.js';
import { newEnrollmentSerial } from './enrollment-serial.js';
import { parseServerKeyUri } from '@pi-enroll/shared/otpauth-uri';
import { toEnrollment, type PendingEnrollment, type VerifyStrategy } from './pending-enrollment.js';
import { CONFIRMING, failuresOf, infoKeys, isUnconfirmedEnrollment, isUsableToken } from './token-state.js';

/** How long a token snapshot taken by GET /session may stand in for a fresh look at the user's tokens. */
const SNAPSHOT_FRESH_MS = 60_000;

export interface EnrollmentServiceDeps {
  pi: PrivacyIdeaClient;
  config: AppConfig;
  clock: Clock;
  log: FastifyBaseLogger;
  emit: EnrollmentEventSink;
}

export interface StartResult {
  created: boolean;
  enrollment: Enrollment;
  session: SessionData;
}

/**
 * The enrollment lifecycle: start (or return the one already pending), resume, confirm, cancel. Every method
 * takes the caller's session, which alone says who the user is, and returns the session to store.
 */
export class EnrollmentService {
  /** Requests of one user on this replica that would otherwise race (double clicks, two tabs). */
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: EnrollmentServiceDeps) {}

  /** Lists the user's tokens and remembers what matters for starting an enrollment. */
  async snapshotTokens(user: SessionUser, requestId?: string): Promise<{ tokens: PiToken[]; snapshot: TokenSnapshot }> {
    const tokens: PiToken[] = [];
    for await (const token of this.deps.pi.allTokens({ user }, requestId)) tokens.push(token);
    return {
      tokens,
      snapshot: {
        checkedAt: this.deps.clock.now(),
        hasUsableToken: tokens.some(isUsableToken),
        unconfirmedSerials: tokens.filter(isUnconfirmedEnrollment).map((token) => token.serial),
      },
    };
  }

  /**
   * Concurrent starts of one user on this replica (a double click, two tabs) share one result, so they get
   * the same token and secret instead of one token each.
   */
  async start(session: SessionData, description: string | undefined, requestId?: string): Promise<StartResult> {
    const key = `start:${userKey(session.user)}`;
    const running = this.inFlight.get(key) as Promise<StartResult> | undefined;
    if (running !== undefined) return { ...(await running), created: false };
    return this.exclusive(key, async () => {
      const existing = session.pending;
      if (existing !== undefined) {
        if (this.deps.clock.now() < existing.expiresAt) {
          const token = await this.deps.pi.findToken(existing.serial, requestId);
          if (token !== undefined && isUnconfirmedEnrollment(token) && this.owns(session.user, token)) {
            this.emit('resumed', session.user, existing);
            return { created: false, enrollment: toEnrollment(existing, this.attemptsLeft(failuresOf(token))), session };
          }
        } else {
          await this.discard(existing.serial, requestId);
          this.emit('expired', session.user, existing);
        }
        session = withoutPending(session);
      }

      let snapshot = session.tokens;
      if (snapshot === undefined || this.deps.clock.now() - snapshot.checkedAt > SNAPSHOT_FRESH_MS) {
        snapshot = (await this.snapshotTokens(session.user, requestId)).snapshot;
      }
      if (snapshot.hasUsableToken && !this.deps.config.enrollment.allowAdditionalTokens) {
        throw new ProblemError(409, 'already_enrolled', 'You already have an active authenticator.');
      }
      // Unconfirmed tokens left from another browser or an older session: one pending token per user.
      for (const serial of snapshot.unconfirmedSerials) await this.discard(serial, requestId);

      const pending = await this.createToken(session.user, description, requestId);
      this.emit('started', session.user, pending);
      const next: SessionData = {
        ...session,
        pending,
        tokens: { ...snapshot, unconfirmedSerials: [pending.serial] },
      };
      return { created: true, enrollment: toEnrollment(pending, this.deps.config.enrollment.maxAttempts), session: next };
    });
  }

  /** The pending enrollment, with the attempts left as privacyIDEA records them. */
  async resume(session: SessionData, requestId?: string): Promise<{ enrollment: Enrollment; session: SessionData }> {
    const pending = this.requirePending(session);
    if (this.deps.clock.now() >= pending.expiresAt) {
      await this.discard(pending.serial, requestId);
      this.emit('expired', session.user, pending);
      throw new ProblemError(410, 'enrollment_expired', 'The enrollment expired; please start again.');
    }
    const token = await this.deps.pi.findToken(pending.serial, requestId);
    if (token === undefined || !isUnconfirmedEnrollment(token) || !this.owns(session.user, token)) {
      throw new ProblemError(404, 'no_pending_enrollment', 'The enrollment is no longer pending.');
    }
    this.emit('resumed', session.user, pending);
    return { enrollment: toEnrollment(pending, this.attemptsLeft(failuresOf(token))), session };
  }

  async confirm(
    session: SessionData,
    code: string,
    requestId?: string,
  ): Promise<{ confirmed: EnrollmentConfirmed; session: SessionData }> {
    const pending = this.requirePending(session);
    return this.exclusive(`confirm:${pending.serial}`, async () => {
      if (this.deps.clock.now() >= pending.expiresAt) {
        await this.discard(pending.serial, requestId);
        this.emit('expired', session.user, pending);
        throw new ProblemError(410, 'enrollment_expired', 'The enrollment expired; please start again.');
      }
      const accepted =
        pending.strategy === 'native'
          ? await this.confirmNative(pending, code, requestId)
          : await this.confirmLegacy(pending, code, requestId);
      if (!accepted) return this.recordWrongCode(session, pending, requestId);

      if (pending.hadFailures === true) {
        await this.deps.pi.deleteTokenInfo(pending.serial, infoKeys.failures, requestId).catch((error: unknown) => {
          this.deps.log.warn({ err: error, serial: pending.serial }, 'could not clear the failure counter of a confirmed token');
        });
      }
      this.emit('confirmed', session.user, pending);
      const tokens: TokenSnapshot = { checkedAt: this.deps.clock.now(), hasUsableToken: true, unconfirmedSerials: [] };
      return {
        confirmed: { status: 'enrolled', serial: pending.serial, description: pending.description },
        session: { ...withoutPending(session), tokens },
      };
    });
  }

  /** Deletes the user's pending token(s). Idempotent: cancelling nothing is fine. */
  async cancel(session: SessionData, requestId?: string): Promise<SessionData> {
    const pending = session.pending;
    if (pending !== undefined) {
      await this.discard(pending.serial, requestId);
      this.emit('cancelled', session.user, pending);
    }
    // Also what another browser of the same user left behind: nobody stays locked out by an unfinished try.
    const { snapshot } = await this.snapshotTokens(session.user, requestId);
    for (const serial of snapshot.unconfirmedSerials) await this.discard(serial, requestId);
    return { ...withoutPending(session), tokens: { ...snapshot, unconfirmedSerials: [] } };
  }

  private async createToken(user: SessionUser, description: string | undefined, requestId?: string): Promise<PendingEnrollment> {
    const { config, clock, pi, log } = this.deps;
    const now = clock.now();
    const serial = newEnrollmentSerial(now);
    const finalDescription = description?.trim() || defaultDescription(now);
    let init;
    try {
      init = await pi.initTotp(
        {
          serial,
          username: user.username,
          realm: user.realm,
          description: finalDescription,
          otplen: config.otp.digits,
          hashlib: config.otp.algorithm.toLowerCase() as PiHashlib,
          timeStep: config.otp.period,
        },
        requestId,
      );
    } catch (error) {
      // The token may exist although the answer was lost; we chose its serial, so we can remove it.
      await this.discard(serial, requestId);
      throw error;
    }

    const strategy = await this.secureNewToken(init.serial, init.rolloutState, requestId);
    const actual = parseServerKeyUri(init.serverKeyUri);
    if (
      (actual.digits !== undefined && actual.digits !== config.otp.digits) ||
      (actual.period !== undefined && actual.period !== config.otp.period) ||
      (actual.algorithm !== undefined && actual.algorithm !== config.otp.algorithm)
    ) {
      log.warn({ serial: init.serial, actual }, 'privacyIDEA created the token with other OTP parameters than configured (admin policy?); using its values');
    }
    return {
      serial: init.serial,
      secret: init.secretBase32,
      strategy,
      createdAt: now,
      expiresAt: now + config.enrollment.ttlSeconds * 1000,
      description: finalDescription,
      issuer: config.otp.issuer,
      accountName: user.username,
      algorithm: actual.algorithm ?? config.otp.algorithm,
      digits: (actual.digits ?? config.otp.digits) as OtpDigits,
      period: actual.period ?? config.otp.period,
    };
  }

  /** Makes sure the new token cannot be used to log in before it is confirmed. Deletes it if that fails. */
  private async secureNewToken(serial: string, rolloutState: string, requestId?: string): Promise<VerifyStrategy> {
    const { verifyMode } = this.deps.config.privacyidea;
    if (rolloutState === 'verify') return 'native';
    try {
      if (verifyMode === 'native') {
        throw new ProblemError(
          502,
          'upstream_error',
          'privacyIDEA did not put the new token into verification; the enrollment was undone.',
        );
      }
      await this.deps.pi.disableToken(serial, requestId);
      return 'legacy';
    } catch (error) {
      if (verifyMode === 'native') {
        this.deps.log.error(
          { serial, rolloutState },
          'PI_VERIFY_MODE=native but privacyIDEA answered without rollout_state "verify": is the verify_enrollment policy bound to this realm?',
        );
      }
      await this.discard(serial, requestId);
      throw error;
    }
  }

  private async confirmNative(pending: PendingEnrollment, code: string, requestId?: string): Promise<boolean> {
    try {
      const state = await this.deps.pi.verifyEnrollment(pending.serial, code, requestId);
      // privacyIDEA answers 200 without checking when the token was already enrolled; ours was "verify" at init,
      // so "enrolled" here means this or an earlier request of this user really confirmed it.
      if (state !== 'enrolled') throw new ProblemError(502, 'upstream_error', 'privacyIDEA did not enroll the token.');
      return true;
    } catch (error) {
      if (error instanceof PrivacyIdeaError && error.is(piErrorCode.parameter)) return false;
      throw error;
    }
  }

  /**
   * Without the policy the token is disabled. The BFF checks the code against the secret with the token's real
   * parameters, then has privacyIDEA check it too: on a disabled token a right code is reported as
   * "matching … Token is disabled" and its time step is consumed, so the confirming code can never log in.
   * Only when both agree is the token marked confirmed and enabled.
   */
  private async confirmLegacy(pending: PendingEnrollment, code: string, requestId?: string): Promise<boolean> {
    const totp = new TOTP({
      secret: pending.secret,
      algorithm: pending.algorithm,
      digits: pending.digits,
      period: pending.period,
    });
    if (totp.validate({ token: code, timestamp: this.deps.clock.now(), window: 2 }) === null) return false;
    const check = await this.deps.pi.validateBySerial(pending.serial, code, requestId);
    if (check.accepted || !check.message.startsWith('matching')) {
      this.deps.log.warn(
        { serial: pending.serial, accepted: check.accepted, message: check.message },
        'privacyIDEA disagreed with a code the BFF found valid (clock skew or token parameters?)',
      );
      return check.accepted;
    }
    // Three steps, each safe to stop after: marked "enabling" (still pending while disabled, so the sweeper can
    // remove it and the user can confirm again), enabled (live: "enabling" + active counts as confirmed), then
    // marked with the date (confirmed for good, even if an admin disables it later).
    await this.deps.pi.setTokenInfo(pending.serial, infoKeys.confirmed, CONFIRMING, requestId);
    await this.deps.pi.enableToken(pending.serial, requestId);
    await this.deps.pi.setTokenInfo(pending.serial, infoKeys.confirmed, new Date(this.deps.clock.now()).toISOString(), requestId).catch((error: unknown) => {
      this.deps.log.warn({ err: error, serial: pending.serial }, 'confirmed token enabled, but its confirmation date could not be written');
    });
    return true;
  }

  private async recordWrongCode(session: SessionData, pending: PendingEnrollment, requestId?: string): Promise<never> {
    const { pi, config } = this.deps;
    const token = await pi.findToken(pending.serial, requestId);
    if (token === undefined || !this.owns(session.user, token)) {
      throw new ProblemError(404, 'no_pending_enrollment', 'The enrollment is no longer pending.');
    }
    const failures = failuresOf(token) + 1;
    if (failures >= config.enrollment.maxAttempts) {
      await this.discard(pending.serial, requestId);
      this.emit('exhausted', session.user, pending);
      throw new ProblemError(409, 'attempts_exhausted', 'Too many wrong codes. The new authenticator was removed; please start again.', {
        attemptsLeft: 0,
      });
    }
    await pi.setTokenInfo(pending.serial, infoKeys.failures, String(failures), requestId);
    this.emit('wrong_code', session.user, pending);
    throw new ProblemError(422, 'invalid_code', 'That code is not right. Check the app and try the current code.', {
      attemptsLeft: this.attemptsLeft(failures),
    });
  }

  private requirePending(session: SessionData): PendingEnrollment {
    if (session.pending === undefined) {
      throw new ProblemError(404, 'no_pending_enrollment', 'There is no enrollment in progress.');
    }
    return session.pending;
  }

  private attemptsLeft(failures: number): number {
    return Math.max(0, this.deps.config.enrollment.maxAttempts - failures);
  }

  private owns(user: SessionUser, token: PiToken): boolean {
    return token.username.toLowerCase() === user.username.toLowerCase() && (user.realm === undefined || token.user_realm === user.realm);
  }

  /** Deletes a token we created; an already deleted one is fine. Failures are left to the sweeper. */
  private async discard(serial: string, requestId?: string): Promise<void> {
    try {
      await this.deps.pi.deleteToken(serial, requestId);
    } catch (error) {
      this.deps.log.warn({ err: error, serial }, 'could not delete a pending token now; the sweeper will');
    }
  }

  private emit(outcome: Parameters<EnrollmentEventSink>[0]['outcome'], user: SessionUser, pending: PendingEnrollment): void {
    this.deps.emit({ outcome, strategy: pending.strategy, username: user.username, realm: user.realm, serial: pending.serial });
  }

  private async exclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.inFlight.get(key);
    if (previous !== undefined) await previous.catch(() => undefined);
    const current = task();
    this.inFlight.set(key, current);
    try {
      return await current;
    } finally {
      if (this.inFlight.get(key) === current) this.inFlight.delete(key);
    }
  }
}

function userKey(user: SessionUser): string {
  return `${user.realm ?? ''}\u0000${user.username}`;
}


function defaultDescription(now: number): string {
  return `Authenticator app (TOTP), added ${new Date(now).toISOString().slice(0, 10)}`;
}
