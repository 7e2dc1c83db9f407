import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import { freePort, startProcess, type Child } from '@pi-enroll/test-processes';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The runtime settings the container image gives the BFF (the Dockerfile's `NODE_OPTIONS` and `MALLOC_ARENA_MAX`),
 * so the benchmark measures the BFF as it is shipped. BENCH_BFF_NODE_OPTIONS replaces the Node options, to try
 * other heap settings.
 */
export function shippedRuntimeEnv(): { NODE_OPTIONS: string; MALLOC_ARENA_MAX?: string } {
  const envLines = readFileSync(`${root}Dockerfile`, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('ENV '))
    .join('\n');
  const nodeOptions = process.env.BENCH_BFF_NODE_OPTIONS ?? /\bNODE_OPTIONS="([^"]*)"/.exec(envLines)?.[1] ?? '';
  const mallocArenaMax = /\bMALLOC_ARENA_MAX=(\d+)/.exec(envLines)?.[1];
  return { NODE_OPTIONS: nodeOptions, ...(mallocArenaMax !== undefined ? { MALLOC_ARENA_MAX: mallocArenaMax } : {}) };
}

export interface BenchStack {
  bffUrl: string;
  simUrl: string;
  bff: Child;
  sim: Child;
  launchToken: (username: string) => Promise<string>;
  adminJwt: () => Promise<string>;
  simControl: <T>(method: string, path: string, body?: unknown) => Promise<T>;
  stop: () => Promise<void>;
}

/** The built BFF and the simulator as two processes on loopback, as an operator would run them. */
export async function startBenchStack(env: Record<string, string> = {}): Promise<BenchStack> {
  const simPort = await freePort();
  const { child: sim } = await startProcess({
    name: 'simulator',
    command: process.execPath,
    args: [`${root}packages/privacyidea-sim/dist/cli.js`],
    env: { ...process.env, PI_SIM_PORT: String(simPort) },
    ready: /listening on/,
  });
  const simUrl = `http://127.0.0.1:${simPort}`;
  const adminPassword = /admin admin \/ (\S+)/.exec(sim.stdout.join('\n'))?.[1] ?? '';
  const launchSecret = randomBytes(32).toString('hex');
  const bffPort = await freePort();
  const { child: bff } = await startProcess({
    name: 'bff',
    command: process.execPath,
    args: [`${root}apps/bff/dist/server.js`],
    env: {
      ...process.env,
      PORT: String(bffPort),
      PI_URL: simUrl,
      PI_ADMIN_USER: 'admin',
      PI_ADMIN_PASSWORD: adminPassword,
      PI_REALM: 'example',
      SESSION_SECRET: randomBytes(32).toString('hex'),
      LAUNCH_TOKEN_SECRET: launchSecret,
      LOG_LEVEL: 'warn',
      ...shippedRuntimeEnv(),
      ...env,
    },
    ready: /running at/,
  });
  let jti = 0;
  return {
    bffUrl: `http://127.0.0.1:${bffPort}`,
    simUrl,
    bff,
    sim,
    launchToken: (username) =>
      new SignJWT({ realm: 'example' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(username)
        .setAudience('pi-enroll')
        .setJti(`bench-${(jti += 1)}`)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(launchSecret)),
    adminJwt: async () => {
      const response = await fetch(`${simUrl}/auth`, {
        method: 'POST',
        body: new URLSearchParams({ username: 'admin', password: adminPassword }),
      });
      return ((await response.json()) as { result: { value: { token: string } } }).result.value.token;
    },
    simControl: async <T>(method: string, path: string, body?: unknown) => {
      const response = await fetch(`${simUrl}/_sim${path}`, {
        method,
        ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
      });
      return (await response.json()) as T;
    },
    stop: async () => {
      await bff.stop();
      await sim.stop();
    },
  };
}
