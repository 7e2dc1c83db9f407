import type { VerifyStrategy } from './pending-enrollment.js';

export type EnrollmentOutcome =
  | 'started'
  | 'resumed'
  | 'confirmed'
  | 'wrong_code'
  | 'exhausted'
  | 'expired'
  | 'cancelled'
  | 'swept';

export interface EnrollmentEvent {
  outcome: EnrollmentOutcome;
  strategy: VerifyStrategy | 'unknown';
  username: string;
  realm: string | undefined;
  serial: string;
}

/** Where enrollment outcomes go: the audit log and the metrics funnel. Never carries a secret or a code. */
export type EnrollmentEventSink = (event: EnrollmentEvent) => void;
