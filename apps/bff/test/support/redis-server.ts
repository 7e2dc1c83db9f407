import { freePort, startProcess } from '@pi-enroll/test-processes';

export interface RunningRedis {
  url: string;
  close(): Promise<void>;
}

/** A throw-away redis-server for one test file: loopback only, nothing written to disk. */
export async function startRedis(): Promise<RunningRedis> {
  const port = await freePort();
  const { child } = await startProcess({
    name: 'redis-server',
    command: 'redis-server',
    args: ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    ready: /Ready to accept connections/,
    timeoutMs: 10_000,
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    close: async () => void (await child.stop()),
  };
}
