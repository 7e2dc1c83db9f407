import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectRecorded } from './support/expect-recorded.js';
import { decodeJwtPayload, Lab } from './support/recorded-lab.js';
import { exchange, recording } from './support/recording.js';

describe('POST /auth (recorded §1)', () => {
  let lab: Lab;
  beforeEach(async () => {
    lab = await Lab.start();
  });
  afterEach(() => lab.close());

  it.each(['a1', 'a2', 'b1', 'b2'])('%s signs in and answers the recorded body', async (id) => {
    expectRecorded(await lab.send(id), id);
  });

  it.each(['j1', 'j2', 'j2b', 'b3'])('%s: wrong credentials are 401/4031 with detail {}', async (id) => {
    expectRecorded(await lab.send(id), id);
  });

  it('POST /auth/ (trailing slash) is an HTML 404', async () => {
    const response = await lab.send('auth-slash');
    expect(response.status).toBe(exchange('auth-slash').status);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.text).toContain('<title>404 Not Found</title>');
  });

  it('issues an HS256 JWT with the recorded claims, expiring one hour after the clock', async () => {
    const jwt = await lab.adminJwt();
    const header = JSON.parse(Buffer.from(jwt.split('.')[0] ?? '', 'base64url').toString('utf8')) as unknown;
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = decodeJwtPayload(jwt);
    const recorded = recording.jwtClaims.admin;
    expect(Object.keys(claims)).toEqual(Object.keys(recorded));
    expect(claims).toMatchObject({ username: 'admin', realm: '', role: 'admin', authtype: 'password', rights: recorded['rights'] });
    expect(claims['nonce']).toMatch(/^[0-9a-f]{40}$/);
    expect(claims['exp']).toBe(Math.floor(lab.clock.now() / 1000) + 3600);
  });

  it("gives a realm user the user role, the realm and the user's rights", async () => {
    const claims = decodeJwtPayload(await lab.userJwt('alice'));
    const b1 = exchange('b1').body as { result: { value: { rights: string[] } } };
    expect(claims).toMatchObject({ username: 'alice', realm: 'example', role: 'user', rights: b1.result.value.rights });
  });

  it('finds realm users case-insensitively and names them as the user store does', async () => {
    const response = await lab.call('POST', '/auth', { form: { username: 'ALICE', password: 'alice-demo', realm: 'Example' } });
    expect(response.status).toBe(200);
    expect((response.body as { result: { value: { username: string; realm: string } } }).result.value).toMatchObject({
      username: 'alice',
      realm: 'example',
    });
  });

  it('does not let the admin in through a realm, nor a user into an unknown realm', async () => {
    const asAdminInRealm = await lab.call('POST', '/auth', { form: { username: 'admin', password: 'admin-demo', realm: 'example' } });
    const unknownRealm = await lab.call('POST', '/auth', { form: { username: 'alice', password: 'alice-demo', realm: 'nosuchrealm' } });
    expect([asAdminInRealm.status, unknownRealm.status]).toEqual([401, 401]);
  });
});
