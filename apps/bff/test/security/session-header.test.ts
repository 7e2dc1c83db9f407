import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TotpEnrollment, Session } from '@pi-enroll/shared';
import { ApiClient } from '../support/api-client.js';
import { startStack, type TestStack } from '../support/test-stack.js';

/** A host page on another site: its script-tag widget calls the BFF with credentials, never gets a cookie back. */
const HOST = 'http://localhost:8081';
/** A portal that only frames the widget. */
const FRAMING_PORTAL = 'https://portal.example.net';
const HEADER = 'pi-enroll-session';

/** A widget on another site: no cookie jar at all (third-party cookies blocked), the credential kept in memory. */
class HeaderWidget {
  credential: string | undefined;
  readonly client: ApiClient;
  constructor(
    baseUrl: string,
    private readonly origin = HOST,
  ) {
    this.client = new ApiClient(baseUrl);
  }
  async request<T = unknown>(method: string, path: string, body?: unknown) {
    const response = await this.client.request<T>(method, path, body, { origin: this.origin, cookie: '', [HEADER]: this.credential ?? 'new' });
    const answered = response.headers.get(HEADER);
    if (answered !== null) this.credential = answered === 'ended' ? undefined : answered;
    return response;
  }
}

describe('the header credential of a widget embedded in another site', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({ env: { ALLOWED_ORIGINS: HOST, EMBED_ORIGINS: FRAMING_PORTAL } });
  });
  afterAll(async () => {
    await stack.close();
  });

  const signIn = async (username: string) => {
    const widget = new HeaderWidget(stack.baseUrl);
    const response = await widget.request('POST', '/api/v1/session', { launchToken: await stack.launchToken(username) });
    expect(response.status).toBe(204);
    expect(widget.credential).toMatch(/^v1\./);
    return widget;
  };
  const sessionWith = (credential: string) =>
    new ApiClient(stack.baseUrl).request<Session & { code?: string }>('GET', '/api/v1/session', undefined, { origin: HOST, [HEADER]: credential });

  it('signs in with a launch token and carries the session in the header alone, without any cookie', async () => {
    const widget = await signIn('alice');
    const session = await widget.request<Session>('GET', '/api/v1/session');
    expect(session.status).toBe(200);
    expect(session.body.user.username).toBe('alice');
    // The browser may read the header across origins (a CORS-exposed header) for ALLOWED_ORIGINS only.
    expect(session.headers.get('access-control-allow-origin')).toBe(HOST);
    expect(session.headers.get('access-control-expose-headers')).toMatch(new RegExp(HEADER));
  });

  it('is refused without the header (a cross-site request only has the blocked cookie) and when tampered with', async () => {
    const widget = await signIn('bob');
    const credential = widget.credential ?? '';
    // Without the header the request carries no session: nobody is signed in (204); an enrollment is refused.
    const withoutHeader = new ApiClient(stack.baseUrl);
    expect((await withoutHeader.request('GET', '/api/v1/session', undefined, { origin: HOST })).status).toBe(204);
    expect((await withoutHeader.request<{ code: string }>('POST', '/api/v1/enrollment', {}, { origin: HOST })).body.code).toBe('unauthenticated');
    const flipped = `${credential.slice(0, -6)}${credential.slice(-6, -5) === 'A' ? 'B' : 'A'}${credential.slice(-5)}`;
    for (const tampered of [flipped, `${credential}A`, credential.slice(0, -1), 'v1.', 'garbage']) {
      const response = await sessionWith(tampered);
      expect(response.status, tampered).toBe(401);
      expect(response.body.code).toBe('unauthenticated');
    }
  });

  it('is no cookie and a cookie is no header credential: each is sealed for its own purpose', async () => {
    const cookieBrowser = await stack.signedIn('carol');
    const cookieValue = cookieBrowser.cookieHeader.split('=').slice(1).join('=');
    expect((await sessionWith(cookieValue)).status).toBe(401);
    const widget = await signIn('carol');
    const asCookie = new ApiClient(stack.baseUrl);
    asCookie.cookieHeader = `pi_enroll_session=${widget.credential ?? ''}`;
    expect(await asCookie.signedInUser()).toBeNull();
  });

  it('a tampered header is no session even when a valid cookie comes along', async () => {
    const browser = await stack.signedIn('dave');
    const response = await browser.request('GET', '/api/v1/session', undefined, { [HEADER]: 'v1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(response.status).toBe(401);
    expect((await browser.get('/api/v1/session')).status).toBe(200);
  });

  it('expires with the session idle timeout, like the cookie', async () => {
    const widget = await signIn('erin');
    stack.clock.advance(stack.config.session.idleSeconds * 1000 + 1000);
    expect((await widget.request('GET', '/api/v1/session')).status).toBe(401);
  });

  it('is bound to its session: after sign-out the widget is told it ended, and a copy of it is refused', async () => {
    const widget = await signIn('frank');
    const copy = widget.credential ?? '';
    const signOut = await widget.request('DELETE', '/api/v1/session');
    expect(signOut.status).toBe(204);
    expect(signOut.headers.get(HEADER)).toBe('ended');
    expect(widget.credential).toBeUndefined();
    expect((await sessionWith(copy)).status).toBe(401);
  });

  it('lets the preflight of an allowed origin send the header, and no other origin', async () => {
    const preflight = (origin: string) =>
      new ApiClient(stack.baseUrl).request('OPTIONS', '/api/v1/session', undefined, {
        origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': HEADER,
      });
    const allowed = await preflight(HOST);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(HOST);
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(new RegExp(HEADER));
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    // EMBED_ORIGINS frame the widget (whose calls are then same-origin); they may not call the API themselves.
    for (const origin of [FRAMING_PORTAL, 'https://evil.example.org']) expect((await preflight(origin)).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('never writes the credential to the log', async () => {
    const widget = await signIn('ivan');
    await widget.request('GET', '/api/v1/session');
    const credential = widget.credential ?? '';
    expect(stack.logLines.join('\n')).not.toContain(credential.slice(3, 40));
  });
});

describe('a pending enrollment across sign-ins of an embedded widget', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({ env: { ALLOWED_ORIGINS: HOST } });
  });
  afterAll(async () => {
    await stack.close();
  });
  const signIn = async (username: string) => {
    const widget = new HeaderWidget(stack.baseUrl);
    expect((await widget.request('POST', '/api/v1/session', { launchToken: await stack.launchToken(username) })).status).toBe(204);
    return widget;
  };

  it('a reload with a fresh launch token resumes the same QR code', async () => {
    const before = await signIn('alice');
    const started = await before.request<TotpEnrollment>('POST', '/api/v1/enrollment', {});
    expect(started.status).toBe(201);
    // The page is reloaded: the in-memory credential is gone, the host mints a new launch token.
    const after = await signIn('alice');
    const session = await after.request<Session>('GET', '/api/v1/session');
    expect((session.body.pending as TotpEnrollment | null)?.secret).toBe(started.body.secret);
    const resumed = await after.request<TotpEnrollment>('POST', '/api/v1/enrollment', {});
    expect(resumed.body.secret).toBe(started.body.secret);
    const confirmed = await after.request<{ serial: string }>('POST', '/api/v1/enrollment/verify', { code: stack.codeFor(started.body) });
    expect(confirmed.status).toBe(200);
    // Once confirmed, no later sign-in is offered that secret again.
    const later = await signIn('alice');
    expect((await later.request<Session>('GET', '/api/v1/session')).body.pending).toBeNull();
  });

  it('does not carry a cancelled enrollment into the next sign-in', async () => {
    const before = await signIn('bob');
    expect((await before.request('POST', '/api/v1/enrollment', {})).status).toBe(201);
    expect((await before.request('DELETE', '/api/v1/enrollment')).status).toBe(204);
    const after = await signIn('bob');
    expect((await after.request<Session>('GET', '/api/v1/session')).body.pending).toBeNull();
  });

});

describe('a host page whose origin is not configured', () => {
  let stack: TestStack;
  let distDir: string;
  beforeAll(async () => {
    distDir = mkdtempSync(join(tmpdir(), 'pi-enroll-web-'));
    mkdirSync(join(distDir, 'assets'));
    writeFileSync(join(distDir, 'widget.js'), 'export {};\n');
    writeFileSync(join(distDir, 'widget.css'), '.pie-root{}\n');
    stack = await startStack({ env: { WEB_DIST_DIR: distDir, ALLOWED_ORIGINS: HOST, EMBED_ORIGINS: FRAMING_PORTAL } });
  });
  afterAll(async () => {
    await stack.close();
    rmSync(distDir, { recursive: true, force: true });
  });

  it('is logged once per origin with the variable to set, however often it calls', async () => {
    const stranger = new ApiClient(stack.baseUrl);
    for (let i = 0; i < 3; i += 1) {
      const response = await stranger.request('GET', '/api/v1/config', undefined, { origin: 'http://127.0.0.1:9999' });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
    await stranger.request('GET', '/api/v1/config', undefined, { origin: 'http://127.0.0.1:9998' });
    const lines = stack.logLines.filter((line) => line.includes('is not allowed to'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('ALLOWED_ORIGINS=http://127.0.0.1:9999');
    // Its own origin is no stranger.
    await stranger.get('/api/v1/config');
    expect(stack.logLines.filter((line) => line.includes('is not allowed to'))).toHaveLength(2);
  });

  it("serves the widget's files to every embedding origin, cross-site, while the API stays with ALLOWED_ORIGINS", async () => {
    const fetchAs = (path: string, origin: string) => new ApiClient(stack.baseUrl).request('GET', path, undefined, { origin });
    for (const origin of [HOST, FRAMING_PORTAL]) {
      for (const path of ['/widget.js', '/widget.css']) {
        const asset = await fetchAs(path, origin);
        expect(asset.status, path).toBe(200);
        expect(asset.headers.get('cross-origin-resource-policy'), path).toBe('cross-origin');
        expect(asset.headers.get('access-control-allow-origin'), path).toBe(origin);
        expect(asset.headers.get('access-control-allow-credentials'), path).toBeNull();
      }
    }
    const api = await fetchAs('/api/v1/config', FRAMING_PORTAL);
    expect(api.headers.get('access-control-allow-origin')).toBeNull();
    expect(api.headers.get('cross-origin-resource-policy')).toBe('same-site');
    expect((await fetchAs('/widget.js', 'https://evil.example.org')).headers.get('access-control-allow-origin')).toBeNull();
  });
});
