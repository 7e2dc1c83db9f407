import { afterEach, describe, expect, it } from 'vitest';
import type { TotpEnrollment, SignInMethodList } from '@pi-enroll/shared';
import { ApiClient } from './support/api-client.js';
import { startStack, type TestStack } from './support/test-stack.js';

/** A user with an authenticator app enrolled through pi-enroll, whose app can show codes. */
async function enrolled(stack: TestStack, username: string, description = 'Work phone') {
  const client = await stack.signedIn(username);
  const enrollment = (await client.startEnrollment(description)).body as TotpEnrollment;
  const confirmed = await client.verify(stack.codeFor(enrollment));
  expect(confirmed.status).toBe(200);
  stack.clock.advance(30_000);
  return { client, enrollment, serial: String(confirmed.body.serial) };
}

describe("the user's sign-in methods", () => {
  const stacks: TestStack[] = [];
  afterEach(async () => {
    for (const stack of stacks.splice(0)) await stack.close();
  });
  const open = async (env: Record<string, string> = {}) => {
    const stack = await startStack({ env: { STEP_UP_MAX_AGE_SECONDS: '300', ...env } });
    stacks.push(stack);
    return stack;
  };

  it('lists what privacyIDEA holds for the user: type, name, when added and last used, read-only for other types', async () => {
    const stack = await open();
    const { client, enrollment, serial } = await enrolled(stack, 'bob');
    expect((await stack.loginWith('bob', stack.codeFor(enrollment))).accepted).toBe(true);
    const list = await client.get<SignInMethodList>('/api/v1/methods');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ canAdd: false, canRemoveLast: false, methods: [{ serial, tokenType: 'totp', method: 'totp', description: 'Work phone', active: true, manageable: true }] });
    expect(Date.parse(list.body.methods[0]?.createdAt ?? '')).toBe(Math.floor((stack.clock.now() - 30_000) / 1000) * 1000);
    expect(list.body.methods[0]?.lastUsedAt).not.toBeNull();
    expect(list.body.stepUp.methods).toEqual([serial]);
  });

  it('renames a method, and refuses another user’s serial exactly like an unknown one, changing nothing', async () => {
    const stack = await open();
    const bob = await enrolled(stack, 'bob');
    const carol = await enrolled(stack, 'carol', 'Carol’s phone');
    const renamed = await bob.client.request('PATCH', `/api/v1/methods/${bob.serial}`, { description: 'Old phone' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ serial: bob.serial, description: 'Old phone' });
    expect(stack.sim.tokensOf('bob')[0]?.description).toBe('Old phone');

    stack.sim.resetRequestCounts();
    const foreign = await bob.client.request('PATCH', `/api/v1/methods/${carol.serial}`, { description: 'mine now' });
    const unknown = await bob.client.request('PATCH', '/api/v1/methods/TOTP99999999', { description: 'mine now' });
    expect([foreign.status, unknown.status]).toEqual([404, 404]);
    expect(foreign.body).toEqual({ ...(unknown.body as object), instance: (foreign.body as { instance?: string }).instance });
    expect((await bob.client.delete(`/api/v1/methods/${carol.serial}`)).status).toBe(404);
    expect(stack.sim.requestCounts()['POST /token/description/:serial'] ?? 0).toBe(0);
    expect(stack.sim.requestCounts()['DELETE /token/:serial'] ?? 0).toBe(0);
    expect(stack.sim.tokensOf('carol')[0]?.description).toBe('Carol’s phone');
  });

  it('removes a method only after a step-up, and names the methods that satisfy it', async () => {
    const stack = await open({ ALLOW_ADDITIONAL_TOKENS: 'true' });
    const { client, enrollment, serial } = await enrolled(stack, 'bob', 'Phone');
    const second = (await client.startEnrollment('Tablet')).body as TotpEnrollment;
    const tablet = String((await client.verify(stack.codeFor(second))).body.serial);
    stack.clock.advance(301_000);

    const refused = await client.delete(`/api/v1/methods/${serial}`);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'step_up_required', stepUpMethods: [serial, tablet].sort() });
    expect(stack.sim.tokensOf('bob')).toHaveLength(2);

    expect((await client.post('/api/v1/session/step-up', { code: '000000' })).body).toMatchObject({ code: 'invalid_credentials' });
    const steppedUp = await client.post<{ freshUntil: string }>('/api/v1/session/step-up', { code: stack.codeFor(second) });
    expect(steppedUp.status).toBe(200);
    expect(Date.parse(steppedUp.body.freshUntil)).toBe(stack.clock.now() + 300_000);
    expect((await client.delete(`/api/v1/methods/${serial}`)).status).toBe(204);
    expect(stack.sim.tokensOf('bob').map((token) => token.serial)).toEqual([tablet]);
    expect(stack.logLines.some((line) => line.includes('"audit":"methods"') && line.includes('"action":"removed"'))).toBe(true);
    // The removed method's codes no longer log in.
    stack.clock.advance(30_000);
    expect((await stack.loginWith('bob', stack.codeFor(enrollment))).accepted).toBe(false);
  });

  it('refuses to remove the last method unless the operator allows it', async () => {
    const refusing = await open();
    const bob = await enrolled(refusing, 'bob');
    const last = await bob.client.delete(`/api/v1/methods/${bob.serial}`);
    expect(last.status).toBe(409);
    expect(last.body).toMatchObject({ code: 'last_method' });
    expect(refusing.sim.tokensOf('bob')).toHaveLength(1);

    const allowing = await open({ ALLOW_REMOVING_LAST_METHOD: 'true' });
    const carol = await enrolled(allowing, 'carol');
    expect((await carol.client.get<SignInMethodList>('/api/v1/methods')).body.canRemoveLast).toBe(true);
    expect((await carol.client.delete(`/api/v1/methods/${carol.serial}`)).status).toBe(204);
    expect(allowing.sim.tokensOf('carol')).toEqual([]);
  });

  it('replaces a lost phone: the old method works until the new one is confirmed, then it is gone', async () => {
    const stack = await open();
    const old = await enrolled(stack, 'bob', 'Lost phone');
    // The user comes back later through the host site (a fresh sign-in counts as the step-up).
    stack.clock.advance(600_000);
    const fresh = await stack.signedIn('bob');
    const started = await fresh.post<TotpEnrollment>('/api/v1/enrollment', { description: 'New phone', replaces: old.serial });
    expect(started.status).toBe(201);
    expect((await stack.loginWith('bob', stack.codeFor(old.enrollment))).accepted).toBe(true);
    stack.clock.advance(30_000);
    const confirmed = await fresh.verify(stack.codeFor(started.body));
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'enrolled', replaced: old.serial });
    expect(stack.sim.tokensOf('bob').map((token) => token.description)).toEqual(['New phone']);
    stack.clock.advance(30_000);
    expect((await stack.loginWith('bob', stack.codeFor(old.enrollment))).accepted).toBe(false);
    expect((await stack.loginWith('bob', stack.codeFor(started.body))).accepted).toBe(true);
  });

  it('a replacement whose old method cannot be removed still confirms the new one, and says nothing was replaced', async () => {
    const stack = await open();
    const old = await enrolled(stack, 'bob', 'Lost phone');
    const started = (await old.client.post<TotpEnrollment>('/api/v1/enrollment', { description: 'New phone', replaces: old.serial })).body;
    stack.sim.injectFault({ endpoint: 'DELETE /token/:serial', fault: { kind: 'error500' }, times: 1 });
    const confirmed = await old.client.verify(stack.codeFor(started));
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).not.toHaveProperty('replaced');
    expect(stack.sim.tokensOf('bob').map((token) => token.description).sort()).toEqual(['Lost phone', 'New phone']);
    expect(stack.logLines.some((line) => line.includes('could not be removed'))).toBe(true);
  });

  it('an abandoned or failed replacement leaves the old method working', async () => {
    const stack = await open();
    const old = await enrolled(stack, 'bob');
    const started = (await old.client.post<TotpEnrollment>('/api/v1/enrollment', { replaces: old.serial })).body;
    for (let i = 0; i < 5; i += 1) await old.client.verify('000000');
    await old.client.delete('/api/v1/enrollment');
    expect(started.secret).toBeDefined();
    expect(stack.sim.tokensOf('bob').map((token) => token.serial)).toEqual([old.serial]);
    stack.clock.advance(30_000);
    expect((await stack.loginWith('bob', stack.codeFor(old.enrollment))).accepted).toBe(true);
  });

  it('refuses a replacement without a fresh step-up, and for a serial that is not the user’s', async () => {
    const stack = await open();
    const old = await enrolled(stack, 'bob');
    const carol = await enrolled(stack, 'carol');
    stack.clock.advance(301_000);
    expect((await old.client.post('/api/v1/enrollment', { replaces: old.serial })).body).toMatchObject({ code: 'step_up_required' });
    expect((await old.client.post('/api/v1/enrollment', { replaces: carol.serial })).body).toMatchObject({ code: 'not_found' });
    expect(stack.sim.tokensOf('carol')).toHaveLength(1);
  });

  it('needs a session for everything', async () => {
    const stack = await open();
    const anonymous = new ApiClient(stack.baseUrl);
    expect((await anonymous.get('/api/v1/methods')).status).toBe(401);
    expect((await anonymous.post('/api/v1/session/step-up', { code: '123456' })).status).toBe(401);
  });
});
