import { afterEach, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from './support/test-stack.js';

describe('abandoned enrollments never lock anybody out', () => {
  const stacks: TestStack[] = [];
  afterEach(async () => {
    for (const stack of stacks.splice(0).reverse()) await stack.close();
  });

  it.each([true, false])('a BFF restarted mid-enrollment still sweeps the expired token (verify_enrollment=%s)', async (verifyEnrollment) => {
    const first = await startStack({ verifyEnrollment, passOnNoToken: true });
    stacks.push(first);
    const erin = await first.signedIn('erin');
    expect((await erin.startEnrollment()).status).toBe(201);

    // The user walks away; with passOnNoToken the unfinished token locks them out.
    expect((await first.loginWith('erin', 'anything')).accepted).toBe(false);

    // A new BFF process: nothing in memory survives, only what privacyIDEA holds.
    await first.app.close();
    const second = await startStack({ simulator: first.sim, clock: first.clock, verifyEnrollment, passOnNoToken: true });
    stacks.push(second);

    expect(await second.app.sweeper.sweepOnce()).toMatchObject({ deleted: 0 });
    expect(second.sim.tokensOf('erin')).toHaveLength(1);

    second.clock.advance(600_000);
    expect(await second.app.sweeper.sweepOnce()).toMatchObject({ deleted: 1, failed: 0 });
    expect(second.sim.tokensOf('erin')).toEqual([]);
    expect(await second.loginWith('erin', 'anything')).toMatchObject({ accepted: true });
    expect(second.logLines.some((line) => line.includes('"outcome":"swept"') && line.includes('erin'))).toBe(true);
  });

  it('leaves confirmed tokens and tokens it did not create alone', async () => {
    const stack = await startStack({ verifyEnrollment: false });
    stacks.push(stack);
    const alice = await stack.signedIn('alice');
    const enrollment = (await alice.startEnrollment()).body;
    expect((await alice.verify(stack.codeFor(enrollment))).status).toBe(200);
    // Somebody else's token, enrolled outside pi-enroll and disabled by an admin.
    const admin = await fetch(`${stack.sim.url}/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: stack.sim.demoCredentials.admin.username, password: stack.sim.demoCredentials.admin.password }),
    });
    const jwt = ((await admin.json()) as { result: { value: { token: string } } }).result.value.token;
    const init = await fetch(`${stack.sim.url}/token/init`, {
      method: 'POST',
      headers: { authorization: jwt, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ type: 'totp', genkey: '1', user: 'dave', realm: 'example' }),
    });
    const serial = ((await init.json()) as { detail: { serial: string } }).detail.serial;
    await fetch(`${stack.sim.url}/token/disable`, {
      method: 'POST',
      headers: { authorization: jwt, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ serial }),
    });

    stack.clock.advance(3_600_000);
    await stack.app.sweeper.sweepOnce();
    expect(stack.sim.tokensOf('alice')).toHaveLength(1);
    expect(stack.sim.tokensOf('dave').map((token) => token.serial)).toEqual([serial]);
  });

  it('two replicas sweeping at once delete each token once and report no failure', async () => {
    const a = await startStack();
    stacks.push(a);
    const b = await startStack({ simulator: a.sim, clock: a.clock });
    stacks.push(b);
    for (const user of ['alice', 'bob', 'carol']) await (await a.signedIn(user)).startEnrollment();
    a.clock.advance(601_000);
    const [resultA, resultB] = await Promise.all([a.app.sweeper.sweepOnce(), b.app.sweeper.sweepOnce()]);
    expect(resultA.failed + resultB.failed).toBe(0);
    expect(resultA.deleted + resultB.deleted).toBe(3);
    expect(a.sim.tokens()).toEqual([]);
  });
});
