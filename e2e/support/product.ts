import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface SimToken {
  serial: string;
  active: boolean;
  rollout_state: string;
  info: Record<string, string>;
}

export interface Product {
  url: string;
  simUrl: string;
  output: () => string;
  sim: <T>(method: string, path: string, body?: unknown) => Promise<T>;
  tokensOf: (username: string) => Promise<SimToken[]>;
  simNow: () => Promise<number>;
  validate: (username: string, pass: string) => Promise<{ accepted: boolean; message: string }>;
  stop: () => Promise<void>;
}

/**
 * The product as `npm start` runs it: the built BFF serving the built widget, with the embedded simulator and
 * its demo users. Only the sweep interval is shortened so an abandoned enrollment is cleaned up within seconds.
 */
export async function startProduct(): Promise<Product> {
  const server = `${root}apps/bff/dist/server.js`;
  if (!existsSync(server) || !existsSync(`${root}apps/web/dist/index.html`)) {
    throw new Error('Build first: `npm run build` (npm test does it before running vitest)');
  }
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [server], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SWEEP_INTERVAL_SECONDS: '5', LOG_LEVEL: 'warn', PI_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`pi-enroll did not start:\n${output}`)), 20_000);
    child.stdout?.on('data', () => {
      if (/embedded simulator at/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`pi-enroll exited with ${code}:\n${output}`)));
  });
  const simUrl = /embedded simulator at (http:\/\/\S+)/.exec(output)?.[1];
  if (simUrl === undefined) throw new Error(`no simulator URL in:\n${output}`);

  const sim = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${simUrl}/_sim${path}`, {
      method,
      ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    });
    return (await response.json()) as T;
  };
  return {
    url: `http://127.0.0.1:${port}/`,
    simUrl,
    output: () => output,
    sim,
    tokensOf: async (username) => (await sim<{ tokens: SimToken[] }>('GET', `/tokens?user=${username}`)).tokens,
    simNow: async () => (await sim<{ now: number }>('GET', '/clock')).now,
    validate: async (username, pass) => {
      const response = await fetch(`${simUrl}/validate/check`, {
        method: 'POST',
        body: new URLSearchParams({ user: username, realm: 'example', pass }),
      });
      const body = (await response.json()) as { result: { value: boolean }; detail?: { message?: string } };
      return { accepted: body.result.value, message: body.detail?.message ?? '' };
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
