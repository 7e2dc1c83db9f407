import { MOCK_CORRECT_CODE, problemResponse } from '@pi-enroll/mock-api';
import { apiPaths } from '@pi-enroll/shared/api-paths';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { useMemo } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { mockApi, server } from '../testing/mocks/server';
import { createTestQueryClient } from '../testing/query-client';
import { createApiClient, sessionQueryOptions, useEnrollment } from './headless';

describe('useEnrollment() without the bundled screens', () => {
  it('walks the same lifecycle: start, pending, confirming, done', async () => {
    const onEnrolled = vi.fn();
    const { result } = renderHook(() => useEnrollment({ onEnrolled }));
    expect(result.current.state).toEqual({ current: 'loading' });
    await waitFor(() => expect(result.current.state).toEqual({ current: 'start' }));
    expect(result.current.config?.otp.issuer).toBe('Example Corp');

    act(() => result.current.send({ type: 'startRequested', method: 'totp', description: 'Tablet' }));
    await waitFor(() => expect(result.current.state.current).toBe('pending'));
    act(() => result.current.send({ type: 'proofSubmitted', proof: { code: MOCK_CORRECT_CODE } }));
    expect(result.current.state.current).toBe('confirming');

    await waitFor(() =>
      expect(result.current.state).toEqual({
        current: 'done',
        method: 'totp',
        confirmation: { status: 'enrolled', serial: 'TOTP00000001', description: 'Tablet' },
      }),
    );
    expect(onEnrolled).toHaveBeenCalledOnce();
  });

  it('reports a wrong code as data the host can render', async () => {
    mockApi.reset({ scenario: 'resume' });
    const { result } = renderHook(() => useEnrollment());
    await waitFor(() => expect(result.current.state.current).toBe('resume'));
    act(() => result.current.send({ type: 'resumeAccepted' }));
    expect(result.current.state.current).toBe('resuming');
    await waitFor(() => expect(result.current.state.current).toBe('pending'));
    act(() => result.current.send({ type: 'proofSubmitted', proof: { code: '000000' } }));
    await waitFor(() =>
      expect(result.current.state).toMatchObject({ current: 'pending', problem: { code: 'invalid_code', attemptsLeft: 2 } }),
    );
  });

  it('shares the host app’s QueryClient, whose session query shows the new token once the code is confirmed', async () => {
    /** A host page: its own list of the user's sign-in methods, and its own buttons for the flow. */
    function HostPage() {
      const api = useMemo(() => createApiClient('.'), []);
      const session = useQuery(sessionQueryOptions(api));
      const { state, send } = useEnrollment();
      return (
        <>
          {session.status === 'error' && <p role="alert">{session.error.problem.code}</p>}
          <ul aria-label="Your sign-in methods">
            {session.data?.tokens.map((token) => <li key={token.serial}>{token.serial}</li>)}
          </ul>
          {state.current === 'start' && <button onClick={() => send({ type: 'startRequested', method: 'totp' })}>Add an app</button>}
          {state.current === 'pending' && (
            <button onClick={() => send({ type: 'proofSubmitted', proof: { code: MOCK_CORRECT_CODE } })}>Send the code</button>
          )}
          {state.current === 'done' && <p>Done</p>}
        </>
      );
    }
    const user = userEvent.setup();
    render(
      <QueryClientProvider client={createTestQueryClient()}>
        <HostPage />
      </QueryClientProvider>,
    );
    const methods = screen.getByRole('list', { name: 'Your sign-in methods' });
    await user.click(await screen.findByRole('button', { name: 'Add an app' }));
    await screen.findByRole('button', { name: 'Send the code' });
    expect(within(methods).queryAllByRole('listitem')).toEqual([]);

    await user.click(await screen.findByRole('button', { name: 'Send the code' }));
    await screen.findByText('Done');
    expect(await within(methods).findByRole('listitem')).toHaveTextContent('TOTP00000001');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('leaves no secret in the host’s QueryClient once the enrollment is over', async () => {
    mockApi.reset({ scenario: 'resume' });
    const secret = mockApi.fake.pendingEnrollment!.secret;
    const queryClient = createTestQueryClient();
    const cached = () => JSON.stringify([queryClient.getQueryCache().getAll().map((query) => query.state.data), queryClient.getMutationCache().getAll()]);
    const { result } = renderHook(() => useEnrollment({ queryClient }));
    await waitFor(() => expect(result.current.state.current).toBe('resume'));
    act(() => result.current.send({ type: 'resumeAccepted' }));
    await waitFor(() => expect(result.current.state.current).toBe('pending'));
    act(() => result.current.send({ type: 'cancelRequested' }));
    act(() => result.current.send({ type: 'cancelConfirmed' }));
    await waitFor(() => expect(result.current.state.current).toBe('cancelled'));
    await waitFor(() => expect(cached()).not.toContain(secret));
    expect(result.current.config?.otp.issuer).toBe('Example Corp');
  });

  it('keeps its own rules under a host QueryClient that retries: failures show at once, a code is sent once', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 3 }, mutations: { retry: 3 } } });
    server.use(http.get(`*${apiPaths.config}`, () => problemResponse('upstream_unavailable'), { once: true }));
    const verifications = { count: 0 };
    server.use(
      http.post(`*${apiPaths.verifyEnrollment}`, () => {
        verifications.count += 1;
        return HttpResponse.error();
      }),
    );
    const { result } = renderHook(() => useEnrollment({ queryClient }));
    await waitFor(() => expect(result.current.state).toMatchObject({ current: 'unavailable', problem: { code: 'upstream_unavailable' } }));

    act(() => result.current.send({ type: 'retryRequested' }));
    await waitFor(() => expect(result.current.state.current).toBe('start'));
    act(() => result.current.send({ type: 'startRequested', method: 'totp' }));
    await waitFor(() => expect(result.current.state.current).toBe('pending'));
    act(() => result.current.send({ type: 'proofSubmitted', proof: { code: MOCK_CORRECT_CODE } }));
    await waitFor(() => expect(result.current.state).toMatchObject({ current: 'pending', problem: { code: 'network_error' } }));
    expect(verifications.count).toBe(1);
  });
});
