// The headless API (`@pi-enroll/web/headless`): the same lifecycle without the bundled screens, for a host
// that renders its own UI with React. Render `state` (switch on `state.current`) and call `send`. While an
// enrollment is `pending`, the method's own steps are the host's to draw (TOTP: QR code, then a code field),
// ending in `send({ type: 'proofSubmitted', proof })`.
//
// Server state goes through TanStack Query. No provider is needed: the hook uses the client of the nearest
// <QueryClientProvider>, else its own (or the `queryClient` option). With your app's client, the hook's cache
// is yours too: `useQuery(sessionQueryOptions(createApiClient(apiBase)))` shows the signed-in user and their
// tokens, refreshed whenever the enrollment changes them.
export { useEnrollment } from '../features/enrollment/hooks/use-enrollment';
export type {
  EnrollmentController,
  EnrollmentHandle,
  UseEnrollmentOptions,
} from '../features/enrollment/hooks/use-enrollment';
export type { FlowState, FlowStep, UserEvent } from '../features/enrollment/flow/enrollment-flow';
export type { MethodProof, MethodType } from '../lib/method-ui';
export { clientConfigQueryOptions } from '../features/enrollment/api/get-client-config';
export { sessionQueryOptions } from '../features/enrollment/api/get-session';
export { ApiProblemError, createApiClient } from '../lib/api-client';
export type { ApiClient, ApiClientOptions, ClientProblemCode, FlowProblem, SessionTransport } from '../lib/api-client';
