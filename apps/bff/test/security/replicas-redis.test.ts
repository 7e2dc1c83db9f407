import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client.js';
import { startRedis, type RunningRedis } from '../support/redis-server.js';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/load-config.js';
import { LAUNCH_SECRET, SESSION_SECRET, startStack, type TestStack } from '../support/test-stack.js';

describe('several replicas share replay, rate-limit and sign-out state through Redis', () => {
  let redis: RunningRedis;
  let a: TestStack;
  let b: TestStack;
  beforeAll(async () => {
    redis = await startRedis();
    const env = { REDIS_URL: redis.url, RATE_LIMIT_VERIFY_PER_USER: '3', ENROLL_MAX_ATTEMPTS: '10' };
    a = await startStack({ env });
    b = await startStack({ env, simulator: a.sim, clock: a.clock });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
    await redis.close();
  });

  /** The same browser talking to whichever replica the load balancer picks. */
  const onReplica = (from: ApiClient, stack: TestStack) => {
    const client = new ApiClient(stack.baseUrl);
    client.cookieHeader = from.cookieHeader;
    return client;
  };

  it('refuses a launch token on one replica that was used on another', async () => {
    const token = await a.launchToken('alice');
    expect((await new ApiClient(a.baseUrl).post('/api/v1/session', { launchToken: token })).status).toBe(204);
    const replay = await new ApiClient(b.baseUrl).post('/api/v1/session', { launchToken: token });
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ code: 'launch_token_invalid' });
  });

  it('counts code guesses on all replicas together', async () => {
    const bob = await a.signedIn('bob');
    await bob.startEnrollment();
    const statuses = [];
    for (const replica of [a, b, a, b]) {
      const client = onReplica(bob, replica);
      statuses.push((await client.verify('000000')).status);
    }
    expect(statuses).toEqual([422, 422, 422, 429]);
  });

  it('ends a signed-out session on every replica', async () => {
    const carol = await a.signedIn('carol');
    const onB = onReplica(carol, b);
    expect((await onB.get('/api/v1/session')).status).toBe(200);
    expect((await carol.delete('/api/v1/session')).status).toBe(204);
    expect(await onB.signedInUser()).toBeNull();
  });

  it('fails closed when Redis is gone: a launch token is not accepted without the replay check', async () => {
    const token = await a.launchToken('dave');
    await redis.close();
    const response = await new ApiClient(a.baseUrl).post('/api/v1/session', { launchToken: token });
    expect(response.status).toBeGreaterThanOrEqual(500);
    expect(response.headers.getSetCookie()).toEqual([]);
  });
});

describe('Redis at start-up', () => {
  it('refuses to start when REDIS_URL points nowhere', async () => {
    const config = loadConfig({ PI_URL: 'http://127.0.0.1:9', PI_ADMIN_USER: 'admin', PI_ADMIN_PASSWORD: 'x', SESSION_SECRET, LAUNCH_TOKEN_SECRET: LAUNCH_SECRET, REDIS_URL: 'redis://127.0.0.1:1', LOG_LEVEL: 'silent' });
    await expect(buildApp({ config, startSweeper: false })).rejects.toThrow(/REDIS_URL: cannot connect/);
  });
});
