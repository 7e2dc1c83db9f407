import type { Enrollment, EnrollmentOf, VerifyEnrollmentRequest } from '@pi-enroll/shared';
import type { ComponentType } from 'react';
import type { FlowProblem } from './api-client';

/** The sign-in methods the contract knows. */
export type MethodType = Enrollment['type'];

/** What the user hands in to prove the new method works (`{code}`, or `{credential}` for a passkey). */
export type MethodProof = VerifyEnrollmentRequest;

/** What the generic enrollment gives a method's steps while its enrollment is pending. */
export interface MethodStepsProps<Type extends MethodType = MethodType> {
  /** The pending enrollment as the BFF answered it (for TOTP: QR code, key, attempts left, expiry). */
  pending: EnrollmentOf<Type>;
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
export interface MethodUi<Type extends MethodType = MethodType> {
  type: Type;
  Steps: ComponentType<MethodStepsProps<Type>>;
  /** Loads what the steps need from their own chunks, called when the screens before them appear. */
  preload?: () => void;
}

/**
 * The UI of each method the widget has screens for. A method without one is not offered by the widget (the BFF may
 * still offer it to other clients); a pending enrollment of such a method can only be cancelled here.
 */
export type MethodUiRegistry = { readonly [Type in MethodType]?: MethodUi<Type> };

/** The UI for a pending enrollment's method, if the widget has one. */
export function methodUiOf(methods: MethodUiRegistry, type: MethodType): MethodUi | undefined {
  // The registry's keys match their UIs' types, so the UI takes the enrollment of its own type.
  return methods[type] as MethodUi | undefined;
}
