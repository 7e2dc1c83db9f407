import type { ComponentType } from 'react';
import type { ApiClient, FlowProblem } from './api-client';
import type { MethodType } from './method-ui';

/** The method a new enrollment replaces (a lost phone), as the list showed it. */
export interface ReplacedMethod {
  serial: string;
  description: string;
}

/** What the enrollment gives the list of the user's methods (the management screens, loaded lazily). */
export interface ManagementUiProps {
  api: ApiClient;
  /** Why the last hand-over failed (a replacement the BFF refused), shown above the list. */
  problem?: FlowProblem;
  /** "Add another method": the start screen. */
  add: () => void;
  /** After any step-up the BFF asked for: a new enrollment of `method` that removes `replaces` once confirmed. */
  replace: (method: MethodType, replaces: ReplacedMethod) => void;
  /** A new enrollment of a method that renews itself (recovery codes: a new set, the old one goes once it is confirmed). */
  renew: (method: MethodType) => void;
  /** The last method was removed: nothing is left to list. */
  emptied: () => void;
  /** A method was removed (the host hears `method-removed`). */
  removed: (serial: string) => void;
}

/**
 * The list and its screens (rename, remove, step-up, replace), as the enrollment shows them: a component from a
 * chunk of its own, wired in `app/`, so the enrollment feature never imports it.
 */
export type ManagementUi = ComponentType<ManagementUiProps>;
