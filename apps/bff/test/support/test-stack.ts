import { Writable } from 'node:stream';
import { SignJWT } from 'jose';
import { TOTP } from 'otpauth';
import type { Dispatcher } from 'undici';
import { ManualClock, startSimulator, type PrivacyIdeaVersion, type RunningSimulator } from '@pi-enroll/privacyidea-sim';
import type { TotpEnrollment } from '@pi-enroll/shared';
import { buildApp } from '../../src/app.js';
// Brings the decorators' types (app.sweeper, app.metrics…) into the tests.
import type {} from '../../src/plugins/enrollment.js';
import type {} from '../../src/plugins/metrics.js';
import type {} from '../../src/plugins/store.js';
import { loadConfig } from '../../src/config/load-config.js';
import { ApiClient } from './api-client.js';

export const LAUNCH_SECRET = 'test-launch-secret-0123456789abcdef-0123';
export const SESSION_SECRET = 'test-session-secret-0123456789abcdef-012';
export const START_TIME = Date.parse('2026-11-28T15:00:00Z');

export interface StackOptions {
  verifyEnrollment?: boolean;
  passOnNoToken?: boolean;
  env?: Record<string, string>;
  dispatcher?: Dispatcher;
  /** Reuse a running simulator (to restart only the BFF). */
  simulator?: RunningSimulator;
  clock?: ManualClock;
  /** The privacyIDEA version the simulator answers as (default 3.11). */
  version?: PrivacyIdeaVersion;
}

export type TestStack = Awaited<ReturnType<typeof startStack>>;

/** The BFF over real HTTP against the simulator, both on one manual clock, with the log captured. */
export async function startStack(options: StackOptions = {}) {
  const clock = options.clock ?? new ManualClock(START_TIME);
  const sim = options.simulator ?? (await startSimulator({ clock, port: 0, host: '127.0.0.1', ...(options.version !== undefined ? { version: options.version } : {}) }));
  sim.setPolicies({ verifyEnrollment: options.verifyEnrollment ?? true, passOnNoToken: options.passOnNoToken ?? true });
  const logLines: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  const config = loadConfig({
    PI_URL: sim.url,
    PI_ADMIN_USER: sim.demoCredentials.admin.username,
    PI_ADMIN_PASSWORD: sim.demoCredentials.admin.password,
    PI_REALM: 'example',
    SESSION_SECRET,
    LAUNCH_TOKEN_SECRET: LAUNCH_SECRET,
    LOG_LEVEL: 'info',
    ...options.env,
  });
  const app = await buildApp({
    config,
    clock,
    logStream,
    startSweeper: false,
    ...(options.dispatcher !== undefined ? { dispatcher: options.dispatcher } : {}),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  const baseUrl = `http://127.0.0.1:${address.port}`;

  let jti = 0;
  const launchToken = (username: string, claims: Record<string, unknown> = {}) =>
    new SignJWT({ realm: 'example', ...claims })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(username)
      .setAudience('pi-enroll')
      .setJti(`test-${(jti += 1)}-${Math.random()}`)
      .setIssuedAt(Math.floor(clock.now() / 1000))
      .setExpirationTime(Math.floor(clock.now() / 1000) + 300)
      .sign(new TextEncoder().encode(LAUNCH_SECRET));

  /** A browser signed in as `username`. */
  const signedIn = async (username: string) => {
    const client = new ApiClient(baseUrl);
    const response = await client.post('/api/v1/session', { launchToken: await launchToken(username) });
    if (response.status !== 204) throw new Error(`sign-in failed: ${response.status} ${response.text}`);
    return client;
  };

  /** The code the user's app shows now, computed from the enrollment as a phone would. */
  const codeFor = (enrollment: Pick<TotpEnrollment, 'secret' | 'algorithm' | 'digits' | 'period'>, offsetSteps = 0) =>
    new TOTP({ secret: enrollment.secret, algorithm: enrollment.algorithm, digits: enrollment.digits, period: enrollment.period }).generate({
      timestamp: clock.now() + offsetSteps * enrollment.period * 1000,
    });

  /** What /validate/check says about a user's login with `pass`, as privacyIDEA's login plugins would ask. */
  const loginWith = async (username: string, pass: string) => {
    const response = await fetch(`${sim.url}/validate/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ user: username, realm: 'example', pass }).toString(),
    });
    const body = (await response.json()) as { result: { value: boolean }; detail?: { message?: string } };
    return { accepted: body.result.value, message: body.detail?.message ?? '' };
  };

  const close = async () => {
    await app.close();
    if (options.simulator === undefined) await sim.close();
  };

  return { app, sim, clock, baseUrl, logLines, config, launchToken, signedIn, codeFor, loginWith, close };
}
