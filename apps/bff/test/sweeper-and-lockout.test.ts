import { afterEach, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from './support/test-stack.js';

/** privacyIDEA's admin API as an operator would use it beside pi-enroll. */
async function asAdmin(stack: TestStack) {
  const auth = await fetch(`${stack.sim.url}/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: stack.sim.demoCredentials.admin.username, password: stack.sim.demoCredentials.admin.password }),
  });
  const jwt = ((await auth.json()) as { result: { value: { token: string } } }).result.value.token;
  return async (path: string, form: Record<string, string>) => {
    const response = await fetch(`${stack.sim.url}${path}`, {
      method: 'POST',
      headers: { authorization: jwt, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });
    return (await response.json()) as { detail?: { serial?: string } };
  };
}

describe('the sweeper deletes only what is provably ours and unfinished', () => {
  const stacks: TestStack[] = [];
  afterEach(async () => {
    for (const stack of stacks.splice(0).reverse()) await stack.close();
  });
  const open = async (options: Parameters<typeof startStack>[0] = {}) => {
    const stack = await startStack(options);
    stacks.push(stack);
    return stack;
  };

  it('a BFF restarted after a crash between creating and confirming a token still sweeps it', async () => {
    const first = await open();
    const erin = await first.signedIn('erin');
    const enrollment = (await erin.startEnrollment()).body;
    // The crash: the token is created, its verify step and the clean-up never happen.
    first.sim.injectFault({ endpoint: 'POST /token/init', fault: { kind: 'error500' }, after: 1 });
    first.sim.injectFault({ endpoint: 'DELETE /token/:serial', fault: { kind: 'error500' } });
    expect((await erin.verify(first.codeFor(enrollment))).status).toBe(502);
    first.sim.clearFaults();
    expect((await first.loginWith('erin', 'anything')).accepted).toBe(false);

    // A new BFF process: nothing in memory survives, only what privacyIDEA holds.
    await first.app.close();
    const second = await open({ simulator: first.sim, clock: first.clock });
    second.clock.advance(121_000);
    expect(await second.app.sweeper.sweepOnce()).toMatchObject({ deleted: 1, failed: 0 });
    expect(second.sim.tokensOf('erin')).toEqual([]);
    expect(await second.loginWith('erin', 'anything')).toMatchObject({ accepted: true });
    expect(second.logLines.some((line) => line.includes('"outcome":"swept"') && line.includes('erin'))).toBe(true);
  });

  it('leaves alone confirmed tokens, admin tokens whose serial merely starts with PIEN, and a rolled-over token of ours', async () => {
    const stack = await open();
    const admin = await asAdmin(stack);
    const alice = await stack.signedIn('alice');
    const enrollment = (await alice.startEnrollment()).body;
    expect((await alice.verify(stack.codeFor(enrollment))).status).toBe(200);
    const [ours] = stack.sim.tokensOf('alice');

    // An admin's own token named like ours, waiting in "verify", and one of dave's, disabled.
    await admin('/token/init', { type: 'totp', genkey: '1', user: 'bob', realm: 'example', serial: 'PIENC0000000000000000000000000000000' });
    const daves = (await admin('/token/init', { type: 'totp', genkey: '1', user: 'dave', realm: 'example' })).detail?.serial ?? '';
    await admin('/token/disable', { serial: daves });
    // Half an hour later the admin rolls alice's confirmed token over: same serial, new key, back in "verify".
    stack.clock.advance(1_800_000);
    await admin('/token/init', { type: 'totp', genkey: '1', serial: ours?.serial ?? '' });
    expect(stack.sim.tokensOf('alice')).toMatchObject([{ rollout_state: 'verify' }]);

    stack.clock.advance(3_600_000);
    expect(await stack.app.sweeper.sweepOnce()).toMatchObject({ deleted: 0, failed: 0 });
    expect(stack.sim.tokensOf('alice').map((token) => token.serial)).toEqual([ours?.serial]);
    expect(stack.sim.tokensOf('bob')).toHaveLength(1);
    expect(stack.sim.tokensOf('dave').map((token) => token.serial)).toContain(daves);
  });

  it('two replicas sweeping at once delete each stranded token once and report no failure', async () => {
    const a = await open();
    const b = await open({ simulator: a.sim, clock: a.clock });
    for (const user of ['bob', 'carol', 'erin']) {
      const client = await a.signedIn(user);
      const enrollment = (await client.startEnrollment()).body;
      a.sim.injectFault({ endpoint: 'POST /token/init', fault: { kind: 'error500' }, after: 1, times: 1 });
      a.sim.injectFault({ endpoint: 'DELETE /token/:serial', fault: { kind: 'error500' }, times: 1 });
      expect((await client.verify(a.codeFor(enrollment))).status).toBe(502);
    }
    a.sim.clearFaults();
    expect(a.sim.tokens().filter((token) => token.rollout_state === 'verify')).toHaveLength(3);
    a.clock.advance(121_000);
    const [resultA, resultB] = await Promise.all([a.app.sweeper.sweepOnce(), b.app.sweeper.sweepOnce()]);
    expect(resultA.failed + resultB.failed).toBe(0);
    expect(resultA.deleted + resultB.deleted).toBe(3);
    expect(a.sim.tokens().filter((token) => token.rollout_state === 'verify')).toEqual([]);
  });
});
