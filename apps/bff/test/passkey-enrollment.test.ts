import { afterEach, describe, expect, it } from 'vitest';
import { SoftwareAuthenticator, type RegistrationResponseJSON } from '@pi-enroll/privacyidea-sim';
import type { PasskeyEnrollment } from '@pi-enroll/shared';
import type { PasskeyTryChallenge, PasskeyTryResult } from '@pi-enroll/shared/methods/passkey-try';
import type { ApiClient, ApiResponse, ProblemFields } from './support/api-client.js';
import { startStack, type StackOptions, type TestStack } from './support/test-stack.js';

/**
 * A security key or passkey over HTTP against the simulator, which verifies registrations and logins for real
 * (@simplewebauthn/server). The widget's page is http://localhost:8093 (an ALLOWED_ORIGINS page; the simulator's
 * relying-party policy names `localhost`, as the recording's did). privacyIDEA's passkey token exists from the start
 * in clientwait and locks its owner out under passOnNoToken (recorded W9), so every test also asks privacyIDEA
 * "can erin log in?" and checks that the window closes at once.
 */
const PAGE = 'http://localhost:8093';

/** A browser on the widget's page with a platform authenticator. */
class PasskeyBrowser {
  readonly authenticator = new SoftwareAuthenticator();
  constructor(readonly client: ApiClient) {}

  send<T>(method: string, path: string, body?: unknown, origin = PAGE): Promise<ApiResponse<T>> {
    return this.client.request<T>(method, path, body, { origin });
  }
  start(origin = PAGE) {
    return this.send<PasskeyEnrollment & ProblemFields>('POST', '/api/v1/enrollment', { type: 'passkey' }, origin);
  }
  /** navigator.credentials.create with the options the widget was given, on this page (or another). */
  create(enrollment: PasskeyEnrollment, page = PAGE, overrides: Parameters<SoftwareAuthenticator['create']>[2] = {}): RegistrationResponseJSON {
    return this.authenticator.create(enrollment.registrationOptions, page, overrides);
  }
  verify(credential: unknown, origin = PAGE) {
    return this.send<ProblemFields & { serial?: string }>('POST', '/api/v1/enrollment/verify', { credential }, origin);
  }
  cancel() {
    return this.send('DELETE', '/api/v1/enrollment');
  }
}

describe('passkey enrollment', () => {
  const stacks: TestStack[] = [];
  afterEach(async () => {
    for (const stack of stacks.splice(0).reverse()) await stack.close();
  });

  async function stack(options: StackOptions = {}) {
    const started = await startStack({ passOnNoToken: true, ...options, env: { ALLOWED_ORIGINS: PAGE, ENROLL_METHODS: 'totp,passkey', ...options.env } });
    stacks.push(started);
    return started;
  }

  async function browser(s: TestStack, user = 'erin') {
    return new PasskeyBrowser(await s.signedIn(user));
  }

  /** privacyIDEA's view: erin's tokens and whether passOnNoToken still lets her through. */
  async function erinIsFree(s: TestStack, step: string) {
    expect(s.sim.tokensOf('erin'), step).toEqual([]);
    expect(await s.loginWith('erin', 'anything'), step).toMatchObject({ accepted: true });
  }

  async function erinIsLockedOut(s: TestStack, step: string) {
    expect(s.sim.tokensOf('erin').map((t) => [t.tokentype, t.rollout_state, t.active]), step).toEqual([['passkey', 'clientwait', false]]);
    expect(await s.loginWith('erin', 'anything'), step).toEqual({ accepted: false, message: 'No suitable token found for authentication.' });
  }

  it('happy path: start makes the clientwait token, the credential enrolls it, and the window is short', async () => {
    const s = await stack();
    const erin = await browser(s);
    await erinIsFree(s, 'before');
    const started = performance.now();
    const start = await erin.start();
    expect(start.status, start.text).toBe(201);
    const enrollment = start.body;
    expect(enrollment).toMatchObject({ type: 'passkey', status: 'pending', attemptsLeft: 5 });
    // The enrollment lasts only as long as privacyIDEA's registration challenge.
    expect(Date.parse(enrollment.expiresAt)).toBe(s.clock.now() + 120_000);
    const options = enrollment.registrationOptions;
    expect(options.rp).toEqual({ id: 'localhost', name: 'privacyIDEA Lab' });
    expect(options.user.name).toBe('erin');
    expect(options.authenticatorSelection).toEqual({ residentKey: 'required', requireResidentKey: true, userVerification: 'preferred' });
    // The standard challenge is the base64url of privacyIDEA's challenge string (its clients sign the string's bytes).
    expect(Buffer.from(options.challenge, 'base64url').toString('utf8')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await erinIsLockedOut(s, 'the browser prompt is open');

    const credential = erin.create(enrollment);
    const confirmed = await erin.verify(credential);
    const windowMs = performance.now() - started;
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.body.status).toBe('enrolled');
    expect(confirmed.body.serial).toMatch(/^PIENF/);
    const [token] = s.sim.tokensOf('erin');
    expect(token).toMatchObject({ serial: confirmed.body.serial, tokentype: 'passkey', rollout_state: 'enrolled', active: true });
    expect(token?.info['relying_party_id']).toBe('localhost');
    // Now erin has a method: passOnNoToken no longer lets her in without it.
    expect(await s.loginWith('erin', 'anything')).toEqual({ accepted: false, message: 'wrong otp value' });
    // The clientwait token lived from privacyIDEA's init to step 2: the BFF's part of it, with an instant ceremony.
    console.info(`passkey clientwait window, normal path (start → verify answered, software authenticator): ${windowMs.toFixed(1)} ms`);
    expect(windowMs).toBeLessThan(2000);
    // The browser's Origin reached privacyIDEA: a credential made on another page would not have verified (below).
    const counts = s.sim.requestCounts();
    expect(counts['POST /token/init']).toBe(2);
    expect(counts['DELETE /token/:serial']).toBeUndefined();
  });

  it('wrong credentials count as wrong codes until exhausted; then the token is gone and erin passes again', async () => {
    const s = await stack();
    const erin = await browser(s);
    const enrollment = (await erin.start()).body;
    const wrongs: RegistrationResponseJSON[] = [
      erin.create(enrollment, 'http://evil.localhost:8093'), // another page: refused by the BFF
      erin.create(enrollment, PAGE, { type: 'webauthn.get' }), // another ceremony
      erin.create(enrollment, PAGE, { challenge: 'AAAA' }), // another challenge
      erin.create(enrollment, PAGE, { rpIdForHash: 'example.org' }), // passes the BFF's look, privacyIDEA refuses the rp id hash
    ];
    for (const [i, credential] of wrongs.entries()) {
      const response = await erin.verify(credential);
      expect(response.status, response.text).toBe(422);
      expect(response.body).toMatchObject({ code: 'invalid_code', attemptsLeft: 4 - i });
      await erinIsLockedOut(s, `wrong credential ${i + 1}`);
    }
    const last = await erin.verify(erin.create(enrollment, PAGE, { userPresent: false }));
    expect(last.status, last.text).toBe(409);
    expect(last.body.code).toBe('attempts_exhausted');
    await erinIsFree(s, 'out of tries');
    // The session has nothing pending any more; a right credential now creates nothing either.
    expect((await erin.verify(erin.create(enrollment))).status).toBe(404);
    await erinIsFree(s, 'a right credential after the end');
  });

  it('a malformed credential is a 400 naming the field and costs no attempt', async () => {
    const s = await stack();
    const erin = await browser(s);
    const enrollment = (await erin.start()).body;
    const good = erin.create(enrollment);
    const cases: unknown[] = [
      { ...good, rawId: `${good.rawId}x` },
      { ...good, response: { ...good.response, clientDataJSON: 'not base64url!' } },
      { ...good, type: 'password' },
      'garbage',
    ];
    for (const credential of cases) {
      const response = await erin.verify(credential);
      expect(response.status, response.text).toBe(400);
      expect(response.body.code).toBe('invalid_request');
    }
    expect((await erin.send('POST', '/api/v1/enrollment/verify', { code: '123456' })).status).toBe(400);
    expect((await erin.verify(good)).status).toBe(200);
  });

  it('cancel deletes the token at once; expiry after 120 s too', async () => {
    const s = await stack();
    const erin = await browser(s);
    await erin.start();
    await erinIsLockedOut(s, 'started');
    expect((await erin.cancel()).status).toBe(204);
    await erinIsFree(s, 'cancelled');

    const again = (await erin.start()).body;
    await erinIsLockedOut(s, 'started again');
    s.clock.advance(120_000);
    const expired = await erin.send<ProblemFields>('GET', '/api/v1/enrollment');
    expect(expired.status).toBe(410);
    await erinIsFree(s, 'expired');
    expect([400, 404]).toContain((await erin.verify(erin.create(again))).status);
    await erinIsFree(s, 'a credential after expiry');
  });

  it('reload, double start and a new sign-in give the same enrollment and one token', async () => {
    const s = await stack();
    const erin = await browser(s);
    const [first, second] = await Promise.all([erin.start(), erin.start()]);
    expect(second.body.registrationOptions.challenge).toBe(first.body.registrationOptions.challenge);
    expect(s.sim.tokensOf('erin')).toHaveLength(1);
    const reloaded = await erin.send<PasskeyEnrollment>('GET', '/api/v1/enrollment');
    expect(reloaded.body.registrationOptions).toEqual(first.body.registrationOptions);
    const resumed = await erin.start();
    expect(resumed.status).toBe(200);
    expect(resumed.body.registrationOptions.challenge).toBe(first.body.registrationOptions.challenge);
    expect(s.sim.tokensOf('erin')).toHaveLength(1);
    // A new sign-in (the widget reloaded with a fresh launch token) is offered the same enrollment.
    const signedInAgain = new PasskeyBrowser(await s.signedIn('erin'));
    const carried = await signedInAgain.send<PasskeyEnrollment>('GET', '/api/v1/enrollment');
    expect(carried.body.registrationOptions).toEqual(first.body.registrationOptions);
    await erinIsLockedOut(s, 'reloaded');
    expect((await signedInAgain.verify(signedInAgain.create(carried.body))).status).toBe(200);
    expect(s.sim.tokensOf('erin').map((t) => t.rollout_state)).toEqual(['enrolled']);
  });

  it('a page without Origin, or a relying party the page cannot use, starts nothing', async () => {
    const s = await stack({ env: { ALLOWED_ORIGINS: `${PAGE},https://other.example.org` } });
    const erin = await browser(s);
    const foreign = await erin.start('https://other.example.org');
    expect(foreign.status).toBe(503);
    expect(s.logLines.some((line) => line.includes('is not the host of the page'))).toBe(true);
    await erinIsFree(s, 'rp id does not fit the page');
    const bare = await erin.client.request<ProblemFields>('POST', '/api/v1/enrollment', { type: 'passkey' }, { origin: '' });
    expect(bare.status).toBe(400);
    await erinIsFree(s, 'no Origin');
  });

  it('PASSKEY_RP_ID that privacyIDEA does not use refuses the start and removes the token', async () => {
    const s = await stack({ env: { PASSKEY_RP_ID: 'enroll.example.org' } });
    const erin = await browser(s);
    expect((await erin.start()).status).toBe(503);
    expect(s.logLines.some((line) => line.includes('PASSKEY_RP_ID says enroll.example.org'))).toBe(true);
    await erinIsFree(s, 'policy and PASSKEY_RP_ID disagree');
  });

  it('without the relying-party policy privacyIDEA makes nothing (W0) and the user is told', async () => {
    const s = await stack();
    s.sim.setFido2Policy(undefined);
    const erin = await browser(s);
    const start = await erin.start();
    expect(start.status).toBe(502);
    expect(start.body.code).toBe('upstream_error');
    await erinIsFree(s, 'no policy');
  });

  describe('privacyIDEA failing at each step leaves nothing after one sweep', () => {
    async function sweptClean(s: TestStack, step: string) {
      s.sim.clearFaults();
      s.clock.advance(121_000);
      await s.app.sweeper.sweepOnce({ full: true });
      await erinIsFree(s, step);
    }

    it('step 1 fails (500), or its answer is lost (timeout)', async () => {
      const s = await stack({ env: { PI_TIMEOUT_MS: '200' } });
      const erin = await browser(s);
      s.sim.injectFault({ endpoint: 'POST /token/init', fault: { kind: 'error500' }, times: 1 });
      expect((await erin.start()).status).toBe(502);
      await erinIsFree(s, 'init 500');
      s.sim.injectFault({ endpoint: 'POST /token/init', fault: { kind: 'latency', ms: 600 }, times: 1 });
      expect((await erin.start()).status).toBe(503);
      await new Promise((resolve) => setTimeout(resolve, 700)); // privacyIDEA carries it out after the BFF gave up
      await sweptClean(s, 'init answered too late');
    });

    it('step 2 fails, the token check fails, the delete on cancel fails', async () => {
      const s = await stack();
      const erin = await browser(s);
      const enrollment = (await erin.start()).body;
      s.sim.injectFault({ endpoint: 'POST /token/init', fault: { kind: 'error500' }, times: 1 });
      expect((await erin.verify(erin.create(enrollment))).status).toBe(502);
      await erinIsLockedOut(s, 'step 2 failed: still pending, the user may try again or cancel');
      s.sim.injectFault({ endpoint: 'GET /token/', fault: { kind: 'error500' }, times: 1 });
      expect((await erin.verify(erin.create(enrollment))).status).toBe(502);
      s.sim.injectFault({ endpoint: 'DELETE /token/:serial', fault: { kind: 'error500' } });
      expect((await erin.cancel()).status).toBe(204);
      await sweptClean(s, 'cancel could not delete');
    });

    it("step 2's answer is lost after privacyIDEA enrolled the key: the retry confirms, nothing is removed", async () => {
      const s = await stack({ env: { PI_TIMEOUT_MS: '200' } });
      const erin = await browser(s);
      const enrollment = (await erin.start()).body;
      const credential = erin.create(enrollment);
      s.sim.injectFault({ endpoint: 'POST /token/init', fault: { kind: 'latency', ms: 600 }, times: 1 });
      expect((await erin.verify(credential)).status).toBe(503);
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(s.sim.tokensOf('erin').map((t) => t.rollout_state)).toEqual(['enrolled']);
      const retried = await erin.verify(credential);
      expect(retried.status, retried.text).toBe(200);
      s.clock.advance(121_000);
      await s.app.sweeper.sweepOnce({ full: true });
      expect(s.sim.tokensOf('erin').map((t) => [t.serial, t.rollout_state])).toEqual([[retried.body.serial, 'enrolled']]);
    });

    it('the user walks away: the sweeper removes the token after its 120 s', async () => {
      const s = await stack();
      const erin = await browser(s);
      await erin.start();
      s.clock.advance(60_000);
      await s.app.sweeper.sweepOnce({ full: true });
      await erinIsLockedOut(s, 'a minute in: still the user\'s');
      await sweptClean(s, 'walked away');
    });
  });

  describe('try it now', () => {
    async function enrolled(s: TestStack) {
      const erin = await browser(s);
      const enrollment = (await erin.start()).body;
      const credential = erin.create(enrollment);
      const serial = (await erin.verify(credential)).body.serial ?? '';
      return { erin, serial, credentialId: credential.id };
    }

    it('logs in with the new key through privacyIDEA', async () => {
      const s = await stack();
      const { erin, serial, credentialId } = await enrolled(s);
      const challenge = await erin.send<PasskeyTryChallenge>('POST', `/api/v1/methods/${serial}/try`, { credentialId });
      expect(challenge.status, challenge.text).toBe(200);
      expect(challenge.body.options).toMatchObject({ rpId: 'localhost', allowCredentials: [{ id: credentialId, type: 'public-key' }] });
      const assertion = erin.authenticator.get(challenge.body.options, PAGE);
      const tried = await erin.send<PasskeyTryResult>('POST', `/api/v1/methods/${serial}/try`, { transactionId: challenge.body.transactionId, credential: assertion });
      expect(tried.body).toEqual({ result: 'ok' });
      expect(s.sim.tokensOf('erin')[0]?.info['sign_count']).toBe('2');
      // The same assertion again: privacyIDEA deleted the challenge.
      const replay = await erin.send<PasskeyTryResult>('POST', `/api/v1/methods/${serial}/try`, { transactionId: challenge.body.transactionId, credential: assertion });
      expect(replay.body).toEqual({ result: 'failed', reason: 'rejected' });
    });

    it('is rate-limited per user (each call is a privacyIDEA login or challenge)', async () => {
      const s = await stack({ env: { RATE_LIMIT_VERIFY_PER_USER: '3' } });
      const { erin, serial } = await enrolled(s);
      for (let i = 0; i < 3; i += 1) expect((await erin.send('POST', `/api/v1/methods/${serial}/try`, {})).status).toBe(200);
      expect((await erin.send<ProblemFields>('POST', `/api/v1/methods/${serial}/try`, {})).status).toBe(429);
    });

    it('another key, a forged signature, a foreign serial', async () => {
      const s = await stack();
      const { erin, serial } = await enrolled(s);
      const challenge = (await erin.send<PasskeyTryChallenge>('POST', `/api/v1/methods/${serial}/try`, {})).body;
      const assertion = erin.authenticator.get(challenge.options, PAGE);
      const signature = Buffer.from(assertion.response.signature, 'base64url');
      signature.writeUInt8(signature.readUInt8(signature.length - 1) ^ 1, signature.length - 1);
      const forged = { ...assertion, response: { ...assertion.response, signature: signature.toString('base64url') } };
      const tried = await erin.send<PasskeyTryResult>('POST', `/api/v1/methods/${serial}/try`, { transactionId: challenge.transactionId, credential: forged });
      expect(tried.body).toEqual({ result: 'failed', reason: 'rejected' });
      expect((await erin.send<ProblemFields>('POST', `/api/v1/methods/${serial}/try`, { credentialId: 'AAAA' })).status).toBe(400);

      const bob = await browser(s, 'bob');
      expect((await bob.send<ProblemFields>('POST', `/api/v1/methods/${serial}/try`, {})).status).toBe(404);
    });
  });
});
