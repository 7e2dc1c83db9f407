import { MOCK_CORRECT_CODE, MOCK_LAUNCH_TOKEN } from '@pi-enroll/mock-api';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { mockApi } from '../testing/mocks/server';
import { createTestQueryClient } from '../testing/query-client';
import { EmbeddedApp } from './embedded-app';

const portal = 'https://portal.example.com';

function renderEmbedded() {
  mockApi.reset({ scenario: 'launch-token', config: { embedOrigins: [portal] } });
  const parent = { postMessage: vi.fn() };
  const host = { self: window, parent, parentOrigin: portal };
  const user = userEvent.setup();
  render(<EmbeddedApp queryClient={createTestQueryClient()} host={host} />);
  return { parent, user };
}

function hostSends(origin: string, launchToken: string) {
  act(() => {
    window.dispatchEvent(new MessageEvent('message', { origin, data: { type: 'pi-enroll:launch-token', launchToken } }));
  });
}

/** The device name the widget gives a token the user did not name, in the language shown. */
const today = (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(Date.now());

describe('the widget in an iframe', () => {
  it('signs in with a launch token posted by an allowed host, and reports the outcome to it only', async () => {
    const { parent, user } = renderEmbedded();
    await screen.findByRole('heading', { name: 'You are not signed in' });
    expect(parent.postMessage).toHaveBeenCalledWith({ type: 'pi-enroll:ready' }, portal);

    hostSends('https://evil.example.net', MOCK_LAUNCH_TOKEN);
    hostSends(portal, MOCK_LAUNCH_TOKEN);
    await user.click(await screen.findByRole('button', { name: 'Start setup' }));
    await user.type(await screen.findByRole('textbox', { name: '6-digit code' }), MOCK_CORRECT_CODE);
    await screen.findByRole('heading', { name: 'Your authenticator app is ready' });

    expect(parent.postMessage).toHaveBeenCalledWith({ type: 'pi-enroll:enrolled', status: 'enrolled', serial: 'TOTP00000001', description: `Authenticator app, added ${today('en')}` }, portal);
    expect(parent.postMessage).toHaveBeenCalledWith(expect.objectContaining({ type: 'pi-enroll:method-added', serial: 'TOTP00000001' }), portal);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(parent.postMessage).toHaveBeenCalledWith({ type: 'pi-enroll:return' }, portal);
    expect(parent.postMessage.mock.calls.every(([, target]) => target === portal)).toBe(true);
  });

  it('tells the host that the user already has methods when it opens on their list', async () => {
    mockApi.reset({ scenario: 'methods', config: { embedOrigins: [portal] } });
    const parent = { postMessage: vi.fn() };
    render(<EmbeddedApp queryClient={createTestQueryClient()} host={{ self: window, parent, parentOrigin: portal }} />);
    await screen.findByRole('article', { name: 'Tablet' });
    await waitFor(() => expect(parent.postMessage).toHaveBeenCalledWith({ type: 'pi-enroll:already-enrolled', methods: 2 }, portal));
  });

  it("loads the operator's brand stylesheets once, after its own", async () => {
    const brand = 'https://portal.example.com/brand/pi-enroll.css';
    mockApi.reset({ scenario: 'launch-token', config: { embedOrigins: [portal], embedStylesheets: [brand] } });
    const host = { self: window, parent: { postMessage: vi.fn() }, parentOrigin: portal };
    const { unmount } = render(<EmbeddedApp queryClient={createTestQueryClient()} host={host} />);
    await screen.findByRole('heading', { name: 'You are not signed in' });
    const linked = () => [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"][data-pie-brand]')].map((link) => link.href);
    expect(linked()).toEqual([brand]);
    unmount();
    render(<EmbeddedApp queryClient={createTestQueryClient()} host={host} />);
    await screen.findByRole('heading', { name: 'You are not signed in' });
    expect(linked()).toEqual([brand]);
  });

  it('ignores a launch token from an origin that is not allowed', async () => {
    renderEmbedded();
    await screen.findByRole('heading', { name: 'You are not signed in' });
    hostSends('https://evil.example.net', MOCK_LAUNCH_TOKEN);
    // A sign-in would show the start step; give it the time a request takes.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByRole('heading', { name: 'You are not signed in' })).toBeInTheDocument();
    expect(mockApi.fake.signedInUser).toBeNull();
  });

  it('tells the host when the user cancelled', async () => {
    const { parent, user } = renderEmbedded();
    await screen.findByRole('heading', { name: 'You are not signed in' });
    hostSends(portal, MOCK_LAUNCH_TOKEN);
    await user.click(await screen.findByRole('button', { name: 'Start setup' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel setup' }));
    await user.click(await screen.findByRole('button', { name: 'Yes, cancel setup' }));
    await waitFor(() => expect(parent.postMessage).toHaveBeenCalledWith({ type: 'pi-enroll:cancelled' }, portal));
  });

  it('posts nothing when the page around it is not an allowed host', async () => {
    mockApi.reset({ scenario: 'launch-token', config: { embedOrigins: [portal] } });
    const parent = { postMessage: vi.fn() };
    render(
      <EmbeddedApp
        queryClient={createTestQueryClient()}
        host={{ self: window, parent, parentOrigin: 'https://evil.example.net' }}
        launchToken={MOCK_LAUNCH_TOKEN}
      />,
    );
    await screen.findByRole('heading', { name: 'Set up your authenticator app' });
    expect(parent.postMessage).not.toHaveBeenCalled();
  });
});
