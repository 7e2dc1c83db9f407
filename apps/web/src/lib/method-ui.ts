import type { Enrollment, VerifyEnrollmentRequest } from '@pi-enroll/shared';
import type { ComponentType } from 'react';
import type { FlowProblem } from './api-client';

/** The sign-in methods the contract knows (today TOTP only). */
export type MethodType = Enrollment['type'];

/** What the user hands in to prove the new method works (TOTP: a code from the app). */
export type MethodProof = VerifyEnrollmentRequest;

/** What the generic enrollment gives a method's steps while its enrollment is pending. */
export interface MethodStepsProps {
  /** The pending enrollment as the BFF answered it (QR code, key, attempts left, expiry). */
  pending: Enrollment;
  /** The proof is being checked: nothing more can be submitted. */
  busy: boolean;
  /** Why the last proof failed (a wrong code, offline, …); absent before the first try. */
  problem?: FlowProblem;
  submit: (proof: MethodProof) => void;
  /** Asks to cancel; the enrollment asks the user to confirm and removes the pending token. */
  cancel: () => void;
  /** Starts over with settings every app supports, when the last problem said the user's app ignores ours. */
  restartWithCompatibleSettings: () => void;
}

/**
 * A sign-in method's UI, as the generic enrollment uses it: the steps shown while its enrollment is pending
 * (their order is the method's own business, kept in their local state) and what to load before they show.
 * The lifecycle around it (start, resume, confirm, cancel, expiry, outcomes) knows no method by name.
 */
export interface MethodUi {
  type: MethodType;
  Steps: ComponentType<MethodStepsProps>;
  /** Loads what the steps need from their own chunks, called when the screens before them appear. */
  preload?: () => void;
}

/** One UI per method type: a method added to the contract does not compile until its UI is registered. */
export type MethodUiRegistry = { readonly [Type in MethodType]: MethodUi & { type: Type } };
