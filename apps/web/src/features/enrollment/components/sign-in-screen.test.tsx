import { MOCK_CORRECT_CODE, MOCK_LAUNCH_TOKEN, MOCK_PASSWORD } from '@pi-enroll/mock-api';
import { apiPaths } from '@pi-enroll/shared';
import { screen } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { mockApi, server } from '../../../testing/mocks/server';
import { renderWidget } from '../../../testing/render-widget';

const startHeading = { name: 'Set up your authenticator app' };

describe('signing in', () => {
  it('with a launch token shows nothing to fill in', async () => {
    mockApi.reset({ scenario: 'launch-token' });
    renderWidget({ launchToken: MOCK_LAUNCH_TOKEN });
    expect(await screen.findByRole('heading', startHeading)).toBeInTheDocument();
    expect(mockApi.fake.signedInUser).toEqual({ username: 'alice', realm: 'employees' });
  });

  it('with a launch token signs in while the config is still on its way: a round trip less on a slow link', async () => {
    mockApi.reset({ scenario: 'launch-token' });
    let signInArrived = () => {};
    const signInSent = new Promise<void>((resolve) => (signInArrived = resolve));
    // Handlers that answer nothing pass the request on to the fake BFF: the config waits for the sign-in.
    server.use(
      http.post(`*${apiPaths.session}`, () => signInArrived(), { once: true }),
      http.get(`*${apiPaths.config}`, async () => void (await signInSent), { once: true }),
    );
    renderWidget({ launchToken: MOCK_LAUNCH_TOKEN });
    expect(await screen.findByRole('heading', startHeading)).toBeInTheDocument();
    expect(mockApi.fake.signedInUser).toEqual({ username: 'alice', realm: 'employees' });
  });

  it('ignores a launch token where the BFF takes none, and offers its own sign-in', async () => {
    mockApi.reset({ scenario: 'password' });
    renderWidget({ launchToken: MOCK_LAUNCH_TOKEN });
    expect(await screen.findByRole('textbox', { name: 'Username' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(mockApi.fake.signedInUser).toBeNull();
  });

  it('says where to come from when there is no way to sign in here', async () => {
    mockApi.reset({ scenario: 'signed-out' });
    renderWidget();
    expect(await screen.findByRole('heading', { name: 'You are not signed in' })).toBeInTheDocument();
    expect(screen.getByText(/Open this page again from your portal/)).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('explains a refused launch token', async () => {
    mockApi.reset({ scenario: 'launch-token' });
    renderWidget({ launchToken: 'expired-token' });
    expect(await screen.findByRole('alert')).toHaveTextContent('The link you used has expired or is not valid.');
    expect(screen.getByRole('heading', { name: 'You are not signed in' })).toBeInTheDocument();
  });

  it('with a password, saying when it is wrong', async () => {
    mockApi.reset({ scenario: 'password' });
    const { user } = renderWidget();
    await user.type(await screen.findByRole('textbox', { name: 'Username' }), 'bob');
    await user.type(screen.getByLabelText('Password'), 'wrong{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('The username, password or code is not right.');

    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), MOCK_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', startHeading)).toHaveFocus();
    expect(mockApi.fake.signedInUser?.username).toBe('bob');
  });

  it('asks for a code from the existing authenticator on step-up', async () => {
    mockApi.reset({ scenario: 'step-up' });
    const { user } = renderWidget();
    await user.type(await screen.findByRole('textbox', { name: 'Username' }), 'bob');
    await user.type(screen.getByLabelText('Password'), `${MOCK_PASSWORD}{Enter}`);

    const otp = await screen.findByRole('textbox', { name: 'Code from your current authenticator' });
    expect(otp).toHaveAccessibleDescription('Your account already has a second factor. Enter a code from it to continue. Lost your phone? Enter one of your recovery codes.');
    expect(otp).toHaveFocus();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(otp).toHaveAttribute('autocomplete', 'one-time-code');
    await user.type(otp, `${MOCK_CORRECT_CODE}{Enter}`);
    // The step-up user has a token: the widget opens on their list (its own lazy chunk), where one can be added.
    expect(await screen.findByRole('button', { name: 'Add another method' }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Your sign-in methods' })).toBeInTheDocument();
  });

  it('in demo mode, by picking a demo user', async () => {
    mockApi.reset({ scenario: 'demo' });
    const { user } = renderWidget();
    const demo = await screen.findByRole('group', { name: 'Demo: sign in as' });
    expect(demo).toHaveTextContent(/alice.*bob.*carol/);
    await user.click(screen.getByRole('button', { name: 'carol' }));
    expect(await screen.findByRole('heading', startHeading)).toBeInTheDocument();
    expect(mockApi.fake.signedInUser).toEqual({ username: 'carol', realm: 'demo' });
  });

  it('never offers demo users unless the config says demo', async () => {
    mockApi.reset({ scenario: 'password', config: { demoUsers: ['alice'] } });
    renderWidget();
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(screen.queryByRole('group', { name: 'Demo: sign in as' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'alice' })).not.toBeInTheDocument();
  });
});
