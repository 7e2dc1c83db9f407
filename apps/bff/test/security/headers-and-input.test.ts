import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { ApiClient } from '../support/api-client.js';
import { startStack, type TestStack } from '../support/test-stack.js';

const XSS = '<img src=x onerror=alert(1)><script>alert(2)</script>';

function directives(csp: string | null): Map<string, string> {
  return new Map(
    (csp ?? '')
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name = '', ...values] = part.split(/\s+/);
        return [name, values.join(' ')];
      }),
  );
}

describe('security headers', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack.close();
  });

  it('sends a strict CSP without inline script, forbids framing, and no referrer, on every answer', async () => {
    const alice = await stack.signedIn('alice');
    for (const response of [await alice.get('/api/v1/config'), await alice.get('/api/v1/session'), await alice.get('/api/v1/nothing-here'), await alice.verify('1')]) {
      const csp = directives(response.headers.get('content-security-policy'));
      expect(csp.get('default-src')).toBe("'self'");
      expect(csp.get('script-src')).toBe("'self'");
      expect(csp.get('object-src')).toBe("'none'");
      expect(csp.get('base-uri')).toBe("'none'");
      expect(csp.get('frame-ancestors')).toBe("'none'");
      expect([...csp.values()].join(' ')).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('never lets an API answer be cached: session, sign-in, the enrollment with its secret, errors', async () => {
    const client = new ApiClient(stack.baseUrl);
    const signIn = await client.post('/api/v1/session', { launchToken: await stack.launchToken('bob') });
    const responses = [
      signIn,
      await client.get('/api/v1/session'),
      await client.get('/api/v1/enrollment'),
      await client.startEnrollment(),
      await client.get('/api/v1/enrollment'),
      await new ApiClient(stack.baseUrl).get('/api/v1/session'),
    ];
    for (const response of responses) expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps the secret out of caches when the path is percent-encoded, as the router decodes it', async () => {
    const client = await stack.signedIn('dave');
    const started = await client.post<{ secret?: string }>('/%61pi/v1/enrollment', {});
    expect(started.status).toBe(201);
    expect(started.body.secret).toBeDefined();
    expect(started.headers.get('cache-control')).toBe('no-store');
    expect((await client.get('/api/v1/%65nrollment')).headers.get('cache-control')).toBe('no-store');
  });

  it('lets EMBED_ORIGINS frame the widget, and nobody else', async () => {
    const embedding = await startStack({ simulator: stack.sim, clock: stack.clock, env: { EMBED_ORIGINS: 'https://intranet.example.org, https://portal.example.org' } });
    try {
      const response = await new ApiClient(embedding.baseUrl).get('/api/v1/config');
      expect(directives(response.headers.get('content-security-policy')).get('frame-ancestors')).toBe('https://intranet.example.org https://portal.example.org');
      expect(response.headers.get('x-frame-options')).toBeNull();
    } finally {
      await embedding.close();
    }
  });
});

describe("the operator's brand stylesheets for the iframe (EMBED_STYLESHEETS)", () => {
  it('are announced to the widget and allowed by the CSP for styles, fonts and images from their origin only', async () => {
    const stack = await startStack({ env: { EMBED_ORIGINS: 'https://portal.example.org', EMBED_STYLESHEETS: 'https://cdn.example.org/brand/pi-enroll.css' } });
    try {
      const response = await new ApiClient(stack.baseUrl).get<{ embedStylesheets: string[] }>('/api/v1/config');
      expect(response.body.embedStylesheets).toEqual(['https://cdn.example.org/brand/pi-enroll.css']);
      const csp = directives(response.headers.get('content-security-policy'));
      expect(csp.get('style-src')).toBe("'self' https://cdn.example.org");
      expect(csp.get('font-src')).toBe("'self' https://cdn.example.org");
      expect(csp.get('img-src')).toBe("'self' data: https://cdn.example.org");
      expect(csp.get('script-src')).toBe("'self'");
    } finally {
      await stack.close();
    }
  });

  it('are refused at start-up unless they are http(s) URLs without credentials', () => {
    const base = { PI_URL: 'https://pi.example.org', PI_ADMIN_USER: 'enroll', PI_ADMIN_PASSWORD: 'x', SESSION_SECRET: 's'.repeat(32), PASSWORD_LOGIN: 'true' };
    expect(() => loadConfig({ ...base, EMBED_STYLESHEETS: 'brand.css' })).toThrow(/^EMBED_STYLESHEETS: "brand.css" is not a URL/);
    expect(() => loadConfig({ ...base, EMBED_STYLESHEETS: 'https://user:pw@cdn.example.org/a.css' })).toThrow(/without credentials/);
    expect(() => loadConfig({ ...base, EMBED_STYLESHEETS: 'javascript:alert(1)' })).toThrow(/EMBED_STYLESHEETS/);
  });
});

describe('XSS payloads stay inert data in the API', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({ env: { ALLOW_ADDITIONAL_TOKENS: 'true' } });
  });
  afterAll(async () => {
    await stack.close();
  });

  /** A JSON answer a browser will not sniff into HTML: the payload can only ever be a string value in it. */
  const expectInertJson = (response: { headers: Headers; text: string }) => {
    expect(response.headers.get('content-type')).toMatch(/^application\/(problem\+)?json; charset=utf-8$/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(() => JSON.parse(response.text) as unknown).not.toThrow();
  };

  it('answers for a hostile user name (unknown to privacyIDEA) only with JSON problems that do not echo it', async () => {
    const user = await stack.signedIn(XSS);
    for (const response of [await user.startEnrollment(), await user.get('/api/v1/session'), await user.verify('123456')]) {
      expectInertJson(response);
      expect(response.text).not.toContain('<');
    }
  });

  it('returns a hostile device name as a JSON string value, never as markup', async () => {
    const dave = await stack.signedIn('dave');
    const description = '"><svg/onload=alert(1)>';
    const started = await dave.startEnrollment(description);
    expect(started.status).toBe(201);
    const secret = (started.body as unknown as { secret: string }).secret;
    const confirmed = await dave.verify(stack.codeFor({ secret, algorithm: 'SHA1', digits: 6, period: 30 }));
    expectInertJson(confirmed);
    expect((confirmed.body as unknown as { description: string }).description).toBe(description);
    // The quote is escaped, so the value cannot break out of its JSON string.
    expect(confirmed.text).toContain('"description":"\\"><svg');
    const session = await dave.get<{ tokens: { description: string }[] }>('/api/v1/session');
    expectInertJson(session);
    expect(session.body.tokens.map((token) => token.description)).toEqual([description]);
  });
});

describe('request limits', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack.close();
  });

  it('refuses unknown fields, wrong types and mixed sign-in variants before anything happens', async () => {
    stack.sim.resetRequestCounts();
    const client = new ApiClient(stack.baseUrl);
    const token = await stack.launchToken('alice');
    for (const body of [
      { launchToken: token, username: 'bob' },
      { launchToken: token, isAdmin: true },
      { launchToken: 42 },
      { username: 'bob', password: 'x', otp: 123456 },
      { username: 'x'.repeat(129), password: 'x' },
      [],
      'launchToken',
    ]) {
      const response = await client.post('/api/v1/session', body);
      expect(response.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(response.body).toMatchObject({ code: 'invalid_request' });
      expect(response.headers.getSetCookie()).toEqual([]);
    }
    expect(stack.sim.requestCounts()).toEqual({});
    // The launch token was not spent by the refused requests.
    expect((await client.post('/api/v1/session', { launchToken: token })).status).toBe(204);
  });

  it('refuses a body over 16 KiB with 413 and other media types with 415', async () => {
    const client = new ApiClient(stack.baseUrl);
    expect((await client.post('/api/v1/session', { launchToken: 'x'.repeat(17 * 1024) })).status).toBe(413);
    const form = await client.request('POST', '/api/v1/session', 'launchToken=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    const multipart = await client.request('POST', '/api/v1/session', '--b\r\n\r\nx\r\n--b--', { 'content-type': 'multipart/form-data; boundary=b' });
    expect(multipart.status).toBe(415);
  });
});
