import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TotpEnrollment } from '@pi-enroll/shared';
import { ApiClient } from './support/api-client.js';
import { startRedis, type RunningRedis } from './support/redis-server.js';
import { startStack, type TestStack } from './support/test-stack.js';

/** 50 wrong codes at once: exactly ENROLL_MAX_ATTEMPTS of them are judged, however they arrive. */
async function burst(clients: ApiClient[], enrollment: Pick<TotpEnrollment, 'secret' | 'algorithm' | 'digits' | 'period'>, stack: TestStack) {
  const wrong = String((Number(stack.codeFor(enrollment)) + 1) % 1_000_000).padStart(6, '0');
  const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => clients[i % clients.length]!.verify(wrong)));
  return answers.map((answer) => `${answer.status} ${String(answer.body.code)}`).sort();
}

const judged = (stack: TestStack) => stack.logLines.filter((line) => line.includes('"outcome":"wrong_code"') || line.includes('"outcome":"exhausted"')).length;

describe('attempt limits under parallel requests', () => {
  let redis: RunningRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.close();
  });

  it('one replica: 50 parallel wrong codes get exactly 5 judged, and the enrollment ends', async () => {
    const stack = await startStack({ env: { RATE_LIMIT_VERIFY_PER_USER: '1000' } });
    try {
      const bob = await stack.signedIn('bob');
      const enrollment = (await bob.startEnrollment()).body;
      const answers = await burst([bob], enrollment, stack);
      expect(answers.filter((answer) => answer === '422 invalid_code')).toHaveLength(4);
      expect(answers.filter((answer) => answer === '409 attempts_exhausted')).toHaveLength(46);
      expect(judged(stack)).toBe(5);
      expect((await bob.verify(stack.codeFor(enrollment))).body.code).toBe('no_pending_enrollment');
      expect(stack.sim.tokensOf('bob')).toEqual([]);
    } finally {
      await stack.close();
    }
  });

  it('two replicas sharing Redis: the same 50, half on each, still get exactly 5 judged', async () => {
    const env = { REDIS_URL: redis.url, RATE_LIMIT_VERIFY_PER_USER: '1000' };
    const a = await startStack({ env });
    const b = await startStack({ env, simulator: a.sim, clock: a.clock });
    try {
      const onA = await a.signedIn('carol');
      const enrollment = (await onA.startEnrollment()).body;
      const onB = new ApiClient(b.baseUrl);
      onB.cookieHeader = onA.cookieHeader;
      const answers = await burst([onA, onB], enrollment, a);
      expect(answers.filter((answer) => answer === '422 invalid_code')).toHaveLength(4);
      expect(answers.filter((answer) => answer === '409 attempts_exhausted')).toHaveLength(46);
      expect(judged(a) + judged(b)).toBe(5);
      expect(a.sim.tokensOf('carol')).toEqual([]);
    } finally {
      await b.close();
      await a.close();
    }
  });
});
