// The headless API (`@pi-enroll/web/headless`): the same flow machine without the bundled screens, for a host
// that renders its own UI with React. Render `state` (switch on `state.current`) and call `send`.
export { useEnrollment } from '../features/enrollment/hooks/use-enrollment';
export type {
  EnrollmentController,
  EnrollmentHandle,
  UseEnrollmentOptions,
} from '../features/enrollment/hooks/use-enrollment';
export type { FlowState, FlowStep, UserEvent } from '../features/enrollment/flow/enrollment-flow';
export type { ClientProblemCode, FlowProblem } from '../lib/api-client';
