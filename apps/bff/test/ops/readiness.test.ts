import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startSimulator } from '@pi-enroll/privacyidea-sim';
import { freePort, stopAllChildren, waitFor } from '@pi-enroll/test-processes';
import { ApiClient } from '../support/api-client.js';
import { startStack, type TestStack } from '../support/test-stack.js';
import { startBffProcess } from './support/child-processes.js';

describe('/readyz follows privacyIDEA, /healthz only the process', () => {
  const stacks: TestStack[] = [];
  const open = async (env: Record<string, string>) => {
    const stack = await startStack({ env });
    stacks.push(stack);
    return { stack, probe: new ApiClient(stack.baseUrl) };
  };
  afterEach(async () => {
    for (const stack of stacks.splice(0)) await stack.close();
  });

  it('turns 503 not_ready once privacyIDEA resets connections, after the cache window, and recovers the same way', async () => {
    const { stack, probe } = await open({ READINESS_CACHE_SECONDS: '5' });
    expect(await probe.get('/readyz')).toMatchObject({ status: 200, body: { status: 'ready', privacyidea: 'ok' } });

    stack.sim.injectFault({ endpoint: 'GET /token/', fault: { kind: 'reset' } });
    const listingsBefore = stack.sim.requestCounts()['GET /token/'];
    // Within the cache window probes cost privacyIDEA nothing and still say ready.
    for (let i = 0; i < 5; i += 1) expect((await probe.get('/readyz')).status).toBe(200);
    expect(stack.sim.requestCounts()['GET /token/']).toBe(listingsBefore);

    stack.clock.advance(5000);
    expect(await probe.get('/readyz')).toMatchObject({ status: 503, body: { status: 'not_ready', privacyidea: 'unreachable' } });
    expect((await probe.get('/healthz')).status).toBe(200);
    expect(stack.logLines.some((line) => line.includes('readiness check failed') && line.includes('"privacyidea":"unreachable"'))).toBe(true);

    stack.sim.clearFaults();
    expect((await probe.get('/readyz')).status).toBe(503);
    stack.clock.advance(5000);
    expect(await probe.get('/readyz')).toMatchObject({ status: 200, body: { status: 'ready' } });
  });

  it('is not ready while privacyIDEA is stopped, and answers within the upstream timeout when it hangs', async () => {
    const { stack, probe } = await open({ READINESS_CACHE_SECONDS: '0', PI_TIMEOUT_MS: '300' });
    expect((await probe.get('/readyz')).status).toBe(200);

    stack.sim.injectFault({ endpoint: 'GET /token/', fault: { kind: 'hang' } });
    const started = Date.now();
    expect(await probe.get('/readyz')).toMatchObject({ status: 503, body: { privacyidea: 'unreachable' } });
    // A probe must not hang longer than the orchestrator waits for it.
    expect(Date.now() - started).toBeLessThan(2000);

    stack.sim.clearFaults();
    await stack.sim.close();
    expect(await probe.get('/readyz')).toMatchObject({ status: 503, body: { status: 'not_ready', privacyidea: 'unreachable' } });
    expect(await probe.get('/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('names the cause: auth_failed for a wrong admin password, error for a privacyIDEA that answers 500', async () => {
    const wrongPassword = await open({ READINESS_CACHE_SECONDS: '0', PI_ADMIN_PASSWORD: 'not-the-password' });
    expect(await wrongPassword.probe.get('/readyz')).toMatchObject({ status: 503, body: { status: 'not_ready', privacyidea: 'auth_failed' } });

    const failing = await open({ READINESS_CACHE_SECONDS: '0' });
    failing.stack.sim.injectFault({ endpoint: 'GET /token/', fault: { kind: 'error500' }, times: 1 });
    expect(await failing.probe.get('/readyz')).toMatchObject({ status: 503, body: { status: 'not_ready', privacyidea: 'error' } });
    expect((await failing.probe.get('/readyz')).status).toBe(200);
  });
});

describe('a BFF started while privacyIDEA is down', () => {
  afterAll(stopAllChildren);

  it('starts, reports not ready, and becomes ready when privacyIDEA comes up, without a restart', async () => {
    const piPort = await freePort();
    const bff = await startBffProcess('bff', `http://127.0.0.1:${piPort}`, { PI_TIMEOUT_MS: '500' });
    const probe = new ApiClient(bff.url);
    expect(await probe.get('/healthz')).toMatchObject({ status: 200 });
    expect(await probe.get('/readyz')).toMatchObject({ status: 503, body: { status: 'not_ready', privacyidea: 'unreachable' } });
    // The start-up sweep failed quietly and will be retried; the process keeps serving.
    expect(bff.hasExited).toBe(false);

    const sim = await startSimulator({ port: piPort, host: '127.0.0.1' });
    try {
      const ready = await waitFor(async () => ((await probe.get('/readyz')).status === 200 ? true : undefined), {
        timeoutMs: 5000,
        what: '/readyz to turn 200',
        intervalMs: 100,
      });
      expect(ready).toBe(true);
    } finally {
      await bff.stop();
      await sim.close();
    }
    expect(bff.stderr.join('\n')).toBe('');
  });
});
