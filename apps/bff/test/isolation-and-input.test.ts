import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/api-client.js';
import { startStack, type TestStack } from './support/test-stack.js';

describe('identity comes from the session only', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack.close();
  });

  it('answers 401 unauthenticated without a session, but a first visit asking who is signed in gets 204', async () => {
    const anonymous = new ApiClient(stack.baseUrl);
    for (const response of [await anonymous.startEnrollment(), await anonymous.verify('123456')]) {
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ code: 'unauthenticated', status: 401 });
    }
    // Nobody is signed in, which the page expects on a first visit: no error status, so no console error.
    const firstVisit = await anonymous.get('/api/v1/session');
    expect(firstVisit.status).toBe(204);
    expect(firstVisit.headers.get('cache-control')).toBe('no-store');
    // A session that is no longer valid is still refused as such.
    const forged = new ApiClient(stack.baseUrl);
    forged.cookieHeader = 'pi_enroll_session=forged.value';
    expect(await forged.get('/api/v1/session')).toMatchObject({ status: 401, body: { code: 'unauthenticated' } });
  });

  it("never lets one user see, confirm or cancel another user's enrollment", async () => {
    const alice = await stack.signedIn('alice');
    const mallory = await stack.signedIn('bob');
    const enrollment = (await alice.startEnrollment()).body;

    expect((await mallory.get('/api/v1/enrollment')).status).toBe(404);
    expect((await mallory.get<{ pending: unknown }>('/api/v1/session')).body.pending).toBeNull();
    expect((await mallory.verify(stack.codeFor(enrollment))).body.code).toBe('no_pending_enrollment');
    expect((await mallory.delete('/api/v1/enrollment')).status).toBe(204);
    // A user field in the body is not how anyone is identified: it is refused outright.
    const smuggled = await mallory.post('/api/v1/enrollment', { user: 'alice' });
    expect(smuggled.status).toBe(400);
    expect(smuggled.body).toMatchObject({ code: 'invalid_request', errors: [{ field: 'user' }] });

    // Nothing exists in privacyIDEA until alice's own code, and only alice's session can give it.
    expect(stack.sim.tokensOf('alice')).toEqual([]);
    expect((await alice.verify(stack.codeFor(enrollment))).status).toBe(200);
    expect(stack.sim.tokensOf('alice')).toHaveLength(1);
    expect(stack.sim.tokensOf('bob')).toEqual([]);
    await alice.request('DELETE', '/api/v1/session');
  });

  it('refuses bad input with a problem naming the field, and changes nothing upstream', async () => {
    const carol = await stack.signedIn('carol');
    stack.sim.resetRequestCounts();
    const cases = [
      { response: await carol.verify('12ab56'), status: 400, code: 'invalid_request', field: 'code' },
      { response: await carol.verify('12345'), status: 400, code: 'invalid_request', field: 'code' },
      { response: await carol.post('/api/v1/enrollment/verify', { code: 123456 }), status: 400, code: 'invalid_request', field: 'code' },
      { response: await carol.post('/api/v1/enrollment', { description: 'x'.repeat(81) }), status: 400, code: 'invalid_request', field: 'description' },
      { response: await carol.post('/api/v1/enrollment', { type: 'hotp' }), status: 400, code: 'invalid_request', field: 'type' },
      { response: await carol.request('POST', '/api/v1/enrollment', '{"description":', {}), status: 400, code: 'invalid_request' },
      { response: await carol.request('POST', '/api/v1/enrollment', 'description=x', { 'content-type': 'text/plain' }), status: 415, code: 'unsupported_media_type' },
      { response: await carol.post('/api/v1/enrollment', { description: 'x'.repeat(20_000) }), status: 413, code: 'payload_too_large' },
    ];
    for (const { response, status, code, field } of cases) {
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ code, status });
      if (field !== undefined) expect(JSON.stringify(response.body)).toContain(field);
    }
    expect(stack.sim.requestCounts()['POST /token/init'] ?? 0).toBe(0);
    expect(stack.sim.tokensOf('carol')).toEqual([]);
  });

  it('cancels and signs out when a client sends Content-Type: application/json without a body', async () => {
    const erin = await stack.signedIn('erin');
    expect((await erin.startEnrollment()).status).toBe(201);
    const json = { 'content-type': 'application/json' };
    expect((await erin.request('DELETE', '/api/v1/enrollment', undefined, json)).status).toBe(204);
    expect(stack.sim.tokensOf('erin')).toEqual([]);
    expect((await erin.request('DELETE', '/api/v1/session', undefined, json)).status).toBe(204);
    expect(await erin.signedInUser()).toBeNull();
    // Where a body is expected, an empty one is still refused; malformed JSON everywhere.
    const carol = await stack.signedIn('carol');
    const emptyPost = await carol.request('POST', '/api/v1/enrollment', undefined, json);
    expect(emptyPost.status).toBe(400);
    expect(emptyPost.body).toMatchObject({ code: 'invalid_request' });
    expect((await carol.request('DELETE', '/api/v1/enrollment', '{"oops":', json)).status).toBe(400);
  });

  it('accepts a code pasted with spaces', async () => {
    const dave = await stack.signedIn('dave');
    const enrollment = (await dave.startEnrollment()).body;
    const code = stack.codeFor(enrollment);
    expect((await dave.verify(` ${code.slice(0, 3)} ${code.slice(3)} `)).status).toBe(200);
  });
});
