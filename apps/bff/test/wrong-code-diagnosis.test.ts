import { TOTP } from 'otpauth';
import { afterEach, describe, expect, it } from 'vitest';
import type { TotpEnrollment, OtpAlgorithm } from '@pi-enroll/shared';
import { candidateCodes } from '../src/methods/totp/wrong-code-diagnosis.js';
import { startStack, type TestStack } from './support/test-stack.js';

/** The code an app shows that computes with these settings (whatever the QR code said), `offsetSeconds` off. */
function codeAs(stack: TestStack, enrollment: TotpEnrollment, settings: { algorithm?: OtpAlgorithm; digits?: number; period?: number }, offsetSeconds = 0): string {
  const totp = new TOTP({
    secret: enrollment.secret,
    algorithm: settings.algorithm ?? enrollment.algorithm,
    digits: settings.digits ?? enrollment.digits,
    period: settings.period ?? enrollment.period,
  });
  return totp.generate({ timestamp: stack.clock.now() + offsetSeconds * 1000 });
}

describe('why a code is wrong', () => {
  const stacks: TestStack[] = [];
  afterEach(async () => {
    for (const stack of stacks.splice(0)) await stack.close();
  });
  const open = async (env: Record<string, string> = {}) => {
    const stack = await startStack({ env });
    stacks.push(stack);
    const bob = await stack.signedIn('bob');
    const enrollment = (await bob.startEnrollment()).body as TotpEnrollment;
    return { stack, bob, enrollment };
  };

  it('accepts a code from a clock two minutes behind, inside the window, and says so', async () => {
    const { stack, bob, enrollment } = await open();
    const answer = await bob.verify(codeAs(stack, enrollment, {}, -120));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'enrolled', warning: { reason: 'clock_drift', clockOffsetSeconds: -120 } });
  });

  it('says by how much the clock is off outside the window (−8 and +7 minutes), and accepts neither code', async () => {
    const { stack, bob, enrollment } = await open();
    const behind = await bob.verify(codeAs(stack, enrollment, {}, -480));
    expect(behind.body).toMatchObject({ code: 'invalid_code', reason: 'clock_drift', clockOffsetSeconds: -480, attemptsLeft: 4 });
    expect(behind.body.detail).toMatch(/about 8 minutes behind/);
    const ahead = await bob.verify(codeAs(stack, enrollment, {}, 420));
    expect(ahead.body).toMatchObject({ code: 'invalid_code', reason: 'clock_drift', clockOffsetSeconds: 420, attemptsLeft: 3 });
    expect(stack.sim.tokensOf('bob')).toEqual([]);
    expect((await bob.verify(codeAs(stack, enrollment, {}))).status).toBe(200);
  });

  it('gives no diagnosis beyond ten minutes, nor to a random wrong code', async () => {
    const { stack, bob, enrollment } = await open();
    const far = await bob.verify(codeAs(stack, enrollment, {}, -660));
    expect(far.body).toMatchObject({ code: 'invalid_code', attemptsLeft: 4 });
    expect(far.body).not.toHaveProperty('reason');
    const random = await bob.verify(String((Number(codeAs(stack, enrollment, {})) + 500_000) % 1_000_000).padStart(6, '0'));
    expect(random.body).not.toHaveProperty('reason');
  });

  it.each<{ configured: Record<string, string>; ignored: string[] }>([
    { configured: { OTP_ALGORITHM: 'SHA256', OTP_DIGITS: '8', OTP_PERIOD: '60' }, ignored: ['algorithm', 'digits', 'period'] },
    { configured: { OTP_ALGORITHM: 'SHA256' }, ignored: ['algorithm'] },
    { configured: { OTP_DIGITS: '8' }, ignored: ['digits'] },
  ])('names the settings an app ignores that computes SHA1 / 6 / 30 where $configured was asked', async ({ configured, ignored }) => {
    const { stack, bob, enrollment } = await open(configured);
    const answer = await bob.verify(codeAs(stack, enrollment, { algorithm: 'SHA1', digits: 6, period: 30 }));
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ code: 'invalid_code', reason: 'app_ignores_settings', ignoredSettings: ignored, fallbackAvailable: true, attemptsLeft: 4 });
    expect(stack.sim.tokensOf('bob')).toEqual([]);
  });

  it('takes the first six digits of an eight-digit code for an app (or a user) that cut it short', async () => {
    const { stack, bob, enrollment } = await open({ OTP_DIGITS: '8' });
    const answer = await bob.verify(codeAs(stack, enrollment, {}).slice(0, 6));
    expect(answer.body).toMatchObject({ reason: 'app_ignores_settings', ignoredSettings: ['digits'] });
  });

  it('starts over with settings every app supports: a new key, SHA1 / 6 / 30, still nothing in privacyIDEA', async () => {
    const { stack, bob, enrollment } = await open({ OTP_ALGORITHM: 'SHA256', OTP_DIGITS: '8', OTP_PERIOD: '60' });
    await bob.verify(codeAs(stack, enrollment, { algorithm: 'SHA1', digits: 6, period: 30 }));
    const restarted = await bob.post<TotpEnrollment>('/api/v1/enrollment', { settings: 'compatible' });
    expect(restarted.status).toBe(201);
    expect(restarted.body).toMatchObject({ algorithm: 'SHA1', digits: 6, period: 30, attemptsLeft: 5 });
    expect(restarted.body.secret).not.toBe(enrollment.secret);
    expect(stack.sim.tokensOf('bob')).toEqual([]);
    // The old QR code is over; the new one works.
    expect((await bob.get<TotpEnrollment>('/api/v1/enrollment')).body.secret).toBe(restarted.body.secret);
    expect((await bob.verify(stack.codeFor(restarted.body))).status).toBe(200);
    expect(stack.sim.tokensOf('bob')[0]).toMatchObject({ otplen: 6, hashlib: 'sha1', timeStep: 30 });
  });

  it('does not offer the fallback when the operator switched it off', async () => {
    const { stack, bob, enrollment } = await open({ OTP_ALGORITHM: 'SHA256', OTP_FALLBACK_TO_DEFAULTS: 'false' });
    expect((await bob.verify(codeAs(stack, enrollment, { algorithm: 'SHA1' }))).body).toMatchObject({ reason: 'app_ignores_settings', fallbackAvailable: false });
    const refused = await bob.post('/api/v1/enrollment', { settings: 'compatible' });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'invalid_request', errors: [{ field: 'settings' }] });
  });

  it('counts a diagnosed code like any wrong one, and the funnel counts wrong codes by reason', async () => {
    const { stack, bob, enrollment } = await open();
    const answers = [];
    for (const offset of [-480, -450, -420, -390, -360]) answers.push(await bob.verify(codeAs(stack, enrollment, {}, offset)));
    expect(answers.map((answer) => answer.status)).toEqual([422, 422, 422, 422, 409]);
    const metrics = await stack.app.metrics.metrics();
    expect(metrics).toMatch(/pi_enroll_wrong_codes_total\{method="totp",reason="clock_drift"\} 4/);
  });
});

describe('the diagnosis never weakens the check', () => {
  it('misdiagnoses a random wrong code with a chance of about 3 in 100,000 (SHA1 / 6 / 30), 7 in 100,000 with every setting changed', () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const now = Date.parse('2026-12-01T12:00:00Z');
    const defaults = candidateCodes(secret, { algorithm: 'SHA1', digits: 6, period: 30 }, now, 180);
    const changed = candidateCodes(secret, { algorithm: 'SHA256', digits: 8, period: 60 }, now, 180);
    // 41 steps of ±10 minutes less the 12 of the window: 29 codes of a million.
    expect(defaults.size).toBeLessThanOrEqual(29);
    expect(defaults.size / 1e6).toBeLessThan(3e-5);
    // Of 8-digit codes (10^8) only the drift ones; the 6-digit misreadings are compared with 6-digit input.
    const sixDigit = [...changed].filter((code) => code.length === 6).length;
    expect(sixDigit / 1e6).toBeLessThan(8e-5);
    console.info(`diagnosis: ${defaults.size} candidate codes with SHA1/6/30 (p = ${(defaults.size / 1e6).toExponential(1)}); ${sixDigit} six-digit candidates with SHA256/8/60 (p = ${(sixDigit / 1e6).toExponential(1)})`);
  });
});
