import autocannon from 'autocannon';
import { TOTP } from 'otpauth';
import { ApiClient } from '../apps/bff/test/support/api-client.js';
import type { BenchStack } from './support/bench-stack.js';

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
}

export interface OverheadResult {
  endpoint: string;
  bff: LoadFigures;
  direct: LoadFigures;
  throughputRatio: number;
  addedP50Ms: number;
  addedP99Ms: number;
}

const CONNECTIONS = 50;

async function load(options: autocannon.Options): Promise<LoadFigures> {
  const result = await autocannon({ connections: CONNECTIONS, duration: Number(process.env.BENCH_SECONDS ?? 8), ...options });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx + result.errors + result.timeouts,
  };
}

function compare(endpoint: string, bff: LoadFigures, direct: LoadFigures): OverheadResult {
  return {
    endpoint,
    bff,
    direct,
    throughputRatio: bff.requestsPerSecond / direct.requestsPerSecond,
    addedP50Ms: bff.p50Ms - direct.p50Ms,
    addedP99Ms: bff.p99Ms - direct.p99Ms,
  };
}

/**
 * The BFF against the same upstream requests sent straight to the simulator, in one run on one machine:
 * - GET /api/v1/session ↔ GET /token/?user=…&realm=… (one upstream call each);
 * - POST /api/v1/enrollment/verify ↔ POST /token/init serial&type&verify (one upstream call each). The BFF
 *   request replays the cookie from before confirmation, so every request takes the full verify path.
 */
export async function measureBffOverhead(stack: BenchStack): Promise<OverheadResult[]> {
  const adminJwt = await stack.adminJwt();
  const browser = new ApiClient(stack.bffUrl);
  await browser.post('/api/v1/session', { launchToken: await stack.launchToken('alice') });
  const enrollment = (await browser.startEnrollment()).body;
  const pendingCookie = browser.cookieHeader;
  const code = new TOTP({ secret: enrollment.secret, algorithm: enrollment.algorithm, digits: enrollment.digits, period: enrollment.period }).generate();
  const confirmed = await browser.verify(code);
  if (confirmed.status !== 200 || confirmed.body.serial === undefined) throw new Error(`bench setup: verify answered ${confirmed.status}`);
  const serial = confirmed.body.serial;
  const origin = new URL(stack.bffUrl).origin;

  const sessionBff = await load({ url: `${stack.bffUrl}/api/v1/session`, headers: { cookie: browser.cookieHeader } });
  const sessionDirect = await load({ url: `${stack.simUrl}/token/?user=alice&realm=example&page=1&pagesize=50`, headers: { authorization: adminJwt } });

  const verifyBff = await load({
    url: `${stack.bffUrl}/api/v1/enrollment/verify`,
    method: 'POST',
    headers: { cookie: pendingCookie, 'content-type': 'application/json', origin },
    body: JSON.stringify({ code }),
  });
  const verifyDirect = await load({
    url: `${stack.simUrl}/token/init`,
    method: 'POST',
    headers: { authorization: adminJwt, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ serial, type: 'totp', verify: code }).toString(),
  });
  return [compare('GET /api/v1/session', sessionBff, sessionDirect), compare('POST /api/v1/enrollment/verify', verifyBff, verifyDirect)];
}
