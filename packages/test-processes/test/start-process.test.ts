import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startProcess, stopAllChildren } from '../src/index.js';

/** A node one-liner as the helper process: `node -e script`. */
function node(name: string, script: string, ready: RegExp, timeoutMs = 5000) {
  return startProcess({ name, command: process.execPath, args: ['-e', script], ready, timeoutMs });
}

afterAll(stopAllChildren);

describe('startProcess', () => {
  it('resolves at the first stdout line matching ready, with the match', async () => {
    const { child, match } = await node(
      'server',
      `console.log('loading'); setTimeout(() => console.log('listening on http://127.0.0.1:4321'), 100); setInterval(() => {}, 1000);`,
      /listening on (http:\/\/127\.0\.0\.1:(\d+))/,
    );
    expect(match[1]).toBe('http://127.0.0.1:4321');
    expect(match[2]).toBe('4321');
    expect(child.stdout).toEqual(['loading', 'listening on http://127.0.0.1:4321']);
    expect(child.hasExited).toBe(false);
    expect(child.peakRssBytes()).toBeGreaterThan(1024 * 1024);
    expect(await child.stop()).toEqual({ code: null, signal: 'SIGTERM' });
  });

  it('rejects with the output of a process that exits before it is ready', async () => {
    const started = node('broken', `console.log('reading config'); console.error('PORT: expected a number'); process.exit(3);`, /listening on/);
    await expect(started).rejects.toThrow(/broken exited while starting \(code 3\)[\s\S]*reading config[\s\S]*PORT: expected a number/);
  });

  it('rejects after timeoutMs with the output, and stops the process', async () => {
    const before = Date.now();
    const started = node('silent', `console.log('still thinking'); setInterval(() => {}, 1000);`, /listening on/, 300);
    await expect(started).rejects.toThrow(/timed out after 300 ms waiting for silent to start[\s\S]*still thinking/);
    expect(Date.now() - before).toBeLessThan(3000);
  });

  it('rejects when the program cannot be run at all', async () => {
    await expect(startProcess({ name: 'missing', command: 'pi-enroll-no-such-program', ready: /ready/ })).rejects.toThrow(
      /cannot run pi-enroll-no-such-program \(is it installed\?\): .*ENOENT/,
    );
  });
});

describe('Child.stop', () => {
  it('escalates to SIGKILL when the process ignores SIGTERM for graceMs', async () => {
    const { child } = await node('stubborn', `process.on('SIGTERM', () => console.log('ignoring SIGTERM')); console.log('ready'); setInterval(() => {}, 1000);`, /^ready$/);
    const before = Date.now();
    const exit = await child.stop(300);
    const elapsed = Date.now() - before;
    expect(exit).toEqual({ code: null, signal: 'SIGKILL' });
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(3000);
    await child.closed;
    expect(child.stdout).toContain('ignoring SIGTERM');
  });
});

describe('freePort', () => {
  it('gives a loopback port that can be listened on', async () => {
    const port = await freePort();
    const { child, match } = await node(
      'listener',
      `require('node:net').createServer().listen(${port}, '127.0.0.1', function () { console.log('port ' + this.address().port); });`,
      /^port (\d+)$/,
    );
    expect(Number(match[1])).toBe(port);
    await child.stop();
  });
});
