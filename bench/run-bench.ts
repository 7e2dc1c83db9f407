// `npm run bench`: measures the BFF's overhead, privacyIDEA calls per enrollment and the widget's size and
// speed, writes bench/results.json and bench/results.md, and prints the summary. It never fails the tests;
// it exits non-zero only when a target is missed, so a regression is visible in its output.
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { measureBffOverhead } from './bff-overhead.js';
import { shippedRuntimeEnv, startBenchStack } from './support/bench-stack.js';
import { countUpstreamCalls } from './upstream-calls.js';
import { measureWidget } from './widget.js';

const targets = {
  throughputRatio: 0.7,
  addedP50Ms: 2,
  peakRssMb: 150,
  upstreamCallsBeforeQr: 0,
  upstreamCalls: 2,
  qrVisibleThrottledMs: 3000,
};

const stack = await startBenchStack({
  // The benchmark is one client sending thousands of requests a second: rate limits would measure
  // themselves, not the BFF. 10 000 per second per session/address keeps them out of the way.
  RATE_LIMIT_WINDOW_SECONDS: '1',
  RATE_LIMIT_VERIFY_PER_USER: '10000',
  RATE_LIMIT_START_PER_USER: '10000',
  RATE_LIMIT_ENROLL_PER_ADDRESS: '10000',
  RATE_LIMIT_SESSION_PER_USER: '100000',
});
try {
  const overhead = await measureBffOverhead(stack);
  const peakRssMb = stack.bff.peakRssBytes() / 2 ** 20;
  const upstream = [await countUpstreamCalls(stack, true, 'bob'), await countUpstreamCalls(stack, false, 'carol')];
  await stack.simControl('POST', '/policies', { verifyEnrollment: true });
  const widget = await measureWidget(stack);

  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const bffRuntimeEnv = shippedRuntimeEnv();
  const results = { date: new Date().toISOString(), machine, bffRuntimeEnv, targets, overhead, peakRssMb, upstream, widget };
  const outDir = fileURLToPath(new URL('./', import.meta.url));
  writeFileSync(`${outDir}results.json`, `${JSON.stringify(results, null, 2)}\n`);

  const fmt = (value: number, digits = 1) => value.toFixed(digits);
  const check = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  const lines = [
    `# Benchmark results`,
    ``,
    `${results.date.slice(0, 10)} on ${machine}. BFF (${Object.entries(bffRuntimeEnv).map(([name, value]) => `${name}=${value}`).join(' ')}, as the Dockerfile runs it; LOG_LEVEL=warn, as the default info adds a log line and ~0.2 ms of CPU to every request) and simulator as separate processes on loopback, sharing the cores with the load generator; 50 connections; each figure the median of BFF and direct runs taken in turn.`,
    ``,
    `| BFF endpoint | BFF req/s | direct req/s | ratio (≥ ${targets.throughputRatio}) | p50 ms BFF / direct at full load | fixed rate | added p50 ms (≤ ${targets.addedP50Ms}) | added p99 ms |`,
    `|---|---|---|---|---|---|---|---|`,
    ...overhead.map(
      ({ endpoint, saturated, fixedRate }) =>
        `| ${endpoint} | ${fmt(saturated.bff.requestsPerSecond, 0)} | ${fmt(saturated.direct.requestsPerSecond, 0)} | ${fmt(saturated.throughputRatio, 2)} ${check(saturated.throughputRatio >= targets.throughputRatio)} | ${fmt(saturated.bff.p50Ms, 0)} / ${fmt(saturated.direct.p50Ms, 0)} | ${fmt(fixedRate.requestsPerSecond, 0)} req/s | ${fmt(fixedRate.addedP50Ms)} ${check(fixedRate.addedP50Ms <= targets.addedP50Ms)} | ${fmt(fixedRate.addedP99Ms)} |`,
    ),
    ``,
    `Added latency is measured at a fixed rate (half of what the BFF sustained, same rate for both). At full load a closed-loop client's latency is queueing: 50 connections / throughput, so it restates the throughput ratio.`,
    ``,
    `BFF peak RSS: ${fmt(peakRssMb)} MB (≤ ${targets.peakRssMb}: ${check(peakRssMb <= targets.peakRssMb)}).`,
    ``,
    `| privacyIDEA | calls between Start and the QR code | calls per successful enrollment | by endpoint |`,
    `|---|---|---|---|`,
    ...upstream.map(
      (row) =>
        `| verify_enrollment ${row.verifyPolicy ? 'on' : 'off'} | ${row.beforeQr} (≤ ${targets.upstreamCallsBeforeQr}: ${check(row.beforeQr <= targets.upstreamCallsBeforeQr)}) | ${row.calls} (≤ ${targets.upstreamCalls}: ${check(row.calls <= targets.upstreamCalls)}) | ${Object.entries(row.byEndpoint).map(([endpoint, count]) => `${endpoint} ×${count}`).join(', ')} |`,
    ),
    ``,
    `Whether privacyIDEA keeps a key the BFF supplies is learnt once per realm (a probe token made and deleted at once: 2 calls, at the first start in a realm and then every 10 minutes), not per enrollment.`,
    ``,
    `Widget: initial JS ${fmt(widget.initialJsGzipKb)} KB gzip, CSS ${fmt(widget.cssGzipKb)} KB gzip; QR visible (median of 3) ${fmt(widget.qrVisibleMs, 0)} ms after navigation on loopback, ${fmt(widget.qrVisibleThrottledMs, 0)} ms at 1.6 Mbps / 150 ms RTT (≤ ${targets.qrVisibleThrottledMs}: ${check(widget.qrVisibleThrottledMs <= targets.qrVisibleThrottledMs)}).`,
    ``,
  ];
  writeFileSync(`${outDir}results.md`, lines.join('\n'));
  process.stdout.write(`${lines.join('\n')}\n`);
  if (lines.some((line) => line.includes('MISSED'))) process.exitCode = 1;
} finally {
  await stack.stop();
}
