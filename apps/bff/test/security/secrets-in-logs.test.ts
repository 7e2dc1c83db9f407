import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type ApiResponse } from '../support/api-client.js';
import { startStack, type TestStack } from '../support/test-stack.js';

describe('secrets over a whole password sign-in flow', () => {
  let stack: TestStack;
  const responses: { step: string; response: ApiResponse }[] = [];
  const forbidden: string[] = [];
  let adminJwt = '';

  beforeAll(async () => {
    stack = await startStack({ env: { LOG_LEVEL: 'trace', PASSWORD_LOGIN: 'true', ALLOW_ADDITIONAL_TOKENS: 'true' } });
    const record = (step: string, response: ApiResponse) => {
      responses.push({ step, response });
      return response;
    };
    const password = stack.sim.demoCredentials.users.find((user) => user.username === 'alice')?.password ?? '';
    forbidden.push(password, 'wrong-password-Zq9');

    const alice = new ApiClient(stack.baseUrl);
    record('wrong password', await alice.post('/api/v1/session', { username: 'alice', password: 'wrong-password-Zq9' }));
    record('sign in', await alice.post('/api/v1/session', { username: 'alice', password }));
    record('session', await alice.get('/api/v1/session'));
    const started = record('start', await alice.startEnrollment('phone'));
    const secret = (started.body as { secret: string }).secret;
    const params = { secret, algorithm: 'SHA1', digits: 6, period: 30 } as const;
    forbidden.push(secret);
    const confirmingCode = stack.codeFor(params);
    forbidden.push(confirmingCode);
    record('confirm', await alice.verify(confirmingCode));
    record('sign out', await alice.delete('/api/v1/session'));

    // Now alice has a token: signing in again needs a code from it (step-up).
    stack.clock.advance(30_000);
    const stepUpCode = stack.codeFor(params);
    forbidden.push(stepUpCode);
    const again = new ApiClient(stack.baseUrl);
    record('sign in without code', await again.post('/api/v1/session', { username: 'alice', password }));
    record('sign in with a wrong code', await again.post('/api/v1/session', { username: 'alice', password, otp: '000017' }));
    forbidden.push('000017');
    record('sign in with code', await again.post('/api/v1/session', { username: 'alice', password, otp: stepUpCode }));
    record('second start', await again.startEnrollment('tablet'));
    record('config', await again.get('/api/v1/config'));

    // An admin JWT like the one the BFF holds, to prove the JWT pattern searched for below would catch it.
    const auth = await fetch(`${stack.sim.url}/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(stack.sim.demoCredentials.admin),
    });
    adminJwt = ((await auth.json()) as { result: { value: { token: string } } }).result.value.token;
  });
  afterAll(async () => {
    await stack.close();
  });

  it('answers every step as expected (the flow really ran)', () => {
    expect(responses.map(({ step, response }) => `${step}: ${response.status}`)).toEqual([
      'wrong password: 401',
      'sign in: 204',
      'session: 200',
      'start: 201',
      'confirm: 200',
      'sign out: 204',
      'sign in without code: 401',
      'sign in with a wrong code: 401',
      'sign in with code: 204',
      'second start: 201',
      'config: 200',
    ]);
  });

  it('never answers with a password, the admin credentials or any JWT', () => {
    expect(adminJwt).toMatch(/eyJ[\w-]+\.eyJ[\w-]+\./);
    for (const { step, response } of responses) {
      const everything = `${[...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n')}\n${response.text}`;
      expect(everything, step).not.toContain(stack.sim.demoCredentials.admin.password);
      expect(everything, step).not.toContain(forbidden[0]);
      expect(everything, step).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\./);
    }
  });

  it('writes no password, code, secret, JWT, cookie or otpauth URI to the log, even at trace level', () => {
    const log = stack.logLines.join('\n');
    expect(log).toContain('"signed in"');
    expect(log).toContain('"sign-in failed"');
    for (const value of [...forbidden, stack.sim.demoCredentials.admin.password]) {
      // As a whole word: a six-digit code may well occur inside a timestamp or a duration by chance.
      expect(log).not.toMatch(new RegExp(`(?<![\\w.])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\w)`));
    }
    expect(log).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\./);
    expect(log).not.toMatch(/pi_enroll_session=/);
    expect(log).not.toMatch(/otpauth:\/\//);
  });

  it('keeps a launch token sent in a URL query out of the log', async () => {
    const token = await stack.launchToken('bob');
    await fetch(`${stack.baseUrl}/?launchToken=${token}`);
    await fetch(`${stack.baseUrl}/api/v1/config?lt=${token}`);
    expect(stack.logLines.join('\n')).not.toContain(token);
    expect(stack.logLines.some((line) => line.includes('"url":"/api/v1/config?[redacted]"'))).toBe(true);
  });
});
