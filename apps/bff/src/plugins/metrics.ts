import fp from 'fastify-plugin';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Registry;
    /** Renamed, removed and replaced methods, by action. */
    methodActions: Counter<'action'>;
  }
}

/**
 * Prometheus metrics at /metrics: the enrollment funnel (what share of users finish, the number this product
 * exists for), privacyIDEA request latency and errors, and the sweeper's work. With PI_URL set it is served
 * only with METRICS_TOKEN; open only with the embedded simulator.
 */
export default fp(
  (app) => {
    const registry = new Registry();
    // Unprefixed (process_cpu_seconds_total, nodejs_eventloop_lag_seconds…), as the usual Node.js dashboards expect.
    collectDefaultMetrics({ register: registry });

    const funnel = new Counter({
      name: 'pi_enroll_enrollments_total',
      help: 'Enrollment outcomes by method: started, resumed, resent, confirmed, wrong_code, exhausted, expired, cancelled, replaced, swept',
      labelNames: ['outcome', 'method'] as const,
      registers: [registry],
    });
    const wrongCodes = new Counter({
      name: 'pi_enroll_wrong_codes_total',
      help: 'Wrong confirmation codes by method and reason: clock_drift (the phone clock is off), app_ignores_settings, none',
      labelNames: ['method', 'reason'] as const,
      registers: [registry],
    });
    const upstreamLatency = new Histogram({
      name: 'pi_enroll_upstream_request_duration_seconds',
      help: 'privacyIDEA request latency by endpoint and outcome',
      labelNames: ['endpoint', 'outcome'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    const upstreamErrors = new Counter({
      name: 'pi_enroll_upstream_errors_total',
      help: 'privacyIDEA requests that failed, by endpoint and privacyIDEA error code (or "unavailable")',
      labelNames: ['endpoint', 'code'] as const,
      registers: [registry],
    });
    const sweeps = new Counter({
      name: 'pi_enroll_sweeper_runs_total',
      help: 'Sweeper passes',
      registers: [registry],
    });
    const swept = new Counter({
      name: 'pi_enroll_sweeper_deleted_total',
      help: 'Abandoned tokens deleted by the sweeper',
      registers: [registry],
    });
    const sweepFailures = new Counter({
      name: 'pi_enroll_sweeper_failures_total',
      help: 'Sweeper listings or deletions that failed (retried next pass); abandoned tokens may lock users out meanwhile',
      registers: [registry],
    });

    app.enrollmentEvents.add((event) => {
      funnel.inc({ outcome: event.outcome, method: event.method });
      if (event.outcome === 'wrong_code') wrongCodes.inc({ method: event.method, reason: event.reason ?? 'none' });
    });
    app.privacyideaTransport.observe((event) => {
      upstreamLatency.observe({ endpoint: event.endpoint, outcome: event.outcome }, event.durationMs / 1000);
      if (event.outcome !== 'ok') upstreamErrors.inc({ endpoint: event.endpoint, code: event.piCode !== undefined ? String(event.piCode) : event.outcome });
    });
    app.sweeper.onPass((result) => {
      sweeps.inc();
      swept.inc(result.deleted);
      sweepFailures.inc(result.failed);
    });

    app.decorate('metrics', registry);
    app.decorate(
      'methodActions',
      new Counter({ name: 'pi_enroll_method_actions_total', help: 'Sign-in methods renamed, removed or replaced by their owners', labelNames: ['action'] as const, registers: [registry] }),
    );
    const { metricsToken: token, metricsOpen } = app.config;
    // Metrics tell who is enrolling how often and how privacyIDEA is doing: against a real privacyIDEA they are
    // served only to a scraper with METRICS_TOKEN; without one the path does not exist (404).
    if (token === undefined && !metricsOpen) {
      app.log.info('/metrics is off: set METRICS_TOKEN to scrape it');
      return;
    }
    app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
      if (token !== undefined && request.headers.authorization !== `Bearer ${token}`) {
        return reply.code(401).header('www-authenticate', 'Bearer').send();
      }
      return reply.type(registry.contentType).send(await registry.metrics());
    });
  },
  { name: 'metrics', dependencies: ['enrollment', 'privacyidea'] },
);
