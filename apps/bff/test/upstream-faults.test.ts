import { MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from './support/test-stack.js';

describe('upstream faults give a clear problem and leave no orphan', () => {
  const stacks: TestStack[] = [];
  const open = async (options: Parameters<typeof startStack>[0]) => {
    const stack = await startStack(options);
    stacks.push(stack);
    return stack;
  };
  afterEach(async () => {
    for (const stack of stacks.splice(0)) await stack.close();
  });

  it('maps a privacyIDEA 500 at init to upstream_error, and nothing stays behind', async () => {
    const stack = await open({});
    const bob = await stack.signedIn('bob');
    stack.sim.injectFault({ endpoint: 'POST /token/init', fault: { kind: 'error500' }, times: 1 });
    const response = await bob.startEnrollment();
    expect(response.status).toBe(502);
    expect(response.body).toMatchObject({ code: 'upstream_error' });
    expect(JSON.stringify(response.body)).not.toMatch(/500 Internal Server Error|privacyIDEA \//);
    expect(stack.sim.tokensOf('bob')).toEqual([]);
    expect((await bob.startEnrollment()).status).toBe(201);
  });

  it('maps a hanging privacyIDEA to 503 upstream_unavailable with Retry-After', async () => {
    const stack = await open({ env: { PI_TIMEOUT_MS: '300' } });
    const bob = await stack.signedIn('bob');
    stack.sim.injectFault({ endpoint: 'POST /token/init', fault: { kind: 'hang' }, times: 1 });
    const response = await bob.startEnrollment();
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(response.body).toMatchObject({ code: 'upstream_unavailable', retryAfterSeconds: 5 });
    // The hung init may still have created the token; we chose its serial and deleted it, or the sweeper will.
    stack.clock.advance(600_000);
    await stack.app.sweeper.sweepOnce();
    expect(stack.sim.tokensOf('bob')).toEqual([]);
  });

  it('deletes the new token at once when it cannot be disabled (legacy mode): never a live unconfirmed token', async () => {
    const stack = await open({ verifyEnrollment: false });
    const bob = await stack.signedIn('bob');
    stack.sim.injectFault({ endpoint: 'POST /token/disable', fault: { kind: 'error500' }, times: 1 });
    expect((await bob.startEnrollment()).status).toBe(502);
    expect(stack.sim.tokensOf('bob')).toEqual([]);
  });

  it.each(['error500', 'reset'] as const)('a %s at the verify step keeps the enrollment; the sweeper removes it if abandoned', async (kind) => {
    const stack = await open({ env: { PI_TIMEOUT_MS: '500' } });
    const bob = await stack.signedIn('bob');
    const enrollment = (await bob.startEnrollment()).body;
    stack.sim.injectFault({ endpoint: 'POST /token/init', fault: { kind }, times: 1 });
    const failed = await bob.verify(stack.codeFor(enrollment));
    expect([502, 503]).toContain(failed.status);
    expect(['upstream_error', 'upstream_unavailable']).toContain(failed.body.code);
    expect(stack.sim.tokensOf('bob')).toHaveLength(1);
    stack.clock.advance(600_000);
    await stack.app.sweeper.sweepOnce();
    expect(stack.sim.tokensOf('bob')).toEqual([]);
  });

  it('a failed enable in legacy mode leaves a pending token: the next code confirms it, or the sweeper removes it', async () => {
    const stack = await open({ verifyEnrollment: false });
    const bob = await stack.signedIn('bob');
    const carol = await stack.signedIn('carol');
    const bobs = (await bob.startEnrollment()).body;
    const carols = (await carol.startEnrollment()).body;

    stack.sim.injectFault({ endpoint: 'POST /token/enable', fault: { kind: 'error500' }, times: 2 });
    expect((await bob.verify(stack.codeFor(bobs))).status).toBe(502);
    expect((await carol.verify(stack.codeFor(carols))).status).toBe(502);

    // bob tries again with the next code and is done.
    stack.clock.advance(30_000);
    expect((await bob.verify(stack.codeFor(bobs))).status).toBe(200);
    expect(stack.sim.tokensOf('bob')[0]).toMatchObject({ active: true });
    // carol walks away: her half-confirmed token must not lock her out.
    stack.clock.advance(600_000);
    await stack.app.sweeper.sweepOnce();
    expect(stack.sim.tokensOf('carol')).toEqual([]);
    expect(await stack.loginWith('carol', 'anything')).toMatchObject({ accepted: true });
    expect(stack.sim.tokensOf('bob')).toHaveLength(1);
  });

  it('renews the admin JWT before its hour is up, without the user noticing', async () => {
    const stack = await open({ env: { ENROLL_TTL_SECONDS: '7200', SESSION_IDLE_SECONDS: '7200', SESSION_MAX_SECONDS: '7200' } });
    const bob = await stack.signedIn('bob');
    const enrollment = (await bob.startEnrollment()).body;
    stack.sim.resetRequestCounts();
    stack.clock.advance(61 * 60_000);
    expect((await bob.verify(stack.codeFor(enrollment))).status).toBe(200);
    expect(stack.sim.requestCounts()['POST /auth']).toBe(1);
  });

  it('logs in again once when privacyIDEA calls the admin JWT expired (4305), and coalesces concurrent logins', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const pool = agent.get('http://pi.test');
    let logins = 0;
    const envelope = (result: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ id: 1, jsonrpc: '2.0', result, ...extra });
    pool
      .intercept({ path: '/auth', method: 'POST' })
      .reply(() => {
        logins += 1;
        const jwt = `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify({ exp: 4_102_444_800, n: logins })).toString('base64url')}.sig`;
        return { statusCode: 200, data: envelope({ status: true, value: { token: jwt } }) };
      })
      .persist();
    pool
      .intercept({ path: (path) => path.startsWith('/token/?'), method: 'GET' })
      .reply(401, envelope({ status: false, error: { code: 4305, message: 'Authentication failure. Your token has expired: Signature has expired' } }));
    pool
      .intercept({ path: (path) => path.startsWith('/token/?'), method: 'GET' })
      .reply(200, envelope({ status: true, value: { count: 0, current: 1, next: null, prev: null, tokens: [] } }))
      .persist();

    const stack = await open({ dispatcher: agent, env: { PI_URL: 'http://pi.test' } });
    // The client under test talks to the MockAgent; the simulator only serves sign-in's launch token check.
    const bob = await stack.signedIn('bob');
    const sessions = await Promise.all([bob.get('/api/v1/session'), bob.get('/api/v1/session')]);
    expect(sessions.map((response) => response.status)).toEqual([200, 200]);
    expect(logins).toBe(2);
    await agent.close();
  });
});
