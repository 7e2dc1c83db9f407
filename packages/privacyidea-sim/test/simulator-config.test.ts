import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  credentialsOf,
  defaultSimulatorConfig,
  demoCredentials,
  loadSimulatorConfig,
  SimulatorConfigError,
  startSimulator,
  validateSimulatorConfig,
  type RunningSimulator,
} from '../src/index.js';

const EXAMPLE = new URL('../examples/two-realms.json', import.meta.url).pathname;

describe('simulator config', () => {
  it('the default config is the recorded lab with demo passwords and both policies on', () => {
    const config = defaultSimulatorConfig();
    expect(config.realms.map((r) => [r.name, r.resolver, r.default, r.policies])).toEqual([
      ['example', 'ldap-example', true, { verifyEnrollment: true, passOnNoToken: true }],
    ]);
    expect(config.realms[0]?.users.map((u) => [u.username, u.userid])).toEqual([
      ['erin', '36f1e6c0-7f88-1041-858d-b36386ce3025'],
      ['dave', '36f1db76-7f88-1041-858c-b36386ce3025'],
      ['carol', '36f1d392-7f88-1041-858b-b36386ce3025'],
      ['bob', '36f1cb40-7f88-1041-858a-b36386ce3025'],
      ['alice', '36f1bd76-7f88-1041-8589-b36386ce3025'],
    ]);
    expect(demoCredentials.admin).toEqual({ username: 'admin', password: 'admin-demo' });
    expect(demoCredentials.users).toContainEqual({ username: 'alice', realm: 'example', password: 'alice-demo' });
  });

  it('loads the example file from examples/', () => {
    const config = loadSimulatorConfig(EXAMPLE);
    expect(config.realms.map((r) => r.name)).toEqual(['example', 'legacy']);
    expect(credentialsOf(config).users).toHaveLength(3);
  });

  it.each([
    [{ realms: [], admins: [{ username: 'a', password: 'b' }] }, 'realms: at least one realm is needed'],
    [{ realms: [{ name: 'x', resolver: 'r', users: [{ username: 'u', password: 'p' }] }], admins: [{ username: 'a', password: 'b' }] }, 'realms[0].users[0].userid: expected a string'],
    [{ realms: [{ name: 'x', resolver: 'r', users: [], policies: { passOnNoTokens: true } }], admins: [{ username: 'a', password: 'b' }] }, 'realms[0].policies.passOnNoTokens: unknown policy'],
    [{ realms: [{ name: 'x', resolver: 'r', users: [] }], admins: [] }, 'admins: at least one admin is needed'],
    [{ realms: [{ name: 'x', resolver: 'r', users: [] }], admins: [{ username: 'a', password: 'b' }], tokens: [{ serial: 'S', otpkey: 'zz' }] }, 'tokens[0].otpkey: expected a hex seed'],
    [{ realms: [{ name: 'x', resolver: 'r', users: [] }], admins: [{ username: 'a', password: 'b' }], tokens: [{ serial: 'S', otpkey: '00', user: 'nobody' }] }, 'tokens[0].user: no user "nobody" in realm "x"'],
    [{ realms: [{ name: 'x', resolver: 'r', users: [] }], admins: [{ username: 'a', password: 'b' }], extra: 1 }, 'extra: unknown field'],
  ])('names the bad field: %#', (raw, message) => {
    expect(() => validateSimulatorConfig(raw, 'test.json')).toThrow(SimulatorConfigError);
    expect(() => validateSimulatorConfig(raw, 'test.json')).toThrow(`test.json: ${message}`);
  });

  it('names the file when it is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pi-sim-config-'));
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ realms: ');
    expect(() => loadSimulatorConfig(file)).toThrow(`${file}: not valid JSON`);
    expect(() => loadSimulatorConfig(join(dir, 'missing.json'))).toThrow(/cannot read the simulator config/);
  });
});

describe('a simulator started from the example config', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ config: loadSimulatorConfig(EXAMPLE) });
  });
  afterAll(() => sim.close());

  it('has the seed tokens, in their configured state', () => {
    expect(sim.tokensOf('carol')).toEqual([
      expect.objectContaining({ serial: 'TOTP0002D94A', active: false, rollout_state: 'enrolled', realm: 'example', user_id: '36f1d392-7f88-1041-858b-b36386ce3025' }),
    ]);
  });

  it('applies each realm\'s policies; a realm without a policies entry has both off', () => {
    expect(sim.policies('legacy')).toEqual({ verifyEnrollment: false, passOnNoToken: false });
    expect(sim.policies()).toEqual({ verifyEnrollment: true, passOnNoToken: true });
    sim.setPolicies({ passOnNoToken: false }, 'example');
    expect(sim.config.realms[0]?.policies).toEqual({ verifyEnrollment: true, passOnNoToken: false });
    expect(() => sim.setPolicies({ passOnNoToken: true }, 'nosuchrealm')).toThrow(/no realm/);
  });

  it('signs users of every realm in, realm users by user@realm', async () => {
    const response = await fetch(`${sim.url}/auth`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'username=zoe@legacy&password=zoe-demo',
    });
    expect(response.status).toBe(200);
  });
});
