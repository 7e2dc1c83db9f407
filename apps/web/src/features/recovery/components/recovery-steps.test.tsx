import type { RecoveryEnrollment } from '@pi-enroll/shared';
import { MOCK_CORRECT_CODE } from '@pi-enroll/mock-api';
import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '../../../testing/mocks/server';
import { renderWidget } from '../../../testing/render-widget';

// jsdom has no object URLs: each test that downloads stubs them.
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** The codes as the fake made them (the widget shows them; the test reads what the user would read). */
function pendingCodes(): RecoveryEnrollment {
  const pending = mockApi.fake.getSession()?.pending;
  if (pending?.type !== 'recovery') throw new Error('no recovery codes pending');
  return pending;
}

async function confirmAuthenticatorApp(user: UserEvent) {
  await screen.findByRole('heading', { name: 'Set up a sign-in method' });
  await user.click(screen.getByRole('button', { name: 'Start setup' }));
  await user.type(await screen.findByRole('textbox', { name: '6-digit code' }), MOCK_CORRECT_CODE);
  await screen.findByRole('heading', { name: 'Your authenticator app is ready' });
}

describe('recovery codes', () => {
  it('are offered right after the first method, shown once, and confirmed by typing back the code named', async () => {
    mockApi.reset({ scenario: 'all-methods' });
    const { user } = renderWidget();
    // Not offered to a user without another method.
    await screen.findByRole('heading', { name: 'Set up a sign-in method' });
    expect(screen.queryByRole('radio', { name: /Recovery codes/ })).not.toBeInTheDocument();
    await confirmAuthenticatorApp(user);

    expect(screen.getByText('Recommended, in case you lose this sign-in method.')).toBeInTheDocument();
    // Offered, not pressed on the user: not the primary action.
    expect(screen.getByRole('button', { name: 'Create recovery codes' })).not.toHaveClass('pie-button--primary');
    await user.click(screen.getByRole('button', { name: 'Create recovery codes' }));
    expect(await screen.findByRole('heading', { name: 'Save your recovery codes' })).toHaveFocus();

    const { codes, confirmCodeNumber } = pendingCodes();
    const list = screen.getByRole('list', { name: 'Your recovery codes' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual(codes.map((code, i) => `Code ${i + 1} ${code}`));

    const field = screen.getByRole('textbox', { name: `Code ${confirmCodeNumber}` });
    const wrong = codes.find((_, i) => i !== confirmCodeNumber - 1)!;
    await user.type(field, wrong);
    expect(await screen.findByText(`That is not code ${confirmCodeNumber}. Check your saved list. 2 attempts left.`)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: `Code ${confirmCodeNumber}` })).toHaveFocus();

    await user.type(screen.getByRole('textbox', { name: `Code ${confirmCodeNumber}` }), codes[confirmCodeNumber - 1]!);
    expect(await screen.findByRole('heading', { name: 'Your recovery codes are ready' })).toBeInTheDocument();
    // Done with them: no second offer, and no answer carries the codes any more.
    expect(screen.queryByRole('button', { name: 'Create recovery codes' })).not.toBeInTheDocument();
    expect(screen.queryByText(codes[0]!)).not.toBeInTheDocument();
    // A list of codes is no device: no device name to give.
    expect(screen.queryByRole('textbox', { name: 'Device name' })).not.toBeInTheDocument();
    expect(mockApi.fake.tokenList.map((token) => token.type)).toEqual(['totp', 'tan']);
  });

  it('lead the way when the operator requires them', async () => {
    mockApi.reset({ scenario: 'all-methods', config: { methods: [
      { type: 'totp', needs: 'authenticator_app', needsOtherMethod: false, required: false },
      { type: 'recovery', needs: 'safe_place_for_codes', needsOtherMethod: true, required: true },
    ] } });
    const { user } = renderWidget();
    await screen.findByRole('heading', { name: 'Set up your authenticator app' });
    await user.click(screen.getByRole('button', { name: 'Start setup' }));
    await user.type(await screen.findByRole('textbox', { name: '6-digit code' }), MOCK_CORRECT_CODE);
    expect(await screen.findByText('One more step: your organisation asks you to set this up too.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create recovery codes' })).toHaveClass('pie-button--primary');
    expect(screen.queryByText('Recommended, in case you lose this sign-in method.')).not.toBeInTheDocument();
  });

  it('copy all, download as a .txt file with every code numbered, and print', async () => {
    mockApi.reset({ scenario: 'all-methods' });
    const { user } = renderWidget();
    await confirmAuthenticatorApp(user);
    await user.click(screen.getByRole('button', { name: 'Create recovery codes' }));
    await screen.findByRole('heading', { name: 'Save your recovery codes' });
    const { codes } = pendingCodes();
    const expected = ['Recovery codes for signing in. Each code works once, in any order.', '', ...codes.map((code, i) => `Code ${i + 1}: ${code}`), ''].join('\n');

    await user.click(screen.getByRole('button', { name: 'Copy all' }));
    expect(await navigator.clipboard.readText()).toBe(expected);
    expect(screen.getByText('Copied.')).toHaveRole('status');

    let downloaded: Blob | undefined;
    let fileName: string | undefined;
    const createObjectURL = vi.fn((blob: Blob) => {
      downloaded = blob;
      return 'blob:recovery-codes';
    });
    const revokeObjectURL = vi.fn();
    vi.stubGlobal('URL', Object.assign(class extends URL {}, { createObjectURL, revokeObjectURL }));
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      fileName = this.download;
    });
    await user.click(screen.getByRole('button', { name: 'Download as text file' }));
    expect(fileName).toBe('recovery-codes.txt');
    expect(downloaded?.type).toBe('text/plain;charset=utf-8');
    expect(await downloaded?.text()).toBe(expected);
    // The object URL does not outlive the download.
    await vi.waitFor(() => expect(revokeObjectURL).toHaveBeenCalledWith('blob:recovery-codes'));

    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    await user.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();
  });

  it('a new set from the list: the old codes keep working until the new set is confirmed', async () => {
    mockApi.reset({ scenario: 'all-methods' });
    const { user } = renderWidget();
    await confirmAuthenticatorApp(user);
    await user.click(screen.getByRole('button', { name: 'Create recovery codes' }));
    await screen.findByRole('heading', { name: 'Save your recovery codes' });
    const first = pendingCodes();
    await user.type(screen.getByRole('textbox', { name: `Code ${first.confirmCodeNumber}` }), first.codes[first.confirmCodeNumber - 1]!);
    await screen.findByRole('heading', { name: 'Your recovery codes are ready' });
    const oldSet = mockApi.fake.tokenList.find((token) => token.type === 'tan')!.serial;

    await user.click(screen.getByRole('button', { name: 'Your sign-in methods' }));
    await user.click(await screen.findByRole('button', { name: 'Create a new set' }));
    expect(await screen.findByText(/they keep working until you confirm this new set/)).toBeInTheDocument();
    // Until then the old set is there.
    expect(mockApi.fake.tokenList.map((token) => token.serial)).toContain(oldSet);
    const second = pendingCodes();
    await user.type(screen.getByRole('textbox', { name: `Code ${second.confirmCodeNumber}` }), second.codes[second.confirmCodeNumber - 1]!);
    await screen.findByRole('heading', { name: 'Your recovery codes are ready' });
    const sets = mockApi.fake.tokenList.filter((token) => token.type === 'tan');
    expect(sets).toHaveLength(1);
    expect(sets[0]!.serial).not.toBe(oldSet);
  });
});
