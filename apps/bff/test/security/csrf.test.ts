import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client.js';
import { startStack, type TestStack } from '../support/test-stack.js';

const SUBDOMAIN = 'https://portal.example.org';

describe('cross-site request forgery', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({ env: { ALLOWED_ORIGINS: `${SUBDOMAIN}/` } });
  });
  afterAll(async () => {
    await stack.close();
  });

  /** A request as another site's page would make it: the victim's cookie goes along, the headers are the attacker's. */
  const forged = (client: ApiClient, method: string, path: string, body: string | undefined, headers: Record<string, string>) =>
    client.request(method, path, body, { origin: '', ...headers });

  interface Attempt {
    name: string;
    headers: Record<string, string>;
    body: string | undefined;
  }
  const crossSiteAttempts = (path: string): (Attempt & { path: string })[] => ([
    { name: 'a JSON fetch from a foreign Origin', headers: { origin: 'https://evil.example.net', 'content-type': 'application/json' }, body: '{}' },
    { name: 'a form post from a foreign Origin', headers: { origin: 'https://evil.example.net', 'content-type': 'application/x-www-form-urlencoded' }, body: 'description=x' },
    { name: 'a text/plain post with Origin: null', headers: { origin: 'null', 'content-type': 'text/plain' }, body: '{"code":"123456"}' },
    { name: 'a form post without Origin, Sec-Fetch-Site: cross-site', headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded' }, body: 'code=123456' },
    { name: 'a JSON post without Origin, Sec-Fetch-Site: same-site', headers: { 'sec-fetch-site': 'same-site', 'content-type': 'application/json' }, body: '{}' },
    { name: 'a form post with neither header (an old browser)', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'code=123456' },
    { name: 'a text/plain post with neither header', headers: { 'content-type': 'text/plain' }, body: '{"code":"123456"}' },
    { name: 'an image-style request turned POST with no body type', headers: { 'sec-fetch-site': 'cross-site' }, body: undefined },
    { name: 'a lookalike Origin', headers: { origin: `${new URL(stack.baseUrl).origin}.evil.example.net`, 'content-type': 'application/json' }, body: '{}' },
  ] as Attempt[]).map((attempt) => ({ ...attempt, path }));

  it('refuses every cross-site way to start an enrollment, and privacyIDEA hears nothing', async () => {
    const victim = await stack.signedIn('alice');
    stack.sim.resetRequestCounts();
    for (const attempt of crossSiteAttempts('/api/v1/enrollment')) {
      const response = await forged(victim, 'POST', attempt.path, attempt.body, attempt.headers);
      expect(response.status, attempt.name).toBe(403);
      expect(response.body, attempt.name).toMatchObject({ code: 'forbidden_origin', status: 403 });
    }
    expect(stack.sim.requestCounts()).toEqual({});
    expect(stack.sim.tokensOf('alice')).toEqual([]);
    const reasons = stack.logLines.filter((line) => line.includes('cross-site request refused')).map((line) => (JSON.parse(line) as { reason: string }).reason);
    expect(new Set(reasons)).toEqual(
      new Set(['foreign Origin', 'unparsable Origin', 'Sec-Fetch-Site: cross-site', 'Sec-Fetch-Site: same-site', 'POST without Origin that is not application/json']),
    );
  });

  it('refuses cross-site confirm and cancel: no attempt is spent, the enrollment stays', async () => {
    const victim = await stack.signedIn('bob');
    const { secret } = (await victim.startEnrollment()).body as { secret: string };
    stack.sim.resetRequestCounts();
    for (const attempt of crossSiteAttempts('/api/v1/enrollment/verify')) {
      expect((await forged(victim, 'POST', attempt.path, attempt.body, attempt.headers)).status, attempt.name).toBe(403);
    }
    for (const headers of [{ origin: 'https://evil.example.net' }, { 'sec-fetch-site': 'cross-site' }] as Record<string, string>[]) {
      expect((await forged(victim, 'DELETE', '/api/v1/enrollment', undefined, headers)).status).toBe(403);
    }
    expect(stack.sim.requestCounts()).toEqual({});
    expect((await victim.get('/api/v1/enrollment')).body).toMatchObject({ attemptsLeft: 5, secret });
  });

  it('refuses a cross-site sign-in (login CSRF) and sign-out', async () => {
    const victim = await stack.signedIn('carol');
    const token = await stack.launchToken('mallory');
    const login = await forged(victim, 'POST', '/api/v1/session', JSON.stringify({ launchToken: token }), { origin: 'https://evil.example.net', 'content-type': 'application/json' });
    expect(login.status).toBe(403);
    expect((await forged(victim, 'DELETE', '/api/v1/session', undefined, { origin: 'https://evil.example.net' })).status).toBe(403);
    expect((await victim.get<{ user: { username: string } }>('/api/v1/session')).body.user.username).toBe('carol');
  });

  it('lets the same origin, a listed same-site origin, a same-origin fetch without Origin and a JSON API client through', async () => {
    const user = await stack.signedIn('dave');
    expect((await user.startEnrollment()).status).toBe(201);
    expect((await user.request('POST', '/api/v1/enrollment', '{}', { origin: SUBDOMAIN })).status).toBe(200);
    expect((await user.request('POST', '/api/v1/enrollment', '{}', { origin: '', 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await user.request('POST', '/api/v1/enrollment', '{}', { origin: '' })).status).toBe(200);
    expect((await user.request('DELETE', '/api/v1/enrollment', undefined, { origin: '' })).status).toBe(204);
  });

  it('answers CORS preflights with credentials for allowed origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${stack.baseUrl}/api/v1/enrollment`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const allowed = await preflight(SUBDOMAIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(SUBDOMAIN);
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');

    const foreign = await preflight('https://evil.example.net');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect(foreign.headers.get('access-control-allow-credentials')).toBeNull();

    const user = await stack.signedIn('erin');
    const simple = await user.request('GET', '/api/v1/session', undefined, { origin: SUBDOMAIN });
    expect(simple.headers.get('access-control-allow-origin')).toBe(SUBDOMAIN);
    expect(simple.headers.get('vary')?.toLowerCase()).toContain('origin');
    const fromElsewhere = await user.request('GET', '/api/v1/session', undefined, { origin: 'https://evil.example.net' });
    expect(fromElsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('cross-site request forgery without ALLOWED_ORIGINS', () => {
  it('allows only the same origin and sends no CORS headers at all', async () => {
    const stack = await startStack();
    try {
      const user = await stack.signedIn('alice');
      expect((await user.request('POST', '/api/v1/enrollment', '{}', { origin: SUBDOMAIN })).status).toBe(403);
      const preflight = await fetch(`${stack.baseUrl}/api/v1/enrollment`, {
        method: 'OPTIONS',
        headers: { origin: SUBDOMAIN, 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      expect((await user.startEnrollment()).status).toBe(201);
    } finally {
      await stack.close();
    }
  });
});

describe('cross-site request forgery behind a TLS-terminating proxy', () => {
  it('compares with the public origin the trusted proxy reports, scheme included', async () => {
    const stack = await startStack({ env: { TRUSTED_PROXIES: '127.0.0.1/32' } });
    try {
      const proxied = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'enroll.example.org' };
      const browser = new ApiClient(stack.baseUrl);
      const signIn = (origin: string) => browser.request('POST', '/api/v1/session', { launchToken: '' }, { ...proxied, origin }).then((response) => response.status);
      // The origin check runs first: 400 means it passed (the empty token is then refused by the schema).
      expect(await signIn('https://enroll.example.org')).toBe(400);
      expect(await signIn('http://enroll.example.org')).toBe(403);
      expect(await signIn(new URL(stack.baseUrl).origin)).toBe(403);
    } finally {
      await stack.close();
    }
  });
});
