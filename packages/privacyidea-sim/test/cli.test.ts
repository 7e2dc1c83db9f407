import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

function startCli(args: string[], env: Record<string, string> = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    env: { ...process.env, PI_SIM_PORT: '', PI_SIM_CONFIG: '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

function collect(child: ChildProcessWithoutNullStreams): { stdout: () => string; stderr: () => string; exit: Promise<number | null> } {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { stdout: () => stdout, stderr: () => stderr, exit };
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('CLI (src/cli.ts)', () => {
  it('prints the URL and the demo credentials, serves privacyIDEA, and stops cleanly on SIGTERM', async () => {
    const child = startCli(['--port', '0']);
    const output = collect(child);
    try {
      const url = await waitFor(() => /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output.stdout())?.[1]);
      expect(output.stdout()).toContain('admin admin / admin-demo');
      expect(output.stdout()).toContain('user  alice@example / alice-demo');
      const health = await fetch(`${url}/healthz/`);
      expect(await health.json()).toMatchObject({ result: { value: { status: 'ready' } } });
      const control = await fetch(`${url}/_sim/requests`);
      expect(control.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await output.exit).toBe(0);
    expect(output.stdout()).toContain('SIGTERM: stopping the simulator');
  }, 30_000);

  it('refuses a bad config with a message naming the field, exit code 1', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pi-sim-cli-')), 'bad.json');
    writeFileSync(file, JSON.stringify({ realms: [{ name: 'x', resolver: 'r', users: [] }], admins: [{ username: 'admin' }] }));
    const child = startCli([], { PI_SIM_CONFIG: file });
    const output = collect(child);
    expect(await output.exit).toBe(1);
    expect(output.stderr()).toContain(`${file}: admins[0].password: expected a string`);
  }, 30_000);
});
