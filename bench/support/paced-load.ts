import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'undici';

export interface PacedLoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Requests per second, spread evenly over the run. */
  rate: number;
  connections: number;
  seconds: number;
}

export interface PacedLoadFigures {
  requests: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
}

/**
 * An open-loop load: requests leave at evenly spaced times whether or not earlier ones have been answered, round
 * robin over `connections` keep-alive connections, and each latency counts from the time the request was due
 * (so a stall is not hidden by the requests it held back). autocannon's own rate limit sends each second's quota
 * in a burst at the start of the second, which measures the burst's queue rather than the server.
 */
export async function pacedLoad(options: PacedLoadOptions): Promise<PacedLoadFigures> {
  const url = new URL(options.url);
  const clients = Array.from({ length: options.connections }, () => new Client(url.origin, { pipelining: 1 }));
  const latencies: number[] = [];
  let non2xx = 0;
  const inFlight = new Set<Promise<void>>();
  const total = Math.round(options.rate * options.seconds);
  const intervalMs = 1000 / options.rate;
  const started = performance.now();
  try {
    for (let index = 0; index < total; index += 1) {
      const dueAt = started + index * intervalMs;
      const wait = dueAt - performance.now();
      if (wait >= 1) await sleep(wait);
      const client = clients[index % clients.length];
      if (client === undefined) throw new Error('no client');
      const request = client
        .request({ path: `${url.pathname}${url.search}`, method: options.method ?? 'GET', headers: options.headers, body: options.body })
        .then(async (response) => {
          await response.body.dump();
          if (response.statusCode < 200 || response.statusCode > 299) non2xx += 1;
          latencies.push(performance.now() - dueAt);
        })
        .catch(() => {
          non2xx += 1;
        })
        .finally(() => inFlight.delete(request));
      inFlight.add(request);
    }
    await Promise.all(inFlight);
  } finally {
    await Promise.all(clients.map((client) => client.close()));
  }
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? Number.NaN;
  return { requests: latencies.length, p50Ms: percentile(50), p99Ms: percentile(99), non2xx };
}
