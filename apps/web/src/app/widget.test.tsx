import { MOCK_CORRECT_CODE, MOCK_LAUNCH_TOKEN } from '@pi-enroll/mock-api';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '../testing/mocks/server';
import { mount, PiEnrollWidgetElement } from './widget';

afterEach(() => {
  act(() => document.body.replaceChildren());
});

/** The device name the widget gives a token the user did not name, in the language shown. */
const today = (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(Date.now());

describe('<pi-enroll-widget>', () => {
  it('fires already-enrolled when it opens on the list of a user who has methods', async () => {
    mockApi.reset({ scenario: 'methods' });
    const heard = vi.fn();
    document.body.addEventListener('pi-enroll:already-enrolled', heard);
    act(() => {
      document.body.innerHTML = '<pi-enroll-widget></pi-enroll-widget>';
    });
    await screen.findByRole('article', { name: 'Tablet' });
    await waitFor(() => expect(heard).toHaveBeenCalledOnce());
    expect((heard.mock.calls[0]![0] as CustomEvent).detail).toEqual({ methods: 2 });
    document.body.removeEventListener('pi-enroll:already-enrolled', heard);
  });

  it('is defined by the script', () => {
    expect(customElements.get('pi-enroll-widget')).toBe(PiEnrollWidgetElement);
  });

  it('signs in with its launch-token attribute, removes it from the DOM, and fires enrolled', async () => {
    mockApi.reset({ scenario: 'launch-token' });
    const onEnrolled = vi.fn();
    document.body.addEventListener('pi-enroll:enrolled', onEnrolled);
    const user = userEvent.setup();
    act(() => {
      document.body.innerHTML = `<pi-enroll-widget launch-token="${MOCK_LAUNCH_TOKEN}" locale="de" theme="dark"></pi-enroll-widget>`;
    });
    const element = document.querySelector('pi-enroll-widget')!;
    expect(element.hasAttribute('launch-token')).toBe(false);

    await user.click(await screen.findByRole('button', { name: 'Einrichtung starten' }));
    expect(element.querySelector('.pie-root')).toHaveAttribute('data-pie-theme', 'dark');
    expect(element.querySelector('.pie-root')).toHaveAttribute('lang', 'de');
    await user.type(await screen.findByRole('textbox', { name: '6-stelliger Code' }), MOCK_CORRECT_CODE);

    await waitFor(() => expect(onEnrolled).toHaveBeenCalledOnce());
    expect((onEnrolled.mock.calls[0]![0] as CustomEvent).detail).toEqual({ status: 'enrolled', serial: 'TOTP00000001', description: `Authenticator-App, hinzugefügt am ${today('de')}` });
    document.body.removeEventListener('pi-enroll:enrolled', onEnrolled);
    // No RETURN_URL: the done screen's "Close" hands the user back to the host.
    const onReturn = vi.fn();
    element.addEventListener('pi-enroll:return', onReturn);
    await user.click(await screen.findByRole('button', { name: 'Schließen' }));
    expect(onReturn).toHaveBeenCalledOnce();
  });

  it('signs in again when the host sets a new launch token', async () => {
    mockApi.reset({ scenario: 'launch-token' });
    act(() => {
      document.body.innerHTML = '<pi-enroll-widget></pi-enroll-widget>';
    });
    await screen.findByRole('heading', { name: 'You are not signed in' });
    const element = document.querySelector('pi-enroll-widget')!;
    act(() => element.setAttribute('launch-token', MOCK_LAUNCH_TOKEN));
    expect(await screen.findByRole('heading', { name: 'Set up your authenticator app' })).toBeInTheDocument();
    expect(element.hasAttribute('launch-token')).toBe(false);
  });

  it('takes string overrides from its messages property', async () => {
    const element = document.createElement('pi-enroll-widget') as PiEnrollWidgetElement;
    element.messages = { start: { submit: 'Let’s go' } };
    act(() => document.body.append(element));
    expect(await screen.findByRole('button', { name: 'Let’s go' })).toBeInTheDocument();
  });
});

describe('mount()', () => {
  it('renders the widget into an element, and close() removes the pending enrollment', async () => {
    const onCancelled = vi.fn();
    const element = document.body.appendChild(document.createElement('div'));
    const user = userEvent.setup();
    let widget: ReturnType<typeof mount> | undefined;
    act(() => {
      widget = mount(element, { locale: 'en', onCancelled });
    });
    await user.click(await screen.findByRole('button', { name: 'Start setup' }));
    await screen.findByRole('heading', { name: 'Scan the QR code, then enter the code' });
    expect(mockApi.fake.pendingEnrollment).not.toBeNull();

    await act(() => widget!.close());
    expect(mockApi.fake.pendingEnrollment).toBeNull();
    expect(onCancelled).toHaveBeenCalledOnce();
    expect(element).toBeEmptyDOMElement();
  });

  it('unmount() keeps the pending enrollment for the next visit', async () => {
    const element = document.body.appendChild(document.createElement('div'));
    const user = userEvent.setup();
    let widget: ReturnType<typeof mount> | undefined;
    act(() => {
      widget = mount(element);
    });
    await user.click(await screen.findByRole('button', { name: 'Start setup' }));
    await screen.findByRole('heading', { name: 'Scan the QR code, then enter the code' });
    act(() => widget!.unmount());
    expect(element).toBeEmptyDOMElement();
    expect(mockApi.fake.pendingEnrollment).not.toBeNull();
  });
});

describe('an element created before widget.js loaded', () => {
  it('keeps the messages the host set before the upgrade', async () => {
    const element = document.createElement('pi-enroll-widget-late');
    Object.assign(element, { messages: { start: { submit: 'Go' } } });
    customElements.define('pi-enroll-widget-late', class extends PiEnrollWidgetElement {});
    act(() => document.body.append(element));
    expect(await screen.findByRole('button', { name: 'Go' })).toBeInTheDocument();
  });
});
