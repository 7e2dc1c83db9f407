import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectRecorded } from './support/expect-recorded.js';
import { Lab, resignJwt } from './support/recorded-lab.js';

interface ErrorBody {
  result: { error: { code: number; message: string } };
}

describe('Authorization header forms (recorded §2, §10)', () => {
  let lab: Lab;
  beforeEach(async () => {
    lab = await Lab.start();
  });
  afterEach(() => lab.close());

  it('j6: "Bearer <jwt>" is 401/4304 Invalid header padding', async () => {
    expectRecorded(await lab.send('j6'), 'j6');
  });

  it('j3: a garbage value is 401/4304 with the UTF-8 decode error text', async () => {
    expectRecorded(await lab.send('j3'), 'j3');
  });

  it('j5: a JWT signed with another key is 401/4304 Signature verification failed', async () => {
    const forged = resignJwt(await lab.adminJwt(), 'another-secret');
    expectRecorded(await lab.send('j5', { headers: { Authorization: forged } }), 'j5');
  });

  it('j4: a JWT is expired once the clock reaches its exp (401/4305)', async () => {
    const jwt = await lab.adminJwt();
    lab.clock.advance(3599_000);
    const stillValid = await lab.call('GET', '/token/', { auth: { raw: jwt } });
    expect(stillValid.status).toBe(200);
    lab.clock.advance(1000);
    expectRecorded(await lab.send('j4', { headers: { Authorization: jwt } }), 'j4');
  });

  it('j7: no header is 401/4033', async () => {
    expectRecorded(await lab.send('j7'), 'j7');
  });

  it("i10: a user's JWT on an admin endpoint is 401/4306", async () => {
    expectRecorded(await lab.send('i10'), 'i10');
  });

  it("b4: a user's JWT may list tokens", async () => {
    expectRecorded(await lab.send('b4'), 'b4');
  });

  it('reads PI-Authorization before Authorization', async () => {
    const jwt = await lab.adminJwt();
    const piFirst = await lab.call('GET', '/token/', { auth: 'none', headers: { 'PI-Authorization': jwt, Authorization: 'this.is.garbage' } });
    expect(piFirst.status).toBe(200);
    const piGarbage = await lab.call('GET', '/token/', { auth: 'none', headers: { 'PI-Authorization': 'this.is.garbage', Authorization: jwt } });
    expect(piGarbage.status).toBe(401);
    expect((piGarbage.body as ErrorBody).result.error.code).toBe(4304);
  });

  it.each([
    ['abc', 'Not enough segments'],
    ['a.b', 'Not enough segments'],
    ['eyJhbGciOiJIUzI1NiJ9.e.sig', 'Invalid payload padding'],
    ['e30.e30.a', 'Invalid crypto padding'],
    ['WzFd.e30.', 'Invalid header string: must be a json object'],
  ])('reproduces PyJWT\'s reason for "%s": %s', async (header, reason) => {
    const response = await lab.call('GET', '/token/', { auth: { raw: header } });
    expect(response.status).toBe(401);
    expect((response.body as ErrorBody).result.error).toEqual({
      code: 4304,
      message: `Authentication failure. Error decoding the Authorization token: ${reason}`,
    });
  });

  it('does not let a user JWT initialise tokens (admin only in the simulator)', async () => {
    const response = await lab.call('POST', '/token/init', { auth: { user: 'alice' }, form: { type: 'totp', genkey: '1' } });
    expect(response.status).toBe(401);
    expect((response.body as ErrorBody).result.error.code).toBe(4306);
  });
});
