import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import { TOTP } from 'otpauth';
import type { FaultRule, SimToken } from '@pi-enroll/privacyidea-sim';
import type { TotpEnrollment } from '@pi-enroll/shared';
import { startProcess, type Child } from '@pi-enroll/test-processes';
import { ApiClient } from '../../support/api-client.js';
import { LAUNCH_SECRET, SESSION_SECRET } from '../../support/test-stack.js';

/** Real processes, as an operator runs them: the built BFF and the simulator's CLI. globalSetup builds dist/. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
const BFF_SERVER = `${REPO_ROOT}apps/bff/dist/server.js`;
const SIMULATOR_CLI = `${REPO_ROOT}packages/privacyidea-sim/dist/cli.js`;

/** Starts `args` with node in the repository root, with only PATH and `env` in its environment. */
function startNode(name: string, args: string[], env: Record<string, string>, ready: RegExp) {
  return startProcess({ name, command: process.execPath, args, cwd: REPO_ROOT, env: { PATH: process.env['PATH'] ?? '', ...env }, ready });
}

export interface BffProcess extends Child {
  /** e.g. http://127.0.0.1:41234, no trailing slash. */
  readonly url: string;
  readonly port: number;
}

/**
 * `node apps/bff/dist/server.js` against `piUrl`, configured as a production replica would be (same secrets on
 * every replica), listening on a free loopback port.
 */
export async function startBffProcess(name: string, piUrl: string, env: Record<string, string> = {}): Promise<BffProcess> {
  const { child, match } = await startNode(
    name,
    [BFF_SERVER],
    {
      HOST: '127.0.0.1',
      PORT: '0',
      PI_URL: piUrl,
      PI_ADMIN_USER: 'admin',
      PI_ADMIN_PASSWORD: 'admin-demo',
      PI_REALM: 'example',
      SESSION_SECRET,
      LAUNCH_TOKEN_SECRET: LAUNCH_SECRET,
      LOG_LEVEL: 'info',
      READINESS_CACHE_SECONDS: '0',
      ...env,
    },
    /pi-enroll is running at (http:\/\/127\.0\.0\.1:(\d+))\//,
  );
  return Object.assign(child, { url: match[1] ?? '', port: Number(match[2]) });
}

export interface SimulatorProcess extends Child {
  readonly url: string;
  readonly port: number;
  /** The simulator's clock (wall time plus what was advanced): what every BFF considers "now". */
  now(): Promise<number>;
  advanceClock(ms: number): Promise<void>;
  injectFault(rule: FaultRule): Promise<void>;
  clearFaults(): Promise<void>;
  requestCounts(): Promise<Record<string, number>>;
  tokens(username?: string): Promise<SimToken[]>;
}

/**
 * The simulator's CLI (`node packages/privacyidea-sim/dist/cli.js --port N [--config file.json]`), driven
 * through its `/_sim/` API.
 */
export async function startSimulatorProcess(options: { port?: number; configPath?: string } = {}): Promise<SimulatorProcess> {
  const args = [SIMULATOR_CLI, '--port', String(options.port ?? 0), '--host', '127.0.0.1', ...(options.configPath !== undefined ? ['--config', options.configPath] : [])];
  const { child, match } = await startNode('simulator', args, {}, /listening on (http:\/\/127\.0\.0\.1:(\d+))/);
  const url = match[1] ?? '';
  const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}/_sim/${path}`, {
      method,
      signal: AbortSignal.timeout(5000),
      ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    });
    if (!response.ok) throw new Error(`simulator control ${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return Object.assign(child, {
    url,
    port: Number(match[2]),
    now: async () => (await control<{ now: number }>('GET', 'clock')).now,
    advanceClock: async (ms: number) => void (await control('POST', 'clock/advance', { ms })),
    injectFault: async (rule: FaultRule) => void (await control('POST', 'faults', rule)),
    clearFaults: async () => void (await control('DELETE', 'faults')),
    requestCounts: async () => (await control<{ counts: Record<string, number> }>('GET', 'requests')).counts,
    tokens: async (username?: string) =>
      (await control<{ tokens: SimToken[] }>('GET', `tokens${username === undefined ? '' : `?user=${encodeURIComponent(username)}`}`)).tokens,
  });
}

let launchTokenCount = 0;

/** A browser signed in at `baseUrl` with a launch token the host site would issue at `nowMs` (privacyIDEA's time). */
export async function signInAt(baseUrl: string, username: string, nowMs: number): Promise<ApiClient> {
  const seconds = Math.floor(nowMs / 1000);
  const launchToken = await new SignJWT({ realm: 'example' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(username)
    .setAudience('pi-enroll')
    .setJti(`ops-${(launchTokenCount += 1)}-${Math.random()}`)
    .setIssuedAt(seconds)
    .setExpirationTime(seconds + 300)
    .sign(new TextEncoder().encode(LAUNCH_SECRET));
  const client = new ApiClient(baseUrl);
  const response = await client.post('/api/v1/session', { launchToken });
  if (response.status !== 204) throw new Error(`sign-in of ${username} at ${baseUrl} failed: ${response.status} ${response.text}`);
  return client;
}

/** The code an authenticator app shows at `nowMs` for this enrollment. */
export function totpAt(enrollment: Pick<TotpEnrollment, 'secret' | 'algorithm' | 'digits' | 'period'>, nowMs: number): string {
  return new TOTP({ secret: enrollment.secret, algorithm: enrollment.algorithm, digits: enrollment.digits, period: enrollment.period }).generate({ timestamp: nowMs });
}
