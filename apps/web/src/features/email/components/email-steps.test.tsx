import type { EmailEnrollment } from '@pi-enroll/shared';
import { MOCK_EMAIL_CODE, MOCK_RESEND_COOLDOWN_SECONDS, problemResponse } from '@pi-enroll/mock-api';
import { apiPaths } from '@pi-enroll/shared/api-paths';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../../lib/i18n/i18n-provider';
import { methodStepsProps } from '../../../testing/method-steps-props';
import { mockApi, server } from '../../../testing/mocks/server';
import { renderWidget } from '../../../testing/render-widget';
import { EmailSteps } from './email-steps';

const emailField = () => screen.getByRole('textbox', { name: 'Code from the email' });

describe('codes by email, in the widget', () => {
  it('is chosen on the start screen, shows the masked address, counts a wrong code, and the mailed code confirms', async () => {
    mockApi.reset({ scenario: 'all-methods' });
    const { user } = renderWidget();
    await screen.findByRole('heading', { name: 'Set up a sign-in method' });
    await user.click(screen.getByRole('radio', { name: /Code by email/ }));
    await user.click(screen.getByRole('button', { name: 'Start setup' }));

    expect(await screen.findByRole('heading', { name: 'Enter the code from your email' })).toBeInTheDocument();
    expect(screen.getByText(/We sent a code to a•••@example\.org/)).toBeInTheDocument();
    // The cooldown from the view: no new code for a minute.
    expect(screen.getByRole('button', { name: /^Send a new code in (59|60) seconds$/ })).toBeDisabled();

    await user.type(emailField(), '000000');
    await user.keyboard('{Enter}');
    expect(await screen.findByText(/That code did not work\. .* 2 attempts left\./)).toBeInTheDocument();
    expect(emailField()).toHaveAttribute('aria-invalid', 'true');
    expect(emailField()).toHaveFocus();

    // A pasted 6-digit code submits itself, although the field takes up to 8.
    await user.click(emailField());
    await user.paste(MOCK_EMAIL_CODE);
    expect(await screen.findByRole('heading', { name: 'Codes by email are set up' })).toBeInTheDocument();
    expect(mockApi.fake.tokenList).toMatchObject([{ type: 'email' }]);
  });

  it('says so on the start screen when the mail cannot be sent, and nothing is pending', async () => {
    mockApi.reset({ scenario: 'email-send-fails' });
    const { user } = renderWidget();
    await screen.findByRole('heading', { name: 'Set up a sign-in method' });
    await user.click(screen.getByRole('radio', { name: /Code by email/ }));
    await user.click(screen.getByRole('button', { name: 'Start setup' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The email with your code could not be sent.');
    expect(screen.getByRole('heading', { name: 'Set up a sign-in method' })).toBeInTheDocument();
    expect(mockApi.fake.pendingEnrollment).toBeNull();
  });

  it('an unfinished email code is resumed as such after a reload', async () => {
    mockApi.reset({ scenario: 'all-methods' });
    const first = renderWidget();
    await screen.findByRole('heading', { name: 'Set up a sign-in method' });
    await first.user.click(screen.getByRole('radio', { name: /Code by email/ }));
    await first.user.click(screen.getByRole('button', { name: 'Start setup' }));
    await screen.findByRole('heading', { name: 'Enter the code from your email' });
    first.unmount();

    const { user } = renderWidget();
    expect(await screen.findByText('You started setting up “Code by email” earlier. Continue where you left off, or start over.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('heading', { name: 'Enter the code from your email' })).toBeInTheDocument();
  });

  it('cancelled, speaks of the account, not of an app’s entry, and leaves nothing pending', async () => {
    mockApi.reset({ scenario: 'all-methods' });
    const { user } = renderWidget();
    await screen.findByRole('heading', { name: 'Set up a sign-in method' });
    await user.click(screen.getByRole('radio', { name: /Code by email/ }));
    await user.click(screen.getByRole('button', { name: 'Start setup' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel setup' }));
    expect(await screen.findByText('Nothing will be added to your account. You can start again at any time.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Yes, cancel setup' }));
    expect(await screen.findByRole('heading', { name: 'Setup cancelled' })).toBeInTheDocument();
    expect(screen.getByText('Nothing was added to your account. You can start again at any time.')).toBeInTheDocument();
    expect(screen.queryByText(/QR code/)).not.toBeInTheDocument();
    expect(mockApi.fake.getSession()?.pending).toBeNull();
  });

  it('resends through the widget: the new view is shown, and the session read by a host is read again', async () => {
    // The fake's clock two minutes behind: the cooldown it names is over by the widget's clock.
    let clock = Date.now() - 120_000;
    mockApi.reset({ scenario: 'all-methods', now: () => clock });
    const { user, queryClient } = renderWidget();
    await screen.findByRole('heading', { name: 'Set up a sign-in method' });
    await user.click(screen.getByRole('radio', { name: /Code by email/ }));
    await user.click(screen.getByRole('button', { name: 'Start setup' }));
    const resend = await screen.findByRole('button', { name: 'Send a new code' });
    clock += 90_000;
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    await user.click(resend);
    expect(await screen.findByText(/A new code is on its way/)).toBeInTheDocument();
    expect(invalidate).toHaveBeenCalledWith({ queryKey: expect.arrayContaining(['session']) as unknown });
    // The next cooldown, from the fake's new view: a minute from its clock, about half a minute by the widget's.
    expect(screen.getByRole('button', { name: /^Send a new code in (29|30|31) seconds$/ })).toBeDisabled();
  });

  it('a code that is too short is named, not sent', async () => {
    mockApi.reset({ scenario: 'all-methods' });
    const { user } = renderWidget();
    await screen.findByRole('heading', { name: 'Set up a sign-in method' });
    await user.click(screen.getByRole('radio', { name: /Code by email/ }));
    await user.click(screen.getByRole('button', { name: 'Start setup' }));
    await user.type(await screen.findByRole('textbox', { name: 'Code from the email' }), '12345{Enter}');
    expect(screen.getByText('Enter the whole code from the email (6 to 8 digits).')).toBeInTheDocument();
  });
});

const pending: EmailEnrollment = {
  type: 'email',
  status: 'pending',
  expiresAt: new Date(Date.now() + 600_000).toISOString(),
  attemptsLeft: 3,
  address: 'a•••@example.org',
  resendAvailableAt: new Date(Date.now() - 1000).toISOString(),
};

function renderSteps(overrides: Partial<Parameters<typeof methodStepsProps<'email'>>[1]> = {}) {
  const props = methodStepsProps<'email'>(pending, overrides);
  const user = userEvent.setup();
  render(
    <I18nProvider locale="en">
      <EmailSteps {...props} />
    </I18nProvider>,
  );
  return { props, user };
}

describe('the email code’s resend', () => {
  it('sends a new code once the cooldown is over, hands the new view to the enrollment, and waits again', async () => {
    const resent = { ...pending, resendAvailableAt: new Date(Date.now() + MOCK_RESEND_COOLDOWN_SECONDS * 1000).toISOString() };
    server.use(http.post(`*${apiPaths.resendEnrollment}`, () => HttpResponse.json(resent)));
    const { props, user } = renderSteps();
    await user.click(await screen.findByRole('button', { name: 'Send a new code' }));
    expect(await screen.findByText('A new code is on its way to a•••@example.org. Only the newest code works.')).toHaveRole('status');
    expect(props.refresh).toHaveBeenCalledWith(resent);
    expect(props.fail).not.toHaveBeenCalled();
  });

  it('counts down while the cooldown lasts', async () => {
    renderSteps({ pending: { ...pending, resendAvailableAt: new Date(Date.now() + 5_000).toISOString() } });
    const button = await screen.findByRole('button', { name: /^Send a new code in [45] seconds$/ });
    expect(button).toBeDisabled();
    await waitFor(() => expect(screen.getByRole('button', { name: /^Send a new code in [123] seconds?$/ })).toBeDisabled(), { timeout: 4000 });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Send a new code' })).toBeEnabled(), { timeout: 4000 });
  }, 10_000);

  it('a resend refused as too soon waits as long as the server says, without ending anything', async () => {
    server.use(http.post(`*${apiPaths.resendEnrollment}`, () => problemResponse('resend_too_soon', { retryAfterSeconds: 30 })));
    const { props, user } = renderSteps();
    await user.click(await screen.findByRole('button', { name: 'Send a new code' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Please wait a moment before asking for another code.');
    expect(screen.getByRole('button', { name: /^Send a new code in (29|30|31) seconds$/ })).toBeDisabled();
    expect(props.fail).not.toHaveBeenCalled();
  });

  it('a mail that cannot be sent goes to the enrollment, which ends it', async () => {
    server.use(http.post(`*${apiPaths.resendEnrollment}`, () => problemResponse('email_send_failed')));
    const { props, user } = renderSteps();
    await user.click(await screen.findByRole('button', { name: 'Send a new code' }));
    await waitFor(() => expect(props.fail).toHaveBeenCalledWith(expect.objectContaining({ code: 'email_send_failed' })));
    expect(props.refresh).not.toHaveBeenCalled();
  });
});
