import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/child-processes.js';

/** Runs the built server as an operator would, with only `env` (and PATH), until it exits. */
function runServer(env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['apps/bff/dist/server.js'],
      { cwd: REPO_ROOT, env: { PATH: process.env['PATH'] ?? '', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env }, timeout: 30_000 },
      (error, stdout, stderr) => resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr }),
    );
  });
}

describe('starting the server: what the operator sees', () => {
  let blocker: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (blocker ? blocker.close(resolve) : resolve(undefined)));
    blocker = undefined;
  });

  it('says in one line that the port is in use, without a stack trace', async () => {
    const server = createServer();
    blocker = server;
    const port = await new Promise<number>((resolve) => {
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      });
    });
    const result = await runServer({ PORT: String(port) });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([`pi-enroll: cannot listen on 127.0.0.1:${String(port)}: the port is already in use (stop the other process or set PORT)`]);
  });

  it('warns about a misspelt variable and lists every configuration problem, then stops without a stack trace', async () => {
    const result = await runServer({ PI_URL: 'https://pi.example.org', ENROL_TTL_SECONDS: '300', OTP_DIGITS: '9', SESSION_SECRET: 'short' });
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toBe('pi-enroll: warning: ENROL_TTL_SECONDS is not a pi-enroll setting and is ignored; did you mean ENROLL_TTL_SECONDS?');
    expect(lines[1]).toMatch(/^Invalid configuration \(\d problems\):$/);
    expect(result.stderr).toContain('OTP_DIGITS: must be 6, 7 or 8 (got "9")');
    expect(result.stderr).toContain('PI_ADMIN_USER: required when PI_URL is set');
    expect(result.stderr).not.toContain('short');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
