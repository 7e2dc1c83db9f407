import type { EnrollmentConfirmed, PasskeyEnrollment, Problem, SignInMethodList } from '@pi-enroll/shared';
import type { PasskeyTryChallenge, PasskeyTryResult } from '@pi-enroll/shared/methods/passkey-try';
import { apiPaths, methodPath } from '@pi-enroll/shared/api-paths';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockApi, MOCK_RP_ID } from '../src/index.js';

const mockApi = createMockApi({ scenario: 'passkeys' });
const server = setupServer(...mockApi.handlers);
const origin = 'https://enroll.example.com';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => mockApi.reset());
afterAll(() => server.close());

async function call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${origin}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as T };
}

const b64url = (text: string) => Buffer.from(text).toString('base64url');
const clientData = (type: string, challenge: string) => b64url(JSON.stringify({ type, challenge, origin: 'http://localhost' }));

/** What a browser's RegistrationResponseJSON looks like, with a clientDataJSON of our choosing. */
const registration = (id: string, type: string, challenge: string) => ({
  id,
  rawId: id,
  type: 'public-key',
  response: { clientDataJSON: clientData(type, challenge), attestationObject: b64url('attestation') },
  clientExtensionResults: {},
});
const assertion = (id: string, type: string, challenge: string) => ({
  id,
  rawId: id,
  type: 'public-key',
  response: { clientDataJSON: clientData(type, challenge), authenticatorData: b64url('auth'), signature: b64url('sig') },
  clientExtensionResults: {},
});

describe('the fake BFF’s security keys and passkeys', () => {
  it('registers only an answer bound to its own challenge, then "Try it now" knows the key', async () => {
    const started = await call<PasskeyEnrollment>('POST', apiPaths.enrollment, { type: 'passkey', description: 'YubiKey' });
    expect(started).toMatchObject({ status: 201, body: { type: 'passkey', registrationOptions: { rp: { id: MOCK_RP_ID } } } });
    const { challenge } = started.body.registrationOptions;

    const wrongChallenge = await call<Problem>('POST', apiPaths.verifyEnrollment, { credential: registration('cred-1', 'webauthn.create', 'other') });
    expect(wrongChallenge.body).toMatchObject({ status: 422, code: 'invalid_code', attemptsLeft: 2 });
    const aLogin = await call<Problem>('POST', apiPaths.verifyEnrollment, { credential: registration('cred-1', 'webauthn.get', challenge) });
    expect(aLogin.body).toMatchObject({ code: 'invalid_code', attemptsLeft: 1 });
    const noCredential = await call<Problem>('POST', apiPaths.verifyEnrollment, { code: '123456' });
    expect(noCredential.body).toMatchObject({ status: 400, code: 'invalid_request' });

    const confirmed = await call<EnrollmentConfirmed>('POST', apiPaths.verifyEnrollment, { credential: registration('cred-1', 'webauthn.create', challenge) });
    expect(confirmed.body).toMatchObject({ status: 'enrolled', description: 'YubiKey' });
    const { serial } = confirmed.body;
    expect((await call<SignInMethodList>('GET', apiPaths.methods)).body.methods).toMatchObject([{ serial, tokenType: 'passkey', method: 'passkey' }]);

    const tryPath = `${methodPath(serial)}/try`;
    const first = (await call<PasskeyTryChallenge>('POST', tryPath, {})).body;
    expect(first.options).toMatchObject({ rpId: MOCK_RP_ID, allowCredentials: [{ id: 'cred-1', type: 'public-key' }] });
    const ok = await call<PasskeyTryResult>('POST', tryPath, { transactionId: first.transactionId, credential: assertion('cred-1', 'webauthn.get', first.options.challenge) });
    expect(ok.body).toEqual({ result: 'ok' });
    // A transaction answers once.
    const again = await call<PasskeyTryResult>('POST', tryPath, { transactionId: first.transactionId, credential: assertion('cred-1', 'webauthn.get', first.options.challenge) });
    expect(again.body).toEqual({ result: 'failed', reason: 'rejected' });

    const second = (await call<PasskeyTryChallenge>('POST', tryPath, {})).body;
    const otherKey = await call<PasskeyTryResult>('POST', tryPath, { transactionId: second.transactionId, credential: assertion('cred-2', 'webauthn.get', second.options.challenge) });
    expect(otherKey.body).toEqual({ result: 'failed', reason: 'other_key' });
  });

  it('excludes the user’s keys from a second registration, and a cancel leaves nothing', async () => {
    const { challenge } = (await call<PasskeyEnrollment>('POST', apiPaths.enrollment, { type: 'passkey' })).body.registrationOptions;
    await call('POST', apiPaths.verifyEnrollment, { credential: registration('cred-1', 'webauthn.create', challenge) });
    mockApi.fake.switches.allowAdditionalTokens = true;
    const second = await call<PasskeyEnrollment>('POST', apiPaths.enrollment, { type: 'passkey' });
    expect(second.body.registrationOptions.excludeCredentials).toEqual([{ id: 'cred-1', type: 'public-key' }]);
    expect((await call('DELETE', apiPaths.enrollment)).status).toBe(204);
    expect((await call('GET', apiPaths.enrollment)).status).toBe(404);
  });

  it('"Try it now" is only for one of the user’s passkeys', async () => {
    expect((await call<Problem>('POST', `${methodPath('PIPK99999999')}/try`, {})).body).toMatchObject({ status: 404, code: 'not_found' });
  });
});
