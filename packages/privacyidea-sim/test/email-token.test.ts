import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectRecorded } from './support/expect-recorded.js';
import { Lab, otpOf } from './support/recorded-lab.js';
import { RECORDED_METHODS } from './support/recording.js';

const { carolEmailSeed, erinEmailSeed, carolFixedEmailSeed, m4Ms } = RECORDED_METHODS;
/** Thread ids differ per response in the recording (8 threads); the simulator answers one. */
const THREADS = { 'detail.threadid': 'type' } as const;
const CHALLENGE = {
  ...THREADS,
  'detail.transaction_id': /^\d{20}$/,
  'detail.transaction_ids[*]': /^\d{20}$/,
  'detail.multi_challenge[*].transaction_id': /^\d{20}$/,
  'detail.attributes.valid_until': /^2026-12-01 09:25:2\d(\.\d{6})?$/,
  'detail.multi_challenge[*].attributes.valid_until': /^2026-12-01 09:25:2\d(\.\d{6})?$/,
} as const;

interface ChallengeAnswer {
  detail: { transaction_id: string };
}

describe('email token, recorded-api-more.md §3 (M4–M16, N1)', () => {
  let lab: Lab;
  beforeEach(async () => {
    lab = await Lab.start({ verifyEnrollment: true, startMs: m4Ms });
  });
  afterEach(() => lab.close());

  it('M4 → M5 → M6: init mails the code to the user store address; a wrong code fails; the mailed one enrolls', async () => {
    // The recorded seed (privacyIDEA generated it) makes the mailed codes the recorded ones.
    expectRecorded(await lab.send('M4', { params: { serial: 'PIEM00002391', otpkey: carolEmailSeed } }), 'M4', { loose: THREADS });
    expect(lab.token('PIEM00002391')).toMatchObject({ tokentype: 'email', rollout_state: 'verify', active: true, count: 1, info: { dynamic_email: 'True' } });
    const mails = lab.sim.outbox({ username: 'carol' });
    expect(mails).toEqual([expect.objectContaining({ to: 'carol@example.org', from: 'privacyidea@example.org', subject: 'Your OTP', body: '801497', serial: 'PIEM00002391' })]);
    expectRecorded(await lab.send('M5'), 'M5');
    expect(lab.token('PIEM00002391')).toMatchObject({ rollout_state: 'verify', failcount: 0 });
    expectRecorded(await lab.send('M6'), 'M6', { loose: THREADS });
    expect(lab.token('PIEM00002391')).toMatchObject({ rollout_state: 'enrolled', count: 2, failcount: 0 });
  });

  it('M7 → M8 → M9 → M9b → M11: challenge-response at /validate/check, and the mailed code without transaction_id', async () => {
    await lab.send('M4', { params: { serial: 'PIEM00002391', otpkey: carolEmailSeed } });
    await lab.send('M6');
    lab.clock.set(Date.parse('2026-12-01T09:23:23.246Z'));
    const m7 = await lab.send('M7');
    expectRecorded(m7, 'M7', { loose: CHALLENGE });
    expect(lab.sim.outbox({ username: 'carol' }).at(-1)?.body).toBe('812308');
    const transaction = { transaction_id: (m7.body as ChallengeAnswer).detail.transaction_id };
    expectRecorded(await lab.send('M8', { params: transaction }), 'M8', { loose: THREADS });
    expectRecorded(await lab.send('M9', { params: transaction }), 'M9', { loose: THREADS });
    expectRecorded(await lab.send('M9b', { params: transaction }), 'M9b', { loose: THREADS });
    expect(lab.token('PIEM00002391')).toMatchObject({ count: 4, failcount: 1 });
    // M10: a new challenge mails 720779; M11 answers it without the transaction.
    expect((await lab.send('M7')).status).toBe(200);
    expect(lab.sim.outbox({ username: 'carol' }).at(-1)?.body).toBe(otpOf(carolEmailSeed, 5));
    expectRecorded(await lab.send('M11'), 'M11', { loose: THREADS });
  });

  it('a challenge expires after email.validtime (120 s): its code then answers as no challenge', async () => {
    await lab.send('M4', { params: { serial: 'PIEM00002391', otpkey: carolEmailSeed } });
    await lab.send('M6');
    const m7 = await lab.send('M7');
    lab.clock.advance(121_000);
    const late = await lab.send('M9', { params: { transaction_id: (m7.body as ChallengeAnswer).detail.transaction_id } });
    expect(late.body).toMatchObject({ result: { authentication: 'REJECT' }, detail: { message: 'wrong otp pin' } });
  });

  it('M13, M14: SMTP down at init still answers 200 with the token in verify; only verify.message tells', async () => {
    lab.sim.setSmtpDown(true);
    expectRecorded(await lab.send('M13', { params: { serial: 'PIEM0001A6AE', otpkey: erinEmailSeed } }), 'M13', { loose: THREADS });
    expect(lab.token('PIEM0001A6AE')).toMatchObject({ rollout_state: 'verify', active: true, count: 1 });
    expect(lab.sim.outbox()).toEqual([]);
    // M14: the unfinished token gets no challenge, and it counts as a token (no passOnNoToken pass).
    lab.sim.setPolicies({ passOnNoToken: true });
    const m14 = await lab.check({ user: 'erin', realm: 'example', pass: '' });
    expect(m14.body).toMatchObject({
      result: { authentication: 'REJECT', value: false },
      detail: { message: 'Token is not yet enrolled', multi_challenge: [], transaction_ids: [] },
    });
  });

  it('M16: SMTP down at /validate/check: no challenge, REJECT with the message', async () => {
    await lab.send('M4', { params: { serial: 'PIEM00002391', otpkey: carolEmailSeed } });
    await lab.send('M6');
    lab.sim.setSmtpDown(true);
    expectRecorded(await lab.send('M16'), 'M16', { loose: THREADS });
    lab.sim.setSmtpDown(false);
    expect((await lab.send('M7')).body).toMatchObject({ result: { authentication: 'CHALLENGE' } });
  });

  it('N1 → N2: verify_enrollment off and a fixed address: no mail at init, live at once; the PIN mails that address', async () => {
    lab.sim.setPolicies({ verifyEnrollmentTypes: ['hotp', 'totp', 'tan'] });
    expectRecorded(await lab.send('N1', { params: { serial: 'PIEM000130E5', otpkey: carolFixedEmailSeed } }), 'N1', { loose: THREADS });
    expect(lab.token('PIEM000130E5')).toMatchObject({ rollout_state: '', count: 0, info: { email: 'carol.alt@example.org' } });
    expect(lab.sim.outbox()).toEqual([]);
    const n2 = await lab.check({ serial: 'PIEM000130E5', pass: '' });
    expect(n2.body).toMatchObject({ result: { authentication: 'CHALLENGE' } });
    expect(lab.sim.outbox()).toEqual([expect.objectContaining({ to: 'carol.alt@example.org', body: otpOf(carolFixedEmailSeed, 1) })]);
  });

  it('an email token without dynamic_email needs email=, and re-init of the serial mails a new code (3.11)', async () => {
    expect((await lab.initToken({ type: 'email', user: 'carol', realm: 'example' })).body).toMatchObject({
      result: { status: false, error: { code: 905, message: "ERR905: Missing parameter: 'email'" } },
    });
    await lab.send('M4', { params: { serial: 'PIEM00002391' } });
    const first = lab.sim.outbox({ username: 'carol' }).at(-1)?.otp;
    await lab.send('M4', { params: { serial: 'PIEM00002391' } });
    const second = lab.sim.outbox({ username: 'carol' }).at(-1)?.otp;
    expect(second).not.toBe(first);
    expect((await lab.initToken({ serial: 'PIEM00002391', type: 'email', verify: first ?? '' })).status).toBe(400);
    expect((await lab.initToken({ serial: 'PIEM00002391', type: 'email', verify: second ?? '' })).body).toMatchObject({ detail: { rollout_state: 'enrolled' } });
  });

  it('the outbox and the SMTP switch are in the control API', async () => {
    const controlled = await Lab.start({ verifyEnrollment: true, control: true });
    try {
      await controlled.send('M4');
      const outbox = await fetch(`${controlled.sim.url}/_sim/outbox?user=carol`).then((r) => r.json() as Promise<{ mails: { to: string }[] }>);
      expect(outbox.mails).toEqual([expect.objectContaining({ to: 'carol@example.org' })]);
      expect(await fetch(`${controlled.sim.url}/_sim/outbox?user=bob`).then((r) => r.json())).toEqual({ mails: [] });
      const down = await fetch(`${controlled.sim.url}/_sim/smtp`, { method: 'POST', body: JSON.stringify({ down: true }), headers: { 'content-type': 'application/json' } });
      expect(await down.json()).toEqual({ down: true });
      expect(controlled.sim.smtpDown()).toBe(true);
    } finally {
      await controlled.close();
    }
  });
});
