import type { Enrollment, EnrollmentOf, VerifyEnrollmentRequest } from '@pi-enroll/shared';
import type { ComponentType } from 'react';
import type { ApiClient, FlowProblem } from './api-client';
import type { ReplacedMethod } from './management-ui';

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
  /** The method this enrollment replaces once confirmed (a lost phone, an old set of recovery codes). */
  replaces?: ReplacedMethod;
  /** For the method's own requests (email: resend). */
  api: ApiClient;
  submit: (proof: MethodProof) => void;
  /** Asks to cancel; the enrollment asks the user to confirm and removes the pending token. */
  cancel: () => void;
  /**
   * The method's own ceremony on this device failed or was dismissed (passkey: the browser's prompt): the pending
   * enrollment is removed at once, without asking, and the method's `Abandoned` screen says why (`reason`).
   */
  abandon: (reason: string) => void;
  /** A request of the method's own answered a new view of the enrollment (email: a new code was sent). */
  refresh: (enrollment: EnrollmentOf<Type>) => void;
  /** A request of the method's own failed: the lifecycle decides whether the enrollment goes on. */
  fail: (problem: FlowProblem) => void;
  /** Starts over with settings every app supports, when the last problem said the user's app ignores ours. */
  restartWithCompatibleSettings: () => void;
}

/** What a method's screen after an abandoned ceremony gets: the reason it gave, and the ways on. */
export interface MethodAbandonedProps {
  reason: string;
  /** Removing the pending enrollment failed too (the sweeper will); shown, but the user may still go on. */
  problem?: FlowProblem;
  /** A new enrollment of the same method. */
  retry: () => void;
  /** Back to the start screen (another method). */
  restart: () => void;
}

/** What a method may add to the done screen once it is confirmed (passkey: "Try it now"). */
export interface MethodAfterConfirmProps {
  serial: string;
  api: ApiClient;
}

/**
 * A sign-in method's UI, as the generic enrollment uses it: the steps shown while its enrollment is pending
 * (their order is the method's own business, kept in their local state) and what to load before they show.
 * The lifecycle around it (start, resume, confirm, cancel, expiry, outcomes) knows no method by name. The
 * components come from the method's own chunk (React.lazy): the first download carries no method's screens.
 */
export interface MethodUi<Type extends MethodType = MethodType> {
  type: Type;
  Steps: ComponentType<MethodStepsProps<Type>>;
  /** Loads what the steps need from their own chunks, called when the screens before them appear. */
  preload?: () => void;
  /** Whether this browser can use the method at all (passkey: WebAuthn); a method it cannot is not offered. */
  isSupported?: () => boolean;
  /** The screen after `abandon(reason)`; without one, the method never abandons. */
  Abandoned?: ComponentType<MethodAbandonedProps>;
  /** Shown on the done screen after this method was confirmed. */
  AfterConfirm?: ComponentType<MethodAfterConfirmProps>;
  /** False for a method that is not a device to name (recovery codes): the done screen asks no device name. */
  named?: boolean;
}

/** One UI per method type: a method added to the contract does not compile until its UI is registered. */
export type MethodUiRegistry = { readonly [Type in MethodType]: MethodUi<Type> };

/** The UI for a pending enrollment's method. */
export function methodUiOf(methods: MethodUiRegistry, type: MethodType): MethodUi {
  // The registry's keys match their UIs' types, so the UI takes the enrollment of its own type.
  return methods[type] as MethodUi;
}

/** Whether the widget can offer this method here: it has its UI, and the browser can do what it needs. */
export function isMethodSupported(methods: MethodUiRegistry, type: MethodType): boolean {
  return methodUiOf(methods, type).isSupported?.() ?? true;
}
