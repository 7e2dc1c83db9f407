import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { FlowStep } from '../../features/enrollment/flow/enrollment-flow';
import { Gallery } from './gallery';
import { galleryEntries } from './gallery-states';

// A Record over FlowStep: adding a state to the flow without adding it here does not compile.
const everyStep: Record<FlowStep, true> = {
  loading: true,
  unavailable: true,
  signedOut: true,
  signingIn: true,
  start: true,
  creating: true,
  resume: true,
  resuming: true,
  discarding: true,
  pending: true,
  confirming: true,
  confirmCancel: true,
  cancelling: true,
  abandoning: true,
  abandoned: true,
  cancelled: true,
  exhausted: true,
  expired: true,
  alreadyEnrolled: true,
  methods: true,
  done: true,
  naming: true,
  signingOut: true,
};

/** The list's own screens (see gallery-management.tsx). */
const managementSteps = ['rename', 'savingName', 'confirmRemove', 'removing', 'confirmReplace', 'stepUp', 'steppingUp'];

/**
 * While an enrollment is pending, the screens are the method's own steps: TOTP's one (the QR code and the code),
 * the passkey's explanation, the email code, the recovery codes.
 */
const methodSteps = ['setup', 'passkey', 'emailCode', 'recoveryCodes'];

describe('the state gallery', () => {
  it('renders every state of the flow with the real screens, and every method’s steps', async () => {
    const { container } = render(<Gallery />);
    const shown = () => new Set([...container.querySelectorAll('[data-step]')].map((screen) => screen.getAttribute('data-step')));
    // `methods` renders the list, whose screen says `methods` too. The done screen comes from its own chunk.
    const expected = [...Object.keys(everyStep).filter((step) => step !== 'pending'), ...methodSteps, ...managementSteps];
    await waitFor(() => expect([...shown()].sort()).toEqual(expected.sort()));
    const entries = new Set(galleryEntries(Date.now()).map((entry) => entry.state.current));
    expect([...entries].sort()).toEqual(Object.keys(everyStep).sort());
  });

  it('switches every card between the light and the dark theme', async () => {
    const user = userEvent.setup();
    const { container } = render(<Gallery />);
    const themes = () => new Set([...container.querySelectorAll('.pie-root')].map((root) => root.getAttribute('data-pie-theme')));
    expect(themes()).toEqual(new Set(['light']));
    await user.click(screen.getByRole('radio', { name: 'dark' }));
    expect(themes()).toEqual(new Set(['dark']));
  });

  it('switches the language', async () => {
    const user = userEvent.setup();
    render(<Gallery />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'de');
    const doneCard = (await screen.findByRole('heading', { name: 'done' })).closest('article')!;
    // The done screen's chunk brings the methods' strings, German among them in a chunk of its own.
    expect(await within(doneCard).findByRole('heading', { name: 'Ihre Authenticator-App ist bereit' })).toBeInTheDocument();
  });

  it('never takes the focus', () => {
    render(<Gallery />);
    expect(document.body).toHaveFocus();
  });
});
