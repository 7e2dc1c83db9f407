import type { EmailEnrollment, Problem, RecoveryEnrollment, SignInMethodList } from '@pi-enroll/shared';
import { apiPaths } from '@pi-enroll/shared/api-paths';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockApi, MOCK_CORRECT_CODE, MOCK_EMAIL_CODE } from '../src/index.js';

let clock = Date.parse('2030-01-01T12:00:00Z');
const mockApi = createMockApi({ scenario: 'all-methods', now: () => clock });
const server = setupServer(...mockApi.handlers);
const origin = 'https://enroll.example.com';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  mockApi.reset();
  clock = Date.parse('2030-01-01T12:00:00Z');
});
afterAll(() => server.close());

async function call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${origin}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as T };
}

describe('the fake BFF with every method offered', () => {
  it('email: a masked address, a resend only after the cooldown, and the mailed code confirms', async () => {
    const started = await call<EmailEnrollment>('POST', apiPaths.enrollment, { type: 'email' });
    expect(started).toMatchObject({ status: 201, body: { type: 'email', address: 'a•••@example.org', resendAvailableAt: '2030-01-01T12:01:00.000Z' } });
    expect((await call<Problem>('POST', apiPaths.resendEnrollment, {})).body).toMatchObject({ status: 429, code: 'resend_too_soon', retryAfterSeconds: 60 });
    clock += 60_000;
    expect((await call<EmailEnrollment>('POST', apiPaths.resendEnrollment, {})).body).toMatchObject({ resendAvailableAt: '2030-01-01T12:02:00.000Z' });
    expect((await call<Problem>('POST', apiPaths.verifyEnrollment, { code: '000000' })).body).toMatchObject({ status: 422, code: 'invalid_code' });
    expect((await call('POST', apiPaths.verifyEnrollment, { code: MOCK_EMAIL_CODE })).status).toBe(200);
    const methods = await call<SignInMethodList>('GET', apiPaths.methods);
    expect(methods.body.methods).toMatchObject([{ tokenType: 'email', method: 'email' }]);
  });

  it('recovery codes: only after another method; the named code confirms; a new set replaces the old', async () => {
    expect((await call<Problem>('POST', apiPaths.enrollment, { type: 'recovery' })).body).toMatchObject({ status: 409, code: 'other_method_required' });
    expect((await call('POST', apiPaths.enrollment, { type: 'totp' })).status).toBe(201);
    expect((await call('POST', apiPaths.verifyEnrollment, { code: MOCK_CORRECT_CODE })).status).toBe(200);
    for (let round = 0; round < 2; round += 1) {
      const set = (await call<RecoveryEnrollment>('POST', apiPaths.enrollment, { type: 'recovery' })).body;
      expect(set.codes).toHaveLength(10);
      const wrong = set.codes.find((_, i) => i !== set.confirmCodeNumber - 1) ?? '';
      expect((await call<Problem>('POST', apiPaths.verifyEnrollment, { code: wrong })).body).toMatchObject({ status: 422, code: 'invalid_code' });
      expect((await call('POST', apiPaths.verifyEnrollment, { code: set.codes[set.confirmCodeNumber - 1] })).status).toBe(200);
    }
    const methods = (await call<SignInMethodList>('GET', apiPaths.methods)).body.methods.map((method) => method.method);
    expect(methods).toEqual(['totp', 'recovery']);
  });

  it('a mail that cannot be sent: 502 email_send_failed at start and at resend, nothing pending', async () => {
    mockApi.fake.switches.emailSendFails = true;
    expect((await call<Problem>('POST', apiPaths.enrollment, { type: 'email' })).body).toMatchObject({ status: 502, code: 'email_send_failed' });
    expect((await call('GET', apiPaths.enrollment)).status).toBe(404);
    mockApi.fake.switches.emailSendFails = false;
    await call('POST', apiPaths.enrollment, { type: 'email' });
    clock += 60_000;
    mockApi.fake.switches.emailSendFails = true;
    expect((await call<Problem>('POST', apiPaths.resendEnrollment, {})).body).toMatchObject({ status: 502, code: 'email_send_failed' });
    expect((await call('GET', apiPaths.enrollment)).status).toBe(404);
  });

  it('resend for an authenticator app is resend_not_supported; passkey is refused where the config does not offer it', async () => {
    await call('POST', apiPaths.enrollment, { type: 'totp' });
    expect((await call<Problem>('POST', apiPaths.resendEnrollment, {})).body).toMatchObject({ status: 409, code: 'resend_not_supported' });
    expect((await call<Problem>('POST', apiPaths.enrollment, { type: 'passkey' })).body).toMatchObject({ status: 400, code: 'method_not_offered' });
  });
});
