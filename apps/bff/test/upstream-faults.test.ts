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

  it.each([true, false])('a privacyIDEA 500 when the token is created is an upstream_error that costs no attempt and leaves nothing (verify_enrollment=%s)', async (verifyEnrollment) => {
    const stack = await open({ verifyEnrollment });
    const bob = await stack.signedIn('bob');
    const enrollment = (await bob.startEnrollment()).body;
    stack.sim.injectFault({ endpoint: 'POST /token/init', fault: { kind: 'error500' }, times: 1 });
    const response = await bob.verify(stack.codeFor(enrollment));
    expect(response.status).toBe(502);
    expect(response.body).toMatchObject({ code: 'upstream_error' });
    expect(JSON.stringify(response.body)).not.toMatch(/500 Internal Server Error|privacyIDEA \//);
    expect(stack.sim.tokensOf('bob')).toEqual([]);
    expect((await bob.get('/api/v1/enrollment')).body).toMatchObject({ secret: enrollment.secret, attemptsLeft: 5 });
    expect((await bob.verify(stack.codeFor(enrollment))).status).toBe(200);
    expect(stack.sim.tokensOf('bob')).toHaveLength(1);
  });

  it('maps a hanging privacyIDEA to 503 upstream_unavailable with Retry-After; what the hung init made is removed', async () => {
    const stack = await open({ env: { PI_TIMEOUT_MS: '300' } });
    const bob = await stack.signedIn('bob');
    const enrollment = (await bob.startEnrollment()).body;
    stack.sim.injectFault({ endpoint: 'POST /token/init', fault: { kind: 'hang' }, times: 1 });
    const response = await bob.verify(stack.codeFor(enrollment));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(response.body).toMatchObject({ code: 'upstream_unavailable', retryAfterSeconds: 5 });
    expect(stack.sim.tokensOf('bob')).toEqual([]);
    expect(await stack.loginWith('bob', 'anything')).toMatchObject({ accepted: true });
  });

  it.each(['error500', 'reset'] as const)('a %s at the verify step removes the new token at once; the next try enrolls', async (kind) => {
    const stack = await open({ env: { PI_TIMEOUT_MS: '500' } });
    const bob = await stack.signedIn('bob');
    const enrollment = (await bob.startEnrollment()).body;
    stack.sim.injectFault({ endpoint: 'POST /token/init', fault: { kind }, times: 1, after: 1 });
    const failed = await bob.verify(stack.codeFor(enrollment));
    expect([502, 503]).toContain(failed.status);
    expect(['upstream_error', 'upstream_unavailable']).toContain(failed.body.code);
    // Not confirmed, so not left: bob logs in as a user without tokens.
    expect(stack.sim.tokensOf('bob')).toEqual([]);
    expect(await stack.loginWith('bob', 'anything')).toMatchObject({ accepted: true });
    expect((await bob.verify(stack.codeFor(enrollment))).status).toBe(200);
    expect(stack.sim.tokensOf('bob')).toMatchObject([{ rollout_state: 'enrolled', active: true }]);
  });

  it('when the unfinished token cannot be deleted either, the sweeper removes it within minutes, not at the enrollment expiry', async () => {
    const stack = await open({});
    const bob = await stack.signedIn('bob');
    const enrollment = (await bob.startEnrollment()).body;
    stack.sim.injectFault({ endpoint: 'POST /token/init', fault: { kind: 'error500' }, times: 1, after: 1 });
    stack.sim.injectFault({ endpoint: 'DELETE /token/:serial', fault: { kind: 'error500' }, times: 1 });
    expect((await bob.verify(stack.codeFor(enrollment))).status).toBe(502);
    expect(stack.sim.tokensOf('bob')).toMatchObject([{ rollout_state: 'verify' }]);
    stack.clock.advance(60_000);
    expect(await stack.app.sweeper.sweepOnce()).toMatchObject({ deleted: 0 });
    stack.clock.advance(61_000);
    expect(await stack.app.sweeper.sweepOnce()).toMatchObject({ deleted: 1, failed: 0 });
    expect(stack.sim.tokensOf('bob')).toEqual([]);
  });

  it('a confirmation whose answer is lost and whose clean-up fails leaves no second token: the next start removes it', async () => {
    const stack = await open({ env: { PI_TIMEOUT_MS: '300' } });
    const bob = await stack.signedIn('bob');
    const first = (await bob.startEnrollment()).body;
    // privacyIDEA finishes the verify step, but only after the BFF gave up on it; the BFF's delete fails too.
    stack.sim.injectFault({ endpoint: 'POST /token/init', fault: { kind: 'latency', ms: 900 }, times: 1, after: 1 });
    stack.sim.injectFault({ endpoint: 'DELETE /token/:serial', fault: { kind: 'error500' }, times: 1 });
    expect((await bob.verify(stack.codeFor(first))).status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(stack.sim.tokensOf('bob')).toMatchObject([{ rollout_state: 'enrolled' }]);

    // bob was told it failed; he gives up on that QR code and starts over.
    expect((await bob.delete('/api/v1/enrollment')).status).toBe(204);
    const second = (await bob.startEnrollment()).body;
    expect(stack.sim.tokensOf('bob')).toEqual([]);
    expect((await bob.verify(stack.codeFor(second))).status).toBe(200);
    expect(stack.sim.tokensOf('bob')).toHaveLength(1);
  });

  it('burns the confirming code without the policy; a failing /validate/check removes the new live token', async () => {
    const stack = await open({ verifyEnrollment: false });
    const bob = await stack.signedIn('bob');
    const enrollment = (await bob.startEnrollment()).body;
    stack.sim.injectFault({ endpoint: 'POST /validate/check', fault: { kind: 'error500' }, times: 1 });
    expect((await bob.verify(stack.codeFor(enrollment))).status).toBe(502);
    expect(stack.sim.tokensOf('bob')).toEqual([]);
    const code = stack.codeFor(enrollment);
    expect((await bob.verify(code)).status).toBe(200);
    expect((await stack.loginWith('bob', code)).accepted).toBe(false);
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
