import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { SharedDeadlines } from '../src/privacyidea/shared-deadlines.js';

/** A clock the test moves, and timers that only record when they would fire. */
function fakeTime() {
  let now = 1_000;
  const timers: { signal: AbortSignal; firesAt: number }[] = [];
  return {
    time: {
      now: () => now,
      timeout: (ms: number) => {
        const signal = new AbortController().signal;
        timers.push({ signal, firesAt: now + ms });
        return signal;
      },
    },
    advance: (ms: number) => void (now += ms),
    firesAt: (signal: AbortSignal) => timers.find((timer) => timer.signal === signal)?.firesAt,
    timers,
  };
}

describe('deadlines shared by upstream requests', () => {
  it('gives requests that start within one slice one signal, and the next slice a new one', () => {
    const fake = fakeTime();
    const deadlines = new SharedDeadlines(5_000, 100, fake.time);
    const first = deadlines.signal();
    fake.advance(99);
    expect(deadlines.signal()).toBe(first);
    fake.advance(1);
    expect(deadlines.signal()).not.toBe(first);
    expect(fake.timers).toHaveLength(2);
  });

  it('gives a request taken at the very end of a slice its whole timeout', () => {
    const fake = fakeTime();
    const deadlines = new SharedDeadlines(5_000, 100, fake.time);
    deadlines.signal();
    fake.advance(99);
    const late = deadlines.signal();
    const takenAt = fake.time.now();
    expect(fake.firesAt(late)).toBeGreaterThanOrEqual(takenAt + 5_000);
    // …and never much more: at most one slice late.
    expect(fake.firesAt(late)).toBeLessThanOrEqual(takenAt + 5_000 + 100);
  });

  it('aborts as a TimeoutError on the real timer', async () => {
    const signal = new SharedDeadlines(5, 5).signal();
    await once(signal, 'abort');
    expect((signal.reason as Error).name).toBe('TimeoutError');
  });
});
