// The installed widget against the installed QA kit: what a host's own test suite would do.
import { createMockApi, MOCK_CORRECT_CODE, MOCK_LAUNCH_TOKEN } from '@pi-enroll/mock-api';
import { defineWidgetElement } from '@pi-enroll/web';
import { useEnrollment } from '@pi-enroll/web/headless';
import { cleanup, render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SecuritySettings } from './security-settings';

const apiBase = 'https://enroll.example.org/mfa/';
const mockApi = createMockApi({ scenario: 'launch-token' });
const server = setupServer(...mockApi.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  mockApi.reset({ scenario: 'launch-token' });
});
afterAll(() => server.close());

describe('the installed @pi-enroll/web', () => {
  it('signs in with the launch token, shows the QR code and the key, and a typed code reaches the done screen', async () => {
    const user = userEvent.setup();
    render(<SecuritySettings apiBase={apiBase} launchToken={MOCK_LAUNCH_TOKEN} />);

    await user.click(await screen.findByRole('button', { name: 'Start setup' }));
    await screen.findByRole('heading', { name: 'Scan the QR code, then enter the code' });
    expect(await screen.findByRole('img', { name: /^QR code for / })).toBeTruthy();
    await user.click(screen.getByText('Can’t scan the code?'));
    const secret = mockApi.fake.pendingEnrollment?.secret;
    expect(secret).toMatch(/^[A-Z2-7]+$/);
    expect(screen.getByText(secret!.match(/.{1,4}/g)!.join(' '))).toBeTruthy();

    await user.type(screen.getByRole('textbox', { name: '6-digit code' }), MOCK_CORRECT_CODE);

    await screen.findByRole('heading', { name: 'Your authenticator app is ready' });
    expect(screen.getByText(/asks for a code when you sign in \(TOTP\d+\)/)).toBeTruthy();
    expect(mockApi.fake.tokenList).toEqual([expect.objectContaining({ active: true })]);
  });

  it('registers the custom element only when asked, and exports the headless hook', async () => {
    expect(customElements.get('pi-enroll-widget')).toBeUndefined();
    const element = defineWidgetElement({ apiBase });
    expect(customElements.get('pi-enroll-widget')).toBe(element);

    const { result } = renderHook(() => useEnrollment({ apiBase, launchToken: MOCK_LAUNCH_TOKEN }));
    await waitFor(() => expect(result.current.state.current).toBe('start'));
  });
});
