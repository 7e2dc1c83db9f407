import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TotpEnrollment, Session } from '@pi-enroll/shared';
import { ApiClient } from './support/api-client.js';
import { startStack, type TestStack } from './support/test-stack.js';

/**
 * An attacker (or a stale tab) holds a copy of the session cookie from while the enrollment was pending, and
 * replays it after the user confirmed. Nothing it does may touch the confirmed token or learn its secret.
 */
describe.each([true, false])('a confirmed method is out of reach of an old session (verify_enrollment=%s)', (verifyEnrollment) => {
  let stack: TestStack;
  let bob: ApiClient;
  let old: ApiClient;
  let enrollment: TotpEnrollment;
  let serial: string;

  beforeEach(async () => {
    stack = await startStack({ verifyEnrollment });
    bob = await stack.signedIn('bob');
    enrollment = (await bob.startEnrollment()).body as TotpEnrollment;
    old = new ApiClient(stack.baseUrl);
    old.cookieHeader = bob.cookieHeader;
    const confirmed = await bob.verify(stack.codeFor(enrollment));
    expect(confirmed.status).toBe(200);
    serial = String(confirmed.body.serial);
  });
  afterEach(async () => {
    await stack.close();
  });

  const tokenStillWorks = async () => {
    expect(stack.sim.tokensOf('bob').map((token) => [token.serial, token.active])).toEqual([[serial, true]]);
    stack.clock.advance(30_000);
    expect((await stack.loginWith('bob', stack.codeFor(enrollment))).accepted).toBe(true);
  };

  it('cancelling with the old cookie deletes nothing, and a start after it is still refused', async () => {
    expect((await old.delete('/api/v1/enrollment')).status).toBe(204);
    const start = await old.startEnrollment();
    expect(start.status).toBe(409);
    expect(start.body.code).toBe('already_enrolled');
    await tokenStillWorks();
  });

  it('never shows the secret of the confirmed token again', async () => {
    const session = await old.get<Session>('/api/v1/session');
    expect(session.body.pending).toBeNull();
    expect(session.text).not.toContain(enrollment.secret);
    const resumed = await old.get('/api/v1/enrollment');
    expect(resumed.status).toBe(404);
    expect(resumed.text).not.toContain(enrollment.secret);
    const restarted = await old.startEnrollment();
    expect(restarted.text).not.toContain(enrollment.secret);
    await tokenStillWorks();
  });

  it('after the expiry, a plain GET with the old cookie deletes nothing', async () => {
    stack.clock.advance(601_000);
    expect((await old.get('/api/v1/enrollment')).status).toBe(404);
    expect((await old.get('/api/v1/session')).status).toBe(200);
    await stack.app.sweeper.sweepOnce({ full: true });
    await tokenStillWorks();
  });

  it('wrong codes with the old cookie change nothing', async () => {
    for (let i = 0; i < 6; i += 1) expect((await old.verify(`00000${i}`)).body.code).toBe('no_pending_enrollment');
    await tokenStillWorks();
  });

  it('the old cookie is not the session that enrolled: confirming rotated its id', async () => {
    const current = bob.cookieHeader;
    expect(current).not.toBe(old.cookieHeader);
    // Signing out of the new session does not end the old copy's id by accident, nor the other way round.
    expect((await old.request('DELETE', '/api/v1/session')).status).toBe(204);
    expect((await bob.get('/api/v1/session')).status).toBe(200);
  });
});

describe('confirm and cancel sent together', () => {
  it.each(Array.from({ length: 8 }, (_, i) => i))('tells the client what privacyIDEA holds (run %i)', async () => {
    const stack = await startStack();
    try {
      const bob = await stack.signedIn('bob');
      const enrollment = (await bob.startEnrollment()).body;
      const other = new ApiClient(stack.baseUrl);
      other.cookieHeader = bob.cookieHeader;
      const [confirmed, cancelled] = await Promise.all([bob.verify(stack.codeFor(enrollment)), other.delete('/api/v1/enrollment')]);
      expect(cancelled.status).toBe(204);
      const tokens = stack.sim.tokensOf('bob');
      if (confirmed.status === 200) expect(tokens.map((token) => token.serial)).toEqual([confirmed.body.serial]);
      else expect(tokens).toEqual([]);
      expect([200, 404]).toContain(confirmed.status);
    } finally {
      await stack.close();
    }
  });
});

describe('one enrollment, one token', () => {
  let stack: TestStack;
  beforeEach(async () => {
    stack = await startStack({ env: { RATE_LIMIT_START_PER_USER: '100' } });
  });
  afterEach(async () => {
    await stack.close();
  });

  it('a double click on confirm creates one token and tells both clicks it is enrolled', async () => {
    const bob = await stack.signedIn('bob');
    const enrollment = (await bob.startEnrollment()).body;
    const code = stack.codeFor(enrollment);
    const answers = await Promise.all([bob.verify(code), bob.verify(code)]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect(stack.sim.tokensOf('bob')).toHaveLength(1);
    expect(answers[0]?.body.serial).toBe(answers[1]?.body.serial);
  });

  it('two browsers that both confirm end with one token, and the second is told the user is already enrolled', async () => {
    const laptop = await stack.signedIn('bob');
    const phone = await stack.signedIn('bob');
    const onLaptop = (await laptop.startEnrollment()).body;
    const onPhone = (await phone.startEnrollment()).body;
    expect(onPhone.secret).not.toBe(onLaptop.secret);
    // The app scanned the laptop's QR code: that code confirms on the laptop although the phone started later.
    expect((await laptop.verify(stack.codeFor(onLaptop))).status).toBe(200);
    const second = await phone.verify(stack.codeFor(onPhone));
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('already_enrolled');
    expect(stack.sim.tokensOf('bob')).toHaveLength(1);
  });

  it('two browsers confirming at the same moment still end with one token', async () => {
    const laptop = await stack.signedIn('bob');
    const phone = await stack.signedIn('bob');
    const onLaptop = (await laptop.startEnrollment()).body;
    const onPhone = (await phone.startEnrollment()).body;
    const answers = await Promise.all([laptop.verify(stack.codeFor(onLaptop)), phone.verify(stack.codeFor(onPhone))]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(stack.sim.tokensOf('bob')).toHaveLength(1);
  });

  it('replaying the cookie a cancel answered starts no second enrollment in privacyIDEA', async () => {
    const bob = await stack.signedIn('bob');
    await bob.startEnrollment();
    await bob.delete('/api/v1/enrollment');
    const afterCancel = bob.cookieHeader;
    for (let i = 0; i < 10; i += 1) {
      bob.cookieHeader = afterCancel;
      expect((await bob.startEnrollment()).status).toBe(i === 0 ? 201 : 200);
    }
    expect(stack.sim.tokensOf('bob')).toEqual([]);
  });
});
