import type { FastifyBaseLogger } from 'fastify';
import type { ConfirmationWarning, Enrollment, EnrollmentProof, MethodType, OtpSetting } from '@pi-enroll/shared';
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
  /** Prepares the enrollment; creates nothing in privacyIDEA where privacyIDEA allows that. */
  start(ctx: MethodContext, enrollment: NewEnrollment): Promise<State>;
  /** What the user sees while it is pending (the only place a secret leaves the BFF, and only to its owner). */
  view(pending: PendingEnrollment<State>, attemptsLeft: number): Enrollment;
  /** The proof's shape for this method, or a message naming what is wrong with it. */
  readProof(proof: EnrollmentProof): { ok: true; proof: EnrollmentProof } | { ok: false; field: string; message: string };
  /** Checks the proof and, when it holds, makes the token count. */
  confirm(ctx: MethodContext, pending: PendingEnrollment<State>, proof: EnrollmentProof): Promise<ConfirmVerdict>;
  /** Removes whatever the enrollment left in privacyIDEA, only if it is still unconfirmed and this enrollment's. */
  discard(ctx: MethodContext, pending: PendingEnrollment<State>): Promise<void>;
}
