import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client.js';
import { startStack, type TestStack } from '../support/test-stack.js';

const HEADER = 'X-Remote-User';

describe('identity from a trusted SSO proxy header', () => {
  const stacks: TestStack[] = [];
  const open = async (trustedProxies: string) => {
    // The BFF listens on 127.0.0.1, so every test request arrives from 127.0.0.1.
    const stack = await startStack({ env: { REMOTE_USER_HEADER: HEADER, TRUSTED_PROXIES: trustedProxies } });
    stacks.push(stack);
    return stack;
  };
  afterEach(async () => {
    for (const stack of stacks.splice(0)) await stack.close();
  });
  const asUser = (client: ApiClient, username: string) => ({
    get: <T>(path: string) => client.request<T>('GET', path, undefined, { [HEADER]: username }),
    post: <T>(path: string, body: unknown = {}) => client.request<T>('POST', path, body, { [HEADER]: username }),
  });

  it('ignores and logs the header from an address that is not a trusted proxy, whatever X-Forwarded-For says', async () => {
    const stack = await open('10.0.0.0/8');
    const client = new ApiClient(stack.baseUrl);
    stack.sim.resetRequestCounts();
    const spoofed = await client.request('GET', '/api/v1/session', undefined, { [HEADER]: 'alice', 'x-forwarded-for': '10.1.2.3' });
    // Nobody is signed in: the header was ignored (204, as for any request without a session).
    expect(spoofed.status).toBe(204);
    expect(spoofed.headers.getSetCookie()).toEqual([]);
    const enroll = await client.request('POST', '/api/v1/enrollment', {}, { [HEADER]: 'alice' });
    expect(enroll.status).toBe(401);
    expect(stack.sim.requestCounts()).toEqual({});
    expect(stack.sim.tokensOf('alice')).toEqual([]);

    const warnings = stack.logLines.filter((line) => line.includes('remote-user header from an untrusted address ignored'));
    expect(warnings).toHaveLength(2);
    expect(JSON.parse(warnings[0] ?? '{}')).toMatchObject({ peer: '127.0.0.1', claimedUser: 'alice', header: 'x-remote-user' });
  });

  it('does not let an IPv6 network vouch for IPv4 peers unless it is written as IPv4-mapped', async () => {
    const ipv6Only = await open('::/0');
    const ignored = await new ApiClient(ipv6Only.baseUrl).request('GET', '/api/v1/session', undefined, { [HEADER]: 'alice' });
    expect(ignored.status).toBe(204);
    const mapped = await open('::ffff:127.0.0.0/104');
    const believed = await new ApiClient(mapped.baseUrl).request<{ user: { username: string } }>('GET', '/api/v1/session', undefined, { [HEADER]: 'alice' });
    expect(believed.status).toBe(200);
    expect(believed.body.user.username).toBe('alice');
  });

  it('takes the user from the header of a trusted proxy, announces the mode, and enrolls for that user', async () => {
    const stack = await open('127.0.0.1/32');
    const config = await new ApiClient(stack.baseUrl).get<{ identityModes: string[] }>('/api/v1/config');
    expect(config.body.identityModes).toContain('trusted-header');

    const alice = asUser(new ApiClient(stack.baseUrl), 'alice');
    const session = await alice.get<{ user: { username: string; realm: string } }>('/api/v1/session');
    expect(session.status).toBe(200);
    expect(session.body.user).toEqual({ username: 'alice', realm: 'example' });
    expect((await alice.post('/api/v1/enrollment')).status).toBe(201);
    expect((await alice.get('/api/v1/enrollment')).status).toBe(200);
  });

  it('follows the proxy when the user changes, and drops a header session the proxy no longer vouches for', async () => {
    const stack = await open('127.0.0.1/32');
    const browser = new ApiClient(stack.baseUrl);
    expect((await asUser(browser, 'alice').post('/api/v1/enrollment')).status).toBe(201);

    // Same browser, the SSO now says bob: bob sees nothing of alice's, and gets his own session.
    const bob = await asUser(browser, 'bob').get<{ user: { username: string }; pending: unknown }>('/api/v1/session');
    expect(bob.body.user.username).toBe('bob');
    expect(bob.body.pending).toBeNull();
    expect((await asUser(browser, 'bob').get('/api/v1/enrollment')).status).toBe(404);

    // The cookie alone (a request that bypassed the proxy, or after SSO sign-out) is not enough.
    expect(await browser.signedInUser()).toBeNull();
    // alice's unfinished enrollment left nothing in privacyIDEA that could lock her out.
    expect(stack.sim.tokensOf('alice')).toEqual([]);
    expect(await stack.loginWith('alice', 'anything')).toMatchObject({ accepted: true });
  });

  it('ignores a header that appears twice or holds no sensible user name', async () => {
    const stack = await open('127.0.0.1/32');
    const client = new ApiClient(stack.baseUrl);
    for (const value of ['alice, bob', ' ', 'a'.repeat(129), 'alice;admin']) {
      expect((await client.request('GET', '/api/v1/session', undefined, { [HEADER]: value })).status, JSON.stringify(value)).toBe(204);
    }
    const twice = await fetch(`${stack.baseUrl}/api/v1/session`, { headers: [[HEADER, 'alice'], [HEADER, 'bob']] });
    expect(twice.status).toBe(204);
  });

  it('does not list the mode when it is not configured, and then ignores the header', async () => {
    const stack = await startStack();
    stacks.push(stack);
    const client = new ApiClient(stack.baseUrl);
    expect((await client.get<{ identityModes: string[] }>('/api/v1/config')).body.identityModes).not.toContain('trusted-header');
    expect((await client.request('GET', '/api/v1/session', undefined, { [HEADER]: 'alice' })).status).toBe(204);
  });
});
