import { MOCK_CORRECT_CODE } from '@pi-enroll/mock-api';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockApi } from '../testing/mocks/server';
import { useEnrollment } from './headless';

describe('useEnrollment() without the bundled screens', () => {
  it('walks the same flow: start, scan, code, done', async () => {
    const onEnrolled = vi.fn();
    const { result } = renderHook(() => useEnrollment({ onEnrolled }));
    expect(result.current.state).toEqual({ current: 'loading' });
    await waitFor(() => expect(result.current.state).toEqual({ current: 'start' }));
    expect(result.current.config?.otp.issuer).toBe('Example Corp');

    act(() => result.current.send({ type: 'startRequested', description: 'Tablet' }));
    await waitFor(() => expect(result.current.state.current).toBe('scan'));
    act(() => result.current.send({ type: 'scanConfirmed' }));
    act(() => result.current.send({ type: 'codeSubmitted', code: MOCK_CORRECT_CODE }));
    expect(result.current.state.current).toBe('confirming');

    await waitFor(() =>
      expect(result.current.state).toEqual({
        current: 'done',
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
    act(() => result.current.send({ type: 'scanConfirmed' }));
    act(() => result.current.send({ type: 'codeSubmitted', code: '000000' }));
    await waitFor(() =>
      expect(result.current.state).toMatchObject({ current: 'enterCode', problem: { code: 'invalid_code', attemptsLeft: 2 } }),
    );
  });
});
