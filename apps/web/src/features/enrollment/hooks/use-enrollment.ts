import type {
  ClientConfig,
  CreateSessionRequest,
  Enrollment,
  EnrollmentConfirmed,
  Session,
  StartEnrollmentRequest,
  VerifyEnrollmentRequest,
} from '@pi-enroll/shared';
import { msUntilExpiry } from '@pi-enroll/shared/pending-enrollment-rules';
import { QueryClient, QueryClientContext } from '@tanstack/react-query';
import {
  use,
  useEffect,
  useEffectEvent,
  useImperativeHandle,
  useMemo,
  useReducer,
  useRef,
  useState,
  type Ref,
} from 'react';
import { createApiClient, problemOf, type ApiClient, type ApiRequest, type SessionTransport } from '../../../lib/api-client';
import { renameMethod } from '../../../lib/sign-in-methods/rename-method';
import { cancelEnrollment, type CancelEnrollmentOptions } from '../api/cancel-enrollment';
import { confirmEnrollment } from '../api/confirm-enrollment';
import { createSession } from '../api/create-session';
import { clientConfigQueryOptions, useCachedClientConfig } from '../api/get-client-config';
import { pendingEnrollmentQueryOptions } from '../api/get-pending-enrollment';
import { sessionQueryOptions } from '../api/get-session';
import { settleWrite } from '../api/invalidate-enrollment-reads';
import { signOut } from '../api/sign-out';
import { startEnrollment } from '../api/start-enrollment';
import {
  enrollmentReducer,
  initialFlowState,
  pendingEnrollmentOf,
  type FlowEvent,
  type FlowState,
  type UserEvent,
} from '../flow/enrollment-flow';

export interface UseEnrollmentOptions {
  /**
   * Where the BFF is mounted (its BASE_PATH), e.g. `https://enroll.example.com/mfa/`; default: the directory of
   * the page, which is where the BFF serves the standalone and iframe pages.
   */
  apiBase?: string;
  /** How the session travels (see `createApiClient`); default: in a header when cross-origin or framed. */
  sessionTransport?: SessionTransport;
  /** Signs in before anything else (the host page's hand-over). */
  launchToken?: string;
  /**
   * Where the BFF's server state lives (config, session, the writes). Default: the client of the nearest
   * `<QueryClientProvider>`, else one of the hook's own, so no provider is needed. Pass one to share the cache
   * with your app (e.g. to show `sessionQueryOptions`), or to keep two widgets under one provider apart.
   */
  queryClient?: QueryClient;
  /** The config is known: the host may now send a launch token. */
  onReady?: (config: ClientConfig) => void;
  onEnrolled?: (confirmation: EnrollmentConfirmed) => void;
  onCancelled?: () => void;
  /** The widget opened on a user who already has a sign-in method (it shows their list, not the setup). */
  onAlreadyEnrolled?: (detail: { methods: number }) => void;
  /** A method was added: the same moment as `onEnrolled`, under the name the host events use. */
  onMethodAdded?: (confirmation: EnrollmentConfirmed) => void;
  /** A method was removed (from the list, or replaced by a new one once that was confirmed). */
  onMethodRemoved?: (detail: { serial: string }) => void;
  onSignedOut?: () => void;
  ref?: Ref<EnrollmentHandle>;
}

/** What a host page can do from outside the widget. */
export interface EnrollmentHandle {
  /** A launch token handed over after the widget started (postMessage, a changed attribute): signs in with it. */
  handOverLaunchToken(launchToken: string): void;
  /**
   * The widget is going away (its dialog closed): the pending enrollment, if any, is removed so it cannot lock
   * the user out, and `onCancelled` is called.
   */
  close(): Promise<void>;
}

export interface EnrollmentController {
  state: FlowState;
  /** Known once the first request answered; the sign-in screen needs it. */
  config: ClientConfig | undefined;
  send: (event: UserEvent) => void;
  /** The BFF client the flow uses, for the management screens that read and write the list themselves. */
  api: ApiClient;
  /**
   * The client for a method's own requests (email: resend; passkey: "Try it now"): its writes invalidate the
   * session and the pending enrollment when they settle, as the flow's own writes do.
   */
  methodApi: ApiClient;
}

/**
 * The headless enrollment: the flow machine plus the requests its busy states stand for. Any UI (the bundled
 * one, a host's own) renders `state` and calls `send`.
 *
 * The machine is the one source of truth for the flow: reads run through TanStack Query (`queryOptions`, so a
 * host can show them from the same cache), writes are plain fetchers that invalidate those reads, and each
 * outcome becomes a typed event for the machine. Pending and error states are the machine's, never a query's.
 */
export function useEnrollment(options: UseEnrollmentOptions = {}): EnrollmentController {
  const { apiBase = '.', sessionTransport, launchToken, onCancelled } = options;
  const queryClient = useQueryClientOrOwn(options.queryClient);
  const api = useMemo(() => createApiClient(apiBase, { sessionTransport }), [apiBase, sessionTransport]);
  const [state, dispatch] = useReducer(enrollmentReducer, launchToken, initialFlowState);
  // How many methods the user had when the widget opened on their list, for the `already-enrolled` event.
  const methodsOnArrival = useRef(0);
  const config = useCachedClientConfig(queryClient, api);

  const enterState = useEffectEvent((entered: FlowState) => {
    // Reads through their query options (cached for a host that shows them), writes as plain fetchers: the
    // state entered is their one owner, so nothing (a password, a code, a secret) is left in the cache.
    const requests: BffRequests = {
      config: () => queryClient.fetchQuery(clientConfigQueryOptions(api)),
      session: async () => {
        const session = await queryClient.fetchQuery(sessionQueryOptions(api));
        methodsOnArrival.current = session?.tokens.length ?? 0;
        return session;
      },
      pendingEnrollment: () => queryClient.fetchQuery(pendingEnrollmentQueryOptions(api)),
      signIn: (credentials) => settleWrite(queryClient, api, createSession(api, credentials)),
      start: (request) => settleWrite(queryClient, api, startEnrollment(api, request)),
      confirm: (request) => settleWrite(queryClient, api, confirmEnrollment(api, request)),
      cancel: (cancelOptions) => settleWrite(queryClient, api, cancelEnrollment(api, cancelOptions)),
      rename: (serial, description) => settleWrite(queryClient, api, renameMethod(api, serial, description)),
      signOut: () => settleWrite(queryClient, api, signOut(api)),
    };
    void runRequests(requests, entered, dispatch, {
      configLoaded: (loaded) => options.onReady?.(loaded),
      enrolled: (confirmation) => {
        options.onEnrolled?.(confirmation);
        options.onMethodAdded?.(confirmation);
      },
      cancelled: () => options.onCancelled?.(),
      alreadyEnrolled: () => options.onAlreadyEnrolled?.({ methods: Math.max(1, methodsOnArrival.current) }),
      removed: (serial) => options.onMethodRemoved?.({ serial }),
      signedOut: () => options.onSignedOut?.(),
    });
  });

  // Each state object is entered once: React may run effects twice (StrictMode), a request must not be sent twice.
  const entered = useRef(new WeakSet<FlowState>());
  useEffect(() => {
    if (entered.current.has(state)) return;
    entered.current.add(state);
    enterState(state);
  }, [state]);

  const expiresAt = pendingEnrollmentOf(state)?.expiresAt;
  useEffect(() => {
    if (!expiresAt) return undefined;
    const timer = setTimeout(() => dispatch({ type: 'timeRanOut' }), msUntilExpiry(expiresAt, Date.now()));
    return () => clearTimeout(timer);
  }, [expiresAt]);

  // Offline is the one failure that announces its own end: try again as soon as the browser is back online.
  const waitingForNetwork = state.current === 'unavailable' && state.problem.code === 'network_error';
  useEffect(() => {
    if (!waitingForNetwork) return undefined;
    const retry = () => dispatch({ type: 'retryRequested' });
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [waitingForNetwork]);

  // The flow's state is the only place a request's outcome lives, so sending an event is all there is to it.
  const send: (event: UserEvent) => void = dispatch;

  useImperativeHandle(
    options.ref,
    () => ({
      handOverLaunchToken: (token) => dispatch({ type: 'launchTokenReceived', launchToken: token }),
      async close() {
        if (!pendingEnrollmentOf(state)) return;
        await settleWrite(queryClient, api, cancelEnrollment(api, { keepalive: true })).catch(() => undefined);
        onCancelled?.();
      },
    }),
    [queryClient, api, state, onCancelled],
  );

  const methodApi = useMemo<ApiClient>(
    () => ({
      baseUrl: api.baseUrl,
      request: <T,>(path: string, init?: ApiRequest) => {
        const answer = api.request<T>(path, init);
        return init?.method !== undefined && init.method !== 'GET' ? settleWrite(queryClient, api, answer) : answer;
      },
    }),
    [api, queryClient],
  );

  return { state, config, send, api, methodApi };
}

/**
 * The client given, else the provider's, else one of the hook's own: the headless hook works in a host app with
 * or without TanStack Query of its own. (An idle QueryClient is a few empty maps; observers keep the client
 * they were created with, so it must not change between renders.)
 */
function useQueryClientOrOwn(given: QueryClient | undefined): QueryClient {
  const provided = use(QueryClientContext);
  const [own] = useState(() => new QueryClient());
  return given ?? provided ?? own;
}

/** The BFF requests the flow makes, as TanStack Query runs them (see `useEnrollment`). */
interface BffRequests {
  config(): Promise<ClientConfig>;
  session(): Promise<Session | null>;
  pendingEnrollment(): Promise<Enrollment>;
  signIn(credentials: CreateSessionRequest): Promise<void>;
  start(request: StartEnrollmentRequest): Promise<Enrollment>;
  confirm(request: VerifyEnrollmentRequest): Promise<EnrollmentConfirmed>;
  cancel(options: CancelEnrollmentOptions): Promise<void>;
  rename(serial: string, description: string): Promise<unknown>;
  signOut(): Promise<void>;
}

interface Notifications {
  configLoaded(config: ClientConfig): void;
  enrolled(confirmation: EnrollmentConfirmed): void;
  cancelled(): void;
  alreadyEnrolled(): void;
  removed(serial: string): void;
  signedOut(): void;
}

/** The request (or notification) a state stands for, and the event its outcome becomes. */
async function runRequests(
  requests: BffRequests,
  state: FlowState,
  dispatch: (event: FlowEvent) => void,
  notify: Notifications,
): Promise<void> {
  switch (state.current) {
    case 'loading': {
      // With a launch token, sign in while the config loads: a round trip less before the first screen, on a
      // slow phone link 150 ms or more. The config still decides: a BFF that does not take launch tokens refuses
      // this one, and that answer is then ignored.
      const signingIn = state.launchToken
        ? requests.signIn({ launchToken: state.launchToken }).then(
            () => undefined,
            (error: unknown) => ({ error }),
          )
        : undefined;
      let config: ClientConfig;
      try {
        config = await requests.config();
      } catch (error) {
        // Unless the BFF took the launch token, "Try again" signs in with it: the user has no other way in here.
        const keepLaunchToken = (await signingIn) !== undefined;
        dispatch({ type: 'loadFailed', problem: problemOf(error), keepLaunchToken });
        return;
      }
      const signInFailure = await signingIn;
      if (signInFailure !== undefined && config.identityModes.includes('launch-token')) {
        notify.configLoaded(config);
        dispatch({ type: 'signInFailed', problem: problemOf(signInFailure.error) });
        return;
      }
      try {
        const session = await requests.session();
        notify.configLoaded(config);
        dispatch({ type: 'loaded', session });
      } catch (error) {
        dispatch({ type: 'loadFailed', problem: problemOf(error) });
      }
      return;
    }
    case 'signingIn':
      try {
        await requests.signIn(state.credentials);
        const session = await requests.session();
        // Signed in but no session: the browser dropped the cookie (e.g. third-party cookies blocked in an iframe).
        dispatch(session ? { type: 'signedIn', session } : { type: 'signInFailed', problem: { code: 'unauthenticated' } });
      } catch (error) {
        dispatch({ type: 'signInFailed', problem: problemOf(error) });
      }
      return;
    case 'creating':
      try {
        const description = state.description?.trim();
        const enrollment = await requests.start({
          type: state.method,
          ...(description ? { description } : {}),
          ...(state.settings !== undefined ? { settings: state.settings } : {}),
          ...(state.replaces ? { replaces: state.replaces.serial } : {}),
        });
        dispatch({ type: 'enrollmentStarted', enrollment });
      } catch (error) {
        dispatch({ type: 'startFailed', problem: problemOf(error) });
      }
      return;
    case 'resuming':
      try {
        dispatch({ type: 'enrollmentResumed', enrollment: await requests.pendingEnrollment() });
      } catch (error) {
        dispatch({ type: 'resumeFailed', problem: problemOf(error) });
      }
      return;
    case 'confirming':
      try {
        dispatch({ type: 'enrollmentConfirmed', confirmation: await requests.confirm(state.proof) });
      } catch (error) {
        dispatch({ type: 'confirmFailed', problem: problemOf(error) });
      }
      return;
    case 'cancelling':
    case 'discarding':
    case 'abandoning':
      try {
        await requests.cancel({});
        dispatch({ type: 'cancelCompleted' });
      } catch (error) {
        dispatch({ type: 'cancelFailed', problem: problemOf(error) });
      }
      return;
    case 'expired':
      // The server removes expired enrollments too; asking again costs nothing and leaves no token behind.
      await requests.cancel({}).catch(() => undefined);
      return;
    case 'done':
      // Once per confirmation: a rename comes back to `done` with the same serial.
      if (state.renamed || state.problem) return;
      notify.enrolled(state.confirmation);
      if (state.replaced) notify.removed(state.replaced.serial);
      return;
    case 'naming':
      try {
        await requests.rename(state.confirmation.serial, state.description);
        dispatch({ type: 'deviceNamed', description: state.description });
      } catch (error) {
        dispatch({ type: 'deviceNameFailed', problem: problemOf(error) });
      }
      return;
    case 'signingOut':
      try {
        await requests.signOut();
        notify.signedOut();
        dispatch({ type: 'signedOutCompleted' });
      } catch (error) {
        dispatch({ type: 'signOutFailed', problem: problemOf(error) });
      }
      return;
    case 'methods':
      if (state.onArrival) notify.alreadyEnrolled();
      return;
    case 'cancelled':
      notify.cancelled();
      return;
    case 'unavailable':
    case 'signedOut':
    case 'start':
    case 'resume':
    case 'pending':
    case 'confirmCancel':
    case 'exhausted':
    case 'abandoned':
      return;
    case 'alreadyEnrolled':
      notify.alreadyEnrolled();
      return;
  }
}
