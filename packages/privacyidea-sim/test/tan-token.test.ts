import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectRecorded } from './support/expect-recorded.js';
import { Lab, otpOf } from './support/recorded-lab.js';
import { RECORDED_METHODS } from './support/recording.js';

const { erinTanSeed, m4Ms } = RECORDED_METHODS;
const THREADS = { 'detail.threadid': 'type' } as const;
const tan = (n: number) => otpOf(erinTanSeed, n);

interface TanInit {
  detail: { serial: string; otps: Record<string, string> };
}

/** T1's answer with `otps` cut to the four entries the recording prints, after checking all 100 are there. */
function withRecordedOtps(body: unknown): unknown {
  const { otps } = (body as TanInit).detail;
  expect(Object.keys(otps)).toEqual(Array.from({ length: 100 }, (_, i) => String(i)));
  expect(Object.values(otps).every((code) => /^\d{6}$/.test(code))).toBe(true);
  const copy = structuredClone(body) as TanInit;
  copy.detail.otps = { '0': otps['0'] ?? '', '1': otps['1'] ?? '', '2': otps['2'] ?? '', '99': otps['99'] ?? '' };
  return copy;
}

async function login(lab: Lab, pass: string) {
  const answer = (await lab.check({ user: 'erin', realm: 'example', pass })).body as { result: { authentication: string }; detail: { message: string } };
  return [answer.result.authentication, answer.detail.message];
}

describe('tan token, recorded-api-more.md §4.3–§4.4 (T1–T8)', () => {
  let lab: Lab;
  beforeEach(async () => {
    lab = await Lab.start({ verifyEnrollment: true, startMs: m4Ms });
  });
  afterEach(() => lab.close());

  it('T1 → T2 → T3–T6c: any TAN verifies and is used up; every other works once, in any order', async () => {
    const t1 = await lab.send('T1', { params: { serial: 'PITN00004F4A', otpkey: erinTanSeed } });
    expectRecorded({ ...t1, body: withRecordedOtps(t1.body) }, 'T1', { loose: THREADS });
    const listed = await lab.call('GET', '/token/?serial=PITN00004F4A');
    const info = (listed.body as { result: { value: { tokens: { info: Record<string, unknown> }[] } } }).result.value.tokens[0]?.info;
    expect(info?.['tan.count']).toBe(100);
    expect(Object.keys(info ?? {}).some((key) => key.startsWith('tan.tan'))).toBe(false);
    expectRecorded(await lab.send('T2'), 'T2', { loose: THREADS });
    expect(await login(lab, tan(5))).toEqual(['REJECT', 'wrong otp value']);
    expect(await login(lab, tan(50))).toEqual(['ACCEPT', 'matching 1 tokens']);
    expect(await login(lab, tan(50))).toEqual(['REJECT', 'wrong otp value']);
    expect(await login(lab, tan(0))).toEqual(['ACCEPT', 'matching 1 tokens']);
    expect(await login(lab, tan(99))).toEqual(['ACCEPT', 'matching 1 tokens']);
    const t6c = lab.token('PITN00004F4A');
    expect(t6c).toMatchObject({ count: 0, failcount: 0, info: { count_auth: '5', count_auth_success: '3' } });
    expect(Object.keys(t6c.info).filter((key) => key.startsWith('tan.tan'))).toHaveLength(96);
  });

  it('T7 → T8: without verify_enrollment for tan the token is live at once and a first TAN logs in', async () => {
    lab.sim.setPolicies({ verifyEnrollmentTypes: ['hotp', 'totp', 'email'] });
    const t7 = await lab.initToken({ type: 'tan', user: 'erin', realm: 'example', description: 'erin tan', otpkey: erinTanSeed });
    expect(t7.body).toMatchObject({ detail: { rollout_state: '' } });
    expect((t7.body as { detail: Record<string, unknown> }).detail).not.toHaveProperty('verify');
    expect(await login(lab, tan(7))).toEqual(['ACCEPT', 'matching 1 tokens']);
  });

  it('tans= (tantoken.py update): the client makes the codes; otps is empty, otplen is the codes\u2019 length, each code works once', async () => {
    const codes = ['12345678', '23456789', '34567890', '45678901'];
    const init = await lab.initToken({ type: 'tan', user: 'erin', realm: 'example', tans: codes.join(' ') });
    expect(init.body).toMatchObject({ detail: { otps: {}, rollout_state: 'verify' } });
    const { serial } = (init.body as TanInit).detail;
    expect(lab.token(serial)).toMatchObject({ otplen: 8 });
    expect(await login(lab, codes[1] ?? '')).toEqual(['REJECT', 'matching 1 tokens, Token is not yet enrolled']);
    expect((await lab.initToken({ serial, type: 'tan', verify: codes[1] ?? '' })).status).toBe(400);
    expect((await lab.initToken({ serial, type: 'tan', verify: '99999999' })).status).toBe(400);
    expect((await lab.initToken({ serial, type: 'tan', verify: codes[2] ?? '' })).body).toMatchObject({ detail: { rollout_state: 'enrolled' } });
    expect(await login(lab, codes[2] ?? '')).toEqual(['REJECT', 'wrong otp value']);
    expect(await login(lab, codes[3] ?? '')).toEqual(['ACCEPT', 'matching 1 tokens']);
    expect(await login(lab, codes[0] ?? '')).toEqual(['ACCEPT', 'matching 1 tokens']);
    expect(await login(lab, codes[0] ?? '')).toEqual(['REJECT', 'wrong otp value']);
    expect(await login(lab, '1234567')).toEqual(['REJECT', 'wrong otp value']);
  });

  it('tantoken_count= sets how many codes privacyIDEA makes (the enrollment policy of that name overwrites it)', async () => {
    const init = await lab.initToken({ type: 'tan', user: 'erin', realm: 'example', tantoken_count: '10' });
    expect(Object.keys((init.body as TanInit).detail.otps)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });
});
