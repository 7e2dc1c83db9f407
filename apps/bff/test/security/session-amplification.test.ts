import { afterEach, describe, expect, it } from 'vitest';
import type { MemoryStore } from '../../src/store/memory-store.js';
import { ApiClient } from '../support/api-client.js';
import { startStack, type TestStack } from '../support/test-stack.js';

const HEADER = 'x-remote-user';

describe('requests that cost the BFF or privacyIDEA something cannot be had at will', () => {
  const stacks: TestStack[] = [];
  afterEach(async () => {
    for (const stack of stacks.splice(0)) await stack.close();
  });

  it('signing out without a session cookie (trusted header) remembers nothing, however often', async () => {
    const stack = await startStack({ env: { REMOTE_USER_HEADER: HEADER, TRUSTED_PROXIES: '127.0.0.1/32', RATE_LIMIT_SESSION_PER_USER: '100000' } });
    stacks.push(stack);
    const store = stack.app.store as MemoryStore;
    const before = store.size;
    for (let i = 0; i < 2_000; i += 1) {
      const response = await new ApiClient(stack.baseUrl).request('DELETE', '/api/v1/session', undefined, { [HEADER]: `user${i % 50}` });
      expect(response.status).toBe(204);
    }
    expect(store.size).toBe(before);
  });

  it('limits session reads (each a token listing in privacyIDEA) and sign-outs per user', async () => {
    const stack = await startStack({ env: { RATE_LIMIT_SESSION_PER_USER: '5' } });
    stacks.push(stack);
    const bob = await stack.signedIn('bob');
    stack.sim.resetRequestCounts();
    const statuses = [];
    for (let i = 0; i < 20; i += 1) statuses.push((await bob.get('/api/v1/session')).status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
    expect(stack.sim.requestCounts()['GET /token/']).toBe(5);
    // Another session of the same user shares the count.
    expect((await (await stack.signedIn('bob')).get('/api/v1/session')).status).toBe(429);
    expect((await (await stack.signedIn('carol')).get('/api/v1/session')).status).toBe(200);
  });
});
