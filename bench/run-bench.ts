// `npm run bench`: measures the BFF's overhead, privacyIDEA calls per enrollment and the widget's size and
// speed, writes bench/results.json and bench/results.md, and prints the summary. It never fails the tests;
// it exits non-zero only when a target is missed, so a regression is visible in its output.
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { measureBffOverhead } from './bff-overhead.js';
import { startBenchStack } from './support/bench-stack.js';
import { countUpstreamCalls } from './upstream-calls.js';
import { measureWidget } from './widget.js';

const targets = {
  throughputRatio: 0.7,
  addedP50Ms: 2,
  peakRssMb: 150,
  nativeUpstreamCalls: 2,
  qrVisibleThrottledMs: 3000,
};

const stack = await startBenchStack({
  // The benchmark is one client sending thousands of requests a second: rate limits would measure
  // themselves, not the BFF. 10 000 per second per session/address keeps them out of the way.
  RATE_LIMIT_WINDOW_SECONDS: '1',
  RATE_LIMIT_VERIFY_PER_SESSION: '10000',
  RATE_LIMIT_INIT_PER_SESSION: '10000',
  RATE_LIMIT_ENROLL_PER_ADDRESS: '10000',
});
try {
  const overhead = await measureBffOverhead(stack);
  const peakRssMb = stack.bff.peakRssBytes() / 2 ** 20;
  const upstream = [await countUpstreamCalls(stack, 'native', 'bob'), await countUpstreamCalls(stack, 'legacy', 'carol')];
  await stack.simControl('POST', '/policies', { verifyEnrollment: true });
  const widget = await measureWidget(stack);

  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const results = { date: new Date().toISOString(), machine, targets, overhead, peakRssMb, upstream, widget };
  const outDir = fileURLToPath(new URL('./', import.meta.url));
  writeFileSync(`${outDir}results.json`, `${JSON.stringify(results, null, 2)}\n`);

  const fmt = (value: number, digits = 1) => value.toFixed(digits);
  const check = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  const lines = [
    `# Benchmark results`,
    ``,
    `${results.date.slice(0, 10)} on ${machine}. BFF and simulator as separate processes on loopback; 50 connections.`,
    ``,
    `| BFF endpoint | BFF req/s | direct req/s | ratio (≥ ${targets.throughputRatio}) | added p50 ms (≤ ${targets.addedP50Ms}) | added p99 ms |`,
    `|---|---|---|---|---|---|`,
    ...overhead.map(
      (row) =>
        `| ${row.endpoint} | ${fmt(row.bff.requestsPerSecond, 0)} | ${fmt(row.direct.requestsPerSecond, 0)} | ${fmt(row.throughputRatio, 2)} ${check(row.throughputRatio >= targets.throughputRatio)} | ${fmt(row.addedP50Ms)} ${check(row.addedP50Ms <= targets.addedP50Ms)} | ${fmt(row.addedP99Ms)} |`,
    ),
    ``,
    `BFF peak RSS: ${fmt(peakRssMb)} MB (≤ ${targets.peakRssMb}: ${check(peakRssMb <= targets.peakRssMb)}).`,
    ``,
    `| mode | privacyIDEA calls per successful enrollment | by endpoint |`,
    `|---|---|---|`,
    ...upstream.map((row) => `| ${row.mode} | ${row.calls}${row.mode === 'native' ? ` (≤ ${targets.nativeUpstreamCalls}: ${check(row.calls <= targets.nativeUpstreamCalls)})` : ''} | ${Object.entries(row.byEndpoint).map(([endpoint, count]) => `${endpoint} ×${count}`).join(', ')} |`),
    ``,
    `Widget: initial JS ${fmt(widget.initialJsGzipKb)} KB gzip, CSS ${fmt(widget.cssGzipKb)} KB gzip; QR visible ${fmt(widget.qrVisibleMs, 0)} ms after navigation on loopback, ${fmt(widget.qrVisibleThrottledMs, 0)} ms at 1.6 Mbps / 150 ms RTT (≤ ${targets.qrVisibleThrottledMs}: ${check(widget.qrVisibleThrottledMs <= targets.qrVisibleThrottledMs)}).`,
    ``,
  ];
  writeFileSync(`${outDir}results.md`, lines.join('\n'));
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await stack.stop();
}
