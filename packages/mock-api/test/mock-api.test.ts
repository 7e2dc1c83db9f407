import type { TotpEnrollment, Problem, Session } from '@pi-enroll/shared';
import { apiPaths } from '@pi-enroll/shared/api-paths';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ContractViolation, createMockApi, MOCK_CORRECT_CODE, MOCK_LAUNCH_TOKEN, MOCK_PASSWORD, totp } from '../src/index.js';

let clock = Date.parse('2030-01-01T12:00:00Z');
const mockApi = createMockApi({ now: () => clock });
const server = setupServer(...mockApi.handlers);
const origin = 'https://enroll.example.com';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  vi.restoreAllMocks();
  mockApi.reset();
  clock = Date.parse('2030-01-01T12:00:00Z');
});
afterAll(() => server.close());

function call(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${origin}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
}

async function problemOf(response: Response): Promise<Problem> {
  expect(response.headers.get('Content-Type')).toBe('application/problem+json');
  return (await response.json()) as Problem;
}

async function start(): Promise<TotpEnrollment> {
  const response = await call('POST', apiPaths.enrollment, { type: 'totp', description: 'Work phone' });
  expect(response.status).toBe(201);
  return (await response.json()) as TotpEnrollment;
}

describe('the fake BFF', () => {
  it('creates an enrollment with a real base32 secret and otpauth URI, and answers the same one again', async () => {
    const enrollment = await start();
    expect(enrollment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrollment.otpauthUri).toBe(
      `otpauth://totp/Example%20Corp:alice?secret=${enrollment.secret}&issuer=Example%20Corp&digits=6&period=30`,
    );
    expect(enrollment).toMatchObject({
      status: 'pending',
      accountName: 'alice',
      attemptsLeft: 3,
      expiresAt: '2030-01-01T12:10:00.000Z',
    });

    const again = await call('POST', apiPaths.enrollment, {});
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(enrollment);
  });

  it('confirms with the code a real authenticator app would show, and lists the new token', async () => {
    const enrollment = await start();
    const code = await totp(enrollment.secret, enrollment, clock);
    const response = await call('POST', apiPaths.verifyEnrollment, { code: `${code.slice(0, 3)} ${code.slice(3)}` });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'enrolled', serial: 'TOTP00000001', description: 'Work phone' });

    const session = (await (await call('GET', apiPaths.session)).json()) as Session;
    expect(session.tokens).toEqual([{ serial: 'TOTP00000001', type: 'totp', description: 'Work phone', active: true }]);
    expect(session.pending).toBeNull();
  });

  it('counts wrong codes down, then removes the enrollment', async () => {
    await start();
    const first = await call('POST', apiPaths.verifyEnrollment, { code: '000000' });
    expect(first.status).toBe(422);
    expect(await problemOf(first)).toMatchObject({ code: 'invalid_code', attemptsLeft: 2 });
    await call('POST', apiPaths.verifyEnrollment, { code: '000000' });
    const last = await call('POST', apiPaths.verifyEnrollment, { code: '000000' });
    expect(last.status).toBe(409);
    expect(await problemOf(last)).toMatchObject({ code: 'attempts_exhausted' });
    expect((await call('GET', apiPaths.enrollment)).status).toBe(404);
  });

  it('answers 410 once the enrollment expired, and forgets it', async () => {
    await start();
    clock += 600_000;
    const response = await call('POST', apiPaths.verifyEnrollment, { code: MOCK_CORRECT_CODE });
    expect(response.status).toBe(410);
    expect(await problemOf(response)).toMatchObject({ code: 'enrollment_expired' });
    expect((await call('POST', apiPaths.verifyEnrollment, { code: MOCK_CORRECT_CODE })).status).toBe(404);
  });

  it('cancels idempotently', async () => {
    await start();
    expect((await call('DELETE', apiPaths.enrollment)).status).toBe(204);
    expect((await call('DELETE', apiPaths.enrollment)).status).toBe(204);
    expect((await call('GET', apiPaths.enrollment)).status).toBe(404);
  });

  it('names the device itself when the user did not, as the BFF does', async () => {
    await call('POST', apiPaths.enrollment, { type: 'totp' });
    const response = await call('POST', apiPaths.verifyEnrollment, { code: MOCK_CORRECT_CODE });
    expect(await response.json()).toMatchObject({ description: 'Authenticator app (TOTP), added 2030-01-01' });
  });

  it('refuses a body its route schema does not allow, naming the field, as the BFF does', async () => {
    const response = await call('POST', apiPaths.enrollment, { type: 'totp', colour: 'blue' });
    expect(await problemOf(response)).toMatchObject({ status: 400, code: 'invalid_request' });
    const tooLong = await call('POST', apiPaths.enrollment, { description: 'x'.repeat(81) });
    expect(await problemOf(tooLong)).toMatchObject({ code: 'invalid_request', errors: [{ field: '/description' }] });
    expect(mockApi.fake.pendingEnrollment).toBeNull();
  });

  it('fails loudly instead of answering what the BFF never would', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    mockApi.reset({ config: { maxAttempts: 0 } });
    const response = await call('GET', apiPaths.config);
    expect(response.status).toBe(500);
    const problem = await problemOf(response);
    expect(problem.code).toBe('internal_error');
    expect(problem.detail).toMatch(/^GET \/config: the answer breaks its schema: .*\/maxAttempts/);
    expect(consoleError).toHaveBeenCalledWith(expect.any(ContractViolation));
  });

  it('refuses a malformed code with the field named', async () => {
    await start();
    const response = await call('POST', apiPaths.verifyEnrollment, { code: '12ab' });
    expect(await problemOf(response)).toMatchObject({ status: 400, code: 'invalid_request', errors: [{ field: '/code' }] });
  });
});

describe('signing in', () => {
  it('accepts only the mock launch token', async () => {
    mockApi.reset({ scenario: 'launch-token' });
    // Nobody signed in yet: 204, as the BFF answers a first visit.
    expect((await call('GET', apiPaths.session)).status).toBe(204);
    expect(await problemOf(await call('POST', apiPaths.session, { launchToken: 'forged' }))).toMatchObject({
      code: 'launch_token_invalid',
    });
    expect((await call('POST', apiPaths.session, { launchToken: MOCK_LAUNCH_TOKEN })).status).toBe(204);
    expect(await (await call('GET', apiPaths.session)).json()).toEqual({
      user: { username: 'alice', realm: 'employees' },
      tokens: [],
      pending: null,
    });
  });

  it('asks for a code from the existing token when step-up is on', async () => {
    mockApi.reset({ scenario: 'step-up' });
    const credentials = { username: 'bob', password: MOCK_PASSWORD };
    expect(await problemOf(await call('POST', apiPaths.session, credentials))).toMatchObject({ code: 'step_up_required' });
    expect(await problemOf(await call('POST', apiPaths.session, { ...credentials, otp: '999999' }))).toMatchObject({
      code: 'invalid_credentials',
    });
    expect((await call('POST', apiPaths.session, { ...credentials, otp: MOCK_CORRECT_CODE })).status).toBe(204);
  });

  it('signs in demo users only in demo mode', async () => {
    expect((await call('POST', apiPaths.session, { username: 'alice' })).status).toBe(400);
    mockApi.reset({ scenario: 'demo' });
    expect((await call('POST', apiPaths.session, { username: 'mallory' })).status).toBe(400);
    expect((await call('POST', apiPaths.session, { username: 'bob' })).status).toBe(204);
  });
});

describe('scenario switches', () => {
  it('reports privacyIDEA down with Retry-After, but still serves the config', async () => {
    mockApi.reset({ scenario: 'upstream-down' });
    const response = await call('GET', apiPaths.session);
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).toBe('10');
    expect((await call('GET', apiPaths.config)).status).toBe(200);
  });

  it('rate-limits writes', async () => {
    mockApi.reset({ scenario: 'rate-limited' });
    expect(await problemOf(await call('POST', apiPaths.enrollment, {}))).toMatchObject({
      code: 'rate_limited',
      retryAfterSeconds: 30,
    });
  });

  it('fails at the network level when offline', async () => {
    mockApi.reset({ scenario: 'offline' });
    await expect(call('GET', apiPaths.config)).rejects.toThrow(TypeError);
  });

  it('refuses a second token when the user is already enrolled', async () => {
    mockApi.reset({ scenario: 'already-enrolled' });
    expect(await problemOf(await call('POST', apiPaths.enrollment, {}))).toMatchObject({ code: 'already_enrolled' });
  });

  it('lets a user with a token add another one where the BFF allows it (step-up)', async () => {
    mockApi.reset({ scenario: 'step-up' });
    await call('POST', apiPaths.session, { username: 'bob', password: MOCK_PASSWORD, otp: MOCK_CORRECT_CODE });
    expect(mockApi.fake.tokenList).toHaveLength(1);
    expect((await call('POST', apiPaths.enrollment, {})).status).toBe(201);
  });

  it('starts with a pending enrollment to resume', async () => {
    mockApi.reset({ scenario: 'resume' });
    const session = (await (await call('GET', apiPaths.session)).json()) as Session;
    expect(session.pending?.status).toBe('pending');
  });

  it('can be flipped mid-test', async () => {
    mockApi.fake.switches.upstreamDown = true;
    expect((await call('GET', apiPaths.session)).status).toBe(503);
    mockApi.fake.switches.upstreamDown = false;
    expect((await call('GET', apiPaths.session)).status).toBe(200);
  });
});
