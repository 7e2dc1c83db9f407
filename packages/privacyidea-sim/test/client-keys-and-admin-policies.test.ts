import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdminScopePolicy, PrivacyIdeaVersion } from '../src/index.js';
import { expectRecorded } from './support/expect-recorded.js';
import { Lab, serverKeyFor, THREAD_ID_3_13 } from './support/recorded-lab.js';
import { exchange, inStep, RECORDED_MORE } from './support/recording.js';

const { k1Seed, k2Step, k7Seed, k8Step, q3Seed, q5Step60 } = RECORDED_MORE;
const THREADS = { ...THREAD_ID_3_13 };

/** Q1 + Q2 of recorded-api-more.md §1.6: the rights policy and the value overrides, both for all realms. */
const Q_POLICIES: AdminScopePolicy[] = [
  { name: 'rec-admin-rights', actions: {} },
  { name: 'rec-admin-totp', actions: { totp_otplen: 8, totp_hashlib: 'sha256', totp_timestep: 60 } },
];

interface InitDetail {
  detail: { serial: string; rollout_state: string; otpkey: { value: string } };
}

const seedOf = (body: unknown): string => (body as InitDetail).detail.otpkey.value.slice('seed://'.length);

describe('client-supplied keys on 3.11, recorded-api-more.md §1.1–§1.5 (K1–K8)', () => {
  let lab: Lab;
  beforeEach(async () => {
    lab = await Lab.start({ verifyEnrollment: true, startMs: inStep(k2Step, 4) });
  });
  afterEach(() => lab.close());

  it('K1 → K2 → K4 → K5: the key is used as sent, verify applies, the confirming code is burnt, the next one logs in', async () => {
    const k1 = await lab.send('K1', { params: { serial: 'TOTP0002DBBE' } });
    expectRecorded(k1, 'K1', { loose: THREADS });
    expect(lab.token('TOTP0002DBBE')).toMatchObject({ otpkeyHex: k1Seed, rollout_state: 'verify', count: 0 });
    expectRecorded(await lab.send('K2'), 'K2', { loose: THREADS });
    expect(lab.token('TOTP0002DBBE')).toMatchObject({ rollout_state: 'enrolled', count: k2Step, timeShift: -4 });
    expectRecorded(await lab.send('K4'), 'K4', { loose: THREADS });
    expect(lab.token('TOTP0002DBBE').failcount).toBe(1);
    lab.clock.set(inStep(k2Step + 1, 4));
    expectRecorded(await lab.send('K5'), 'K5', { loose: THREADS });
    expect(lab.token('TOTP0002DBBE')).toMatchObject({ count: k2Step + 1, failcount: 0 });
  });

  it('K7 → K8: without verify_enrollment the client key is live at once', async () => {
    lab.sim.setPolicies({ verifyEnrollment: false });
    lab.clock.set(inStep(k8Step, 4));
    expectRecorded(await lab.send('K7', { params: { serial: 'TOTP0003B6B4' } }), 'K7', { loose: THREADS });
    expect(lab.token('TOTP0003B6B4')).toMatchObject({ otpkeyHex: k7Seed, rollout_state: '' });
    expectRecorded(await lab.send('K8'), 'K8', { loose: THREADS });
  });
});

describe.each<PrivacyIdeaVersion>(['3.11', '3.13', '3.14'])('admin-scope totp_otplen/hashlib/timestep on %s (Q3–Q5)', (version) => {
  let lab: Lab;
  beforeEach(async () => {
    lab = await Lab.start({ version, verifyEnrollment: true, startMs: q5Step60 * 60_000 + 10_000 });
    lab.sim.setAdminPolicies(Q_POLICIES);
  });
  afterEach(() => lab.close());

  it('Q3: the policy values override the sent 6/sha1/30 (URL and token); Q4 fails, Q5 (8 digits, sha256, 60 s) enrolls', async () => {
    const q3 = await lab.send('Q3', { params: { serial: 'TOTP000690D3' } });
    const versionFields: Record<string, RegExp> = version === '3.11' ? {} : { version: /^privacyIDEA 3\.1[34]/, versionnumber: /^3\.1[34]/ };
    // 3.11 and 3.14 keep the client key (admin policies exist, none forces a server key); 3.13 as well.
    expect(recordedShapeOrder(q3.body, version)).toBe(true);
    expect(lab.token('TOTP000690D3')).toMatchObject({ otpkeyHex: q3Seed, otplen: 8, hashlib: 'sha256', timeStep: 60, rollout_state: 'verify' });
    if (version === '3.11') expectRecorded(q3, 'Q3', { loose: { ...THREADS, ...versionFields } });
    const q4 = await lab.initToken({ serial: 'TOTP000690D3', type: 'totp', verify: '153786' });
    expect(q4.status).toBe(400);
    const q5 = await lab.initToken({ serial: 'TOTP000690D3', type: 'totp', verify: '91247024' });
    expect((q5.body as InitDetail).detail.rollout_state).toBe('enrolled');
  });

  it('a policy bound to another realm does not override', async () => {
    lab.sim.setAdminPolicies([{ name: 'other-realm', realm: 'elsewhere', actions: { totp_otplen: 8 } }]);
    const response = await lab.initToken({ type: 'totp', genkey: '1', user: 'erin', realm: 'example' });
    expect(lab.token((response.body as InitDetail).detail.serial).otplen).toBe(6);
  });
});

/** Q3's body follows the recorded layout in every profile once its values are the client's (key order aside). */
function recordedShapeOrder(body: unknown, version: PrivacyIdeaVersion): boolean {
  const keys = Object.keys(body as object);
  const recorded = Object.keys(exchange('Q3').body as object);
  return version === '3.11' ? keys.join() === recorded.join() : keys.join() === [...recorded].sort().join();
}

describe('force_server_generate: which profile replaces a client otpkey (3.13 §3, R7/R8)', () => {
  const clientKey = '8b178a6c5e0d6b46c9e841c87c7ee9dbe53931bb';
  const cases: { version: PrivacyIdeaVersion; policies: AdminScopePolicy[]; replaced: boolean; why: string }[] = [
    { version: '3.11', policies: [], replaced: false, why: '3.11 has no server-side force (more §1.7)' },
    { version: '3.11', policies: [{ name: 'force', actions: { totp_force_server_generate: true } }], replaced: false, why: '3.11 ignores the action' },
    { version: '3.13', policies: [], replaced: true, why: 'no admin policies: Match.allowed() is true (R7)' },
    { version: '3.13', policies: [{ name: 'rights', actions: { totp_otplen: 6 } }], replaced: false, why: 'admin policies exist, none grants it' },
    { version: '3.13', policies: [{ name: 'force', actions: { totp_force_server_generate: true } }], replaced: true, why: 'granted' },
    { version: '3.13', policies: [{ name: 'force', realm: 'elsewhere', actions: { totp_force_server_generate: true } }], replaced: false, why: 'granted in another realm only' },
    { version: '3.13', policies: [{ name: 'force', actions: { hotp_force_server_generate: true } }], replaced: false, why: 'only hotp is forced' },
    { version: '3.14', policies: [], replaced: false, why: 'Match.enforced(): no policy, no force (#5570)' },
    { version: '3.14', policies: [{ name: 'force', actions: { totp_force_server_generate: true } }], replaced: true, why: 'granted' },
  ];

  it.each(cases)('$version with $policies.length admin policies: replaced $replaced ($why)', async ({ version, policies, replaced }) => {
    const lab = await Lab.start({ version, verifyEnrollment: true });
    try {
      lab.sim.setAdminPolicies(policies);
      const response = await lab.send('R7');
      expect(response.status).toBe(200);
      expect(seedOf(response.body) === clientKey).toBe(!replaced);
      expect(lab.token((response.body as InitDetail).detail.serial).otpkeyHex === clientKey).toBe(!replaced);
    } finally {
      await lab.close();
    }
  });

  it('R7/R8 on 3.13: a replaced key is answered with the recorded layout; the client key cannot confirm it', async () => {
    const lab = await Lab.start({ version: '3.13', verifyEnrollment: true, startMs: inStep(59870679, 5) });
    try {
      const r7 = await lab.send('R7', { params: { serial: 'TOTP00024D17' } });
      expectRecorded(r7, 'R7', {
        loose: {
          ...THREADS,
          ...serverKeyFor('TOTP00024D17'),
        },
      });
      expectRecorded(await lab.send('R8'), 'R8');
      expect(lab.token('TOTP00024D17')).toMatchObject({ rollout_state: 'verify', count: 0 });
    } finally {
      await lab.close();
    }
  });
});
