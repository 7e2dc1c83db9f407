import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisStore } from '../../src/store/redis-store.js';
import { startRedis, type RunningRedis } from '../support/redis-server.js';

describe('the expiring store shared through Redis', () => {
  let redis: RunningRedis;
  let clients: Redis[];
  let replicas: RedisStore[];
  beforeAll(async () => {
    redis = await startRedis();
    clients = [new Redis(redis.url), new Redis(redis.url)];
    replicas = clients.map((client) => new RedisStore(client));
  });
  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await redis.close();
  });

  it('gives a claim to exactly one of two replicas racing for it', async () => {
    const [a, b] = replicas as [RedisStore, RedisStore];
    const results = await Promise.all([a.claim('finished:e1', 'confirmed', 60_000), b.claim('finished:e1', 'cancelled', 60_000)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect([await a.get('finished:e1'), await b.get('finished:e1')]).toEqual([results[0] ? 'confirmed' : 'cancelled', results[0] ? 'confirmed' : 'cancelled']);
  });

  it('counts 50 parallel increments from two replicas without losing one, and expires the count', async () => {
    const counts = await Promise.all(Array.from({ length: 50 }, (_, i) => replicas[i % 2]!.increment('attempts:e2', 300)));
    expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(await replicas[0]!.increment('attempts:e2', 300, -1)).toBe(49);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await replicas[1]!.get('attempts:e2')).toBeUndefined();
  });

  it('extends a lease only for its holder, and lets it lapse when nobody renews it', async () => {
    const [a, b] = replicas as [RedisStore, RedisStore];
    await a.claim('lock:carol', 'holder-1', 300);
    expect(await b.extend('lock:carol', 'holder-2', 60_000)).toBe(false);
    expect(await a.extend('lock:carol', 'holder-1', 600)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await b.get('lock:carol')).toBe('holder-1');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await b.claim('lock:carol', 'holder-2', 300)).toBe(true);
  });

  it('releases a lock only for its holder', async () => {
    const [a, b] = replicas as [RedisStore, RedisStore];
    await a.claim('lock:bob', 'holder-1', 30_000);
    await b.release('lock:bob', 'holder-2');
    expect(await b.get('lock:bob')).toBe('holder-1');
    await a.release('lock:bob', 'holder-1');
    expect(await b.claim('lock:bob', 'holder-2', 30_000)).toBe(true);
  });
});
