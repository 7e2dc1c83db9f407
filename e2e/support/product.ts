import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort, startProcess } from '@pi-enroll/test-processes';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface SimToken {
  serial: string;
  tokentype: string;
  description: string;
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
 * its demo users. Only the sweep interval is shortened so an abandoned enrollment is cleaned up within seconds;
 * `env` adds the embedding settings a test needs.
 */
export async function startProduct(options: { env?: Record<string, string>; hostName?: string } = {}): Promise<Product> {
  const server = `${root}apps/bff/dist/server.js`;
  if (!existsSync(server) || !existsSync(`${root}apps/web/dist/index.html`)) {
    throw new Error('Build first: `npm run build` (npm test does it before running vitest)');
  }
  const port = await freePort();
  const { child, match } = await startProcess({
    name: 'pi-enroll',
    command: process.execPath,
    args: [server],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SWEEP_INTERVAL_SECONDS: '5', LOG_LEVEL: 'warn', PI_URL: '', ...options.env },
    ready: /embedded simulator at (http:\/\/\S+)/,
  });
  const simUrl = match[1] ?? '';

  const sim = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${simUrl}/_sim${path}`, {
      method,
      ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    });
    return (await response.json()) as T;
  };
  return {
    // It listens on 127.0.0.1; `hostName: 'localhost'` reaches it as another site than a page on 127.0.0.1.
    url: `http://${options.hostName ?? '127.0.0.1'}:${port}/`,
    simUrl,
    output: () => child.transcript(),
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
    stop: async () => void (await child.stop()),
  };
}
