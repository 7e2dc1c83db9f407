import { apiPaths } from '@pi-enroll/shared/api-paths';
import { screen, waitFor } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockApi, server } from '../../../testing/mocks/server';
import { renderWidget } from '../../../testing/render-widget';
import { bufferToBase64Url } from '../api/webauthn';

// A browser's WebAuthn, stubbed: a PublicKeyCredential class and navigator.credentials. The stub answers like an
// authenticator would, with clientDataJSON naming the challenge it was given, so the fake BFF can check that the
// widget handed the BFF's options over (converted from base64url) and sent back what the browser answered.
class FakePublicKeyCredential {
  readonly type = 'public-key';
  constructor(
    readonly id: string,
    private readonly json: unknown,
  ) {}
  toJSON() {
    return this.json;
  }
  getClientExtensionResults() {
    return {};
  }
}

const text = (value: string) => bufferToBase64Url(new TextEncoder().encode(value));
const clientData = (type: string, challenge: BufferSource) =>
  text(JSON.stringify({ type, challenge: bufferToBase64Url(challenge), origin: 'http://localhost' }));

const create = vi.fn<(options: CredentialCreationOptions) => Promise<unknown>>();
const get = vi.fn<(options: CredentialRequestOptions) => Promise<unknown>>();

function registers(id = 'bmV3LWtleQ') {
  create.mockImplementation(async ({ publicKey }) => {
    const json = {
      id,
      rawId: id,
      type: 'public-key',
      response: { clientDataJSON: clientData('webauthn.create', publicKey!.challenge), attestationObject: text('none') },
      clientExtensionResults: {},
    };
    return new FakePublicKeyCredential(id, json);
  });
}

function signsIn(id = 'bmV3LWtleQ') {
  get.mockImplementation(async ({ publicKey }) => {
    const json = {
      id,
      rawId: id,
      type: 'public-key',
      response: { clientDataJSON: clientData('webauthn.get', publicKey!.challenge), authenticatorData: text('a'), signature: text('s') },
      clientExtensionResults: {},
    };
    return new FakePublicKeyCredential(id, json);
  });
}

beforeEach(() => {
  vi.stubGlobal('PublicKeyCredential', FakePublicKeyCredential);
  Object.defineProperty(navigator, 'credentials', { configurable: true, value: { create, get } });
  mockApi.reset({ scenario: 'passkeys' });
});
afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'credentials');
  create.mockReset();
  get.mockReset();
});

async function choosePasskey(user: UserEvent) {
  await screen.findByRole('heading', { name: 'Set up a sign-in method' });
  await user.click(screen.getByRole('radio', { name: /Security key or passkey/ }));
  await user.click(screen.getByRole('button', { name: 'Start setup' }));
  return screen.findByRole('heading', { name: 'Add a security key or passkey' });
}

/** Counts the requests for one route, to prove something was (or was not) sent. */
function countRequests(method: string, path: string): { readonly count: number } {
  const counter = { count: 0 };
  server.events.on('request:start', ({ request }) => {
    if (request.method === method && new URL(request.url).pathname === path) counter.count += 1;
  });
  return counter;
}

describe('security keys and passkeys', () => {
  it('are not offered by a browser without WebAuthn', async () => {
    vi.unstubAllGlobals();
    vi.stubGlobal('PublicKeyCredential', undefined);
    renderWidget();
    await screen.findByRole('heading', { name: 'Set up a sign-in method' });
    expect(screen.getByRole('radio', { name: /Authenticator app/ })).toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: /Security key/ })).not.toBeInTheDocument();
  });

  it('explain first, then the browser registers with the BFF’s options, and the key is added; "Try it now" works', async () => {
    registers();
    signsIn();
    const { user } = renderWidget();
    expect(await choosePasskey(user)).toHaveFocus();
    expect(create).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('heading', { name: 'Your security key or passkey is ready' })).toBeInTheDocument();
    const { publicKey } = create.mock.calls[0]![0];
    expect(publicKey?.rp).toEqual({ id: 'localhost', name: 'Example Corp' });
    expect(new TextDecoder().decode(publicKey?.user.id as ArrayBuffer)).toBe('alice');
    expect(mockApi.fake.tokenList).toMatchObject([{ type: 'passkey' }]);

    await user.click(await screen.findByRole('button', { name: 'Try it now' }));
    expect(await screen.findByText('It works: the sign-in server accepted your new security key or passkey.')).toHaveRole('status');
    // The browser was asked for the new key only.
    const allowed = get.mock.calls[0]![0].publicKey?.allowCredentials?.map((credential) => bufferToBase64Url(credential.id));
    expect(allowed).toEqual(['bmV3LWtleQ']);
  });

  it('a prompt the user closed removes the pending token at once, says so, and can be tried again', async () => {
    create.mockRejectedValueOnce(new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError'));
    const deletes = countRequests('DELETE', apiPaths.enrollment);
    const { user } = renderWidget();
    await choosePasskey(user);
    expect(mockApi.fake.getSession()?.pending?.type).toBe('passkey');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    expect(await screen.findByRole('heading', { name: 'The security key was not added' })).toHaveFocus();
    expect(screen.getByText('The browser’s prompt was closed or timed out. Nothing was added to your account.')).toBeInTheDocument();
    expect(deletes.count).toBe(1);
    expect(mockApi.fake.getSession()?.pending).toBeNull();
    // Nobody was asked "Cancel the setup?".
    expect(screen.queryByRole('heading', { name: 'Cancel the setup?' })).not.toBeInTheDocument();

    registers();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Add a security key or passkey' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('heading', { name: 'Your security key or passkey is ready' })).toBeInTheDocument();
  });

  it('an aborted prompt is treated like a closed one', async () => {
    create.mockRejectedValueOnce(new DOMException('Aborted', 'AbortError'));
    const { user } = renderWidget();
    await choosePasskey(user);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText(/closed or timed out/)).toBeInTheDocument();
    expect(mockApi.fake.getSession()?.pending).toBeNull();
  });

  it('a key that is registered already is named as such, and the other way on is another method', async () => {
    create.mockRejectedValueOnce(new DOMException('Already registered', 'InvalidStateError'));
    const { user } = renderWidget();
    await choosePasskey(user);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText(/already registered for your account/)).toBeInTheDocument();
    expect(mockApi.fake.getSession()?.pending).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Choose another method' }));
    expect(await screen.findByRole('heading', { name: 'Set up a sign-in method' })).toBeInTheDocument();
  });

  it('says when removing the unfinished token failed too', async () => {
    create.mockRejectedValueOnce(new DOMException('Not allowed', 'NotAllowedError'));
    const { user } = renderWidget();
    await choosePasskey(user);
    mockApi.fake.switches.upstreamDown = true;
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText(/will be removed automatically in a few minutes/)).toBeInTheDocument();
  });

  it('a registration the server refuses can be tried again from the same screen', async () => {
    registers();
    mockApi.fake.switches.acceptCorrectCode = false;
    const { user } = renderWidget();
    await choosePasskey(user);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The sign-in server did not accept this security key.');
    mockApi.fake.switches.acceptCorrectCode = true;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Your security key or passkey is ready' })).toBeInTheDocument();
    expect(create).toHaveBeenCalledTimes(2);
  });

  it('"Try it now" says when another key answered, or the prompt was closed', async () => {
    registers();
    const { user } = renderWidget();
    await choosePasskey(user);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { name: 'Your security key or passkey is ready' });

    signsIn('b3RoZXIta2V5');
    await user.click(screen.getByRole('button', { name: 'Try it now' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Another of your security keys answered.');

    get.mockRejectedValueOnce(new DOMException('Not allowed', 'NotAllowedError'));
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('The browser’s prompt was closed. You can try again.'));
  });
});
