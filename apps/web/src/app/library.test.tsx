// The installable library's main entry (`@pi-enroll/web`): what a host gets beyond widget.js. Its packed,
// installed form is tested by the `packaging` project (examples/react-host).
import { MOCK_CORRECT_CODE, MOCK_LAUNCH_TOKEN } from '@pi-enroll/mock-api';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EnrollmentHandle } from '../features/enrollment/hooks/use-enrollment';
import { mockApi, server } from '../testing/mocks/server';
import { defineWidgetElement, EnrollmentWidget, mount } from './library';

const apiBase = 'https://enroll.example.org/mfa/';
let requested: string[];

beforeEach(() => {
  requested = [];
  server.events.on('request:start', ({ request }) => requested.push(request.url));
});
afterEach(() => {
  act(() => document.body.replaceChildren());
});

describe('defineWidgetElement()', () => {
  it('registers nothing on import; registers the element under the name given, calling the BFF at apiBase', async () => {
    expect(customElements.get('pi-enroll-widget')).toBeUndefined();
    const element = defineWidgetElement({ tagName: 'my-portal-enroll', apiBase });
    expect(customElements.get('my-portal-enroll')).toBe(element);
    expect(defineWidgetElement({ tagName: 'my-portal-enroll', apiBase: 'https://elsewhere.example/' })).toBe(element);

    mockApi.reset({ scenario: 'launch-token' });
    act(() => {
      document.body.innerHTML = `<my-portal-enroll launch-token="${MOCK_LAUNCH_TOKEN}"></my-portal-enroll>`;
    });
    await screen.findByRole('heading', { name: 'Set up your authenticator app' });
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.every((url) => url.startsWith(`${apiBase}api/v1/`))).toBe(true);
  });
});

describe('mount()', () => {
  it('calls the page’s own directory when no apiBase is given (widget.js would use its own)', async () => {
    const slot = document.body.appendChild(document.createElement('div'));
    const widget = mount(slot);
    await screen.findByRole('heading', { name: 'Set up your authenticator app' });
    expect(requested.every((url) => url.startsWith(new URL('./api/v1/', window.location.href).href))).toBe(true);
    act(() => widget.unmount());
  });
});

describe('<EnrollmentWidget>', () => {
  it('enrolls: start, code, done, and tells the host', async () => {
    mockApi.reset({ scenario: 'launch-token' });
    const onEnrolled = vi.fn();
    const user = userEvent.setup();
    render(<EnrollmentWidget apiBase={apiBase} launchToken={MOCK_LAUNCH_TOKEN} onEnrolled={onEnrolled} />);
    await user.click(await screen.findByRole('button', { name: 'Start setup' }));
    await user.type(await screen.findByRole('textbox', { name: '6-digit code' }), MOCK_CORRECT_CODE);
    await screen.findByRole('heading', { name: 'Your authenticator app is ready' });
    expect(onEnrolled).toHaveBeenCalledWith(expect.objectContaining({ status: 'enrolled', serial: 'TOTP00000001' }));
  });

  it('closes through its ref: the pending enrollment is removed', async () => {
    const user = userEvent.setup();
    const widget = createRef<EnrollmentHandle>();
    const onCancelled = vi.fn();
    render(<EnrollmentWidget apiBase={apiBase} ref={widget} onCancelled={onCancelled} />);
    await user.click(await screen.findByRole('button', { name: 'Start setup' }));
    await screen.findByRole('heading', { name: 'Scan the QR code, then enter the code' });
    expect(mockApi.fake.pendingEnrollment).not.toBeNull();
    await act(() => widget.current!.close());
    await waitFor(() => expect(mockApi.fake.pendingEnrollment).toBeNull());
    expect(onCancelled).toHaveBeenCalledOnce();
  });

  it('gives each rendered widget its own cache: two widgets share nothing', async () => {
    render(
      <>
        <EnrollmentWidget apiBase={apiBase} />
        <EnrollmentWidget apiBase={apiBase} />
      </>,
    );
    await waitFor(() => expect(screen.getAllByRole('heading', { name: 'Set up your authenticator app' })).toHaveLength(2));
    // Each widget read the config and the session itself: one QueryClient would have asked once.
    expect(requested.filter((url) => url.endsWith('/api/v1/config'))).toHaveLength(2);
  });
});
