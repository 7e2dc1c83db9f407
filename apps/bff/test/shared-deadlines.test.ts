import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { SharedDeadlines } from '../src/privacyidea/shared-deadlines.js';

describe('deadlines shared by upstream requests', () => {
  it('gives requests that start close together one signal, and later ones a new one', async () => {
    const deadlines = new SharedDeadlines(60_000, 50);
    const first = deadlines.signal();
    expect(deadlines.signal()).toBe(first);
    await sleep(60);
    expect(deadlines.signal()).not.toBe(first);
  });

  it('aborts no earlier than the timeout, as a TimeoutError', async () => {
    const deadlines = new SharedDeadlines(40, 20);
    const started = performance.now();
    const signal = deadlines.signal();
    await once(signal, 'abort');
    expect(performance.now() - started).toBeGreaterThanOrEqual(40);
    expect((signal.reason as Error).name).toBe('TimeoutError');
  });
});
