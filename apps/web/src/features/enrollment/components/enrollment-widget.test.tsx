import { MOCK_CORRECT_CODE, MOCK_LAUNCH_TOKEN, problemResponse } from '@pi-enroll/mock-api';
import { apiPaths } from '@pi-enroll/shared/api-paths';
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { mockApi, server } from '../../../testing/mocks/server';
import { renderWidget } from '../../../testing/render-widget';

const qrName = 'QR code for alice at Example Corp';

async function startEnrollment(user: UserEvent) {
  await screen.findByRole('heading', { name: 'Set up your authenticator app' });
  await user.click(screen.getByRole('button', { name: 'Start setup' }));
  const heading = await screen.findByRole('heading', { name: 'Scan the QR code, then enter the code' });
  // The QR code comes from its own chunk (preloaded by the start step): a user waits for it, so do the tests.
  await screen.findByRole('img', { name: /^QR code for / });
  return heading;
}

/** Presses Tab until `target` has the focus; fails if it never gets there. */
async function tabTo(user: UserEvent, target: HTMLElement) {
  for (let presses = 0; presses < 10 && document.activeElement !== target; presses += 1) await user.tab();
  expect(target).toHaveFocus();
}

const codeField = () => screen.getByRole('textbox', { name: '6-digit code' });

/** Counts the requests for one route, to prove something was (or was not) sent. */
function countRequests(method: string, path: string): { readonly count: number } {
  const counter = { count: 0 };
  server.events.on('request:start', ({ request }) => {
    if (request.method === method && new URL(request.url).pathname === path) counter.count += 1;
  });
  return counter;
}

describe('the main path', () => {
  it('says in one sentence what will happen, naming apps that work', async () => {
    renderWidget();
    await screen.findByRole('heading', { name: 'Set up your authenticator app' });
    expect(screen.getByText(/Microsoft Authenticator, Google Authenticator, Aegis or FreeOTP/)).toBeInTheDocument();
  });

  it('goes from start through scan and code to done, where the device is named', async () => {
    const onEnrolled = vi.fn();
    const { user } = renderWidget({ onEnrolled });
    await startEnrollment(user);

    const qr = screen.getByRole('img', { name: qrName });
    expect(Number(qr.getAttribute('width'))).toBeGreaterThanOrEqual(200);
    expect(mockApi.fake.pendingEnrollment).not.toBeNull();

    await screen.findByRole('heading', { name: 'Scan the QR code, then enter the code' });
    await user.type(codeField(), MOCK_CORRECT_CODE);

    expect(await screen.findByRole('heading', { name: 'Your authenticator app is ready' })).toBeInTheDocument();
    expect(screen.getByText(/when you sign in, enter the code your app shows/)).toBeInTheDocument();
    // Started without a name: the BFF stored the dated default in the user's language, shown to be changed.
    const name = screen.getByRole('textbox', { name: 'Device name' });
    expect(name).toHaveValue(mockApi.fake.tokenList[0]!.description);
    expect((name as HTMLInputElement).value).toMatch(/^Authenticator app, added /);
    await user.clear(name);
    await user.type(name, 'Work phone');
    await user.click(screen.getByRole('button', { name: 'Save name' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Saved.');
    expect(mockApi.fake.tokenList).toEqual([{ serial: 'TOTP00000001', type: 'totp', description: 'Work phone', active: true }]);
    expect(onEnrolled).toHaveBeenCalledOnce();
    expect(onEnrolled).toHaveBeenCalledWith(expect.objectContaining({ status: 'enrolled', serial: 'TOTP00000001' }));
  });

  it('moves the focus to the heading of each new step, and after a wrong code straight to the field', async () => {
    const { user } = renderWidget();
    expect(await startEnrollment(user)).toHaveFocus();
    expect(codeField()).toHaveAccessibleDescription('The code changes every 30 seconds. Spaces are fine.');
    await user.type(codeField(), '000000');
    await screen.findByRole('alert');
    expect(codeField()).toHaveFocus();
  });

  it('takes two user actions from the start screen to a working method: start, then the code', async () => {
    const { user, container } = renderWidget();
    await startEnrollment(user);
    await user.type(codeField(), MOCK_CORRECT_CODE);
    await screen.findByRole('heading', { name: 'Your authenticator app is ready' });
    expect(container.querySelector('[data-user-actions]')).toHaveAttribute('data-user-actions', '2');
  });

  it('does not take the focus from the host page when it first appears', async () => {
    renderWidget();
    expect(await screen.findByRole('heading', { name: 'Set up your authenticator app' })).not.toHaveFocus();
  });

  it('can be completed with the keyboard alone', async () => {
    const { user } = renderWidget();
    await screen.findByRole('heading', { name: 'Set up your authenticator app' });
    await tabTo(user, screen.getByRole('button', { name: 'Start setup' }));
    await user.keyboard('{Enter}');
    // The heading takes the focus (a screen reader starts with what to do); the field is the next stop but the
    // link, the key's details and their copy button.
    expect(await screen.findByRole('heading', { name: 'Scan the QR code, then enter the code' })).toHaveFocus();
    await tabTo(user, codeField());
    await user.keyboard(MOCK_CORRECT_CODE);
    expect(await screen.findByRole('heading', { name: 'Your authenticator app is ready' })).toHaveFocus();
  });

  it('sends each request once, even though React runs effects twice in StrictMode', async () => {
    const starts = countRequests('POST', apiPaths.enrollment);
    const configs = countRequests('GET', apiPaths.config);
    const { user } = renderWidget();
    await startEnrollment(user);
    expect(starts.count).toBe(1);
    expect(configs.count).toBe(1);
  });
});

describe('the scan step', () => {
  it('offers the key grouped in fours, a copy button, the account and the issuer', async () => {
    const { user } = renderWidget();
    await startEnrollment(user);
    const secret = mockApi.fake.pendingEnrollment!.secret;
    await user.click(screen.getByText('Can’t scan the code?'));

    const grouped = secret.match(/.{1,4}/g)!.join(' ');
    expect(screen.getByText(grouped)).toBeInTheDocument();
    expect(screen.getByText('alice')).toBeInTheDocument();
    expect(screen.getByText('Example Corp')).toBeInTheDocument();
    expect(screen.queryByText('Algorithm')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Copy key' }));
    expect(await navigator.clipboard.readText()).toBe(secret);
    expect(screen.getByText('Key copied.')).toBeInTheDocument();
  });

  it('lists the parameters that are not the default, and asks for as many digits as configured', async () => {
    mockApi.reset({ config: { otp: { issuer: 'Example Corp', algorithm: 'SHA256', digits: 8, period: 60 } } });
    const { user } = renderWidget();
    await startEnrollment(user);
    const parameters = within(screen.getByText(/Set these as well/).parentElement!);
    expect(parameters.getByText('Algorithm').nextSibling).toHaveTextContent('SHA256');
    expect(parameters.getByText('Digits').nextSibling).toHaveTextContent('8');
    expect(parameters.getByText('Interval').nextSibling).toHaveTextContent('60 seconds');

    expect(await screen.findByRole('textbox', { name: '8-digit code' })).toBeInTheDocument();
    expect(screen.getByText(/changes every 60 seconds/)).toBeInTheDocument();
  });

  it('links the key straight to the authenticator app (for phones)', async () => {
    const { user } = renderWidget();
    await startEnrollment(user);
    expect(screen.getByRole('link', { name: 'Open in authenticator app' })).toHaveAttribute(
      'href',
      mockApi.fake.pendingEnrollment!.otpauthUri,
    );
  });
});

describe('the code field', () => {
  it('is numeric, offers one-time-code autofill, and submits a pasted code with spaces by itself', async () => {
    const verifications = countRequests('POST', apiPaths.verifyEnrollment);
    const { user } = renderWidget();
    await startEnrollment(user);
    expect(codeField()).toHaveAttribute('inputmode', 'numeric');
    expect(codeField()).toHaveAttribute('autocomplete', 'one-time-code');

    await user.click(codeField());
    await user.paste('123 456');
    await screen.findByRole('heading', { name: 'Your authenticator app is ready' });
    expect(verifications.count).toBe(1);
  });

  it('never submits twice, even when Enter follows the automatic submit', async () => {
    mockApi.fake.switches.latencyMs = 200;
    const verifications = countRequests('POST', apiPaths.verifyEnrollment);
    const { user } = renderWidget();
    await startEnrollment(user);
    await user.type(codeField(), `${MOCK_CORRECT_CODE}{Enter}`);
    expect(screen.getByRole('button', { name: 'Please wait…' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Please wait…' }));
    await screen.findByRole('heading', { name: 'Your authenticator app is ready' });
    expect(verifications.count).toBe(1);
  });

  it('asks for the missing digits instead of sending an incomplete code', async () => {
    const verifications = countRequests('POST', apiPaths.verifyEnrollment);
    const { user } = renderWidget();
    await startEnrollment(user);
    await user.type(codeField(), '123{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('Enter all 6 digits of the code.');
    expect(codeField()).toHaveAttribute('aria-invalid', 'true');
    expect(verifications.count).toBe(0);
  });

  it('puts the QR code, the key as text, the open-in-app link and the code field on one screen', async () => {
    const { user } = renderWidget();
    await startEnrollment(user);
    expect(screen.getByRole('img', { name: qrName })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Open in authenticator app' })).toHaveAttribute('href', expect.stringMatching(/^otpauth:/));
    expect(screen.getByText('Can’t scan the code?')).toBeInTheDocument();
    expect(codeField()).toBeEnabled();
  });
});

describe('a wrong code', () => {
  it('says how many attempts are left, clears and focuses the field, and shows the same QR code', async () => {
    const { user } = renderWidget();
    await startEnrollment(user);
    const qrMarkup = screen.getByRole('img', { name: qrName }).outerHTML;
    await screen.findByRole('heading', { name: 'Scan the QR code, then enter the code' });
    await user.type(codeField(), '000000');

    expect(await screen.findByRole('alert')).toHaveTextContent('That code did not work');
    expect(screen.getByRole('alert')).toHaveTextContent('2 attempts left.');
    expect(codeField()).toHaveValue('');
    expect(codeField()).toHaveFocus();
    expect(codeField()).toHaveAccessibleDescription(/2 attempts left/);
    expect(screen.getByRole('img', { name: qrName }).outerHTML).toBe(qrMarkup);
    // A phone user, who cannot scan their own screen, still has the link and the key.
    expect(screen.getByRole('link', { name: 'Open in authenticator app' })).toBeInTheDocument();
    expect(screen.getByText('Can’t scan the code?')).toBeInTheDocument();

    await user.type(codeField(), '000000');
    expect(await screen.findByText(/1 attempt left\./)).toBeInTheDocument();
    await user.type(codeField(), MOCK_CORRECT_CODE);
    expect(await screen.findByRole('heading', { name: 'Your authenticator app is ready' })).toBeInTheDocument();
  });

  it('removes the token when the attempts run out, and offers to start again', async () => {
    mockApi.reset({ scenario: 'exhausted' });
    const { user } = renderWidget();
    await startEnrollment(user);
    await user.type(codeField(), '000000');
    expect(await screen.findByRole('heading', { name: 'Too many wrong codes' })).toHaveFocus();
    expect(screen.getByText(/this setup was removed/)).toBeInTheDocument();
    expect(mockApi.fake.pendingEnrollment).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Start again' }));
    expect(await screen.findByRole('heading', { name: 'Set up your authenticator app' })).toHaveFocus();
  });
});

describe('why a code is wrong', () => {
  it("says by how much the phone's clock is off and how to fix it, and the right code still works", async () => {
    mockApi.reset({ scenario: 'clock-drift' });
    const { user } = renderWidget();
    await startEnrollment(user);
    await user.type(codeField(), '000000');
    expect(await screen.findByRole('alert')).toHaveTextContent("Your phone's clock is about 7 min behind. Set its date and time to automatic, then enter the newest code.");
    expect(screen.getByRole('alert')).toHaveTextContent('2 attempts left.');
    expect(screen.queryByRole('button', { name: 'Use settings every app supports' })).not.toBeInTheDocument();
    await user.type(codeField(), MOCK_CORRECT_CODE);
    expect(await screen.findByRole('heading', { name: 'Your authenticator app is ready' })).toBeInTheDocument();
  });

  it('says the app does not support the settings, and starts over with settings every app supports', async () => {
    mockApi.reset({ scenario: 'app-ignores-settings' });
    const starts = countRequests('POST', apiPaths.enrollment);
    const { user } = renderWidget();
    await startEnrollment(user);
    expect(screen.getByText(/SHA256/)).toBeInTheDocument();
    const oldSecret = mockApi.fake.pendingEnrollment?.secret;
    await user.type(await screen.findByRole('textbox', { name: '8-digit code' }), '00000000');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your authenticator app does not support these settings (algorithm, number of digits, time step), so its codes cannot work.',
    );
    await user.click(screen.getByRole('button', { name: 'Use settings every app supports' }));
    expect(await screen.findByRole('heading', { name: 'Scan the QR code, then enter the code' })).toBeInTheDocument();
    expect(starts.count).toBe(2);
    expect(mockApi.fake.pendingEnrollment).toMatchObject({ algorithm: 'SHA1', digits: 6, period: 30 });
    expect(mockApi.fake.pendingEnrollment?.secret).not.toBe(oldSecret);
    expect(screen.queryByText(/SHA256/)).not.toBeInTheDocument();
    expect(await screen.findByRole('textbox', { name: '6-digit code' })).toBeInTheDocument();
  });

  it("names the apps that support the settings when the operator offers no fallback", async () => {
    mockApi.reset({ scenario: 'app-ignores-settings' });
    server.use(
      http.post(`*${apiPaths.verifyEnrollment}`, () =>
        problemResponse('invalid_code', { attemptsLeft: 2, reason: 'app_ignores_settings', ignoredSettings: ['algorithm'], fallbackAvailable: false }),
      ),
    );
    const { user } = renderWidget();
    await startEnrollment(user);
    await user.type(await screen.findByRole('textbox', { name: '8-digit code' }), '00000000');
    expect(await screen.findByRole('alert')).toHaveTextContent(/does not support these settings \(algorithm\).*such as Aegis/);
    expect(screen.queryByRole('button', { name: 'Use settings every app supports' })).not.toBeInTheDocument();
  });

  it('warns on the done screen when the code was accepted from a clock that is off', async () => {
    server.use(
      http.post(`*${apiPaths.verifyEnrollment}`, () =>
        HttpResponse.json({ status: 'enrolled', serial: 'TOTP00000001', description: 'Phone', warning: { reason: 'clock_drift', clockOffsetSeconds: -120 } }),
      ),
    );
    const { user } = renderWidget();
    await startEnrollment(user);
    await user.type(codeField(), MOCK_CORRECT_CODE);
    expect(await screen.findByRole('heading', { name: 'Your authenticator app is ready' })).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent("Your phone's clock is about 2 min off.");
  });
});

describe('expiry', () => {
  it('shows a countdown in the last minutes, and the expired step when the server says so', async () => {
    mockApi.reset({ scenario: 'expired' });
    const { user } = renderWidget();
    await startEnrollment(user);
    expect(screen.getByRole('timer')).toHaveTextContent(/Time left to finish: 2:(30|29)/);
    await user.type(await screen.findByRole('textbox', { name: '6-digit code' }), MOCK_CORRECT_CODE);
    expect(await screen.findByRole('heading', { name: 'The setup expired' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start again' }));
    expect(await screen.findByRole('heading', { name: 'Set up your authenticator app' })).toBeInTheDocument();
  });

  it('shows no countdown while there is plenty of time', async () => {
    const { user } = renderWidget();
    await startEnrollment(user);
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
  });

  it('expires by itself when the time is up, and removes the token', async () => {
    mockApi.reset({ config: { enrollmentTtlSeconds: 1 } });
    const { user } = renderWidget();
    await startEnrollment(user);
    expect(await screen.findByRole('heading', { name: 'The setup expired' }, { timeout: 3000 })).toBeInTheDocument();
    await waitFor(() => expect(mockApi.fake.pendingEnrollment).toBeNull());
  });
});

describe('cancelling', () => {
  it('asks first, removes the token, and tells the host', async () => {
    const onCancelled = vi.fn();
    const { user } = renderWidget({ onCancelled });
    await startEnrollment(user);
    await user.click(screen.getByRole('button', { name: 'Cancel setup' }));
    expect(await screen.findByRole('heading', { name: 'Cancel the setup?' })).toHaveFocus();
    expect(mockApi.fake.pendingEnrollment).not.toBeNull();

    await user.click(screen.getByRole('button', { name: 'Yes, cancel setup' }));
    expect(await screen.findByRole('heading', { name: 'Setup cancelled' })).toBeInTheDocument();
    expect(mockApi.fake.pendingEnrollment).toBeNull();
    expect(onCancelled).toHaveBeenCalledOnce();

    await user.click(screen.getByRole('button', { name: 'Start again' }));
    expect(await screen.findByRole('heading', { name: 'Set up your authenticator app' })).toBeInTheDocument();
  });

  it('goes back to the step it came from when the user keeps going', async () => {
    const { user } = renderWidget();
    await startEnrollment(user);
    await user.click(screen.getByRole('button', { name: 'Cancel setup' }));
    await user.click(await screen.findByRole('button', { name: 'No, continue' }));
    expect(await screen.findByRole('heading', { name: 'Scan the QR code, then enter the code' })).toHaveFocus();
    expect(mockApi.fake.pendingEnrollment).not.toBeNull();
  });

  it('says so when the token could not be removed, and lets the user try again', async () => {
    server.use(http.delete(`*${apiPaths.enrollment}`, () => HttpResponse.error(), { once: true }));
    const { user } = renderWidget();
    await startEnrollment(user);
    await user.click(screen.getByRole('button', { name: 'Cancel setup' }));
    await user.click(await screen.findByRole('button', { name: 'Yes, cancel setup' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('You seem to be offline');
    expect(screen.getByRole('heading', { name: 'Cancel the setup?' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Yes, cancel setup' }));
    expect(await screen.findByRole('heading', { name: 'Setup cancelled' })).toBeInTheDocument();
  });
});

describe('an unfinished enrollment', () => {
  it('offers to continue with the same QR code', async () => {
    mockApi.reset({ scenario: 'resume' });
    const pending = mockApi.fake.pendingEnrollment!;
    const { user } = renderWidget();
    await screen.findByRole('heading', { name: 'Finish your setup' });
    await user.click(screen.getByRole('button', { name: 'Continue with the same QR code' }));
    await screen.findByRole('heading', { name: 'Scan the QR code, then enter the code' });
    expect(screen.getByRole('link', { name: 'Open in authenticator app' })).toHaveAttribute('href', pending.otpauthUri);
  });

  it('says so when it expired before the user came back to it', async () => {
    mockApi.reset({ scenario: 'resume' });
    server.use(http.get(`*${apiPaths.enrollment}`, () => problemResponse('enrollment_expired'), { once: true }));
    const { user } = renderWidget();
    await user.click(await screen.findByRole('button', { name: 'Continue with the same QR code' }));
    expect(await screen.findByRole('heading', { name: 'The setup expired' })).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: qrName })).not.toBeInTheDocument();
  });

  it('starts again when it was ended elsewhere in the meantime', async () => {
    mockApi.reset({ scenario: 'resume' });
    server.use(http.get(`*${apiPaths.enrollment}`, () => problemResponse('no_pending_enrollment'), { once: true }));
    const { user } = renderWidget();
    await user.click(await screen.findByRole('button', { name: 'Continue with the same QR code' }));
    expect(await screen.findByRole('heading', { name: 'Set up your authenticator app' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('This setup was ended elsewhere');
  });

  it('or to start over, removing the old token', async () => {
    mockApi.reset({ scenario: 'resume' });
    const { user } = renderWidget();
    await user.click(await screen.findByRole('button', { name: 'Start over' }));
    expect(await screen.findByRole('heading', { name: 'Set up your authenticator app' })).toHaveFocus();
    expect(mockApi.fake.pendingEnrollment).toBeNull();
  });
});

describe('when enrolling is not possible', () => {
  it('says so when the user got a token elsewhere after the page loaded, and leads to the list', async () => {
    const { user } = renderWidget();
    await screen.findByRole('heading', { name: 'Set up your authenticator app' });
    mockApi.reset({ scenario: 'already-enrolled' });
    await user.click(screen.getByRole('button', { name: 'Start setup' }));
    expect(await screen.findByRole('heading', { name: 'You already have an authenticator app' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Your sign-in methods' }));
    expect(await screen.findByRole('article', { name: 'Old phone' })).toBeInTheDocument();
  });

  it('offers a retry when privacyIDEA is down, and recovers', async () => {
    mockApi.reset({ scenario: 'upstream-down' });
    const { user } = renderWidget();
    expect(await screen.findByRole('heading', { name: 'Setup is not available right now' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('The sign-in server cannot be reached right now. Please try again in a moment.');
    expect(screen.getByRole('timer')).toHaveTextContent('Trying again in 10 seconds…');
    mockApi.fake.switches.upstreamDown = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Set up your authenticator app' })).toHaveFocus();
  });

  it('says when the device is offline, and retries once it is back online', async () => {
    mockApi.reset({ scenario: 'offline' });
    renderWidget();
    expect(await screen.findByRole('alert')).toHaveTextContent('You seem to be offline');
    mockApi.fake.switches.offline = false;
    window.dispatchEvent(new Event('online'));
    // The retry reads the config and the session again before the start screen: on a loaded CI machine that
    // took longer than findBy's default second once.
    expect(await screen.findByRole('heading', { name: 'Set up your authenticator app' }, { timeout: 5000 })).toBeInTheDocument();
  });

  it('asks the user to wait when rate limited', async () => {
    mockApi.reset({ scenario: 'rate-limited' });
    const { user } = renderWidget();
    await user.click(await screen.findByRole('button', { name: 'Start setup' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts. Please wait a moment, then try again. You can try again in 30 seconds.');
    expect(screen.getByRole('button', { name: 'Start setup' })).toBeEnabled();
  });

  it('sends the start again when the user tries again after privacyIDEA was unreachable, and goes on', async () => {
    server.use(http.post(`*${apiPaths.enrollment}`, () => problemResponse('upstream_unavailable'), { once: true }));
    const starts = countRequests('POST', apiPaths.enrollment);
    const { user } = renderWidget();
    await user.click(await screen.findByRole('button', { name: 'Start setup' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The sign-in server cannot be reached right now.');

    await user.click(screen.getByRole('button', { name: 'Start setup' }));
    expect(await screen.findByRole('heading', { name: 'Scan the QR code, then enter the code' })).toBeInTheDocument();
    expect(await screen.findByRole('img', { name: qrName })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(starts.count).toBe(2);
  });

  it('reads the config again on "Try again" when it could not be loaded', async () => {
    server.use(http.get(`*${apiPaths.config}`, () => problemResponse('upstream_unavailable'), { once: true }));
    const configs = countRequests('GET', apiPaths.config);
    const { user } = renderWidget();
    expect(await screen.findByRole('heading', { name: 'Setup is not available right now' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Set up your authenticator app' })).toBeInTheDocument();
    expect(configs.count).toBe(2);
  });

  it('counts down the wait the BFF named, saying it once, and tries again by itself at zero', async () => {
    server.use(http.get(`*${apiPaths.config}`, () => problemResponse('upstream_unavailable', { retryAfterSeconds: 2 }), { once: true }));
    const configs = countRequests('GET', apiPaths.config);
    renderWidget();
    expect(await screen.findByRole('heading', { name: 'Setup is not available right now' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).not.toHaveTextContent(/seconds?\./);
    expect(screen.getByRole('timer')).toHaveTextContent('Trying again in 2 seconds…');
    expect(await screen.findByText('Trying again in 1 second…', {}, { timeout: 1500 })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Set up your authenticator app' }, { timeout: 2500 })).toBeInTheDocument();
    expect(configs.count).toBe(2);
  });

  it('signs in with the launch token on "Try again" when the BFF could not be reached at first', async () => {
    mockApi.reset({ scenario: 'launch-token' });
    server.use(
      http.get(`*${apiPaths.config}`, () => HttpResponse.error(), { once: true }),
      http.post(`*${apiPaths.session}`, () => HttpResponse.error(), { once: true }),
    );
    const { user } = renderWidget({ launchToken: MOCK_LAUNCH_TOKEN });
    await user.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Set up your authenticator app' })).toBeInTheDocument();
    expect(mockApi.fake.signedInUser).toEqual({ username: 'alice', realm: 'employees' });
  });

  it('keeps the code and allows sending it again when the network fails while confirming', async () => {
    server.use(http.post(`*${apiPaths.verifyEnrollment}`, () => HttpResponse.error(), { once: true }));
    const { user } = renderWidget();
    await startEnrollment(user);
    await user.type(codeField(), MOCK_CORRECT_CODE);
    expect(await screen.findByRole('alert')).toHaveTextContent('You seem to be offline');
    expect(codeField()).toHaveValue(MOCK_CORRECT_CODE);
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByRole('heading', { name: 'Your authenticator app is ready' })).toBeInTheDocument();
  });

  it('asks to sign in again when the session ends midway', async () => {
    mockApi.reset({ scenario: 'password' });
    server.use(http.post(`*${apiPaths.verifyEnrollment}`, () => problemResponse('unauthenticated')));
    mockApi.fake.createSession({ username: 'alice', password: 'correct horse battery staple' });
    const { user } = renderWidget();
    await startEnrollment(user);
    await user.type(codeField(), MOCK_CORRECT_CODE);
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Your session has ended. Please sign in again.');
  });

  it('starts again when the enrollment was ended elsewhere', async () => {
    server.use(http.post(`*${apiPaths.verifyEnrollment}`, () => problemResponse('no_pending_enrollment')));
    const { user } = renderWidget();
    await startEnrollment(user);
    await user.type(codeField(), MOCK_CORRECT_CODE);
    expect(await screen.findByRole('heading', { name: 'Set up your authenticator app' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('This setup was ended elsewhere');
  });

  it('treats an answer that is not a problem document by its status', async () => {
    server.use(http.post(`*${apiPaths.enrollment}`, () => new HttpResponse('<h1>Bad gateway</h1>', { status: 502 })));
    const { user } = renderWidget();
    await user.click(await screen.findByRole('button', { name: 'Start setup' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong on our side');
  });
});
