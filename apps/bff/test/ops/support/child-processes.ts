import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import { TOTP } from 'otpauth';
import type { FaultRule, SimToken } from '@pi-enroll/privacyidea-sim';
import type { Enrollment } from '@pi-enroll/shared';
import { ApiClient } from '../../support/api-client.js';
import { LAUNCH_SECRET, SESSION_SECRET } from '../../support/test-stack.js';

/** Real processes, as an operator runs them: the built BFF and the simulator's CLI. globalSetup builds dist/. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
const BFF_SERVER = `${REPO_ROOT}apps/bff/dist/server.js`;
const SIMULATOR_CLI = `${REPO_ROOT}packages/privacyidea-sim/dist/cli.js`;

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One child process with its output kept, so a failing test can show it and a test can search its log. */
export class Child {
  readonly stdout: string[] = [];
  readonly stderr: string[] = [];
  readonly exited: Promise<Exit>;
  private exit: Exit | undefined;

  constructor(
    readonly name: string,
    readonly process: ChildProcess,
  ) {
    running.add(this);
    const collect = (into: string[]) => {
      let partial = '';
      return (chunk: Buffer) => {
        const lines = (partial + chunk.toString('utf8')).split('\n');
        partial = lines.pop() ?? '';
        into.push(...lines);
      };
    };
    process.stdout?.on('data', collect(this.stdout));
    process.stderr?.on('data', collect(this.stderr));
    this.exited = new Promise((resolve) => {
      process.once('exit', (code, signal) => {
        running.delete(this);
        this.exit = { code, signal };
        resolve(this.exit);
      });
    });
  }

  get hasExited(): boolean {
    return this.exit !== undefined;
  }

  /** The JSON (pino) lines of stdout. */
  logs(): Record<string, unknown>[] {
    return this.stdout.flatMap((line) => {
      if (!line.startsWith('{')) return [];
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  }

  /** What the process printed, for assertion messages. */
  transcript(): string {
    return `--- ${this.name} stdout ---\n${this.stdout.join('\n')}\n--- ${this.name} stderr ---\n${this.stderr.join('\n')}`;
  }

  signal(signal: NodeJS.Signals): void {
    if (!this.hasExited) this.process.kill(signal);
  }

  /** SIGTERM, then SIGKILL if it is still there after `graceMs`. */
  async stop(graceMs = 5000): Promise<Exit> {
    if (this.exit !== undefined) return this.exit;
    this.signal('SIGTERM');
    const timer = setTimeout(() => this.signal('SIGKILL'), graceMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }
}

const running = new Set<Child>();
// Whatever happens to the test worker, no child outlives it.
process.once('exit', () => {
  for (const child of running) child.signal('SIGKILL');
});

/** Stops every child this test file started: call it in afterAll. */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map((child) => child.stop()));
}

/** Starts `args` with node and waits until stdout matches `ready`. */
async function startNode(name: string, args: string[], env: Record<string, string>, ready: RegExp, timeoutMs = 20_000) {
  const child = new Child(name, spawn(process.execPath, args, { cwd: REPO_ROOT, env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] }));
  const match = await waitFor(() => child.stdout.map((line) => ready.exec(line)).find((found) => found !== null) ?? (child.hasExited ? 'exited' : undefined), {
    timeoutMs,
    what: `${name} to start`,
  }).catch(async (error: unknown) => {
    await child.stop(1000);
    throw new Error(`${(error as Error).message}\n${child.transcript()}`);
  });
  if (match === 'exited') throw new Error(`${name} exited while starting\n${child.transcript()}`);
  return { child, match };
}

/** Polls `probe` until it returns something other than undefined. */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, options: { timeoutMs: number; what: string; intervalMs?: number }): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${options.what}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 25));
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address !== null && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
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
export function totpAt(enrollment: Pick<Enrollment, 'secret' | 'algorithm' | 'digits' | 'period'>, nowMs: number): string {
  return new TOTP({ secret: enrollment.secret, algorithm: enrollment.algorithm, digits: enrollment.digits, period: enrollment.period }).generate({ timestamp: nowMs });
}
