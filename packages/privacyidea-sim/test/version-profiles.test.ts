import { afterEach, describe, expect, it } from 'vitest';
import { defaultSimulatorConfig, validateSimulatorConfig, type PrivacyIdeaVersion } from '../src/index.js';
import { expectRecorded } from './support/expect-recorded.js';
import { Lab, THREAD_ID_3_13 } from './support/recorded-lab.js';

/** The rollout_state of a token that needs no verification, per profile. */
const FINISHED_ROLLOUT_STATE: [PrivacyIdeaVersion, string][] = [
  ['3.11', ''],
  ['3.13', ''],
  ['3.14', 'enrolled'],
];

interface InitDetail {
  detail: { serial: string; rollout_state: string };
}

describe('version profiles: selection and envelope', () => {
  let lab: Lab | undefined;
  afterEach(() => lab?.close());

  it.each<[PrivacyIdeaVersion | undefined, string, string]>([
    [undefined, 'privacyIDEA 3.11.4', 'signature'],
    ['3.13', 'privacyIDEA 3.13.3', 'versionnumber'],
    ['3.14', 'privacyIDEA 3.14dev2', 'versionnumber'],
  ])('%s: version %s, last envelope key %s', async (version, text, last) => {
    lab = await Lab.start({ ...(version === undefined ? {} : { version }), control: true });
    const response = await lab.call('GET', '/token/');
    const body = response.body as Record<string, unknown>;
    expect(body['version']).toBe(text);
    expect(Object.keys(body).at(-1)).toBe(last);
    expect('current' in (body['result'] as { value: object }).value).toBe(version === undefined);
    const control = await fetch(`${lab.sim.url}/_sim/version`).then((r) => r.json() as Promise<{ version: string }>);
    expect(control.version).toBe(version ?? '3.11');
  });

  it('the config file names the version; startSimulator({ version }) overrides it; bad values are refused', async () => {
    lab = await Lab.start({ config: { ...defaultSimulatorConfig(), version: '3.13' } });
    expect(lab.sim.version().versionnumber).toBe('3.13.3');
    await lab.close();
    lab = await Lab.start({ config: { ...defaultSimulatorConfig(), version: '3.13' }, version: '3.14' });
    expect(lab.sim.version().version).toBe('3.14');
    expect(() => validateSimulatorConfig({ ...defaultSimulatorConfig(), version: '3.12' }, 'lab.json')).toThrow(
      'lab.json: version: expected one of "3.11", "3.13", "3.14"',
    );
  });

  it('admin policies come from the config and the control API, and are validated', async () => {
    lab = await Lab.start({
      control: true,
      config: { ...defaultSimulatorConfig(), adminPolicies: [{ name: 'p', realm: 'example', actions: { totp_otplen: 8 } }] },
    });
    const url = `${lab.sim.url}/_sim/admin-policies`;
    expect(await fetch(url).then((r) => r.json())).toEqual({ policies: [{ name: 'p', realm: 'example', actions: { totp_otplen: 8 } }] });
    const bad = await fetch(url, { method: 'POST', body: JSON.stringify({ policies: [{ name: 'x', actions: { totp_otplen: 7 } }] }) });
    expect(bad.status).toBe(400);
    const set = await fetch(url, { method: 'POST', body: JSON.stringify({ policies: [{ name: 'f', actions: { totp_force_server_generate: true } }] }) });
    expect(set.status).toBe(200);
    expect(lab.sim.adminPolicies()).toEqual([{ name: 'f', actions: { totp_force_server_generate: true } }]);
    await fetch(url, { method: 'DELETE' });
    expect(lab.sim.adminPolicies()).toEqual([]);
  });
});

describe('step 2 for a serial that does not exist (3.13 §5, B2)', () => {
  let lab: Lab | undefined;
  afterEach(() => lab?.close());

  it.each(FINISHED_ROLLOUT_STATE)('%s creates an ownerless, active token without a key, rollout_state "%s"', async (version, rolloutState) => {
    lab = await Lab.start({ version, verifyEnrollment: true });
    const response = await lab.send('B2');
    if (version === '3.13') expectRecorded(response, 'B2', { loose: THREAD_ID_3_13 });
    expect(response.status).toBe(200);
    expect((response.body as InitDetail).detail).toMatchObject({ rollout_state: rolloutState, serial: 'TOTP000204BD' });
    expect(Object.keys((response.body as InitDetail).detail)).toEqual(['rollout_state', 'serial', 'threadid']);
    const token = lab.token('TOTP000204BD');
    expect(token).toMatchObject({ active: true, otpkeyHex: '', description: '', count: 0 });
    expect(token.username).toBeUndefined();
    const list = await lab.call('GET', '/token/?serial=TOTP000204BD');
    expect((list.body as { result: { value: { tokens: object[] } } }).result.value.tokens[0]).not.toHaveProperty('user_editable');
  });
});

describe('3.14: rollout_state enrolled, passonnotoken_ignore_rollout_state, hide_auth_error_status', () => {
  let lab: Lab | undefined;
  afterEach(() => lab?.close());

  it.each(FINISHED_ROLLOUT_STATE)('%s: a token enrolled without verify_enrollment has rollout_state "%s" (init and seeds)', async (version, rolloutState) => {
    const config = defaultSimulatorConfig();
    config.tokens = [{ serial: 'SEED1', otpkey: '00'.repeat(20), user: 'dave' }];
    lab = await Lab.start({ version, verifyEnrollment: false, config });
    const response = await lab.initToken({ type: 'totp', genkey: '1', user: 'erin', realm: 'example' });
    expect((response.body as InitDetail).detail.rollout_state).toBe(rolloutState);
    expect(lab.token((response.body as InitDetail).detail.serial).rollout_state).toBe(rolloutState);
    expect(lab.token('SEED1').rollout_state).toBe(rolloutState);
  });

  it.each<[PrivacyIdeaVersion, string]>([
    ['3.13', 'Token is not yet enrolled'],
    ['3.14', "user has no token, accepted due to 'pol-passonnotoken'"],
  ])('%s: passonnotoken_ignore_rollout_state=verify → a user with only a verify token: %s', async (version, message) => {
    lab = await Lab.start({ version, verifyEnrollment: true, passOnNoToken: true, control: true });
    const set = await fetch(`${lab.sim.url}/_sim/policies`, { method: 'POST', body: JSON.stringify({ passOnNoTokenIgnoreRolloutState: ['verify'] }) });
    expect(set.status).toBe(200);
    await lab.initToken({ type: 'totp', genkey: '1', user: 'erin', realm: 'example' });
    const check = await lab.check({ user: 'erin', realm: 'example', pass: '' });
    expect((check.body as { detail: { message: string } }).detail.message).toBe(message);
  });

  it('3.14: an enrolled token still counts under passonnotoken_ignore_rollout_state=verify', async () => {
    lab = await Lab.start({ version: '3.14', verifyEnrollment: false, passOnNoToken: true });
    lab.sim.setPolicies({ passOnNoTokenIgnoreRolloutState: ['verify'] });
    await lab.initToken({ type: 'totp', genkey: '1', user: 'erin', realm: 'example' });
    const check = await lab.check({ user: 'erin', realm: 'example', pass: '000000' });
    expect((check.body as { result: { value: boolean } }).result.value).toBe(false);
  });

  it.each<[PrivacyIdeaVersion, number]>([
    ['3.13', 400],
    ['3.14', 401],
  ])('%s: hide_auth_error_status makes an unknown user at /validate/check HTTP %i; /token/ keeps its 404', async (version, status) => {
    lab = await Lab.start({ version, control: true });
    await fetch(`${lab.sim.url}/_sim/hardening`, { method: 'POST', body: JSON.stringify({ hideAuthErrorStatus: true }) });
    expect((await lab.send('E1')).status).toBe(status);
    expect((await lab.call('DELETE', '/token/NOSUCH')).status).toBe(404);
  });

  it.each<[PrivacyIdeaVersion, string]>([
    ['3.11', 'wrong otp value'],
    ['3.13', 'Authentication failed.'],
    ['3.14', 'Authentication failed.'],
  ])('%s: hide_specific_error_message leaves a rejected check and an /auth error only a generic message', async (version, message) => {
    lab = await Lab.start({ version, verifyEnrollment: false });
    lab.sim.setHardening({ hideSpecificErrorMessage: true });
    await lab.initToken({ type: 'totp', genkey: '1', user: 'erin', realm: 'example' });
    const rejected = await lab.check({ user: 'erin', realm: 'example', pass: '000000' });
    const detail = (rejected.body as { detail: Record<string, unknown> }).detail;
    expect(detail['message']).toBe(message);
    if (version !== '3.11') expect(Object.keys(detail).sort()).toEqual(['message', 'threadid']);
    const auth = await lab.call('POST', '/auth', { form: { username: 'admin', password: 'wrong' } });
    const error = (auth.body as { result: { error: { code: number; message: string } } }).result.error;
    expect(error.code).toBe(4031);
    if (version !== '3.11') expect(error.message).toBe('Authentication failed.');
  });
});
