import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Enrollment } from '@pi-enroll/shared';
import { startStack, type TestStack } from './support/test-stack.js';

const modes = [
  { name: 'native (verify_enrollment policy)', verifyEnrollment: true, pendingState: { rollout_state: 'verify' } },
  { name: 'legacy (no policy: disabled until confirmed)', verifyEnrollment: false, pendingState: { active: false } },
] as const;

describe.each(modes)('enrollment lifecycle, $name', (mode) => {
  let stack: TestStack;

  beforeEach(async () => {
    stack = await startStack({ verifyEnrollment: mode.verifyEnrollment });
  });
  afterEach(async () => {
    await stack.close();
  });

  it('keeps the new token unusable until the code is confirmed, then makes it work for login', async () => {
    const bob = await stack.signedIn('bob');
    const started = await bob.startEnrollment('Work phone');
    expect(started.status).toBe(201);
    const enrollment = started.body;
    expect(enrollment).toMatchObject({ type: 'totp', status: 'pending', issuer: 'privacyIDEA', accountName: 'bob', algorithm: 'SHA1', digits: 6, period: 30, attemptsLeft: 5 });
    expect(enrollment.secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(enrollment.otpauthUri).toBe(`otpauth://totp/privacyIDEA:bob?secret=${enrollment.secret}&issuer=privacyIDEA&digits=6&period=30`);
    expect(Date.parse(enrollment.expiresAt)).toBe(stack.clock.now() + 600_000);
    expect(started.headers.get('cache-control')).toBe('no-store');

    const [pendingToken] = stack.sim.tokensOf('bob');
    expect(stack.sim.tokensOf('bob')).toHaveLength(1);
    expect(pendingToken).toMatchObject({ description: 'Work phone', ...mode.pendingState });

    // A correct code does not log in while the enrollment is pending...
    expect((await stack.loginWith('bob', stack.codeFor(enrollment))).accepted).toBe(false);
    // ...and confirming uses the next step's code, as a user who waited for a fresh code would.
    stack.clock.advance(30_000);
    const confirmingCode = stack.codeFor(enrollment);
    const confirmed = await bob.verify(confirmingCode);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({ status: 'enrolled', serial: pendingToken?.serial, description: 'Work phone' });

    const [token] = stack.sim.tokensOf('bob');
    expect(token).toMatchObject({ active: true });
    // The confirming code is spent; the next one logs in.
    expect((await stack.loginWith('bob', confirmingCode)).accepted).toBe(false);
    stack.clock.advance(30_000);
    expect(await stack.loginWith('bob', stack.codeFor(enrollment))).toMatchObject({ accepted: true });

    const session = await bob.get<{ pending: unknown; tokens: unknown[] }>('/api/v1/session');
    expect(session.body.pending).toBeNull();
    expect(session.body.tokens).toEqual([{ serial: pendingToken?.serial, type: 'totp', description: 'Work phone', active: true }]);
  });

  it('counts a wrong code, keeps the same secret, and accepts the right code afterwards', async () => {
    const bob = await stack.signedIn('bob');
    const enrollment = (await bob.startEnrollment()).body;
    const wrong = await bob.verify('000000');
    expect(wrong.status).toBe(422);
    expect(wrong.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(wrong.body).toMatchObject({ code: 'invalid_code', attemptsLeft: 4, status: 422 });

    const resumed = await bob.get<Enrollment>('/api/v1/enrollment');
    expect(resumed.body).toMatchObject({ secret: enrollment.secret, attemptsLeft: 4 });
    expect((await bob.verify(stack.codeFor(enrollment))).status).toBe(200);
  });

  it('deletes the token when the attempts run out, and the user must start again', async () => {
    const bob = await stack.signedIn('bob');
    await bob.startEnrollment();
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(await bob.verify(`00000${i}`));
    expect(answers.map((answer) => answer.status)).toEqual([422, 422, 422, 422, 409]);
    expect(answers.map((answer) => answer.body.attemptsLeft)).toEqual([4, 3, 2, 1, 0]);
    expect(answers[4]?.body.code).toBe('attempts_exhausted');
    expect(stack.sim.tokensOf('bob')).toEqual([]);
    expect((await bob.verify('123456')).body.code).toBe('no_pending_enrollment');
    expect((await bob.startEnrollment()).status).toBe(201);
  });

  it('does not reset the attempt counter when an old cookie is replayed or a second tab is used', async () => {
    const bob = await stack.signedIn('bob');
    await bob.startEnrollment();
    const oldCookie = bob.cookieHeader;
    for (let i = 0; i < 3; i += 1) await bob.verify('111111');
    bob.cookieHeader = oldCookie;
    const afterReplay = await bob.verify('222222');
    expect(afterReplay.body).toMatchObject({ code: 'invalid_code', attemptsLeft: 1 });
  });

  it('expires after ten minutes and deletes the token', async () => {
    const bob = await stack.signedIn('bob');
    const enrollment = (await bob.startEnrollment()).body;
    stack.clock.advance(600_000);
    const late = await bob.verify(stack.codeFor(enrollment));
    expect(late.status).toBe(410);
    expect(late.body.code).toBe('enrollment_expired');
    expect(stack.sim.tokensOf('bob')).toEqual([]);
  });

  it('cancels: the token is gone, and cancelling again is harmless', async () => {
    const bob = await stack.signedIn('bob');
    await bob.startEnrollment();
    expect((await bob.delete('/api/v1/enrollment')).status).toBe(204);
    expect(stack.sim.tokensOf('bob')).toEqual([]);
    expect((await bob.delete('/api/v1/enrollment')).status).toBe(204);
    expect((await bob.get('/api/v1/enrollment')).status).toBe(404);
  });

  it('gives one token to a double click and the same secret after a reload', async () => {
    const bob = await stack.signedIn('bob');
    const [first, second] = await Promise.all([bob.startEnrollment(), bob.startEnrollment()]);
    expect(stack.sim.tokensOf('bob')).toHaveLength(1);
    expect(second.body.secret).toBe(first.body.secret);
    expect([first.status, second.status].sort()).toEqual([200, 201]);

    const again = await bob.startEnrollment();
    expect(again.status).toBe(200);
    expect(again.body.secret).toBe(first.body.secret);
    const session = await bob.get<{ pending: Enrollment }>('/api/v1/session');
    expect(session.body.pending.secret).toBe(first.body.secret);
    expect(stack.sim.tokensOf('bob')).toHaveLength(1);
  });

  it('refuses a second token once the user has one, unless the operator allows more', async () => {
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
  it('writes a non-default algorithm in upper case and lets the operator allow additional tokens', async () => {
    const stack = await startStack({ env: { OTP_ALGORITHM: 'SHA256', OTP_DIGITS: '8', ALLOW_ADDITIONAL_TOKENS: 'true', OTP_ISSUER: 'Example Corp' } });
    try {
      const bob = await stack.signedIn('bob');
      const enrollment = (await bob.startEnrollment()).body;
      expect(enrollment.otpauthUri).toBe(
        `otpauth://totp/Example%20Corp:bob?secret=${enrollment.secret}&issuer=Example%20Corp&algorithm=SHA256&digits=8&period=30`,
      );
      expect((await bob.verify(stack.codeFor(enrollment))).status).toBe(200);
      expect((await bob.startEnrollment()).status).toBe(201);
      expect(stack.sim.tokensOf('bob')).toHaveLength(2);
    } finally {
      await stack.close();
    }
  });

  it('names the token after the method and the date when no device name is given', async () => {
    const stack = await startStack();
    try {
      const bob = await stack.signedIn('bob');
      await bob.startEnrollment();
      expect(stack.sim.tokensOf('bob')[0]?.description).toBe('Authenticator app (TOTP), added 2026-11-28');
    } finally {
      await stack.close();
    }
  });
});
