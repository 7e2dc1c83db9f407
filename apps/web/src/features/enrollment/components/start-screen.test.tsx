import type { OfferedMethod } from '@pi-enroll/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../testing/mocks/server';
import { renderWidget } from '../../../testing/render-widget';

const offered = {
  totp: { type: 'totp', needs: 'authenticator_app', needsOtherMethod: false, required: false },
  email: { type: 'email', needs: 'email_access', needsOtherMethod: false, required: false },
  recovery: { type: 'recovery', needs: 'safe_place_for_codes', needsOtherMethod: true, required: false },
} satisfies Record<string, OfferedMethod>;

describe('the start screen with several methods', () => {
  it('lets the user choose, in the operator’s order, each naming what it needs; the first is preselected', async () => {
    mockApi.reset({ config: { methods: [offered.email, offered.totp, offered.recovery] } });
    const { user } = renderWidget();
    expect(await screen.findByRole('heading', { name: 'Set up a sign-in method' })).toBeInTheDocument();
    const group = screen.getByRole('group', { name: 'Sign-in method' });
    const options = within(group).getAllByRole('radio');
    // Recovery codes back up another method: not for a user who has none.
    expect(options.map((option) => option.closest('label')?.textContent)).toEqual([
      'Code by emailYou need access to your email.',
      'Authenticator appYou need a phone with an authenticator app.',
    ]);
    expect(options[0]).toBeChecked();

    // The choice decides what starts.
    await user.click(screen.getByRole('radio', { name: /Authenticator app/ }));
    await user.click(screen.getByRole('button', { name: 'Start setup' }));
    expect(await screen.findByRole('heading', { name: 'Scan the QR code, then enter the code' })).toBeInTheDocument();
  });

  it('with one method offered, is today’s start screen for it', async () => {
    mockApi.reset({ config: { methods: [offered.email] } });
    renderWidget();
    expect(await screen.findByRole('heading', { name: 'Set up codes by email' })).toBeInTheDocument();
    expect(screen.getByText('You need access to your email.')).toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
  });

  it('takes the host’s words for the methods too', async () => {
    mockApi.reset({ scenario: 'all-methods' });
    const { user } = renderWidget({ messages: { methodNames: { email: { name: 'Mail code', needs: 'Your inbox.', add: 'x', added: 'x {date}' } }, email: { heading: 'Check your inbox' } } });
    await user.click(await screen.findByRole('radio', { name: /Mail code/ }));
    await user.click(screen.getByRole('button', { name: 'Start setup' }));
    expect(await screen.findByRole('heading', { name: 'Check your inbox' })).toBeInTheDocument();
  });
});
