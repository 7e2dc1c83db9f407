import type { MethodType, WrongCodeReason } from '@pi-enroll/shared';

export type EnrollmentOutcome =
  | 'started'
  | 'resumed'
  /** A new code was sent (email). */
  | 'resent'
  | 'confirmed'
  | 'wrong_code'
  | 'exhausted'
  | 'expired'
  | 'cancelled'
  | 'replaced'
  | 'swept';

export interface EnrollmentEvent {
  outcome: EnrollmentOutcome;
  method: MethodType;
  username: string;
  realm: string | undefined;
  enrollmentId: string;
  /** The privacyIDEA token, once there is one. */
  serial?: string;
  /** With `wrong_code`: why, when the method could tell. */
  reason?: WrongCodeReason;
}

/** Where enrollment outcomes go: the audit log and the metrics funnel. Never carries a secret or a code. */
export type EnrollmentEventSink = (event: EnrollmentEvent) => void;
