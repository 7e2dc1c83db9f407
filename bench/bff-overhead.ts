import autocannon from 'autocannon';
import { TOTP } from 'otpauth';
import { ApiClient } from '../apps/bff/test/support/api-client.js';
import type { BenchStack } from './support/bench-stack.js';
import { pacedLoad } from './support/paced-load.js';

/** One request, sent over and over. */
interface Target {
  url: string;
  method?: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
}

export interface LatencyComparison {
  bff: LoadFigures;
  direct: LoadFigures;
  addedP50Ms: number;
  addedP99Ms: number;
}

export interface OverheadResult {
  endpoint: string;
  /** As fast as 50 connections can go (closed loop): throughput, and latency that is mostly queueing. */
  saturated: LatencyComparison & { throughputRatio: number };
  /**
   * Both at the same fixed rate, half of what the BFF sustained, sent open-loop (bench/support/paced-load.ts):
   * the latency the BFF hop itself adds.
   */
  fixedRate: LatencyComparison & { requestsPerSecond: number };
}

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARM_UP_SECONDS = 2;

async function load(target: Target, seconds = SECONDS): Promise<LoadFigures> {
  const result = await autocannon({ connections: CONNECTIONS, duration: seconds, ...target });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx + result.errors + result.timeouts,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

function medianOf(runs: LoadFigures[]): LoadFigures {
  return {
    requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
    p50Ms: median(runs.map((run) => run.p50Ms)),
    p99Ms: median(runs.map((run) => run.p99Ms)),
    non2xx: runs.reduce((total, run) => total + run.non2xx, 0),
  };
}

/**
 * BFF and direct runs alternate, ROUNDS times, and each figure is the median: on a shared two-core machine the
 * speed available drifts by a third within minutes, and back-to-back blocks would measure the drift.
 */
async function alternate(bff: Target, direct: Target, run: (target: Target) => Promise<LoadFigures>): Promise<LatencyComparison> {
  const bffRuns: LoadFigures[] = [];
  const directRuns: LoadFigures[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    bffRuns.push(await run(bff));
    directRuns.push(await run(direct));
  }
  const bffFigures = medianOf(bffRuns);
  const directFigures = medianOf(directRuns);
  return { bff: bffFigures, direct: directFigures, addedP50Ms: bffFigures.p50Ms - directFigures.p50Ms, addedP99Ms: bffFigures.p99Ms - directFigures.p99Ms };
}

async function compare(endpoint: string, bff: Target, direct: Target): Promise<OverheadResult> {
  await load(bff, WARM_UP_SECONDS);
  await load(direct, WARM_UP_SECONDS);
  const saturated = await alternate(bff, direct, (target) => load(target));
  const rate = Math.round(saturated.bff.requestsPerSecond / 2);
  const fixedRate = await alternate(bff, direct, async (target) => {
    const figures = await pacedLoad({ ...target, rate, connections: CONNECTIONS, seconds: SECONDS });
    return { requestsPerSecond: figures.requests / SECONDS, p50Ms: figures.p50Ms, p99Ms: figures.p99Ms, non2xx: figures.non2xx };
  });
  return {
    endpoint,
    saturated: { ...saturated, throughputRatio: saturated.bff.requestsPerSecond / saturated.direct.requestsPerSecond },
    fixedRate: { ...fixedRate, requestsPerSecond: rate },
  };
}

/**
 * The BFF against the same upstream request sent straight to the simulator, in one run on one machine:
 * GET /api/v1/session ↔ GET /token/?page=1&pagesize=100&user=…&realm=…, the very request the BFF sends. (The
 * confirmation is no longer one upstream call that can be replayed: it creates a token and spends its code, once
 * per enrollment. Its privacyIDEA calls are counted in upstream-calls.ts.)
 */
export async function measureBffOverhead(stack: BenchStack): Promise<OverheadResult[]> {
  const adminJwt = await stack.adminJwt();
  const browser = new ApiClient(stack.bffUrl);
  await browser.post('/api/v1/session', { launchToken: await stack.launchToken('alice') });
  const enrollment = (await browser.startEnrollment()).body;
  const code = new TOTP({ secret: enrollment.secret, algorithm: enrollment.algorithm, digits: enrollment.digits, period: enrollment.period }).generate();
  const confirmed = await browser.verify(code);
  if (confirmed.status !== 200 || confirmed.body.serial === undefined) throw new Error(`bench setup: verify answered ${confirmed.status}`);

  const session = await compare(
    'GET /api/v1/session',
    { url: `${stack.bffUrl}/api/v1/session`, headers: { cookie: browser.cookieHeader } },
    { url: `${stack.simUrl}/token/?page=1&pagesize=100&user=alice&realm=example`, headers: { authorization: adminJwt } },
  );
  return [session];
}
