import type { FastifyBaseLogger } from 'fastify';
import type { ConfirmationWarning, Enrollment, EnrollmentProof, MethodNeed, MethodType, OtpSetting } from '@pi-enroll/shared';
import type { ProblemError } from '../http/problem-error.js';
import type { Clock } from '../clock.js';
import type { AppConfig } from '../config/app-config.js';
import type { PrivacyIdeaClient } from '../privacyidea/privacyidea-client.js';
import type { SessionUser } from '../session/session-data.js';
import type { EnrollmentSerials } from './enrollment-serial.js';
import type { PendingEnrollment } from './pending-enrollment.js';

/** What a method may use; the user is the session's, never a request field. */
export interface MethodContext {
  pi: PrivacyIdeaClient;
  config: AppConfig;
  clock: Clock;
  log: FastifyBaseLogger;
  serials: EnrollmentSerials;
  user: SessionUser;
  requestId: string | undefined;
  /**
   * The `Origin` of the page the request came from (the CSRF guard let it through: this BFF's own or one of
   * ALLOWED_ORIGINS), undefined for a non-browser client and outside start and confirm. A FIDO2 ceremony is bound to
   * it, and privacyIDEA checks it again, so a passkey method forwards it.
   */
  origin: string | undefined;
  /** Which try of this enrollment this request is (0 at start): part of the serial of a token it creates. */
  attempt: number;
  /**
   * Tells the lifecycle that a token this request created may still exist although the request failed (its
   * clean-up failed too). The lifecycle removes it before the user's next attempt.
   */
  leftBehind(serial: string): void;
}

/** What the lifecycle tells a method about the enrollment it starts. */
export interface NewEnrollment {
  id: string;
  expiresAt: number;
  description: string;
  /** Start over with the settings every app supports (after a diagnosis said the user's app ignores ours). */
  compatible: boolean;
}

/** Why a proof is wrong, as the problem answer says it (packages/shared wrong-code-diagnosis.ts). */
export type WrongCodeDiagnosis =
  | { reason: 'clock_drift'; clockOffsetSeconds: number }
  | { reason: 'app_ignores_settings'; ignoredSettings: OtpSetting[] };

/** A method's verdict on a proof. Methods never decide attempts, expiry or HTTP answers: the lifecycle does. */
export type ConfirmVerdict =
  | { kind: 'confirmed'; serial: string; warning?: ConfirmationWarning }
  /** A wrong proof; with a diagnosis when the method can tell why (the phone's clock, an app's settings). */
  | { kind: 'wrong'; diagnosis?: WrongCodeDiagnosis }
  /** The pending token is gone or is no longer this enrollment's (replaced, deleted by an admin). */
  | { kind: 'gone' }
  /** privacyIDEA would not make a token that works like the user's app; nothing was left behind. */
  | { kind: 'restart'; detail: string };

/** What the lifecycle adds to a method's view of a pending enrollment. */
export interface ViewExtras {
  /** For a method that can resend (email): from when a new code may be asked for (epoch ms). */
  resendAvailableAt?: number;
}

/** A method's verdict on a resend. A failed one ends the enrollment (its token is removed) with the problem. */
export type ResendVerdict = { kind: 'sent' } | { kind: 'gone' } | { kind: 'failed'; problem: ProblemError };

/**
 * A sign-in method: the part of an enrollment that differs between an authenticator app, a security key, an
 * email code… Everything around it (attempts, expiry, one enrollment at a time, clean-up, audit, metrics) is the
 * lifecycle's. A method lives in apps/bff/src/methods/<type>/ and is listed once in methods/registry.ts.
 */
export interface EnrollmentMethod<State = unknown> {
  readonly type: MethodType;
  /** The privacyIDEA token type it creates. */
  readonly tokenType: string;
  /** Names the method in a token's default description ("Authenticator app (TOTP), added 2026-12-01"). */
  readonly label: string;
  /**
   * The longest a pending enrollment of this method can still be finished (a passkey: privacyIDEA's challenge
   * validity); the lifecycle ends it then instead of after ENROLL_TTL_SECONDS. Omitted: the configured TTL.
   */
  readonly maxPendingSeconds?: number;
  /** What the user needs for it (GET /api/v1/config). */
  readonly needs: MethodNeed;
  /**
   * A backup for another method (recovery codes): only for a user with a working method of another kind, and not
   * subject to the one-method rule (ALLOW_ADDITIONAL_TOKENS); its tokens never count as "already enrolled".
   */
  readonly needsOtherMethod?: boolean;
  /** Whether the operator wants every user to have it (the widget then offers no "skip"). */
  required?(config: AppConfig): boolean;
  /**
   * Prepares the enrollment; creates nothing in privacyIDEA where privacyIDEA allows that. May throw a ProblemError
   * of its own (`no_email_address`, `email_send_failed`) after removing whatever it made.
   */
  start(ctx: MethodContext, enrollment: NewEnrollment): Promise<State>;
  /** What the user sees while it is pending (the only place a secret leaves the BFF, and only to its owner). */
  view(pending: PendingEnrollment<State>, attemptsLeft: number, extras: ViewExtras): Enrollment;
  /** The proof's shape for this method (`code` or `credential`), or a message naming what is wrong with it. */
  readProof(proof: EnrollmentProof): { ok: true; proof: EnrollmentProof } | { ok: false; field: string; message: string };
  /**
   * Sends the user a new code (email). Only methods that send something have it; the lifecycle keeps the cooldown
   * (`resendCooldownSeconds`) in the shared store and runs it under the user's lock.
   */
  resend?(ctx: MethodContext, pending: PendingEnrollment<State>): Promise<ResendVerdict>;
  resendCooldownSeconds?(config: AppConfig): number;
  /** Checks the proof and, when it holds, makes the token count. */
  confirm(ctx: MethodContext, pending: PendingEnrollment<State>, proof: EnrollmentProof): Promise<ConfirmVerdict>;
  /** Removes whatever the enrollment left in privacyIDEA, only if it is still unconfirmed and this enrollment's. */
  discard(ctx: MethodContext, pending: PendingEnrollment<State>): Promise<void>;
}
