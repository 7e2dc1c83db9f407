import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrivacyIdeaVersion } from '@pi-enroll/privacyidea-sim';
import type { TotpEnrollment } from '@pi-enroll/shared';
import { startStack, type TestStack } from './support/test-stack.js';

/**
 * The lifecycle on every privacyIDEA version we claim, with the verify_enrollment policy on and off. On 3.13 an
 * admin-scope policy set that does not grant totp_force_server_generate lets privacyIDEA keep the BFF's key, as the
 * README tells operators to configure; without one see server-made-keys.test.ts.
 */
const versions: { version: PrivacyIdeaVersion; keepsKeys?: boolean }[] = [{ version: '3.11' }, { version: '3.13', keepsKeys: true }, { version: '3.14' }];
const settings = versions.flatMap((v) => [true, false].map((verifyEnrollment) => ({ ...v, verifyEnrollment })));

describe.each(settings)('enrollment lifecycle on privacyIDEA $version, verify_enrollment=$verifyEnrollment', (setting) => {
  let stack: TestStack;

  beforeEach(async () => {
    stack = await startStack({ version: setting.version, verifyEnrollment: setting.verifyEnrollment });
    if (setting.keepsKeys === true) stack.sim.setAdminPolicies([{ name: 'enroll-service-rights', actions: {} }]);
  });
  afterEach(async () => {
    await stack.close();
  });

  it('creates no token until the right code, then a token that logs in with the next code but not the confirming one', async () => {
    const bob = await stack.signedIn('bob');
    const started = await bob.startEnrollment('Work phone');
    expect(started.status).toBe(201);
    const enrollment = started.body;
    expect(enrollment).toMatchObject({ type: 'totp', status: 'pending', issuer: 'privacyIDEA', accountName: 'bob', algorithm: 'SHA1', digits: 6, period: 30, attemptsLeft: 5 });
    expect(enrollment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrollment.otpauthUri).toBe(`otpauth://totp/privacyIDEA:bob?secret=${enrollment.secret}&issuer=privacyIDEA&digits=6&period=30`);
    expect(Date.parse(enrollment.expiresAt)).toBe(stack.clock.now() + 600_000);
    expect(started.headers.get('cache-control')).toBe('no-store');

    // privacyIDEA holds nothing: with passOnNoToken bob still passes, as if he had never started.
    expect(stack.sim.tokensOf('bob')).toEqual([]);
    expect(await stack.loginWith('bob', 'anything')).toMatchObject({ accepted: true });

    stack.clock.advance(30_000);
    const confirmingCode = stack.codeFor(enrollment);
    const confirmed = await bob.verify(confirmingCode);
    expect(confirmed.status).toBe(200);
    const [token] = stack.sim.tokensOf('bob');
    expect(confirmed.body).toEqual({ status: 'enrolled', serial: token?.serial, description: 'Work phone' });
    expect(stack.sim.tokensOf('bob')).toHaveLength(1);
    expect(token).toMatchObject({ active: true, description: 'Work phone', otplen: 6 });
    expect(token?.rollout_state).not.toBe('verify');

    // The confirming code is spent; the next one logs in; nothing else does.
    expect((await stack.loginWith('bob', confirmingCode)).accepted).toBe(false);
    expect((await stack.loginWith('bob', 'anything')).accepted).toBe(false);
    stack.clock.advance(30_000);
    expect(await stack.loginWith('bob', stack.codeFor(enrollment))).toMatchObject({ accepted: true });

    const session = await bob.get<{ pending: unknown; tokens: unknown[] }>('/api/v1/session');
    expect(session.body.pending).toBeNull();
    expect(session.body.tokens).toEqual([{ serial: token?.serial, type: 'totp', description: 'Work phone', active: true }]);
  });

  it('confirms a code from as far back as privacyIDEA accepts at login (180 s), and not one step further', async () => {
    const bob = await stack.signedIn('bob');
    const enrollment = (await bob.startEnrollment()).body;
    const tooOld = await bob.verify(stack.codeFor(enrollment, -7));
    expect(tooOld.body).toMatchObject({ code: 'invalid_code', attemptsLeft: 4 });
    expect(stack.sim.tokensOf('bob')).toEqual([]);
    expect((await bob.verify(stack.codeFor(enrollment, -6))).status).toBe(200);
  });

  it('counts a wrong code, keeps the same secret across a reload, and accepts the right code afterwards', async () => {
    const bob = await stack.signedIn('bob');
    const enrollment = (await bob.startEnrollment()).body;
    const wrong = await bob.verify('000000');
    expect(wrong.status).toBe(422);
    expect(wrong.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(wrong.body).toMatchObject({ code: 'invalid_code', attemptsLeft: 4, status: 422 });
    expect(stack.sim.tokensOf('bob')).toEqual([]);

    const resumed = await bob.get<TotpEnrollment>('/api/v1/enrollment');
    expect(resumed.body).toMatchObject({ secret: enrollment.secret, attemptsLeft: 4 });
    expect((await bob.get<{ pending: TotpEnrollment }>('/api/v1/session')).body.pending).toMatchObject({ secret: enrollment.secret, attemptsLeft: 4 });
    expect((await bob.verify(stack.codeFor(enrollment))).status).toBe(200);
  });

  it('ends the enrollment when the attempts run out, and the user can start again', async () => {
    const bob = await stack.signedIn('bob');
    const enrollment = (await bob.startEnrollment()).body;
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(await bob.verify(`00000${i}`));
    expect(answers.map((answer) => answer.status)).toEqual([422, 422, 422, 422, 409]);
    expect(answers.map((answer) => answer.body.attemptsLeft)).toEqual([4, 3, 2, 1, 0]);
    expect(answers[4]?.body.code).toBe('attempts_exhausted');
    // Even the right code no longer enrolls anything.
    expect((await bob.verify(stack.codeFor(enrollment))).body.code).toBe('no_pending_enrollment');
    expect((await bob.get('/api/v1/enrollment')).status).toBe(404);
    expect(stack.sim.tokensOf('bob')).toEqual([]);
    const again = await bob.startEnrollment();
    expect(again.status).toBe(201);
    expect(again.body.secret).not.toBe(enrollment.secret);
  });

  it('tells a copy of the cookie from before the last wrong code that the tries ran out', async () => {
    const bob = await stack.signedIn('bob');
    const enrollment = (await bob.startEnrollment()).body;
    for (let i = 0; i < 4; i += 1) await bob.verify('111111');
    const copy = bob.cookieHeader;
    expect((await bob.verify('111111')).status).toBe(409);
    bob.cookieHeader = copy;
    expect((await bob.get('/api/v1/enrollment')).body).toMatchObject({ code: 'attempts_exhausted' });
    bob.cookieHeader = copy;
    expect((await bob.verify(stack.codeFor(enrollment))).body).toMatchObject({ code: 'attempts_exhausted' });
    expect(stack.sim.tokensOf('bob')).toEqual([]);
  });

  it('does not reset the attempt counter when an old cookie is replayed or a second tab is used', async () => {
    const bob = await stack.signedIn('bob');
    await bob.startEnrollment();
    const oldCookie = bob.cookieHeader;
    for (let i = 0; i < 3; i += 1) await bob.verify('111111');
    bob.cookieHeader = oldCookie;
    expect((await bob.verify('222222')).body).toMatchObject({ code: 'invalid_code', attemptsLeft: 1 });
    expect((await bob.get<TotpEnrollment>('/api/v1/enrollment')).body.attemptsLeft).toBe(1);
  });

  it('expires after ten minutes: the right code is refused and nothing is created', async () => {
    const bob = await stack.signedIn('bob');
    const enrollment = (await bob.startEnrollment()).body;
    stack.clock.advance(600_000);
    const late = await bob.verify(stack.codeFor(enrollment));
    expect(late.status).toBe(410);
    expect(late.body.code).toBe('enrollment_expired');
    expect(stack.sim.tokensOf('bob')).toEqual([]);
    expect((await bob.get('/api/v1/enrollment')).status).toBe(404);
  });

  it('counts an enrollment the widget cancels after its expiry as expired, not as cancelled', async () => {
    const bob = await stack.signedIn('bob');
    await bob.startEnrollment();
    stack.clock.advance(600_000);
    expect((await bob.delete('/api/v1/enrollment')).status).toBe(204);
    const outcomes = stack.logLines.filter((line) => line.includes('"audit":"enrollment"')).map((line) => (JSON.parse(line) as { outcome: string }).outcome);
    expect(outcomes).toEqual(['started', 'expired']);
  });

  it('cancels, and cancelling again is harmless', async () => {
    const bob = await stack.signedIn('bob');
    const enrollment = (await bob.startEnrollment()).body;
    expect((await bob.delete('/api/v1/enrollment')).status).toBe(204);
    expect((await bob.delete('/api/v1/enrollment')).status).toBe(204);
    expect((await bob.get('/api/v1/enrollment')).status).toBe(404);
    expect((await bob.verify(stack.codeFor(enrollment))).body.code).toBe('no_pending_enrollment');
    expect(stack.sim.tokensOf('bob')).toEqual([]);
  });

  it('gives a double click one enrollment, and the same secret after a reload', async () => {
    const bob = await stack.signedIn('bob');
    const [first, second] = await Promise.all([bob.startEnrollment(), bob.startEnrollment()]);
    expect(second.body.secret).toBe(first.body.secret);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    const again = await bob.startEnrollment();
    expect(again.status).toBe(200);
    expect(again.body.secret).toBe(first.body.secret);
    expect((await bob.get<{ pending: TotpEnrollment }>('/api/v1/session')).body.pending.secret).toBe(first.body.secret);
    expect(stack.sim.tokensOf('bob')).toEqual([]);
  });

  it('refuses a second method once the user has one, unless the operator allows more', async () => {
    const bob = await stack.signedIn('bob');
    const enrollment = (await bob.startEnrollment()).body;
    await bob.verify(stack.codeFor(enrollment));
    const second = await bob.startEnrollment();
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('already_enrolled');
    expect(stack.sim.tokensOf('bob')).toHaveLength(1);
  });
});

describe('enrollment options', () => {
  it('uses the configured parameters in the QR code and the token, and lets the operator allow additional tokens', async () => {
    const stack = await startStack({ env: { OTP_ALGORITHM: 'SHA256', OTP_DIGITS: '8', OTP_PERIOD: '60', ALLOW_ADDITIONAL_TOKENS: 'true', OTP_ISSUER: 'Example Corp' } });
    try {
      const bob = await stack.signedIn('bob');
      const enrollment = (await bob.startEnrollment()).body;
      expect(enrollment.otpauthUri).toBe(
        `otpauth://totp/Example%20Corp:bob?secret=${enrollment.secret}&issuer=Example%20Corp&algorithm=SHA256&digits=8&period=60`,
      );
      // A SHA256 key is 32 bytes, as privacyIDEA would make it.
      expect(enrollment.secret).toHaveLength(52);
      expect((await bob.verify(stack.codeFor(enrollment))).status).toBe(200);
      expect(stack.sim.tokensOf('bob')[0]).toMatchObject({ otplen: 8, hashlib: 'sha256', timeStep: 60 });
      stack.clock.advance(60_000);
      expect((await stack.loginWith('bob', stack.codeFor(enrollment))).accepted).toBe(true);
      expect((await bob.startEnrollment()).status).toBe(201);
    } finally {
      await stack.close();
    }
  });

  it('names the token after the method and the date when no device name is given', async () => {
    const stack = await startStack();
    try {
      const bob = await stack.signedIn('bob');
      const enrollment = (await bob.startEnrollment()).body;
      await bob.verify(stack.codeFor(enrollment));
      expect(stack.sim.tokensOf('bob')[0]?.description).toBe('Authenticator app (TOTP), added 2026-11-28');
    } finally {
      await stack.close();
    }
  });
});
