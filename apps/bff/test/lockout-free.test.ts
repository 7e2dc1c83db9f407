import { afterEach, describe, expect, it } from 'vitest';
import type { TotpEnrollment, Session } from '@pi-enroll/shared';
import { ApiClient } from './support/api-client.js';
import { startStack, type TestStack } from './support/test-stack.js';

/**
 * The promise of the product, step by step: while an enrollment is unfinished privacyIDEA answers erin's logins
 * (passOnNoToken) exactly as if she had never started, until the answer that confirms it. Then her new token
 * works, and the code that confirmed it does not.
 */
describe.each([true, false])('passOnNoToken at every step of an enrollment (verify_enrollment=%s)', (verifyEnrollment) => {
  const stacks: TestStack[] = [];
  afterEach(async () => {
    for (const stack of stacks.splice(0).reverse()) await stack.close();
  });

  it('started, shown, wrong code, reload, second tab, abandoned, BFF restarted, privacyIDEA down: never locked out', async () => {
    let stack = await startStack({ verifyEnrollment, passOnNoToken: true });
    stacks.push(stack);
    const asIfNeverStarted = async (step: string) => {
      expect(stack.sim.tokensOf('erin'), step).toEqual([]);
      expect(await stack.loginWith('erin', 'anything'), step).toMatchObject({ accepted: true });
    };
    await asIfNeverStarted('before');
    const erin = await stack.signedIn('erin');
    const enrollment = (await erin.startEnrollment()).body;
    await asIfNeverStarted('started: the QR code is on the screen');
    expect((await erin.verify('000000')).status).toBe(422);
    await asIfNeverStarted('a wrong code');
    expect((await erin.get<TotpEnrollment>('/api/v1/enrollment')).body.secret).toBe(enrollment.secret);
    expect(((await erin.get<Session>('/api/v1/session')).body.pending as TotpEnrollment | null)?.secret).toBe(enrollment.secret);
    await asIfNeverStarted('a reload');
    const secondTab = new ApiClient(stack.baseUrl);
    secondTab.cookieHeader = erin.cookieHeader;
    expect((await secondTab.startEnrollment()).body.secret).toBe(enrollment.secret);
    await asIfNeverStarted('a second tab');
    stack.clock.advance(120_000);
    await stack.app.sweeper.sweepOnce({ full: true });
    await asIfNeverStarted('walked away for two minutes');

    // The BFF restarts (a deploy); with the in-process store its counters are gone, but the cookie still works.
    await stack.app.close();
    const restarted = await startStack({ simulator: stack.sim, clock: stack.clock, verifyEnrollment, passOnNoToken: true });
    stacks.push(restarted);
    const sim = stack.sim;
    stack = restarted;
    const again = new ApiClient(stack.baseUrl);
    again.cookieHeader = erin.cookieHeader;
    expect((await again.get<TotpEnrollment>('/api/v1/enrollment')).body.secret).toBe(enrollment.secret);
    await asIfNeverStarted('the BFF restarted');

    sim.injectFault({ endpoint: 'POST /token/init', fault: { kind: 'error500' }, times: 1 });
    expect((await again.verify(stack.codeFor(enrollment))).status).toBe(502);
    await asIfNeverStarted('privacyIDEA failed while creating the token');

    stack.clock.advance(30_000);
    const code = stack.codeFor(enrollment);
    const confirmed = await again.verify(code);
    expect(confirmed.status).toBe(200);
    // From the confirming answer on: her token counts, works with the next code, and not with the one she typed.
    expect(stack.sim.tokensOf('erin')).toHaveLength(1);
    expect(await stack.loginWith('erin', 'anything')).toMatchObject({ accepted: false });
    expect(await stack.loginWith('erin', code)).toMatchObject({ accepted: false });
    stack.clock.advance(30_000);
    expect(await stack.loginWith('erin', stack.codeFor(enrollment))).toMatchObject({ accepted: true });
  });

  it('an abandoned enrollment expires without ever having existed in privacyIDEA', async () => {
    const stack = await startStack({ verifyEnrollment, passOnNoToken: true });
    stacks.push(stack);
    const erin = await stack.signedIn('erin');
    await erin.startEnrollment();
    stack.sim.resetRequestCounts();
    stack.clock.advance(601_000);
    expect(await stack.app.sweeper.sweepOnce({ full: true })).toMatchObject({ deleted: 0 });
    expect((await erin.get('/api/v1/enrollment')).status).toBe(410);
    expect(stack.sim.requestCounts()['POST /token/init'] ?? 0).toBe(0);
    expect(await stack.loginWith('erin', 'anything')).toMatchObject({ accepted: true });
  });
});
