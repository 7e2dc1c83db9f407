import { afterEach, describe, expect, it } from 'vitest';
import { apiPaths } from '@pi-enroll/shared';
import { ApiClient } from '../support/api-client.js';
import { loadConfig } from '../../src/config/load-config.js';
import { startStack, type TestStack } from '../support/test-stack.js';
import { funnel, parseMetrics, total } from './support/prometheus.js';

const SCRAPE_TOKEN = 'scrape-token-0123456789';

describe('/metrics', () => {
  const stacks: TestStack[] = [];
  afterEach(async () => {
    for (const stack of stacks.splice(0)) await stack.close();
  });

  const scrape = async (stack: TestStack, headers: Record<string, string> = {}) => {
    const response = await fetch(`${stack.baseUrl}/metrics`, { headers });
    return { status: response.status, contentType: response.headers.get('content-type'), samples: response.ok ? parseMetrics(await response.text()) : [] };
  };

  it('counts every enrollment outcome by method, the upstream calls behind them, and the sweeper', async () => {
    const stack = await startStack({ env: { METRICS_TOKEN: SCRAPE_TOKEN } });
    stacks.push(stack);

    // alice: a wrong code, then the right one.
    const alice = await stack.signedIn('alice');
    const aliceEnrollment = (await alice.startEnrollment()).body;
    expect((await alice.verify('000000')).status).toBe(422);
    expect((await alice.verify(stack.codeFor(aliceEnrollment))).status).toBe(200);
    // bob: starts and cancels; starts again and comes back after the enrollment expired.
    const bob = await stack.signedIn('bob');
    await bob.startEnrollment();
    expect((await bob.delete(apiPaths.enrollment)).status).toBe(204);
    await bob.startEnrollment();
    // carol: her confirmation breaks off after the token was created and cannot be cleaned up; the sweeper does.
    const carol = await stack.signedIn('carol');
    const carolEnrollment = (await carol.startEnrollment()).body;
    stack.sim.injectFault({ endpoint: 'POST /token/init', fault: { kind: 'error500' }, times: 1, after: 1 });
    stack.sim.injectFault({ endpoint: 'DELETE /token/:serial', fault: { kind: 'error500' }, times: 1 });
    expect((await carol.verify(stack.codeFor(carolEnrollment))).status).toBe(502);
    // erin: reloads (start again), then types wrong codes until the enrollment ends.
    const erin = await stack.signedIn('erin');
    await erin.startEnrollment();
    expect((await erin.startEnrollment()).status).toBe(200);
    for (let attempt = 1; attempt <= 4; attempt += 1) expect((await erin.verify('000000')).status).toBe(422);
    expect((await erin.verify('000000')).status).toBe(409);
    // dave: a realm without the verify_enrollment policy confirms at once.
    stack.sim.setPolicies({ verifyEnrollment: false });
    const dave = await stack.signedIn('dave');
    const daveEnrollment = (await dave.startEnrollment()).body;
    expect((await dave.verify(stack.codeFor(daveEnrollment))).status).toBe(200);

    stack.clock.advance(601_000);
    expect((await bob.get(apiPaths.enrollment)).status).toBe(410);
    expect(await stack.app.sweeper.sweepOnce()).toMatchObject({ deleted: 1, failed: 0 });

    const metrics = await scrape(stack, { authorization: `Bearer ${SCRAPE_TOKEN}` });
    expect(metrics.status).toBe(200);
    expect(metrics.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(funnel(metrics.samples)).toEqual({
      started: { totp: 6 },
      resumed: { totp: 1 },
      wrong_code: { totp: 5 },
      exhausted: { totp: 1 },
      confirmed: { totp: 2 },
      cancelled: { totp: 1 },
      expired: { totp: 1 },
      swept: { totp: 1 },
    });

    // Every request privacyIDEA received is in the latency histogram, under the same endpoint name.
    const upstream = stack.sim.requestCounts();
    for (const [endpoint, count] of Object.entries(upstream)) {
      expect(total(metrics.samples, 'pi_enroll_upstream_request_duration_seconds_count', { endpoint }), endpoint).toBe(count);
    }
    expect(total(metrics.samples, 'pi_enroll_upstream_request_duration_seconds_bucket', { endpoint: 'POST /token/init', le: '+Inf' })).toBe(upstream['POST /token/init']);
    expect(total(metrics.samples, 'pi_enroll_upstream_request_duration_seconds_sum')).toBeGreaterThan(0);
    // Wrong codes never reach privacyIDEA (the BFF judges them against the key it made); carol's break-off did.
    expect(total(metrics.samples, 'pi_enroll_upstream_errors_total', { endpoint: 'POST /token/init', code: '905' })).toBe(0);
    expect(total(metrics.samples, 'pi_enroll_upstream_errors_total', { endpoint: 'POST /token/init', code: '-500' })).toBe(1);
    expect(total(metrics.samples, 'pi_enroll_upstream_errors_total', { code: 'unavailable' })).toBe(0);

    expect(total(metrics.samples, 'pi_enroll_sweeper_runs_total')).toBe(1);
    expect(total(metrics.samples, 'pi_enroll_sweeper_deleted_total')).toBe(1);
    expect(total(metrics.samples, 'pi_enroll_sweeper_failures_total')).toBe(0);
    expect(total(metrics.samples, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(metrics.samples.some((sample) => sample.name === 'nodejs_eventloop_lag_seconds')).toBe(true);

    // The audit log tells the same story, one line per outcome.
    const audit = stack.logLines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line['audit'] === 'enrollment');
    const auditFunnel: Record<string, Record<string, number>> = {};
    for (const line of audit) {
      const [outcome, method] = [String(line['outcome']), String(line['method'])];
      auditFunnel[outcome] = { ...auditFunnel[outcome], [method]: (auditFunnel[outcome]?.[method] ?? 0) + 1 };
    }
    expect(auditFunnel).toEqual(funnel(metrics.samples));
    expect(audit.find((line) => line['outcome'] === 'swept')).toMatchObject({
      msg: 'enrollment swept',
      user: 'carol',
      method: 'totp',
      enrollmentId: expect.stringMatching(/^[0-9A-F]{16}$/) as unknown,
      serial: expect.stringMatching(/^PIENC/) as unknown,
    });
  });

  it('does not exist against a real privacyIDEA without METRICS_TOKEN, but is open with the embedded simulator', async () => {
    const stack = await startStack();
    stacks.push(stack);
    const off = await fetch(`${stack.baseUrl}/metrics`);
    expect(off.status).toBe(404);
    expect(await off.text()).not.toContain('pi_enroll_');
    expect(stack.logLines.some((line) => line.includes('/metrics is off: set METRICS_TOKEN'))).toBe(true);
    expect(loadConfig({}).metricsOpen).toBe(true);
    expect(loadConfig({ METRICS_TOKEN: SCRAPE_TOKEN }).metricsOpen).toBe(false);
  });

  it('counts privacyIDEA being unreachable, and is closed to scrapers without METRICS_TOKEN when one is set', async () => {
    const stack = await startStack({ env: { METRICS_TOKEN: 'scrape-token-0123456789', PI_TIMEOUT_MS: '300' } });
    stacks.push(stack);
    const alice = await stack.signedIn('alice');
    stack.sim.injectFault({ endpoint: 'GET /token/', fault: { kind: 'reset' }, times: 1 });
    expect((await alice.startEnrollment()).status).toBe(503);

    expect((await scrape(stack)).status).toBe(401);
    expect((await scrape(stack, { authorization: 'Bearer wrong' })).status).toBe(401);
    const metrics = await scrape(stack, { authorization: 'Bearer scrape-token-0123456789' });
    expect(metrics.status).toBe(200);
    expect(total(metrics.samples, 'pi_enroll_upstream_errors_total', { endpoint: 'GET /token/', code: 'unavailable' })).toBe(1);
    expect(total(metrics.samples, 'pi_enroll_upstream_request_duration_seconds_count', { endpoint: 'GET /token/', outcome: 'unavailable' })).toBe(1);
    expect(funnel(metrics.samples)).toEqual({});

    // A sweeper pass that cannot list the tokens is counted as a failure, to alert on.
    stack.sim.injectFault({ endpoint: 'GET /token/', fault: { kind: 'error500' }, times: 1 });
    expect(await stack.app.sweeper.sweepOnce()).toMatchObject({ failed: 1 });
    const after = await scrape(stack, { authorization: 'Bearer scrape-token-0123456789' });
    expect(total(after.samples, 'pi_enroll_sweeper_failures_total')).toBe(1);
    expect(total(after.samples, 'pi_enroll_sweeper_runs_total')).toBe(1);
    // Not part of the public API document.
    const openapi = (await new ApiClient(stack.baseUrl).get<{ paths: Record<string, unknown> }>(apiPaths.openapi)).body;
    expect(Object.keys(openapi.paths)).not.toContain('/metrics');
  });
});
