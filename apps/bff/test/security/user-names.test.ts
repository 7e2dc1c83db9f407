import { afterEach, describe, expect, it } from 'vitest';
import { sessionUserOf } from '../../src/identity/user-names.js';
import { ApiClient } from '../support/api-client.js';
import { startStack, type TestStack } from '../support/test-stack.js';

describe('user names as privacyIDEA resolves them', () => {
  it('splits name@realm for the realm in force, keeps other @ names whole, and refuses them without a realm', () => {
    expect(sessionUserOf('bob', 'example')).toEqual({ username: 'bob', realm: 'example' });
    expect(sessionUserOf('bob@Example', 'example')).toEqual({ username: 'bob', realm: 'example' });
    expect(sessionUserOf('bob@example.org', 'example')).toEqual({ username: 'bob@example.org', realm: 'example' });
    expect(sessionUserOf('bob', undefined)).toEqual({ username: 'bob', realm: undefined });
    expect(sessionUserOf('bob@example', undefined)).toBeUndefined();
  });

  const stacks: TestStack[] = [];
  afterEach(async () => {
    for (const stack of stacks.splice(0)) await stack.close();
  });

  it('without PI_REALM, a launch token for bob@example is refused, and one with the realm claim is bob of that realm', async () => {
    const stack = await startStack({ env: { PI_REALM: '' } });
    stacks.push(stack);
    const asNameAtRealm = new ApiClient(stack.baseUrl);
    const refused = await asNameAtRealm.post('/api/v1/session', { launchToken: await stack.launchToken('bob@example', { realm: undefined }) });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ code: 'launch_token_invalid' });

    const bob = new ApiClient(stack.baseUrl);
    expect((await bob.post('/api/v1/session', { launchToken: await stack.launchToken('bob@example') })).status).toBe(204);
    expect((await bob.get<{ user: unknown }>('/api/v1/session')).body.user).toEqual({ username: 'bob', realm: 'example' });
    const enrollment = (await bob.startEnrollment()).body;
    expect((await bob.verify('000000')).body).toMatchObject({ code: 'invalid_code', attemptsLeft: 4 });
    expect((await bob.verify(stack.codeFor(enrollment))).status).toBe(200);
    expect(stack.sim.tokensOf('bob')).toHaveLength(1);
  });

  it('with password sign-in, bob and bob@example share one rate limit', async () => {
    const stack = await startStack({ env: { PASSWORD_LOGIN: 'true', RATE_LIMIT_LOGIN_PER_USER: '2' } });
    stacks.push(stack);
    const statuses = [];
    for (const username of ['bob', 'bob@example', 'BOB@example']) {
      statuses.push((await new ApiClient(stack.baseUrl).post('/api/v1/session', { username, password: 'wrong' })).status);
    }
    expect(statuses).toEqual([401, 401, 429]);
  });
});
