import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '@pi-enroll/privacyidea-sim';
import { stopAllChildren, waitFor } from '@pi-enroll/test-processes';
import { signInAt, startBffProcess, totpAt } from './support/child-processes.js';

/** How long privacyIDEA takes for the request in flight: the window in which new connections must be refused. */
const SLOW_INIT_MS = 3000;

/** Whether a new TCP connection to the port is refused (the listener is gone). */
function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

describe('graceful shutdown of the built BFF (SIGTERM, as from Kubernetes or docker stop)', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await stopAllChildren();
    await sim.close();
  });

  it('finishes the request in flight, refuses new connections at once, and exits 0 within 10 s', async () => {
    const bff = await startBffProcess('bff', sim.url);
    const alice = await signInAt(bff.url, 'alice', sim.clock.now());
    // Another browser with an idle keep-alive connection: it must not hold the process open.
    const bob = await signInAt(bff.url, 'bob', sim.clock.now());
    expect((await bob.get('/api/v1/session')).status).toBe(200);

    // privacyIDEA is slow to create alice's token: her confirmation is in flight when the signal arrives.
    const started = await alice.startEnrollment('Phone');
    expect(started.status).toBe(201);
    const initsBefore = sim.requestCounts()['POST /token/init'] ?? 0;
    sim.injectFault({ endpoint: 'POST /token/init', fault: { kind: 'latency', ms: SLOW_INIT_MS }, times: 1 });
    let settled = false;
    const inFlight = alice.verify(totpAt(started.body, sim.clock.now())).finally(() => {
      settled = true;
    });
    await waitFor(() => ((sim.requestCounts()['POST /token/init'] ?? 0) > initsBefore ? true : undefined), { timeoutMs: 5000, what: 'the confirmation to reach privacyIDEA' });
    const signalledAt = Date.now();
    bff.signal('SIGTERM');

    await waitFor(async () => ((await connectionRefused(bff.port)) ? true : undefined), { timeoutMs: SLOW_INIT_MS - 500, what: 'the listener to close' });
    expect(settled).toBe(false);

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'enrolled', description: 'Phone' });
    expect(sim.tokensOf('alice')).toEqual([expect.objectContaining({ rollout_state: 'enrolled', active: true })]);

    const exit = await Promise.race([bff.exited, new Promise((resolve) => setTimeout(() => resolve('still running after 10 s'), 10_000))]);
    expect(exit, bff.transcript()).toEqual({ code: 0, signal: null });
    const shutdownMs = Date.now() - signalledAt;
    expect(shutdownMs).toBeLessThan(10_000);
    expect(bff.logs().filter((line) => line['signal'] === 'SIGTERM').map((line) => line['msg'])).toEqual(['shutting down', 'stopped']);
    expect(bff.stderr.join('\n')).toBe('');
    console.info(`graceful shutdown: exited 0 ${shutdownMs} ms after SIGTERM (the request in flight took ${SLOW_INIT_MS} ms upstream)`);
  });
});
