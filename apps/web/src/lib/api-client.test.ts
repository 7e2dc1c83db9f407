import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { server } from '../testing/mocks/server';
import { ApiProblemError, createApiClient } from './api-client';

const BFF = 'https://enroll.example.test/mfa/';

/** A BFF on another site that answers the sealed session in its header, as apps/bff does for embedded widgets. */
function bffWithHeaderSessions() {
  const seen: (string | null)[] = [];
  server.use(
    http.post(`${BFF}api/v1/session`, ({ request }) => {
      seen.push(request.headers.get('pi-enroll-session'));
      return new HttpResponse(null, { status: 204, headers: { 'pi-enroll-session': 'v1.first' } });
    }),
    http.get(`${BFF}api/v1/session`, ({ request }) => {
      seen.push(request.headers.get('pi-enroll-session'));
      return HttpResponse.json({ user: { username: 'alice', realm: '' }, tokens: [], pending: null }, { headers: { 'pi-enroll-session': 'v1.second' } });
    }),
    http.delete(`${BFF}api/v1/session`, ({ request }) => {
      seen.push(request.headers.get('pi-enroll-session'));
      return new HttpResponse(null, { status: 204, headers: { 'pi-enroll-session': 'ended' } });
    }),
  );
  return seen;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the session credential of a widget on another origin', () => {
  it('asks for one, keeps the latest in memory, sends it back, and forgets it when the session ended', async () => {
    const seen = bffWithHeaderSessions();
    const api = createApiClient(BFF);
    await api.request('/api/v1/session', { method: 'POST', body: { launchToken: 'x' } });
    await api.request('/api/v1/session');
    await api.request('/api/v1/session');
    await api.request('/api/v1/session', { method: 'DELETE' });
    await api.request('/api/v1/session');
    expect(seen).toEqual(['new', 'v1.first', 'v1.second', 'v1.second', 'new']);
  });

  it('is not shared between two clients (two widgets on a page)', async () => {
    const seen = bffWithHeaderSessions();
    await createApiClient(BFF).request('/api/v1/session', { method: 'POST', body: {} });
    await createApiClient(BFF).request('/api/v1/session');
    expect(seen).toEqual(['new', 'new']);
  });

  it('stays with the cookie alone when asked to (a same-site host that wants its session to survive reloads)', async () => {
    const seen = bffWithHeaderSessions();
    const api = createApiClient(BFF, { sessionTransport: 'cookie' });
    await api.request('/api/v1/session', { method: 'POST', body: {} });
    await api.request('/api/v1/session');
    expect(seen).toEqual([null, null]);
  });

  it('sends no such header to a BFF on its own origin', async () => {
    const seen: (string | null)[] = [];
    server.use(http.get('*/api/v1/ping', ({ request }) => (seen.push(request.headers.get('pi-enroll-session')), HttpResponse.json({}))));
    await createApiClient('/').request('/api/v1/ping');
    expect(seen).toEqual([null]);
  });
});

describe('a BFF that does not allow this page', () => {
  it('shows as forbidden_origin, and the console names the variable to set', async () => {
    // The browser's CORS refusal: the answer is withheld from the page, but a no-cors request gets through.
    server.use(http.get(`${BFF}*`, ({ request }) => (request.mode === 'no-cors' ? new HttpResponse(null) : HttpResponse.error())));
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failure = await createApiClient(BFF).request('/api/v1/config').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiProblemError);
    expect((failure as ApiProblemError).problem.code).toBe('forbidden_origin');
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining(`ALLOWED_ORIGINS=${window.location.origin}`));
  });

  it('is told apart from being offline', async () => {
    server.use(http.get(`${BFF}*`, () => HttpResponse.error()));
    const failure = await createApiClient(BFF).request('/api/v1/config').catch((error: unknown) => error);
    expect((failure as ApiProblemError).problem.code).toBe('network_error');
  });
});
