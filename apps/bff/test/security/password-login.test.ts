import { MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import type { Problem } from '@pi-enroll/shared';
import { ApiClient } from '../support/api-client.js';
import { startStack, type StackOptions, type TestStack } from '../support/test-stack.js';

describe('standalone password sign-in', () => {
  const stacks: TestStack[] = [];
  const open = async (env: Record<string, string> = {}, options: StackOptions = {}) => {
    const stack = await startStack({ ...options, env: { PASSWORD_LOGIN: 'true', ...env } });
    stacks.push(stack);
    return stack;
  };
  afterEach(async () => {
    for (const stack of stacks.splice(0)) await stack.close();
  });
  const passwordOf = (stack: TestStack, username: string) => {
    const user = stack.sim.demoCredentials.users.find((candidate) => candidate.username === username);
    if (user === undefined) throw new Error(`no demo user ${username}`);
    return user.password;
  };
  const login = (client: ApiClient, body: { username: string; password: string; otp?: string }) => client.post<Problem>('/api/v1/session', body);

  /** Gives `username` a confirmed token through the BFF and returns a generator of its current codes. */
  const enrolledToken = async (stack: TestStack, username: string) => {
    const client = await stack.signedIn(username);
    const enrollment = (await client.startEnrollment()).body as unknown as { secret: string };
    const params = { secret: enrollment.secret, algorithm: 'SHA1', digits: 6, period: 30 } as const;
    expect((await client.verify(stack.codeFor(params))).status).toBe(200);
    return () => {
      // Each code works once: move to the next time step before asking for another.
      stack.clock.advance(30_000);
      return stack.codeFor(params);
    };
  };

  it('signs in a user without a token with the password alone; privacyIDEA keeps no JWT of theirs here', async () => {
    const stack = await open();
    expect((await new ApiClient(stack.baseUrl).get<{ identityModes: string[] }>('/api/v1/config')).body.identityModes).toContain('password');
    const carol = new ApiClient(stack.baseUrl);
    const response = await login(carol, { username: 'carol', password: passwordOf(stack, 'carol') });
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const session = await carol.get<{ user: { username: string } }>('/api/v1/session');
    expect(session.body.user.username).toBe('carol');
    expect((await carol.startEnrollment()).status).toBe(201);
  });

  it('enrolls a user who typed their name in another case (privacyIDEA matches names case-insensitively)', async () => {
    const stack = await open();
    const carol = new ApiClient(stack.baseUrl);
    expect((await login(carol, { username: 'CAROL', password: passwordOf(stack, 'carol') })).status).toBe(204);
    const started = await carol.startEnrollment();
    expect(started.status).toBe(201);
    expect((await carol.get('/api/v1/enrollment')).status).toBe(200);
    const { secret } = started.body as unknown as { secret: string };
    expect((await carol.verify(stack.codeFor({ secret, algorithm: 'SHA1', digits: 6, period: 30 }))).status).toBe(200);
    expect(stack.sim.tokensOf('carol')).toHaveLength(1);
  });

  it('gives one generic answer for a wrong password and an unknown user', async () => {
    const stack = await open();
    const wrongPassword = await login(new ApiClient(stack.baseUrl), { username: 'carol', password: 'not-her-password' });
    const unknownUser = await login(new ApiClient(stack.baseUrl), { username: 'nobody', password: 'whatever' });
    for (const response of [wrongPassword, unknownUser]) {
      expect(response.status).toBe(401);
      expect(response.headers.getSetCookie()).toEqual([]);
    }
    expect(wrongPassword.body).toEqual(unknownUser.body);
    expect(wrongPassword.body).toMatchObject({ code: 'invalid_credentials', detail: 'The username, password or code is not right.' });
  });

  it("answers a local admin's right password exactly like a wrong one: sign-in checks realm users only", async () => {
    // No PI_REALM: /auth is sent without realm, and privacyIDEA checks its local admins first.
    const stack = await open({ PI_REALM: '' });
    const admin = stack.sim.demoCredentials.admin;
    const wrong = await login(new ApiClient(stack.baseUrl), { username: admin.username, password: 'not-the-password' });
    const right = await login(new ApiClient(stack.baseUrl), { username: admin.username, password: admin.password });
    expect(right.status).toBe(401);
    expect(right.headers.getSetCookie()).toEqual([]);
    expect(right.body).toEqual(wrong.body);
    expect(right.body).toMatchObject({ code: 'invalid_credentials' });
    // A realm user still signs in without PI_REALM (privacyIDEA's default realm).
    expect((await login(new ApiClient(stack.baseUrl), { username: 'carol', password: passwordOf(stack, 'carol') })).status).toBe(204);
  });

  it('refuses an admin answer to /auth even when the realm was sent (privacyIDEA ignores it for local admins)', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const envelope = (result: unknown) => JSON.stringify({ id: 2, jsonrpc: '2.0', result });
    const jwt = `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify({ exp: 4_102_444_800 })).toString('base64url')}.sig`;
    // The answers recorded from privacyIDEA 3.12 (recorded-api-more.md §7): A1 for the admin, A3 for a realm user.
    agent
      .get('http://pi.test')
      .intercept({ path: '/auth', method: 'POST' })
      .reply(({ body }) => {
        const form = new URLSearchParams(typeof body === 'string' ? body : '');
        const username = form.get('username') ?? '';
        const value = ['carol', 'carl'].includes(username)
          ? { role: 'user', realm: 'example', username: 'carol', token: jwt }
          : { role: 'admin', realm: '', username, token: jwt };
        return { statusCode: 200, data: envelope({ status: true, authentication: 'ACCEPT', value }) };
      })
      .persist();
    agent
      .get('http://pi.test')
      .intercept({ path: (path) => path.startsWith('/token/?'), method: 'GET' })
      .reply(200, envelope({ status: true, value: { count: 0, current: 1, next: null, prev: null, tokens: [] } }))
      .persist();
    const stack = await open({ PI_URL: 'http://pi.test' }, { dispatcher: agent });
    const admin = await login(new ApiClient(stack.baseUrl), { username: 'admin', password: 'the-admin-password' });
    expect(admin.status).toBe(401);
    expect(admin.body).toMatchObject({ code: 'invalid_credentials', detail: 'The username, password or code is not right.' });
    // Nor is an answer for another user than the one typed.
    expect((await login(new ApiClient(stack.baseUrl), { username: 'carl', password: 'x' })).status).toBe(401);
    expect((await login(new ApiClient(stack.baseUrl), { username: 'carol', password: 'x' })).status).toBe(204);
    await agent.close();
  });

  it('asks a user who already has a token for a current code from it (step-up), refusing a missing or wrong one', async () => {
    const stack = await open({ ALLOW_ADDITIONAL_TOKENS: 'true' });
    const nextCode = await enrolledToken(stack, 'dave');
    const password = passwordOf(stack, 'dave');

    const withoutCode = await login(new ApiClient(stack.baseUrl), { username: 'dave', password });
    expect(withoutCode.status).toBe(401);
    expect(withoutCode.body).toMatchObject({ code: 'step_up_required' });
    expect(withoutCode.headers.getSetCookie()).toEqual([]);

    const wrongCode = await login(new ApiClient(stack.baseUrl), { username: 'dave', password, otp: '000000' });
    expect(wrongCode.status).toBe(401);
    expect(wrongCode.body).toMatchObject({ code: 'invalid_credentials', detail: 'The username, password or code is not right.' });

    // A wrong password with a right code gets the same generic answer, and privacyIDEA is not asked for the code.
    stack.sim.resetRequestCounts();
    const code = nextCode();
    expect((await login(new ApiClient(stack.baseUrl), { username: 'dave', password: 'wrong', otp: code })).body).toMatchObject({ code: 'invalid_credentials' });
    expect(stack.sim.requestCounts()['POST /validate/check'] ?? 0).toBe(0);

    const dave = new ApiClient(stack.baseUrl);
    expect((await login(dave, { username: 'dave', password, otp: code.replace(/^(\d{3})/, '$1 ') })).status).toBe(204);
    expect(stack.sim.requestCounts()['POST /validate/check']).toBe(1);
    expect((await dave.startEnrollment()).status).toBe(201);

    // The code is spent: the same code cannot open a second session.
    expect((await login(new ApiClient(stack.baseUrl), { username: 'dave', password, otp: code })).body).toMatchObject({ code: 'invalid_credentials' });
  });

  it('is refused when PASSWORD_LOGIN is off', async () => {
    const stack = await startStack();
    stacks.push(stack);
    const response = await login(new ApiClient(stack.baseUrl), { username: 'carol', password: passwordOf(stack, 'carol') });
    expect(response.status).toBe(400);
    expect((await new ApiClient(stack.baseUrl).get<{ identityModes: string[] }>('/api/v1/config')).body.identityModes).not.toContain('password');
  });

  it('rejects unknown fields in the sign-in body', async () => {
    const stack = await open();
    const response = await new ApiClient(stack.baseUrl).post<Problem>('/api/v1/session', { username: 'carol', password: 'x', realm: 'admin' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'invalid_request' });
  });

  it('bounds guessing per username (any spelling) with 429, Retry-After and retryAfterSeconds; privacyIDEA hears no more', async () => {
    const stack = await open({ RATE_LIMIT_LOGIN_PER_USER: '3', RATE_LIMIT_WINDOW_SECONDS: '120' });
    stack.sim.resetRequestCounts();
    const answers = [];
    for (const username of ['erin', 'ERIN', ' Erin ', 'erin']) answers.push(await login(new ApiClient(stack.baseUrl), { username, password: 'guess' }));
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401, 429]);
    const limited = answers[3];
    expect(limited?.body).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(limited?.body.retryAfterSeconds).toBeGreaterThan(100);
    expect(limited?.headers.get('retry-after')).toBe(String(limited?.body.retryAfterSeconds));
    expect(stack.sim.requestCounts()['POST /auth']).toBe(3);
    // Even the right password waits: the attacker cannot tell it apart.
    expect((await login(new ApiClient(stack.baseUrl), { username: 'erin', password: passwordOf(stack, 'erin') })).status).toBe(429);
    // Another user is not affected.
    expect((await login(new ApiClient(stack.baseUrl), { username: 'carol', password: passwordOf(stack, 'carol') })).status).toBe(204);
  });

  it('keeps counting a user however many throw-away user names are tried meanwhile (no eviction without Redis)', async () => {
    const stack = await open({ RATE_LIMIT_LOGIN_PER_ADDRESS: '10000', RATE_LIMIT_WINDOW_SECONDS: '600' });
    const attempt = (username: string) =>
      fetch(`${stack.baseUrl}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: stack.baseUrl },
        body: JSON.stringify({ username, password: 'guess' }),
      }).then(async (response) => {
        await response.arrayBuffer();
        return response.status;
      });
    const victim = [];
    for (let i = 0; i < 5; i += 1) victim.push(await attempt('erin'));
    expect(victim).toEqual([401, 401, 401, 401, 401]);
    // More names than the rate-limit library keeps in its LRU (5,000), a few in flight at a time.
    const names = Array.from({ length: 5200 }, (_, i) => `throwaway-${i}`);
    const workers = Array.from({ length: 8 }, async () => {
      for (let name = names.pop(); name !== undefined; name = names.pop()) await attempt(name);
    });
    await Promise.all(workers);
    stack.sim.resetRequestCounts();
    expect(await attempt('erin')).toBe(429);
    expect(stack.sim.requestCounts()['POST /auth'] ?? 0).toBe(0);
  }, 120_000);

  it('bounds sign-in attempts per client address across usernames', async () => {
    const stack = await open({ RATE_LIMIT_LOGIN_PER_ADDRESS: '4' });
    const statuses = [];
    for (const username of ['u1', 'u2', 'u3', 'u4', 'u5']) statuses.push((await login(new ApiClient(stack.baseUrl), { username, password: 'guess' })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    // Signed launch tokens cannot be guessed; colleagues behind the same NAT address still get in with them.
    expect((await stack.signedIn('alice').then((client) => client.get('/api/v1/session'))).status).toBe(200);
  });
});
