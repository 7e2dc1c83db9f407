import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRecorded } from './support/expect-recorded.js';
import { Lab, otpOf } from './support/recorded-lab.js';
import { inStep, RECORDED_SEEDS } from './support/recording.js';

const STEP = 59862640;
const CAROL = 'TOTP0002D94A';
const ERIN = 'TOTP00034E49';
const SEEDS = { carol: '4444444444444444444444444444444444444444', erin: '5555555555555555555555555555555555555555' };

/**
 * Recorded §7 in order: bob has no token, carol's only token is disabled, erin's only token is still in verify.
 * passOnNoToken lets only users with zero tokens (in any state) through.
 */
describe('passOnNoToken, recorded §7 (h0b–h9)', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await Lab.start({ startMs: inStep(STEP) });
    await lab.initToken({ type: 'totp', otpkey: RECORDED_SEEDS.alice, serial: 'TOTP0000011D', user: 'alice' });
    await lab.initToken({ type: 'totp', otpkey: SEEDS.carol, serial: CAROL, user: 'carol' });
    await lab.call('POST', '/token/disable', { form: { serial: CAROL } });
    lab.sim.setPolicies({ verifyEnrollment: true });
    await lab.initToken({ type: 'totp', otpkey: SEEDS.erin, serial: ERIN, user: 'erin' });
    lab.sim.setPolicies({ verifyEnrollment: false });
  });
  afterAll(() => lab.close());

  it('h0b: without the policy, a user without tokens is rejected', async () => {
    expectRecorded(await lab.send('h0b'), 'h0b');
  });

  it.each(['h0c', 'h0d'])('%s: without the policy, "anything" is a wrong PIN for a token owner', async (id) => {
    expectRecorded(await lab.send(id), id);
  });

  it('h2, h3: with the policy, a user without tokens passes with any pass, even an empty one', async () => {
    lab.sim.setPolicies({ passOnNoToken: true });
    expectRecorded(await lab.send('h2'), 'h2');
    expectRecorded(await lab.send('h3'), 'h3');
  });

  it('h4: a user whose only token is disabled is locked out; failcount counts on the disabled token', async () => {
    expectRecorded(await lab.send('h4'), 'h4');
    expect(lab.token(CAROL).failcount).toBe(2);
  });

  it('h5: ... even with a correct code', async () => {
    expectRecorded(await lab.send('h5', { params: { pass: otpOf(SEEDS.carol, STEP) } }), 'h5');
  });

  it('h6, h7: a user whose only token is unverified is locked out as well', async () => {
    expectRecorded(await lab.send('h6'), 'h6');
    expectRecorded(await lab.send('h7', { params: { pass: otpOf(SEEDS.erin, STEP) } }), 'h7');
    expect(lab.token(ERIN)).toMatchObject({ failcount: 2, rollout_state: 'verify' });
  });

  it('h8: an unknown user is 400/904', async () => {
    expectRecorded(await lab.send('h8'), 'h8');
  });

  it('h9: a user with an active token gets the normal check', async () => {
    expectRecorded(await lab.send('h9'), 'h9');
  });

  it('lets a user through again once the last token is deleted; default realm when none is named', async () => {
    await lab.call('DELETE', `/token/${ERIN}`);
    const response = await lab.call('POST', '/validate/check', { json: { user: 'erin', pass: 'x' } });
    expect((response.body as { result: { value: boolean } }).result.value).toBe(true);
  });
});
