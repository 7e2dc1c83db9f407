import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRecorded } from './support/expect-recorded.js';
import { GENERATED_ENROLLMENT, Lab, otpOf } from './support/recorded-lab.js';
import { inStep, RECORDED_SEEDS, RECORDED_TIMES } from './support/recording.js';

const N0 = RECORDED_TIMES.bobN0;
const BOB = 'TOTP00020A42';

/**
 * The recorded verify_enrollment re-run (g13b–g19, user bob), replayed in order with bob's recorded seed and the
 * recorded codes, at moments inside the recorded time steps.
 */
describe('verify_enrollment, recorded §4 (g13b–g19)', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await Lab.start({ verifyEnrollment: true, startMs: inStep(N0, 2) });
  });
  afterAll(() => lab.close());

  it('g13b as recorded (genkey): rollout_state verify and detail.verify.message', async () => {
    expectRecorded(await lab.send('g13b'), 'g13b', { loose: GENERATED_ENROLLMENT });
  });

  it('g13b with the recorded seed and serial: the recorded body exactly; the token exists, active, in verify', async () => {
    lab.sim.clearTokens();
    const response = await lab.send('g13b', { params: { genkey: '0', otpkey: RECORDED_SEEDS.bob, serial: BOB } });
    expectRecorded(response, 'g13b');
    expect(lab.token(BOB)).toMatchObject({ active: true, rollout_state: 'verify', count: 0, failcount: 0 });
  });

  it('g14: /validate/check rejects the correct code of step N0 (not yet enrolled) and consumes the step', async () => {
    expectRecorded(await lab.send('g14'), 'g14');
    expect(lab.token(BOB)).toMatchObject({ failcount: 0, count: N0, rollout_state: 'verify' });
  });

  it('g15: a wrong code is 400/905 and changes nothing', async () => {
    expectRecorded(await lab.send('g15'), 'g15');
    expect(lab.token(BOB)).toMatchObject({ failcount: 0, count: N0, rollout_state: 'verify' });
  });

  it('g16: the consumed step-N0 code is 400/905 too', async () => {
    expectRecorded(await lab.send('g16'), 'g16');
    expect(lab.token(BOB).rollout_state).toBe('verify');
  });

  it('g17: a fresh code (N0+1) enrolls the token and is consumed', async () => {
    lab.clock.set(inStep(N0 + 1));
    expectRecorded(await lab.send('g17'), 'g17');
    expect(lab.token(BOB)).toMatchObject({ rollout_state: 'enrolled', count: N0 + 1, failcount: 0 });
  });

  it('g18: verify= on an enrolled token answers 200 enrolled without checking (quirk 5)', async () => {
    const before = lab.token(BOB);
    expectRecorded(await lab.send('g18'), 'g18');
    expect(lab.token(BOB)).toEqual(before);
  });

  it('g19: the enrolled token authenticates (N0+2)', async () => {
    lab.clock.set(inStep(N0 + 2));
    expectRecorded(await lab.send('g19'), 'g19');
  });
});

describe('verify_enrollment, other recorded and derived behaviour', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await Lab.start({ verifyEnrollment: true, startMs: inStep(N0) });
  });
  afterAll(() => lab.close());

  it('g6/g7: a verify-state token rejects a correct code (consumed) and counts a wrong one', async () => {
    const seed = '0123456789abcdef0123456789abcdef01234567';
    await lab.initToken({ type: 'totp', otpkey: seed, serial: 'TOTP0001D3FD', user: 'dave', realm: 'example' });
    expectRecorded(await lab.send('g6', { params: { pass: otpOf(seed, N0) } }), 'g6');
    expect(lab.token('TOTP0001D3FD')).toMatchObject({ count: N0, failcount: 0 });
    expectRecorded(await lab.send('g7'), 'g7');
    expect(lab.token('TOTP0001D3FD')).toMatchObject({ failcount: 1, rollout_state: 'verify' });
  });

  it('a failed verify leaves failcount alone even after failed authentications', async () => {
    const before = lab.token('TOTP0001D3FD').failcount;
    const response = await lab.initToken({ serial: 'TOTP0001D3FD', type: 'totp', verify: '999999' });
    expect(response.status).toBe(400);
    expect(lab.token('TOTP0001D3FD').failcount).toBe(before);
  });

  it('verify without type falls back to hotp and is refused (400/301)', async () => {
    const response = await lab.initToken({ serial: 'TOTP0001D3FD', verify: '123456' });
    expect(response.status).toBe(400);
    expect((response.body as { result: { error: { code: number } } }).result.error.code).toBe(301);
  });

  it('verify= on a token enrolled without the policy (rollout_state "") answers its state unchanged', async () => {
    lab.sim.setPolicies({ verifyEnrollment: false });
    await lab.initToken({ type: 'totp', genkey: '1', serial: 'LEGACY1', user: 'erin', realm: 'example' });
    const response = await lab.initToken({ serial: 'LEGACY1', type: 'totp', verify: '000000' });
    expect(response.status).toBe(200);
    expect((response.body as { detail: unknown }).detail).toEqual({ rollout_state: '', serial: 'LEGACY1', threadid: 140707247032000 });
    lab.sim.setPolicies({ verifyEnrollment: true });
  });

  it("re-initialising a user's token under the policy puts it back into verify", async () => {
    await lab.initToken({ type: 'totp', genkey: '1', serial: 'LEGACY1' });
    expect(lab.token('LEGACY1').rollout_state).toBe('verify');
  });

  it('the policy is per realm: another realm without it enrolls at once', async () => {
    const other = await Lab.start({
      verifyEnrollment: true,
      config: {
        realms: [
          { name: 'example', resolver: 'ldap-example', default: true, users: [{ username: 'alice', password: 'a', userid: 'u1' }] },
          { name: 'other', resolver: 'sql-other', users: [{ username: 'zoe', password: 'z', userid: 'u2' }] },
        ],
        admins: [{ username: 'admin', password: 'admin-demo' }],
      },
    });
    try {
      const inExample = await other.initToken({ type: 'totp', genkey: '1', user: 'alice' });
      const inOther = await other.initToken({ type: 'totp', genkey: '1', user: 'zoe', realm: 'other' });
      expect((inExample.body as { detail: { rollout_state: string } }).detail.rollout_state).toBe('verify');
      expect((inOther.body as { detail: { rollout_state: string } }).detail.rollout_state).toBe('');
    } finally {
      await other.close();
    }
  });
});
