import { afterEach, describe, expect, it } from 'vitest';
import type { TotpEnrollment } from '@pi-enroll/shared';
import { startStack, type TestStack } from './support/test-stack.js';

/**
 * privacyIDEA may change what the BFF asks for: admin-scope totp_otplen / totp_hashlib / totp_timestep override
 * the parameters (recorded-api-more.md §1.6), and from 3.12 force_server_generate replaces a supplied key
 * (recorded-api-3.13.md §3). A user must never keep a token whose codes differ from the app's.
 */
describe('a privacyIDEA that overrides parameters or keys', () => {
  const stacks: TestStack[] = [];
  afterEach(async () => {
    for (const stack of stacks.splice(0)) await stack.close();
  });
  const open = async (options: Parameters<typeof startStack>[0] = {}) => {
    const stack = await startStack(options);
    stacks.push(stack);
    return stack;
  };

  it('shows the parameters privacyIDEA will really use, learnt before the QR code, so the app computes the right codes', async () => {
    const stack = await open();
    stack.sim.setAdminPolicies([{ name: 'totp-defaults', actions: { totp_otplen: 8, totp_hashlib: 'sha256', totp_timestep: 60 } }]);
    const bob = await stack.signedIn('bob');
    const enrollment = (await bob.startEnrollment()).body;
    expect(enrollment).toMatchObject({ algorithm: 'SHA256', digits: 8, period: 60 });
    expect(stack.sim.tokensOf('bob')).toEqual([]);
    expect((await bob.verify(stack.codeFor(enrollment))).status).toBe(200);
    expect(stack.sim.tokensOf('bob')[0]).toMatchObject({ otplen: 8, hashlib: 'sha256', timeStep: 60 });
    stack.clock.advance(60_000);
    expect((await stack.loginWith('bob', stack.codeFor(enrollment))).accepted).toBe(true);
  });

  it('a policy changed between the QR code and the code: no token is left, and the user is asked to start again', async () => {
    const stack = await open();
    const bob = await stack.signedIn('bob');
    const enrollment = (await bob.startEnrollment()).body;
    stack.sim.setAdminPolicies([{ name: 'totp-defaults', actions: { totp_otplen: 8 } }]);
    const answer = await bob.verify(stack.codeFor(enrollment));
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ code: 'enrollment_restart_required' });
    expect(stack.sim.tokensOf('bob')).toEqual([]);
    const fresh = await bob.startEnrollment();
    expect(fresh.status).toBe(201);
    expect(fresh.body.digits).toBe(8);
    expect((await bob.verify(stack.codeFor(fresh.body))).status).toBe(200);
  });

  it('privacyIDEA 3.13 without admin policies replaces supplied keys: the QR code carries its key, and nothing mismatched is left', async () => {
    const stack = await open({ version: '3.13' });
    stack.sim.setAdminPolicies([]);
    const bob = await stack.signedIn('bob');
    const started = await bob.startEnrollment();
    expect(started.status).toBe(201);
    const enrollment = started.body as TotpEnrollment;
    // privacyIDEA made the key, so its token must exist from the start, waiting in "verify".
    const [pending] = stack.sim.tokensOf('bob');
    expect(pending).toMatchObject({ rollout_state: 'verify' });
    expect((await bob.verify('000000')).status).toBe(422);
    expect((await bob.verify(stack.codeFor(enrollment))).status).toBe(200);
    expect(stack.sim.tokensOf('bob')).toMatchObject([{ serial: pending?.serial, rollout_state: 'enrolled', active: true }]);
    // Only one probe per realm: the next user's start asks privacyIDEA nothing about keys again.
    stack.sim.resetRequestCounts();
    await (await stack.signedIn('carol')).startEnrollment();
    expect(stack.sim.requestCounts()['DELETE /token/:serial'] ?? 0).toBe(0);
  });

  it('privacyIDEA 3.13 with server-made keys cancels the pending token at once, and one user never holds two', async () => {
    const stack = await open({ version: '3.13' });
    stack.sim.setAdminPolicies([]);
    const laptop = await stack.signedIn('bob');
    const phone = await stack.signedIn('bob');
    await laptop.startEnrollment();
    await phone.startEnrollment();
    expect(stack.sim.tokensOf('bob')).toHaveLength(1);
    // The laptop's token was replaced by the phone's: the laptop is told so, and no verify step is sent for it.
    const laptops = (await laptop.get<TotpEnrollment>('/api/v1/enrollment')).body;
    expect((await laptop.verify(stack.codeFor(laptops))).body.code).toBe('no_pending_enrollment');
    expect(stack.sim.tokens().filter((token) => token.username === '')).toEqual([]);
    expect((await phone.delete('/api/v1/enrollment')).status).toBe(204);
    expect(stack.sim.tokensOf('bob')).toEqual([]);
  });

  it('privacyIDEA 3.13 replacing keys without the verify_enrollment policy: the start is refused clearly and leaves nothing', async () => {
    const stack = await open({ version: '3.13', verifyEnrollment: false });
    stack.sim.setAdminPolicies([]);
    const bob = await stack.signedIn('bob');
    const started = await bob.startEnrollment();
    expect(started.status).toBe(502);
    expect(started.body.code).toBe('upstream_error');
    expect(stack.sim.tokensOf('bob')).toEqual([]);
    expect(stack.logLines.some((line) => line.includes('bind a verify_enrollment=totp policy'))).toBe(true);
  });
});
