import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/memory-store.js';

function manualClock(startMs: number) {
  let now = startMs;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe("the single process's expiring store", () => {
  it('lets one caller claim a key until it expires, then another', async () => {
    const clock = manualClock(1_000_000);
    const store = new MemoryStore(clock);
    expect(await store.claim('jti-1', 'a', 60_000)).toBe(true);
    expect(await store.claim('jti-1', 'b', 60_000)).toBe(false);
    expect(await store.get('jti-1')).toBe('a');
    clock.advance(60_000);
    expect(await store.get('jti-1')).toBeUndefined();
    expect(await store.claim('jti-1', 'b', 60_000)).toBe(true);
  });

  it('counts from the first increment, expires the count with it, and never loses one of parallel increments', async () => {
    const clock = manualClock(1_000_000);
    const store = new MemoryStore(clock);
    const counts = await Promise.all(Array.from({ length: 50 }, () => store.increment('attempts:e1', 10_000)));
    expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    clock.advance(5_000);
    expect(await store.increment('attempts:e1', 10_000, -1)).toBe(49);
    // The expiry is the first increment's, not extended by later ones.
    clock.advance(5_000);
    expect(await store.increment('attempts:e1', 10_000)).toBe(1);
  });

  it('extends a lease only for its holder', async () => {
    const clock = manualClock(0);
    const store = new MemoryStore(clock);
    await store.claim('lock:bob', 'holder-1', 10_000);
    clock.advance(9_000);
    expect(await store.extend('lock:bob', 'holder-2', 10_000)).toBe(false);
    expect(await store.extend('lock:bob', 'holder-1', 10_000)).toBe(true);
    clock.advance(9_000);
    expect(await store.get('lock:bob')).toBe('holder-1');
    clock.advance(1_000);
    expect(await store.extend('lock:bob', 'holder-1', 10_000)).toBe(false);
    expect(await store.claim('lock:bob', 'holder-2', 10_000)).toBe(true);
  });

  it('releases a lock only for its holder', async () => {
    const store = new MemoryStore(manualClock(0));
    await store.claim('lock:bob', 'holder-1', 30_000);
    await store.release('lock:bob', 'holder-2');
    expect(await store.get('lock:bob')).toBe('holder-1');
    await store.release('lock:bob', 'holder-1');
    expect(await store.claim('lock:bob', 'holder-2', 30_000)).toBe(true);
  });

  it('lets go of expired entries, so a long busy day does not pile them up', async () => {
    const clock = manualClock(1_000_000);
    const store = new MemoryStore(clock);
    // Ten minutes of sign-ins, one every 10 ms, each id good for a minute.
    for (let i = 0; i < 60_000; i += 1) {
      await store.claim(`jti-${i}`, '1', 60_000);
      clock.advance(10);
    }
    // At most the last minute and a half (a minute of life, plus up to 30 s until the next sweep).
    expect(store.size).toBeLessThanOrEqual(9_000);
    expect(await store.get('jti-59999')).toBe('1');
    expect(await store.get('jti-0')).toBeUndefined();
  });

  it('keeps sweeping after the clock went back (it follows privacyIDEA, which may be corrected)', async () => {
    const clock = manualClock(10_000_000);
    const store = new MemoryStore(clock);
    await store.set('before', '1', 1_000);
    clock.advance(-3_600_000);
    for (let i = 0; i < 1_000; i += 1) {
      await store.set(`jti-${i}`, '1', 1_000);
      clock.advance(100);
    }
    // 100 s of ids good for 1 s each: without a sweep all 1,001 would still be held.
    expect(store.size).toBeLessThanOrEqual(400);
  });
});
