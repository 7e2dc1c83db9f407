import { afterEach, describe, expect, it } from 'vitest';
import type { RecoveryEnrollment } from '@pi-enroll/shared';
import type { ApiClient } from '../support/api-client.js';
import { startStack, type StackOptions, type TestStack } from '../support/test-stack.js';

type Started = Omit<RecoveryEnrollment, 'status'>;

/**
 * Recovery codes (a privacyIDEA `tan` token) over HTTP against the simulator: nothing in privacyIDEA until the named
 * code is typed back; then exactly these codes, each once, in any order; a new set replaces the old one only once
 * it is confirmed.
 */
describe.each([true, false])('recovery codes (verify_enrollment=%s)', (verifyEnrollment) => {
  const stacks: TestStack[] = [];
  const start = async (options: StackOptions = {}) => {
    const stack = await startStack({ verifyEnrollment, passOnNoToken: true, ...options });
    stacks.push(stack);
    return stack;
  };
  afterEach(async () => {
    for (const stack of stacks.splice(0).reverse()) await stack.close();
  });

  /** A user with an authenticator app, as recovery codes need. */
  const withApp = async (stack: TestStack, username: string): Promise<ApiClient> => {
    const client = await stack.signedIn(username);
    const app = (await client.startEnrollment()).body;
    expect((await client.verify(stack.codeFor(app))).status).toBe(200);
    stack.clock.advance(30_000);
    return client;
  };
  const tansOf = (stack: TestStack, username: string) => stack.sim.tokensOf(username).filter((token) => token.tokentype === 'tan');
  const named = (set: Started) => set.codes[set.confirmCodeNumber - 1] ?? '';
  const others = (set: Started) => set.codes.filter((_, i) => i !== set.confirmCodeNumber - 1);

  it('shows ten codes and creates nothing until the named one is typed back; then each other code works once', async () => {
    const stack = await start();
    const alice = await withApp(stack, 'alice');
    const [app] = stack.sim.tokensOf('alice');
    // Recovery codes never replace the method they back up.
    expect((await alice.start('recovery', { replaces: app?.serial })).body).toMatchObject({ status: 400, code: 'invalid_request', errors: [{ field: 'replaces' }] });
    const started = await alice.start('recovery');
    expect(started.status).toBe(201);
    const set = started.body;
    expect(set).toMatchObject({ type: 'recovery', attemptsLeft: 5 });
    expect(set.codes).toHaveLength(10);
    expect(new Set(set.codes).size).toBe(10);
    expect(set.codes.every((code) => /^\d{8}$/.test(code))).toBe(true);
    expect(set.confirmCodeNumber).toBeGreaterThanOrEqual(1);
    expect(set.confirmCodeNumber).toBeLessThanOrEqual(10);
    expect(tansOf(stack, 'alice')).toEqual([]);
    // Another code of the list is not the one asked for: a wrong code, judged without privacyIDEA.
    stack.sim.resetRequestCounts();
    const wrong = await alice.verify(others(set)[0] ?? '');
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ code: 'invalid_code', attemptsLeft: 4 });
    expect(stack.sim.requestCounts()).toEqual({});
    expect((await alice.verify('1234')).body).toMatchObject({ status: 400, code: 'invalid_request', errors: [{ field: 'code' }] });
    // A reload shows the same codes.
    expect((await alice.get<Started>('/api/v1/enrollment')).body.codes).toEqual(set.codes);

    const confirmed = await alice.verify(named(set).replace(/(\d{4})(\d{4})/, '$1 $2'));
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'enrolled', serial: expect.stringMatching(/^PIENC/) as unknown });
    expect(tansOf(stack, 'alice')).toMatchObject([{ serial: confirmed.body.serial, rollout_state: verifyEnrollment ? 'enrolled' : '', active: true }]);
    expect(await stack.loginWith('alice', named(set))).toMatchObject({ accepted: false });
    for (const code of others(set)) expect(await stack.loginWith('alice', code), code).toMatchObject({ accepted: true });
    for (const code of others(set)) expect(await stack.loginWith('alice', code), code).toMatchObject({ accepted: false });
    // No answer carries the codes again.
    expect((await alice.get('/api/v1/enrollment')).status).toBe(404);
    expect(JSON.stringify((await alice.get('/api/v1/session')).body)).not.toContain(named(set));
    // Nor does any log line.
    for (const code of set.codes) expect(stack.logLines.filter((line) => line.includes(code))).toEqual([]);
  });

  it('is refused for a user with no other method, and creates nothing', async () => {
    const stack = await start();
    const bob = await stack.signedIn('bob');
    const refused = await bob.start('recovery');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'other_method_required' });
    expect(stack.sim.tokensOf('bob')).toEqual([]);
    expect(await stack.loginWith('bob', 'anything')).toMatchObject({ accepted: true });
  });

  it('recovery codes alone do not count as a method: such a user may add one, but not another set', async () => {
    const stack = await start();
    // An admin gave bob recovery codes only (e.g. after removing a lost phone).
    const { username, password } = stack.sim.demoCredentials.admin;
    const form = (fields: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
    const auth = (await (await fetch(`${stack.sim.url}/auth`, form({ username, password }))).json()) as { result: { value: { token: string } } };
    stack.sim.setPolicies({ verifyEnrollmentTypes: ['hotp', 'totp', 'email'] });
    const init = await fetch(`${stack.sim.url}/token/init`, { ...form({ type: 'tan', user: 'bob', realm: 'example', tans: '11112222 33334444' }), headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: auth.result.value.token } });
    expect(init.status).toBe(200);
    const bob = await stack.signedIn('bob');
    expect((await bob.get('/api/v1/methods')).body).toMatchObject({ canAdd: true, methods: [{ tokenType: 'tan', method: 'recovery' }] });
    expect((await bob.start('recovery')).body).toMatchObject({ status: 409, code: 'other_method_required' });
    expect((await bob.startEnrollment()).status).toBe(201);
  });

  it('a new set replaces the old one only once it is confirmed', async () => {
    const stack = await start();
    const carol = await withApp(stack, 'carol');
    const first = (await carol.start('recovery')).body;
    expect((await carol.verify(named(first))).status).toBe(200);
    const [oldCode, stillOld] = others(first);
    const second = (await carol.start('recovery')).body;
    expect(second.codes).not.toEqual(first.codes);
    expect(await stack.loginWith('carol', oldCode ?? '')).toMatchObject({ accepted: true });
    expect(tansOf(stack, 'carol')).toHaveLength(1);
    expect((await carol.verify(named(second))).status).toBe(200);
    expect(tansOf(stack, 'carol')).toHaveLength(1);
    expect(await stack.loginWith('carol', stillOld ?? '')).toMatchObject({ accepted: false });
    expect(await stack.loginWith('carol', others(second)[0] ?? '')).toMatchObject({ accepted: true });
  });

  it('wrong codes until exhausted, expiry, cancel and a double start leave nothing', async () => {
    const stack = await start();
    const dave = await withApp(stack, 'dave');
    const set = (await dave.start('recovery')).body;
    expect((await dave.start('recovery')).status).toBe(200);
    expect((await dave.start('recovery')).body.codes).toEqual(set.codes);
    for (let i = 0; i < 4; i += 1) expect((await dave.verify('00000000')).status).toBe(422);
    expect((await dave.verify('00000000')).body).toMatchObject({ status: 409, code: 'attempts_exhausted' });
    expect((await dave.verify(named(set))).status).toBe(404);
    expect(tansOf(stack, 'dave')).toEqual([]);

    const again = (await dave.start('recovery')).body;
    stack.clock.advance(stack.config.enrollment.ttlSeconds * 1000);
    expect((await dave.verify(named(again))).body).toMatchObject({ status: 410, code: 'enrollment_expired' });
    const third = (await dave.start('recovery')).body;
    expect((await dave.delete('/api/v1/enrollment')).status).toBe(204);
    expect((await dave.verify(named(third))).status).toBe(404);
    expect(tansOf(stack, 'dave')).toEqual([]);
  });

  it('privacyIDEA failing at each step of the confirmation leaves no set after one sweep, and the user can try again', async () => {
    const stack = await start();
    const erin = await withApp(stack, 'erin');
    const set = (await erin.start('recovery')).body;
    // The create fails: nothing made.
    stack.sim.injectFault({ endpoint: 'POST /token/init', fault: { kind: 'error500' }, times: 1 });
    expect((await erin.verify(named(set))).status).toBe(502);
    expect(tansOf(stack, 'erin')).toEqual([]);
    // The spend fails (step 2 or /validate/check), and so does the clean-up: the sweeper removes the half-made set.
    const spend = verifyEnrollment ? { endpoint: 'POST /token/init', after: 1 } : { endpoint: 'POST /validate/check' };
    stack.sim.injectFault({ ...spend, fault: { kind: 'error500' }, times: 1 });
    stack.sim.injectFault({ endpoint: 'DELETE /token/:serial', fault: { kind: 'error500' }, times: 1 });
    expect((await erin.verify(named(set))).status).toBe(502);
    const [halfMade] = tansOf(stack, 'erin');
    expect(halfMade?.rollout_state).toBe(verifyEnrollment ? 'verify' : '');
    stack.clock.advance(120_000);
    await stack.app.sweeper.sweepOnce();
    // Waiting in verify: the sweeper's. Live (no verify_enrollment): codes the user holds and proved, never a
    // lockout, removed before the next try creates the set again (as for an authenticator app).
    expect(tansOf(stack, 'erin')).toHaveLength(verifyEnrollment ? 0 : 1);
    // The same enrollment confirms afterwards, and only its codes work.
    const confirmed = await erin.verify(named(set));
    expect(confirmed.status).toBe(200);
    expect(tansOf(stack, 'erin').map((token) => token.serial)).toEqual([confirmed.body.serial]);
    expect(confirmed.body.serial).not.toBe(halfMade?.serial);
    expect(await stack.loginWith('erin', others(set)[1] ?? '')).toMatchObject({ accepted: true });
  });

  it('counts the funnel by method', async () => {
    const stack = await start();
    const alice = await withApp(stack, 'alice');
    const set = (await alice.start('recovery')).body;
    await alice.verify(named(set));
    const metrics = await stack.app.metrics.getSingleMetricAsString('pi_enroll_enrollments_total');
    expect(metrics).toMatch(/pi_enroll_enrollments_total\{outcome="confirmed",method="recovery"\} 1/);
    expect(metrics).toMatch(/pi_enroll_enrollments_total\{outcome="confirmed",method="totp"\} 1/);
  });
});
