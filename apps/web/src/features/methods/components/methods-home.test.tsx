import { MOCK_CORRECT_CODE } from '@pi-enroll/mock-api';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockApi } from '../../../testing/mocks/server';
import { renderWidget } from '../../../testing/render-widget';

const item = (name: string) => screen.findByRole('article', { name });

describe('the list of sign-in methods', () => {
  it('opens on the list, not the setup, for a user who has a method, and tells the host', async () => {
    mockApi.reset({ scenario: 'read-only-method' });
    const onAlreadyEnrolled = vi.fn();
    renderWidget({ onAlreadyEnrolled });
    const phone = await item('Old phone');
    expect(phone).toHaveTextContent(/Authenticator app · Added .*2025 · Last used .*2025/);
    expect(within(phone).getByRole('button', { name: 'Rename' })).toBeInTheDocument();
    const key = await item('Security key');
    expect(key).toHaveTextContent('Managed by your organisation');
    expect(within(key).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add another method' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Set up your authenticator app' })).not.toBeInTheDocument();
    expect(onAlreadyEnrolled).toHaveBeenCalledExactlyOnceWith({ methods: 2 });
  });

  it('speaks the page’s language and takes the host’s strings, though its strings load with it', async () => {
    mockApi.reset({ scenario: 'methods' });
    renderWidget({ locale: 'de', messages: { methods: { heading: 'Ihre Schlüssel' } } });
    // Two language files load first (the enrollment's and the list's German), each compiled on first use here.
    const tablet = await screen.findByRole('article', { name: 'Tablet' }, { timeout: 5000 });
    expect(within(tablet).getByRole('button', { name: 'Umbenennen' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Ihre Schlüssel');
  });

  it('adds another method, and comes back to the list without one', async () => {
    mockApi.reset({ scenario: 'methods' });
    const { user } = renderWidget();
    await user.click(await screen.findByRole('button', { name: 'Add another method' }));
    await screen.findByRole('heading', { name: 'Set up your authenticator app' });
    await user.click(screen.getByRole('button', { name: 'Back to your sign-in methods' }));
    expect(await item('Tablet')).toBeInTheDocument();
  });

  it('renames a method', async () => {
    mockApi.reset({ scenario: 'methods' });
    const { user } = renderWidget();
    await user.click(within(await item('Tablet')).getByRole('button', { name: 'Rename' }));
    const field = await screen.findByRole('textbox', { name: 'Device name' });
    await user.clear(field);
    await user.type(field, 'Kitchen tablet{Enter}');
    expect(await screen.findByRole('status')).toHaveTextContent('Renamed to “Kitchen tablet”.');
    expect(await item('Kitchen tablet')).toBeInTheDocument();
    expect(mockApi.fake.tokenList.map((token) => token.description)).toEqual(['Old phone', 'Kitchen tablet']);
  });

  it('removes a method after a step-up the BFF asked for, and tells the host', async () => {
    mockApi.reset({ scenario: 'step-up-required' });
    const onMethodRemoved = vi.fn();
    const { user } = renderWidget({ onMethodRemoved });
    await user.click(within(await item('Tablet')).getByRole('button', { name: 'Remove' }));
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Yes, remove it' }));

    await screen.findByRole('heading', { name: 'Confirm it is you' });
    expect(screen.getByText('Enter a code from one of these sign-in methods: Old phone, Tablet.')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Code' }), '000000{Enter}');
    expect(await screen.findByText('That code did not work. Enter the newest code.')).toBeInTheDocument();
    const code = screen.getByRole('textbox', { name: 'Code' });
    await user.clear(code);
    await user.type(code, `${MOCK_CORRECT_CODE}{Enter}`);

    expect(await screen.findByRole('status')).toHaveTextContent('“Tablet” was removed.');
    expect(mockApi.fake.tokenList.map((token) => token.serial)).toEqual(['TOTP00000001']);
    expect(onMethodRemoved).toHaveBeenCalledExactlyOnceWith({ serial: 'TOTP00000002' });
  });

  it('warns before the last method goes, and shows the start screen once it is gone', async () => {
    mockApi.reset({ scenario: 'already-enrolled' });
    const { user } = renderWidget();
    await user.click(within(await item('Old phone')).getByRole('button', { name: 'Remove' }));
    expect(screen.getByRole('note')).toHaveTextContent('This is your last sign-in method.');
    await user.click(screen.getByRole('button', { name: 'Yes, remove it' }));
    expect(await screen.findByRole('heading', { name: 'Set up your authenticator app' })).toBeInTheDocument();
    expect(mockApi.fake.tokenList).toEqual([]);
  });

  it('does not offer to remove the last method when that is not allowed', async () => {
    mockApi.reset({ scenario: 'last-method-refused' });
    renderWidget();
    const phone = await item('Old phone');
    expect(within(phone).getByRole('button', { name: 'Replace (lost phone)' })).toBeInTheDocument();
    expect(within(phone).queryByRole('button', { name: 'Remove' })).not.toBeInTheDocument();
  });

  it('replaces a lost phone: a code first, then the setup, and the done screen says the old one is gone', async () => {
    mockApi.reset({ scenario: 'step-up-required' });
    const onMethodRemoved = vi.fn();
    const { user } = renderWidget({ onMethodRemoved });
    await user.click(within(await item('Old phone')).getByRole('button', { name: 'Replace (lost phone)' }));
    await user.click(screen.getByRole('button', { name: 'Set up the new phone' }));
    await user.type(await screen.findByRole('textbox', { name: 'Code' }), `${MOCK_CORRECT_CODE}{Enter}`);

    await screen.findByRole('heading', { name: 'Scan the QR code, then enter the code' });
    await user.type(await screen.findByRole('textbox', { name: '6-digit code' }), MOCK_CORRECT_CODE);

    expect(await screen.findByRole('heading', { name: 'Your authenticator app is ready' })).toBeInTheDocument();
    expect(screen.getByText('“Old phone” was removed from your account.')).toBeInTheDocument();
    expect(mockApi.fake.tokenList.map((token) => token.description)).toEqual(['Tablet', expect.stringMatching(/^Authenticator app/)]);
    expect(onMethodRemoved).toHaveBeenCalledExactlyOnceWith({ serial: 'TOTP00000001' });
  });
});

describe('signing out', () => {
  it('is offered on every screen in password mode, and tells the host', async () => {
    mockApi.reset({ scenario: 'methods', switches: { signedIn: true }, config: { identityModes: ['password'] } });
    const onSignedOut = vi.fn();
    const { user } = renderWidget({ onSignedOut });
    await item('Old phone');
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(mockApi.fake.signedInUser).toBeNull();
    expect(onSignedOut).toHaveBeenCalledOnce();
  });

  it('is not offered outside password mode but on the done screen, next to the way back to the site', async () => {
    mockApi.reset({ config: { returnUrl: 'https://portal.example.com/home' } });
    const { user } = renderWidget();
    await user.click(await screen.findByRole('button', { name: 'Start setup' }));
    expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();
    await user.type(await screen.findByRole('textbox', { name: '6-digit code' }), MOCK_CORRECT_CODE);
    await screen.findByRole('heading', { name: 'Your authenticator app is ready' });
    expect(screen.getByRole('link', { name: 'Back to portal.example.com' })).toHaveAttribute('href', 'https://portal.example.com/home');
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'You are not signed in' })).toBeInTheDocument();
  });
});

