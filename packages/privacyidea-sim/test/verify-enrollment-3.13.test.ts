import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSimulatorConfig, type PrivacyIdeaVersion, type SimulatorConfig } from '../src/index.js';
import { expectRecorded } from './support/expect-recorded.js';
import { GENERATED_ENROLLMENT, Lab, otpOf, serverKeyFor, THREAD_ID_3_13, TOKEN_DATES } from './support/recorded-lab.js';
import { inStep, RECORDED_3_13 } from './support/recording.js';

const CAROL = 'TOTP0002A8CA';
const { carolSeed, r4Step, r11Step } = RECORDED_3_13;

/** The recorded 3.13 lab: alice's and dave's enrolled tokens (ids 1, 2), carol's token of R1 (id 3) in verify. */
function lab313(): SimulatorConfig {
  const config = defaultSimulatorConfig();
  config.tokens = [
    { serial: 'TOTP00000A11', otpkey: '00'.repeat(20), user: 'alice', rolloutState: 'enrolled' },
    { serial: 'TOTP00000D4E', otpkey: '11'.repeat(20), user: 'dave', rolloutState: 'enrolled' },
    { serial: CAROL, otpkey: carolSeed, user: 'carol', rolloutState: 'verify', description: 'carol verify-enroll 3.13' },
  ];
  return config;
}

/** 3.14 answers as the recorded 3.13.3 except for its version fields. */
function versionLoose(version: PrivacyIdeaVersion): Record<string, RegExp> {
  return version === '3.13' ? {} : { version: /^privacyIDEA 3\.14/, versionnumber: /^3\.14/ };
}

const R5_LOOSE = { ...TOKEN_DATES, 'result.value.tokens[*].user_id': /^[0-9a-f-]{36}$/ };

/** recorded-api-3.13.md §1–§2, replayed in order with carol's recorded seed at the recorded time steps. */
describe.each<PrivacyIdeaVersion>(['3.13', '3.14'])('verify_enrollment on %s, recorded-api-3.13 §1–§2 (R1–R14)', (version) => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await Lab.start({ version, verifyEnrollment: true, passOnNoToken: true, config: lab313(), startMs: inStep(r4Step, 21) });
  });
  afterAll(() => lab.close());

  it('R1: step 1 has the 3.11 layout and the sorted envelope', async () => {
    const response = await lab.send('R1');
    expectRecorded(response, 'R1', { loose: { ...GENERATED_ENROLLMENT, ...THREAD_ID_3_13, ...versionLoose(version) } });
    await lab.call('DELETE', `/token/${(response.body as { detail: { serial: string } }).detail.serial}`);
  });

  it('R2: a wrong code is 400/905 and changes nothing', async () => {
    expectRecorded(await lab.send('R2'), 'R2', { loose: versionLoose(version) });
    expect(lab.token(CAROL)).toMatchObject({ rollout_state: 'verify', failcount: 0, count: 0 });
  });

  it('R3: step 2 without verify is refused with the verify_pending error, the seed kept', async () => {
    expectRecorded(await lab.send('R3'), 'R3', { loose: versionLoose(version) });
    expect(lab.token(CAROL)).toMatchObject({ rollout_state: 'verify', otpkeyHex: carolSeed, failcount: 0 });
  });

  it('R4: the right code enrolls the token and is consumed', async () => {
    expectRecorded(await lab.send('R4'), 'R4', { loose: { ...THREAD_ID_3_13, ...versionLoose(version) } });
    expect(lab.token(CAROL)).toMatchObject({ rollout_state: 'enrolled', count: r4Step, failcount: 0, timeShift: -21 });
  });

  it('R5: GET /token/ has no current, and the token the recorded fields', async () => {
    expectRecorded(await lab.send('R5'), 'R5', { loose: { ...R5_LOOSE, ...versionLoose(version) } });
  });

  it('R6: verify= on the enrolled token answers enrolled without checking', async () => {
    expectRecorded(await lab.send('R6'), 'R6', { loose: { ...THREAD_ID_3_13, ...versionLoose(version) } });
    expect(lab.token(CAROL)).toMatchObject({ count: r4Step, failcount: 0 });
  });

  it('R6b: the confirming code is burnt at /validate/check, failcount +1', async () => {
    expectRecorded(await lab.send('R6b'), 'R6b', { loose: { ...THREAD_ID_3_13, ...versionLoose(version) } });
    expect(lab.token(CAROL).failcount).toBe(1);
  });

  it('R11/R12: a disabled token is not evaluated: right and wrong code get "Token is disabled", nothing changes', async () => {
    lab.clock.set(inStep(r11Step, 23));
    await lab.call('POST', '/token/disable', { form: { serial: CAROL } });
    expectRecorded(await lab.send('R11'), 'R11', { loose: { ...THREAD_ID_3_13, ...versionLoose(version) } });
    expectRecorded(await lab.send('R11', { params: { pass: '794764' } }), 'R11', { loose: { ...THREAD_ID_3_13, ...versionLoose(version) } });
    expect(lab.token(CAROL)).toMatchObject({ count: r4Step, failcount: 1 });
  });

  it('R14: after enable the same code logs in: it was not burnt while disabled', async () => {
    await lab.call('POST', '/token/enable', { form: { serial: CAROL } });
    expectRecorded(await lab.send('R14'), 'R14', { loose: { ...THREAD_ID_3_13, ...versionLoose(version) } });
    expect(lab.token(CAROL)).toMatchObject({ count: r11Step, failcount: 0, timeShift: -23 });
  });
});

describe.each<PrivacyIdeaVersion>(['3.13', '3.14'])('other recorded 3.13 answers on %s (§2.4–§6)', (version) => {
  let lab: Lab;
  const loose = { ...THREAD_ID_3_13, ...versionLoose(version) };
  beforeAll(async () => {
    lab = await Lab.start({ version, verifyEnrollment: true, passOnNoToken: true, startMs: inStep(r4Step) });
  });
  afterAll(() => lab.close());

  it('A2/A3: a token in verify, by user: any pass and the right code get "Token is not yet enrolled", nothing consumed', async () => {
    const init = await lab.initToken({ type: 'totp', genkey: '1', user: 'erin', realm: 'example' });
    const serial = (init.body as { detail: { serial: string } }).detail.serial;
    expectRecorded(await lab.send('A2'), 'A2', { loose });
    expectRecorded(await lab.send('A2', { params: { pass: lab.sim.currentOtp(serial) } }), 'A2', { loose });
    expect(lab.token(serial)).toMatchObject({ rollout_state: 'verify', count: 0, failcount: 0 });
  });

  it('D2: passOnNoToken with only a disabled token rejects with "Token is disabled", failcount unchanged', async () => {
    const init = await lab.initToken({ type: 'totp', genkey: '1', user: 'bob', realm: 'example' });
    const serial = (init.body as { detail: { serial: string } }).detail.serial;
    await lab.call('POST', '/token/disable', { form: { serial } });
    expectRecorded(await lab.send('D2'), 'D2', { loose });
    expect(lab.token(serial).failcount).toBe(0);
    await lab.call('DELETE', `/token/${serial}`);
  });

  it('E3: /validate/check without pass is an ordinary check (passOnNoToken for bob without tokens)', async () => {
    expectRecorded(await lab.send('E3'), 'E3', { loose });
  });

  it('E1: an unknown user at /validate/check is "User <mallory@example> does not exist."', async () => {
    expectRecorded(await lab.send('E1'), 'E1', { loose: versionLoose(version) });
  });

  it('E2: /token/init for the unknown user keeps the old 904 message', async () => {
    const response = await lab.initToken({ type: 'totp', genkey: '1', user: 'mallory', realm: 'example' });
    expect(response.status).toBe(400);
    expect((response.body as { result: { error: unknown } }).result.error).toEqual({
      code: 904,
      message: 'ERR904: The user can not be found in any resolver in this realm!',
    });
  });

  it('E5: /token/init without genkey and otpkey generates a key (3.11: 400 missing otpkey)', async () => {
    const response = await lab.initToken({ type: 'totp', user: 'bob', realm: 'example' });
    expectRecorded(response, 'R1', { loose: { ...GENERATED_ENROLLMENT, ...loose } });
    await lab.call('DELETE', `/token/${(response.body as { detail: { serial: string } }).detail.serial}`);
  });

  it('C3: serial+type without verify on an enrolled token re-keys it and puts it back into verify', async () => {
    await lab.initToken({ type: 'totp', genkey: '1', serial: 'TOTP0002D75E', user: 'bob', realm: 'example' });
    await lab.initToken({ serial: 'TOTP0002D75E', type: 'totp', verify: lab.sim.currentOtp('TOTP0002D75E') });
    const before = lab.token('TOTP0002D75E');
    expect(before.rollout_state).toBe('enrolled');
    const response = await lab.send('C3');
    expectRecorded(response, 'C3', {
      loose: {
        ...loose,
          ...serverKeyFor('TOTP0002D75E'),
      },
    });
    const after = lab.token('TOTP0002D75E');
    expect(after).toMatchObject({ rollout_state: 'verify', active: true, count: 0, failcount: 0, timeShift: before.timeShift });
    expect(after.otpkeyHex).not.toBe(before.otpkeyHex);
    const oldCode = otpOf(before.otpkeyHex, r4Step + 1);
    lab.clock.set(inStep(r4Step + 1));
    const check = await lab.check({ user: 'bob', realm: 'example', pass: oldCode });
    expect((check.body as { detail: { message: string } }).detail.message).toBe('Token is not yet enrolled');
  });
});
