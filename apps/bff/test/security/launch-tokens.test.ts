import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/api-client.js';
import { LAUNCH_SECRET, startStack, type TestStack } from '../support/test-stack.js';

const key = new TextEncoder().encode(LAUNCH_SECRET);

describe('launch tokens', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack.close();
  });

  const nowSeconds = () => Math.floor(stack.clock.now() / 1000);
  const claims = (overrides: { sub?: string; aud?: string; exp?: number; jti?: string | undefined } = {}) => {
    const jwt = new SignJWT({ realm: 'example' })
      .setSubject(overrides.sub ?? 'alice')
      .setAudience(overrides.aud ?? 'pi-enroll')
      .setIssuedAt(nowSeconds())
      .setExpirationTime(overrides.exp ?? nowSeconds() + 300);
    if (!('jti' in overrides)) jwt.setJti(`jti-${Math.random()}`);
    else if (overrides.jti !== undefined) jwt.setJti(overrides.jti);
    return jwt;
  };
  const signIn = async (launchToken: string) => {
    const client = new ApiClient(stack.baseUrl);
    const response = await client.post('/api/v1/session', { launchToken });
    return { client, response };
  };
  const expectRefused = async (launchToken: string) => {
    const { client, response } = await signIn(launchToken);
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'launch_token_invalid', status: 401 });
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await client.signedInUser()).toBeNull();
  };

  it('accepts a valid token once, and refuses its replay', async () => {
    const token = await stack.launchToken('alice');
    expect((await signIn(token)).response.status).toBe(204);
    const replay = await signIn(token);
    expect(replay.response.status).toBe(401);
    expect(replay.response.body).toMatchObject({ code: 'launch_token_invalid' });
  });

  it('refuses a replay even in the clock-skew grace period after expiry', async () => {
    const token = await claims({ exp: nowSeconds() + 60 }).setProtectedHeader({ alg: 'HS256' }).sign(key);
    expect((await signIn(token)).response.status).toBe(204);
    stack.clock.advance(75_000);
    await expectRefused(token);
  });

  it('refuses a token signed with another key (forged)', async () => {
    await expectRefused(await claims().setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('another-secret-0123456789abcdef-0123456')));
  });

  it('refuses a token whose payload was altered after signing', async () => {
    const [header, payload, signature] = (await stack.launchToken('bob')).split('.');
    const altered = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    altered.sub = 'alice';
    await expectRefused(`${header}.${Buffer.from(JSON.stringify(altered)).toString('base64url')}.${signature}`);
  });

  it('refuses an expired token, beyond the bounded clock skew', async () => {
    await expectRefused(await claims({ exp: nowSeconds() - 31 }).setProtectedHeader({ alg: 'HS256' }).sign(key));
  });

  it('refuses a token issued in the future beyond the 30 s clock skew, and accepts one within it', async () => {
    await expectRefused(await claims().setIssuedAt(nowSeconds() + 120).setProtectedHeader({ alg: 'HS256' }).sign(key));
    const { response } = await signIn(await claims().setIssuedAt(nowSeconds() + 20).setProtectedHeader({ alg: 'HS256' }).sign(key));
    expect(response.status).toBe(204);
  });

  it('refuses a token for another audience', async () => {
    await expectRefused(await claims({ aud: 'some-other-app' }).setProtectedHeader({ alg: 'HS256' }).sign(key));
  });

  it('refuses a token that lives longer than ten minutes', async () => {
    await expectRefused(await claims({ exp: nowSeconds() + 3600 }).setProtectedHeader({ alg: 'HS256' }).sign(key));
  });

  it('refuses a token without an id (it could not be single use)', async () => {
    await expectRefused(await claims({ jti: undefined }).setProtectedHeader({ alg: 'HS256' }).sign(key));
  });

  it('refuses alg "none" and any algorithm but the pinned one', async () => {
    const unsecured = new UnsecuredJWT({ realm: 'example' })
      .setSubject('alice')
      .setAudience('pi-enroll')
      .setJti('none-1')
      .setIssuedAt(nowSeconds())
      .setExpirationTime(nowSeconds() + 300)
      .encode();
    await expectRefused(unsecured);
    // The same secret, but HS512: the algorithm is pinned to HS256.
    await expectRefused(await claims().setProtectedHeader({ alg: 'HS512' }).sign(key));
    // A header that says "none" on an otherwise valid HS256 signature.
    const [, payload, signature] = (await stack.launchToken('alice')).split('.');
    await expectRefused(`${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.${signature}`);
  });

  it('refuses garbage without an internal error', async () => {
    for (const junk of ['x', 'a.b.c', 'eyJhbGciOiJIUzI1NiJ9..', '.'.repeat(40)]) await expectRefused(junk);
  });
});
