import type { Problem, SignInMethod, SignInMethodList, StepUpState } from '@pi-enroll/shared';
import { apiPaths, methodPath } from '@pi-enroll/shared/api-paths';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMockApi, MOCK_CORRECT_CODE, MOCK_STEP_UP_SECONDS, type MockApiOptions } from '../src/index.js';

let clock = Date.parse('2030-01-01T12:00:00Z');
const mockApi = createMockApi({ now: () => clock });
const server = setupServer(...mockApi.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  mockApi.reset();
  clock = Date.parse('2030-01-01T12:00:00Z');
});
afterAll(() => server.close());

function use(options: MockApiOptions) {
  mockApi.reset({ now: () => clock, ...options });
}

function call(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`https://enroll.example.com${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
}

async function list(): Promise<SignInMethodList> {
  const response = await call('GET', apiPaths.methods);
  expect(response.status).toBe(200);
  return (await response.json()) as SignInMethodList;
}

async function problem(response: Response, status: number): Promise<Problem> {
  expect(response.status).toBe(status);
  return (await response.json()) as Problem;
}

describe('the sign-in methods of the fake BFF', () => {
  it('lists nothing, and offers to add, for a user without a method', async () => {
    const { methods, canAdd, canRemoveLast, stepUp } = await list();
    expect({ methods, canAdd, canRemoveLast, stepUpMethods: stepUp.methods }).toEqual({ methods: [], canAdd: true, canRemoveLast: true, stepUpMethods: [] });
  });

  it('lists the tokens with their dates, a type it does not manage as read-only', async () => {
    use({ scenario: 'read-only-method' });
    const { methods, canAdd } = await list();
    expect(canAdd).toBe(false);
    expect(methods).toEqual([
      expect.objectContaining({ serial: 'TOTP00000001', method: 'totp', description: 'Old phone', manageable: true, lastUsedAt: '2025-06-02T07:45:00.000Z' }),
      expect.objectContaining({ serial: 'WAN00000001', tokenType: 'webauthn', method: null, manageable: false, lastUsedAt: null }),
    ]);
  });

  it('renames a method, trimmed; an unknown or read-only serial is 404', async () => {
    use({ scenario: 'read-only-method' });
    const renamed = await call('PATCH', methodPath('TOTP00000001'), { description: '  Work phone ' });
    expect(((await renamed.json()) as SignInMethod).description).toBe('Work phone');
    expect((await list()).methods[0]!.description).toBe('Work phone');
    expect((await problem(await call('PATCH', methodPath('WAN00000001'), { description: 'Key' }), 404)).code).toBe('not_found');
    expect((await problem(await call('PATCH', methodPath('NOPE'), { description: 'x' }), 404)).code).toBe('not_found');
    expect((await problem(await call('PATCH', methodPath('TOTP00000001'), { description: '' }), 400)).code).toBe('invalid_request');
  });

  it('removes a method right after the sign-in (fresh), 204', async () => {
    use({ scenario: 'methods' });
    expect((await call('DELETE', methodPath('TOTP00000002'))).status).toBe(204);
    expect((await list()).methods.map((method) => method.serial)).toEqual(['TOTP00000001']);
  });

  it('asks for a step-up (403 with the serials) once the sign-in is no longer fresh, then removes', async () => {
    use({ scenario: 'methods' });
    clock += (MOCK_STEP_UP_SECONDS + 1) * 1000;
    expect((await list()).stepUp).toEqual({ freshUntil: null, methods: ['TOTP00000001', 'TOTP00000002'] });
    const refused = await problem(await call('DELETE', methodPath('TOTP00000002')), 403);
    expect(refused).toMatchObject({ code: 'step_up_required', stepUpMethods: ['TOTP00000001', 'TOTP00000002'] });

    expect((await problem(await call('POST', apiPaths.stepUp, { code: '000000' }), 401)).code).toBe('invalid_credentials');
    const stepUp = await call('POST', apiPaths.stepUp, { code: MOCK_CORRECT_CODE });
    expect(((await stepUp.json()) as StepUpState).freshUntil).toBe(new Date(clock + MOCK_STEP_UP_SECONDS * 1000).toISOString());
    expect((await call('DELETE', methodPath('TOTP00000002'))).status).toBe(204);
  });

  it('refuses the last method with 409 last_method when that is not allowed, before any step-up', async () => {
    use({ scenario: 'last-method-refused', switches: { stepUpFresh: false } });
    expect((await list()).canRemoveLast).toBe(false);
    expect((await problem(await call('DELETE', methodPath('TOTP00000001')), 409)).code).toBe('last_method');
    expect((await problem(await call('DELETE', methodPath('WAN00000001')), 404)).code).toBe('not_found');
  });

  it('replaces a method: the old one goes once the new one is confirmed, even without additional tokens', async () => {
    use({ scenario: 'already-enrolled' });
    const started = await call('POST', apiPaths.enrollment, { type: 'totp', replaces: 'TOTP00000001' });
    expect(started.status).toBe(201);
    expect((await list()).methods).toHaveLength(1);
    const confirmed = await call('POST', apiPaths.verifyEnrollment, { code: MOCK_CORRECT_CODE });
    expect(confirmed.status).toBe(200);
    expect((await list()).methods.map((method) => method.serial)).toEqual(['TOTP00000002']);
  });

  it('refuses a replacement without a fresh step-up (403) and of an unknown serial (404)', async () => {
    use({ scenario: 'step-up-required' });
    expect((await problem(await call('POST', apiPaths.enrollment, { replaces: 'TOTP00000001' }), 403)).code).toBe('step_up_required');
    expect((await problem(await call('POST', apiPaths.enrollment, { replaces: 'NOPE' }), 404)).code).toBe('not_found');
  });
});
