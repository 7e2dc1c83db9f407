import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRecorded } from './support/expect-recorded.js';
import { Lab, otpOf } from './support/recorded-lab.js';
import { inStep, RECORDED_SEEDS, RECORDED_TIMES } from './support/recording.js';

const ALICE = 'TOTP0000011D';
const seed = RECORDED_SEEDS.alice;

interface CheckBody {
  detail: Record<string, unknown> & { message: string };
  result: { value: boolean; authentication: string };
}

/**
 * Recorded §6 (e1–e19) replayed in order on alice's token with her recorded seed: the recorded codes are sent at
 * moments inside their recorded time steps, and the token state after each step is the recorded one.
 */
describe('POST /validate/check, recorded §6 (e1–e19)', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await Lab.start();
    await lab.initToken({ type: 'totp', otpkey: seed, serial: ALICE, user: 'alice', realm: 'example', description: 'lab totp for alice' });
  });
  afterAll(() => lab.close());

  it('e1: a correct code (by serial) is accepted; count = its time step, timeShift = step start − now', async () => {
    lab.clock.set(RECORDED_TIMES.e1);
    expectRecorded(await lab.send('e1'), 'e1');
    expect(lab.token(ALICE)).toMatchObject({ failcount: 0, count: 59862608 });
    expect(lab.token(ALICE).info['timeShift']).toBe('-10.0');
  });

  it('e2: the same code again is "previous otp used again", failcount +1', async () => {
    expectRecorded(await lab.send('e2'), 'e2');
    expect(lab.token(ALICE).failcount).toBe(1);
  });

  it('e3: a wrong code, failcount +1', async () => {
    expectRecorded(await lab.send('e3'), 'e3');
    expect(lab.token(ALICE).failcount).toBe(2);
  });

  it('e4: a correct code by user and realm resets failcount (2 → 0)', async () => {
    lab.clock.set(inStep(59862609));
    expectRecorded(await lab.send('e4'), 'e4');
    expect(lab.token(ALICE)).toMatchObject({ failcount: 0, count: 59862609 });
  });

  it('e5: a wrong code by user', async () => {
    expectRecorded(await lab.send('e5'), 'e5');
    expect(lab.token(ALICE).failcount).toBe(1);
  });

  it('e6: disabled token, correct code: rejected, but the code is burnt (quirk 1)', async () => {
    await lab.call('POST', '/token/disable', { form: { serial: ALICE } });
    lab.clock.set(inStep(59862610));
    expectRecorded(await lab.send('e6'), 'e6');
    expect(lab.token(ALICE)).toMatchObject({ failcount: 1, count: 59862610 });
  });

  it('e7: disabled token, wrong code: failcount still counts (quirk 2)', async () => {
    expectRecorded(await lab.send('e7'), 'e7');
    expect(lab.token(ALICE).failcount).toBe(2);
  });

  it('e8: disabled token, correct code by user: same answer as e6', async () => {
    lab.clock.set(inStep(59862611));
    expectRecorded(await lab.send('e8', { params: { pass: otpOf(seed, 59862611) } }), 'e8');
    expect(lab.token(ALICE).count).toBe(59862611);
  });

  it('e9: JSON body without realm uses the default realm', async () => {
    await lab.call('POST', '/token/enable', { form: { serial: ALICE } });
    lab.clock.set(inStep(59862612));
    expectRecorded(await lab.send('e9'), 'e9');
    expect(lab.token(ALICE).failcount).toBe(0);
  });

  it('e15 then three wrong codes: failcount reaches max_failcount', async () => {
    expectRecorded(await lab.send('e15'), 'e15');
    for (const pass of ['000001', '000002', '000003']) await lab.check({ serial: ALICE, pass });
    expect(lab.token(ALICE)).toMatchObject({ failcount: 3, maxfail: 3 });
    await lab.check({ serial: ALICE, pass: '000004' });
    expect(lab.token(ALICE).failcount).toBe(3);
  });

  it('e17: failcount ≥ maxfail rejects even a correct code, and burns it', async () => {
    lab.clock.set(inStep(59862616));
    expectRecorded(await lab.send('e17'), 'e17');
    expect(lab.token(ALICE)).toMatchObject({ failcount: 3, count: 59862616 });
  });

  it('e18, e19: after /token/reset a fresh correct code is accepted', async () => {
    expectRecorded(await lab.send('e18'), 'e18');
    expect(lab.token(ALICE).failcount).toBe(0);
    lab.clock.set(inStep(59862617, 2) + 130);
    expectRecorded(await lab.send('e19', { params: { pass: otpOf(seed, 59862617) } }), 'e19');
    expect(lab.token(ALICE).info).toMatchObject({ last_auth: '2026-11-28 15:08:32.130000+0000' });
  });

  it('counts every authentication attempt and every success in tokeninfo', () => {
    // e1–e9, four wrong codes, e17, e19 = 15 attempts; e1, e4, e9, e19 succeeded.
    expect(lab.token(ALICE).info).toMatchObject({ count_auth: '15', count_auth_success: '4' });
  });
});

describe('POST /validate/check, errors and edges', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await Lab.start({ startMs: inStep(59862620) });
    await lab.initToken({ type: 'totp', otpkey: seed, serial: ALICE, user: 'alice', realm: 'example' });
  });
  afterAll(() => lab.close());

  it('j14: no pass is privacyIDEA\'s generic 500 (a server bug, reproduced)', async () => {
    expectRecorded(await lab.send('j14'), 'j14');
  });

  it('j15: neither user nor serial is 400/905', async () => {
    expectRecorded(await lab.send('j15'), 'j15');
  });

  it('f6: an unknown serial is 404/601', async () => {
    expectRecorded(await lab.send('f6'), 'f6');
  });

  it.each([
    ['12345', 'wrong otp value'],
    ['abcdef', 'wrong otp value'],
    ['', 'wrong otp value'],
    ['1234567', 'wrong otp pin'],
    ['anything', 'wrong otp pin'],
  ])('pass %j: the last 6 characters are the OTP, the rest the (empty) PIN → %s', async (pass, message) => {
    const response = await lab.check({ serial: ALICE, pass });
    expect((response.body as CheckBody).detail.message).toBe(message);
  });

  it('searches codes 150 s ahead (privacyIDEA\'s range(c − 6, c + 6) ends before c + 6) and sets timeShift', async () => {
    lab.clock.set(inStep(59862700));
    const tooFar = await lab.check({ serial: ALICE, pass: otpOf(seed, 59862706) });
    expect((tooFar.body as CheckBody).result.value).toBe(false);
    const newest = await lab.check({ serial: ALICE, pass: otpOf(seed, 59862705) });
    expect((newest.body as CheckBody).result.value).toBe(true);
    expect(lab.token(ALICE).info['timeShift']).toBe('145.0');
  });

  it('moves the window with timeShift', async () => {
    // Now = step 59862700 + 5 s, shifted +145 s → centre step 59862705; 59862710 is inside the moved window.
    const ahead = await lab.check({ serial: ALICE, pass: otpOf(seed, 59862710) });
    expect((ahead.body as CheckBody).result.value).toBe(true);
  });

  it('searches codes 180 s back', async () => {
    await lab.call('POST', '/token/set', { form: { serial: ALICE, timeShift: '0.0' } });
    lab.clock.set(inStep(59862800));
    const tooOld = await lab.check({ serial: ALICE, pass: otpOf(seed, 59862793) });
    expect((tooOld.body as CheckBody).result.value).toBe(false);
    const oldest = await lab.check({ serial: ALICE, pass: otpOf(seed, 59862794) });
    expect((oldest.body as CheckBody).result.value).toBe(true);
  });

  it('accepts a code for a user with several tokens, naming the token only when one matches', async () => {
    await lab.initToken({ type: 'totp', otpkey: '00112233445566778899aabbccddeeff00112233', serial: 'SECOND', user: 'alice' });
    lab.clock.set(inStep(59862800));
    const wrong = await lab.check({ user: 'alice', pass: '000000' });
    expect((wrong.body as CheckBody).detail).toEqual({ message: 'wrong otp value', threadid: 140707247032000 });
    const right = await lab.check({ user: 'alice', pass: otpOf('00112233445566778899aabbccddeeff00112233', 59862800) });
    expect((right.body as CheckBody).detail).toMatchObject({ message: 'matching 1 tokens', serial: 'SECOND' });
  });

  it('answers GET /validate/check with query parameters like POST', async () => {
    const response = await lab.call('GET', '/validate/check?serial=TOTP0000011D&pass=000000');
    expect(response.status).toBe(200);
    expect((response.body as CheckBody).detail.message).toBe('wrong otp value');
  });
});
