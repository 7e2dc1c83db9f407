import { EncryptJWT, UnsecuredJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import type { TotpEnrollment } from '@pi-enroll/shared';
import { SessionSealer } from '../../src/session/session-sealer.js';
import { ApiClient } from '../support/api-client.js';
import { startStack, type TestStack } from '../support/test-stack.js';

const COOKIE = 'pi_enroll_session';

describe('sessions', () => {
  const stacks: TestStack[] = [];
  const open = async (env: Record<string, string> = {}) => {
    const stack = await startStack({ env });
    stacks.push(stack);
    return stack;
  };
  afterEach(async () => {
    for (const stack of stacks.splice(0)) await stack.close();
  });

  it('ends after 15 idle minutes', async () => {
    const stack = await open();
    const alice = await stack.signedIn('alice');
    stack.clock.advance(14 * 60_000);
    expect((await alice.get('/api/v1/session')).status).toBe(200);
    stack.clock.advance(15 * 60_000 + 1000);
    expect(await alice.signedInUser()).toBeNull();
  });

  it('ends after one hour however active the user is', async () => {
    const stack = await open();
    const alice = await stack.signedIn('alice');
    for (let minute = 10; minute <= 50; minute += 10) {
      stack.clock.advance(10 * 60_000);
      expect((await alice.get('/api/v1/session')).status, `minute ${minute}`).toBe(200);
    }
    stack.clock.advance(10 * 60_000 + 1000);
    expect(await alice.signedInUser()).toBeNull();
  });

  it('rotates at sign-in: a new cookie, and the session it replaced is over', async () => {
    const stack = await open();
    const browser = await stack.signedIn('alice');
    const before = browser.cookieHeader;
    expect((await browser.post('/api/v1/session', { launchToken: await stack.launchToken('bob') })).status).toBe(204);
    expect(browser.cookieHeader).not.toBe(before);
    expect((await browser.get<{ user: { username: string } }>('/api/v1/session')).body.user.username).toBe('bob');

    const copy = new ApiClient(stack.baseUrl);
    copy.cookieHeader = before;
    expect(await copy.signedInUser()).toBeNull();
  });

  it('clears the cookie at sign-out, and a copy of it no longer works', async () => {
    const stack = await open();
    const alice = await stack.signedIn('alice');
    await alice.startEnrollment();
    const stolen = new ApiClient(stack.baseUrl);
    stolen.cookieHeader = alice.cookieHeader;
    const signOut = await alice.delete('/api/v1/session');
    expect(signOut.status).toBe(204);
    expect(signOut.headers.getSetCookie().join('\n')).toMatch(new RegExp(`^${COOKIE}=;.*Expires=Thu, 01 Jan 1970`, 'm'));
    expect(await alice.signedInUser()).toBeNull();
    for (const response of [await stolen.get('/api/v1/session'), await stolen.get('/api/v1/enrollment'), await stolen.verify('123456')]) {
      expect(response.status).toBe(401);
    }
  });

  it('sets HttpOnly and SameSite=Lax (no Secure over plain http on the loopback)', async () => {
    const stack = await open();
    const response = await new ApiClient(stack.baseUrl).post('/api/v1/session', { launchToken: await stack.launchToken('alice') });
    const [cookie = ''] = response.headers.getSetCookie();
    expect(cookie).toMatch(new RegExp(`^${COOKIE}=`));
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).not.toMatch(/; Secure/);
  });

  it('uses a Secure __Host- cookie over https at the root (TLS ended by a trusted proxy)', async () => {
    const stack = await open({ TRUSTED_PROXIES: '127.0.0.1/32' });
    const proxied = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'enroll.example.org', origin: 'https://enroll.example.org' };
    const browser = new ApiClient(stack.baseUrl);
    const response = await browser.request('POST', '/api/v1/session', { launchToken: await stack.launchToken('alice') }, proxied);
    expect(response.status).toBe(204);
    const [cookie = ''] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^__Host-pi_enroll_session=/);
    expect(cookie).toMatch(/; Path=\/;/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).not.toMatch(/; Domain=/i);
    expect((await browser.request('GET', '/api/v1/session', undefined, proxied)).status).toBe(200);
    // The same headers from an untrusted peer are ignored: a client cannot make the BFF believe it is https.
    const direct = await startStack({ simulator: stack.sim, clock: stack.clock });
    stacks.push(direct);
    const plain = await new ApiClient(direct.baseUrl).request('POST', '/api/v1/session', { launchToken: await direct.launchToken('bob') }, {
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'enroll.example.org',
    });
    expect(plain.headers.getSetCookie()[0]).toMatch(new RegExp(`^${COOKIE}=`));
  });

  it('uses a Secure cookie without the __Host- prefix, scoped to BASE_PATH, below the root', async () => {
    const stack = await open({ TRUSTED_PROXIES: '127.0.0.1/32', BASE_PATH: '/enroll/' });
    const response = await new ApiClient(stack.baseUrl).request('POST', '/enroll/api/v1/session', { launchToken: await stack.launchToken('alice') }, {
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'portal.example.org',
      origin: 'https://portal.example.org',
    });
    expect(response.status).toBe(204);
    const [cookie = ''] = response.headers.getSetCookie();
    expect(cookie).toMatch(new RegExp(`^${COOKIE}=.*; Path=/enroll/;.*; Secure`));
  });
});

describe("nobody reaches another user's enrollment through the cookie", () => {
  let stack: TestStack;
  afterEach(async () => {
    await stack.close();
  });

  it('refuses forged, tampered and foreign cookies, and a code typed into the wrong session touches only that session', async () => {
    stack = await startStack();
    const alice = await stack.signedIn('alice');
    const enrollment = (await alice.startEnrollment()).body as unknown as Pick<TotpEnrollment, 'secret' | 'algorithm' | 'digits' | 'period'>;
    const aliceCookie = alice.cookieHeader.slice(`${COOKIE}=`.length);
    const sessionClaim = {
      id: 'forged',
      user: { username: 'alice', realm: 'example' },
      via: 'launch-token',
      createdAt: stack.clock.now(),
      lastSeenAt: stack.clock.now(),
      pending: { id: '0123456789ABCDEF', type: 'totp', state: enrollment },
    };
    const exp = Math.floor(stack.clock.now() / 1000) + 600;
    const forgedCookies = {
      'sealed with another secret': new SessionSealer('another-deployment-secret-0123456789abcdef', stack.clock).seal(
        sessionClaim as never,
        stack.clock.now() + 600_000,
      ),
      'tampered ciphertext': `${aliceCookie.slice(0, -30)}${aliceCookie.slice(-30).split('').reverse().join('')}`,
      'unencrypted alg none': new UnsecuredJWT({ s: sessionClaim }).setExpirationTime(exp).encode(),
      'JWE with a guessed all-zero key': await new EncryptJWT({ s: sessionClaim })
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
        .setExpirationTime(exp)
        .encrypt(new Uint8Array(32)),
      'plain JSON': encodeURIComponent(JSON.stringify({ s: sessionClaim })),
    };
    for (const [name, value] of Object.entries(forgedCookies)) {
      const mallory = new ApiClient(stack.baseUrl);
      mallory.cookieHeader = `${COOKIE}=${value}`;
      for (const response of [await mallory.get('/api/v1/enrollment'), await mallory.verify(stack.codeFor(enrollment)), await mallory.delete('/api/v1/enrollment')]) {
        expect(response.status, name).toBe(401);
      }
    }
    // A __Host- cookie (or any other name) on plain http is not the session cookie either.
    const renamed = new ApiClient(stack.baseUrl);
    renamed.cookieHeader = `__Host-${COOKIE}=${aliceCookie}`;
    expect((await renamed.get('/api/v1/enrollment')).status).toBe(401);

    // mallory has her own enrollment; alice's code sent in mallory's session is checked against mallory's token.
    const mallory = await stack.signedIn('bob');
    await mallory.startEnrollment();
    expect((await mallory.verify(stack.codeFor(enrollment))).body).toMatchObject({ code: 'invalid_code' });
    expect(stack.sim.tokensOf('alice')).toEqual([]);
    expect(stack.sim.tokensOf('bob')).toEqual([]);
    expect((await alice.get('/api/v1/enrollment')).body).toMatchObject({ attemptsLeft: 5 });
    expect((await alice.verify(stack.codeFor(enrollment))).status).toBe(200);
  });
});

describe('the session seal', () => {
  const clock = { now: () => Date.parse('2026-11-28T15:00:00Z') };
  const session = { id: 's1', user: { username: 'alice', realm: 'example' }, via: 'launch-token' as const, createdAt: clock.now(), lastSeenAt: clock.now() };

  it('never uses an IV twice, across many seals of the same session, and each seal opens to the session', () => {
    const sealer = new SessionSealer('deployment-secret-0123456789abcdef-0123', clock);
    const ivs = new Set<string>();
    const seals = 2000;
    for (let i = 0; i < seals; i += 1) {
      const sealed = sealer.seal(session, clock.now() + 60_000);
      ivs.add(Buffer.from(sealed.slice('v1.'.length), 'base64url').subarray(0, 12).toString('hex'));
      if (i % 250 === 0) expect(sealer.open(sealed)).toEqual(session);
    }
    expect(ivs.size).toBe(seals);
  });

  it('cannot be opened after its expiry or by another deployment', () => {
    const sealer = new SessionSealer('deployment-secret-0123456789abcdef-0123', clock);
    expect(sealer.open(sealer.seal(session, clock.now() - 1))).toBeUndefined();
    expect(new SessionSealer('other-deployment-secret-0123456789abcdef', clock).open(sealer.seal(session, clock.now() + 60_000))).toBeUndefined();
  });
});
