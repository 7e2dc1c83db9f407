import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRecorded } from './support/expect-recorded.js';
import { Lab } from './support/recorded-lab.js';

describe('GET /user/ (recorded Appendix A) and /healthz', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await Lab.start();
  });
  afterAll(() => lab.close());

  it('s6: the realm users in resolver order with their recorded userids', async () => {
    expectRecorded(await lab.send('s6'), 's6');
  });

  it('filters users by name (with *) and shows a realm user only themselves', async () => {
    const byName = await lab.call('GET', '/user/?realm=example&username=*o*');
    expect((byName.body as { result: { value: { username: string }[] } }).result.value.map((u) => u.username)).toEqual(['carol', 'bob']);
    const asAlice = await lab.call('GET', '/user/', { auth: { user: 'alice' } });
    expect((asAlice.body as { result: { value: { username: string }[] } }).result.value.map((u) => u.username)).toEqual(['alice']);
  });

  it.each([
    ['/healthz/', { hsm: 'OK', status: 'ready' }],
    ['/healthz/livez', { status: 'OK' }],
    ['/healthz/readyz', { hsm: 'OK', status: 'ready' }],
    ['/healthz/startupz', { status: 'started' }],
  ])('GET %s answers privacyIDEA\'s unsigned send_result body', async (path, value) => {
    const response = await lab.call('GET', path);
    expect(response.status).toBe(200);
    expect(Object.keys(response.body as object)).toEqual(['id', 'jsonrpc', 'result', 'time', 'version', 'versionnumber']);
    expect(response.body).toMatchObject({ id: 1, jsonrpc: '2.0', result: { status: true, value }, version: 'privacyIDEA 3.11.4' });
  });

  it('answers unknown URLs with an HTML 404 and serves no /_sim/ API unless asked to', async () => {
    for (const path of ['/policy/', '/_sim/tokens']) {
      const response = await lab.call('GET', path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    }
  });
});
