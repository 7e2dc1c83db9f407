import type { ClientConfig, EnrollmentConfirmed } from '@pi-enroll/shared';
import { useEffect, useEffectEvent, useImperativeHandle, useMemo, useReducer, useRef, useState, type Ref } from 'react';
import { createApiClient, problemOf, type ApiClient } from '../../../lib/api-client';
import { cancelEnrollment } from '../api/cancel-enrollment';
import { confirmEnrollment } from '../api/confirm-enrollment';
import { createSession } from '../api/create-session';
import { getClientConfig } from '../api/get-client-config';
import { getSession } from '../api/get-session';
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
  /** Signs in before anything else (the host page's hand-over). */
  launchToken?: string;
  /** The config is known: the host may now send a launch token. */
  onReady?: (config: ClientConfig) => void;
  onEnrolled?: (confirmation: EnrollmentConfirmed) => void;
  onCancelled?: () => void;
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
}

/**
 * The headless enrollment: the flow machine plus the requests its busy states stand for. Any UI (the bundled
 * one, a host's own) renders `state` and calls `send`.
 */
export function useEnrollment(options: UseEnrollmentOptions = {}): EnrollmentController {
  const { apiBase = '.', launchToken, onCancelled } = options;
  const api = useMemo(() => createApiClient(apiBase), [apiBase]);
  const [state, dispatch] = useReducer(enrollmentReducer, launchToken, initialFlowState);
  const [config, setConfig] = useState<ClientConfig>();

  const enterState = useEffectEvent((entered: FlowState) => {
    void runRequests(api, entered, dispatch, {
      configLoaded: (loaded) => {
        setConfig(loaded);
        options.onReady?.(loaded);
      },
      enrolled: (confirmation) => options.onEnrolled?.(confirmation),
      cancelled: () => options.onCancelled?.(),
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
    const timer = setTimeout(() => dispatch({ type: 'timeRanOut' }), Date.parse(expiresAt) - Date.now());
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

  useImperativeHandle(
    options.ref,
    () => ({
      handOverLaunchToken: (token) => dispatch({ type: 'launchTokenReceived', launchToken: token }),
      async close() {
        if (!pendingEnrollmentOf(state)) return;
        await cancelEnrollment(api, { keepalive: true }).catch(() => undefined);
        onCancelled?.();
      },
    }),
    [api, state, onCancelled],
  );

  return { state, config, send: dispatch };
}

interface Notifications {
  configLoaded(config: ClientConfig): void;
  enrolled(confirmation: EnrollmentConfirmed): void;
  cancelled(): void;
}

/** The request (or notification) a state stands for, and the event its outcome becomes. */
async function runRequests(
  api: ApiClient,
  state: FlowState,
  dispatch: (event: FlowEvent) => void,
  notify: Notifications,
): Promise<void> {
  switch (state.current) {
    case 'loading': {
      let config: ClientConfig;
      try {
        config = await getClientConfig(api);
      } catch (error) {
        dispatch({ type: 'loadFailed', problem: problemOf(error) });
        return;
      }
      if (state.launchToken && config.identityModes.includes('launch-token')) {
        try {
          await createSession(api, { launchToken: state.launchToken });
        } catch (error) {
          notify.configLoaded(config);
          dispatch({ type: 'signInFailed', problem: problemOf(error) });
          return;
        }
      }
      try {
        const session = await getSession(api);
        notify.configLoaded(config);
        dispatch({ type: 'loaded', session });
      } catch (error) {
        dispatch({ type: 'loadFailed', problem: problemOf(error) });
      }
      return;
    }
    case 'signingIn':
      try {
        await createSession(api, state.credentials);
        const session = await getSession(api);
        // Signed in but no session: the browser dropped the cookie (e.g. third-party cookies blocked in an iframe).
        dispatch(session ? { type: 'signedIn', session } : { type: 'signInFailed', problem: { code: 'unauthenticated' } });
      } catch (error) {
        dispatch({ type: 'signInFailed', problem: problemOf(error) });
      }
      return;
    case 'creating':
      try {
        const description = state.description?.trim();
        const enrollment = await startEnrollment(api, { type: 'totp', ...(description ? { description } : {}) });
        dispatch({ type: 'enrollmentStarted', enrollment });
      } catch (error) {
        dispatch({ type: 'startFailed', problem: problemOf(error) });
      }
      return;
    case 'confirming':
      try {
        dispatch({ type: 'enrollmentConfirmed', confirmation: await confirmEnrollment(api, { code: state.code }) });
      } catch (error) {
        dispatch({ type: 'confirmFailed', problem: problemOf(error) });
      }
      return;
    case 'cancelling':
    case 'discarding':
      try {
        await cancelEnrollment(api);
        dispatch({ type: 'cancelCompleted' });
      } catch (error) {
        dispatch({ type: 'cancelFailed', problem: problemOf(error) });
      }
      return;
    case 'expired':
      // The server removes expired enrollments too; asking again costs nothing and leaves no token behind.
      await cancelEnrollment(api).catch(() => undefined);
      return;
    case 'done':
      notify.enrolled(state.confirmation);
      return;
    case 'cancelled':
      notify.cancelled();
      return;
    case 'unavailable':
    case 'signedOut':
    case 'start':
    case 'resume':
    case 'scan':
    case 'enterCode':
    case 'confirmCancel':
    case 'exhausted':
    case 'alreadyEnrolled':
      return;
  }
}
