import { afterEach, describe, expect, it } from 'vitest';
import type { Problem } from '@pi-enroll/shared';
import { startStack, type TestStack } from '../support/test-stack.js';

describe('guessing codes is bounded', () => {
  const stacks: TestStack[] = [];
  const open = async (env: Record<string, string>) => {
    const stack = await startStack({ env });
    stacks.push(stack);
    return stack;
  };
  afterEach(async () => {
    for (const stack of stacks.splice(0)) await stack.close();
  });

  it('by the attempt limit: the token is deleted, and even the right code is then worthless', async () => {
    const stack = await open({ ENROLL_MAX_ATTEMPTS: '3' });
    const bob = await stack.signedIn('bob');
    const { secret } = (await bob.startEnrollment()).body as unknown as { secret: string };
    const statuses = [];
    for (const guess of ['111111', '222222', '333333']) statuses.push((await bob.verify(guess)).status);
    expect(statuses).toEqual([422, 422, 409]);
    expect(stack.sim.tokensOf('bob')).toEqual([]);
    expect((await bob.verify(stack.codeFor({ secret, algorithm: 'SHA1', digits: 6, period: 30 }))).body.code).toBe('no_pending_enrollment');
  });

  it('by the per-user rate limit, with 429, Retry-After and retryAfterSeconds, also across new sessions', async () => {
    const stack = await open({ RATE_LIMIT_VERIFY_PER_USER: '4', ENROLL_MAX_ATTEMPTS: '20' });
    const carol = await stack.signedIn('carol');
    await carol.startEnrollment();
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await carol.verify(`12345${i}`));
    expect(answers.map((answer) => answer.status)).toEqual([422, 422, 422, 422]);

    stack.sim.resetRequestCounts();
    const limited = await carol.verify('999999');
    expect(limited.status).toBe(429);
    const problem = limited.body as unknown as Problem;
    expect(problem).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(problem.retryAfterSeconds).toBeGreaterThan(0);
    expect(problem.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(limited.headers.get('retry-after')).toBe(String(problem.retryAfterSeconds));
    expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);

    // A fresh sign-in (a new session) does not buy more guesses.
    const again = await stack.signedIn('carol');
    expect((await again.verify('888888')).status).toBe(429);
    expect(stack.sim.requestCounts()['POST /token/init'] ?? 0).toBe(0);
    // Another user is not slowed down.
    const dave = await stack.signedIn('dave');
    await dave.startEnrollment();
    expect((await dave.verify('123456')).status).toBe(422);
  });

  it('by the per-address limit on starting enrollments', async () => {
    const stack = await open({ RATE_LIMIT_ENROLL_PER_ADDRESS: '3' });
    const statuses = [];
    for (const user of ['alice', 'bob', 'carol', 'dave']) statuses.push((await (await stack.signedIn(user)).startEnrollment()).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    expect(stack.sim.tokensOf('dave')).toEqual([]);
  });

  it('per address: a spoofed X-Forwarded-For does not reset the count, unless it comes from a trusted proxy', async () => {
    const direct = await open({ RATE_LIMIT_ENROLL_PER_ADDRESS: '2' });
    const spoofing = [];
    for (const [i, user] of ['alice', 'bob', 'carol'].entries()) {
      spoofing.push((await (await direct.signedIn(user)).request('POST', '/api/v1/enrollment', {}, { 'x-forwarded-for': `203.0.113.${i}` })).status);
    }
    expect(spoofing).toEqual([201, 201, 429]);

    const proxied = await open({ RATE_LIMIT_ENROLL_PER_ADDRESS: '2', TRUSTED_PROXIES: '127.0.0.1/32' });
    const clients = [];
    for (const [i, user] of ['alice', 'bob', 'carol'].entries()) {
      clients.push((await (await proxied.signedIn(user)).request('POST', '/api/v1/enrollment', {}, { 'x-forwarded-for': `203.0.113.${i}` })).status);
    }
    expect(clients).toEqual([201, 201, 201]);
  });

  it('by the per-user limit on starting enrollments', async () => {
    const stack = await open({ RATE_LIMIT_START_PER_USER: '2' });
    const erin = await stack.signedIn('erin');
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await erin.startEnrollment()).status);
    expect(statuses).toEqual([201, 200, 429]);
  });
});
