import { afterEach, describe, expect, it, vi } from 'vitest';
import { assertionToJson, base64UrlToBuffer, bufferToBase64Url, ceremonyFailureOf, registrationToJson, toCreationOptions, toRequestOptions } from './webauthn';

const bytes = (...values: number[]) => new Uint8Array(values).buffer;

afterEach(() => vi.unstubAllGlobals());

describe('WebAuthn’s binary fields and the contract’s base64url', () => {
  it('convert both ways, without padding and with the URL-safe alphabet', () => {
    expect(bufferToBase64Url(bytes(0xfb, 0xff, 0xbf))).toBe('-_-_');
    expect(bufferToBase64Url(bytes(1))).toBe('AQ');
    expect([...new Uint8Array(base64UrlToBuffer('-_-_'))]).toEqual([0xfb, 0xff, 0xbf]);
    const random = crypto.getRandomValues(new Uint8Array(33));
    expect(new Uint8Array(base64UrlToBuffer(bufferToBase64Url(random)))).toEqual(random);
  });

  it('turn the BFF’s options into the browser’s, where the browser has no JSON helper', () => {
    const options = toCreationOptions({
      rp: { id: 'example.com', name: 'Example' },
      user: { id: 'YWxpY2U', name: 'alice', displayName: 'Alice' },
      challenge: 'AQID',
      pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
      excludeCredentials: [{ id: 'BAU', type: 'public-key', transports: ['usb'] }],
    });
    expect(new TextDecoder().decode(options.user.id as ArrayBuffer)).toBe('alice');
    expect([...new Uint8Array(options.challenge as ArrayBuffer)]).toEqual([1, 2, 3]);
    expect([...new Uint8Array(options.excludeCredentials![0]!.id as ArrayBuffer)]).toEqual([4, 5]);
    const request = toRequestOptions({ challenge: 'AQID', rpId: 'example.com', allowCredentials: [{ id: 'BAU', type: 'public-key' }] });
    expect([...new Uint8Array(request.allowCredentials![0]!.id as ArrayBuffer)]).toEqual([4, 5]);
  });

  it('use the browser’s own JSON helper where it has one', () => {
    const parsed = { challenge: bytes(9) } as unknown as PublicKeyCredentialCreationOptions;
    const parseCreationOptionsFromJSON = vi.fn(() => parsed);
    vi.stubGlobal('PublicKeyCredential', Object.assign(function PublicKeyCredential() {}, { parseCreationOptionsFromJSON }));
    const json = { rp: { name: 'Example' }, user: { id: 'YQ', name: 'a', displayName: 'a' }, challenge: 'CQ', pubKeyCredParams: [] };
    expect(toCreationOptions(json)).toBe(parsed);
    expect(parseCreationOptionsFromJSON).toHaveBeenCalledWith(json);
  });

  it('turn a registration without toJSON() into RegistrationResponseJSON', () => {
    const credential = {
      id: 'AQI',
      rawId: bytes(1, 2),
      type: 'public-key',
      authenticatorAttachment: 'cross-platform',
      response: { clientDataJSON: bytes(3), attestationObject: bytes(4), getTransports: () => ['usb', 'nfc'] },
      getClientExtensionResults: () => ({ credProps: { rk: true } }),
    } as unknown as PublicKeyCredential;
    expect(registrationToJson(credential)).toEqual({
      id: 'AQI',
      rawId: 'AQI',
      type: 'public-key',
      response: { clientDataJSON: 'Aw', attestationObject: 'BA', transports: ['usb', 'nfc'] },
      clientExtensionResults: { credProps: { rk: true } },
      authenticatorAttachment: 'cross-platform',
    });
  });

  it('turn an assertion without toJSON() into AuthenticationResponseJSON', () => {
    const credential = {
      id: 'AQI',
      rawId: bytes(1, 2),
      type: 'public-key',
      authenticatorAttachment: null,
      response: { clientDataJSON: bytes(3), authenticatorData: bytes(4), signature: bytes(5), userHandle: bytes(6) },
      getClientExtensionResults: () => ({}),
    } as unknown as PublicKeyCredential;
    expect(assertionToJson(credential)).toEqual({
      id: 'AQI',
      rawId: 'AQI',
      type: 'public-key',
      response: { clientDataJSON: 'Aw', authenticatorData: 'BA', signature: 'BQ', userHandle: 'Bg' },
      clientExtensionResults: {},
    });
  });

  it('name why a ceremony failed', () => {
    expect(ceremonyFailureOf(new DOMException('', 'NotAllowedError'))).toBe('notAllowed');
    expect(ceremonyFailureOf(new DOMException('', 'AbortError'))).toBe('notAllowed');
    expect(ceremonyFailureOf(new DOMException('', 'InvalidStateError'))).toBe('alreadyRegistered');
    expect(ceremonyFailureOf(new DOMException('', 'SecurityError'))).toBe('failed');
    expect(ceremonyFailureOf('nonsense')).toBe('failed');
  });
});
