import { describe, expect, it } from 'vitest';
import { ExpiringIds } from '../../src/security/expiring-ids.js';

function manualClock(startMs: number) {
  let now = startMs;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe('ids remembered until their expiry', () => {
  it('refuses an id seen before until it expires, then takes it again', () => {
    const clock = manualClock(1_000_000);
    const ids = new ExpiringIds(clock);
    expect(ids.add('jti-1', clock.now() + 60_000)).toBe(true);
    expect(ids.add('jti-1', clock.now() + 60_000)).toBe(false);
    expect(ids.has('jti-1')).toBe(true);
    clock.advance(60_000);
    expect(ids.has('jti-1')).toBe(false);
    expect(ids.add('jti-1', clock.now() + 60_000)).toBe(true);
  });

  it('lets go of expired ids, so a long busy day does not pile them up', () => {
    const clock = manualClock(1_000_000);
    const ids = new ExpiringIds(clock);
    // Ten minutes of sign-ins, one every 10 ms, each id good for a minute.
    for (let i = 0; i < 60_000; i += 1) {
      ids.add(`jti-${i}`, clock.now() + 60_000);
      clock.advance(10);
    }
    // At most the last minute and a half (a minute of life, plus up to 30 s until the next sweep).
    expect(ids.size).toBeLessThanOrEqual(9_000);
    expect(ids.has('jti-59999')).toBe(true);
    expect(ids.has('jti-0')).toBe(false);
  });

  it('keeps sweeping after the clock went back (it follows privacyIDEA, which may be corrected)', () => {
    const clock = manualClock(10_000_000);
    const ids = new ExpiringIds(clock);
    ids.add('before', clock.now() + 1_000);
    clock.advance(-3_600_000);
    for (let i = 0; i < 1_000; i += 1) {
      ids.add(`jti-${i}`, clock.now() + 1_000);
      clock.advance(100);
    }
    // 100 s of ids good for 1 s each: without a sweep all 1,001 would still be held.
    expect(ids.size).toBeLessThanOrEqual(400);
  });
});
