import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/api-client.js';
import { startStack, type TestStack } from './support/test-stack.js';

type LogLine = Record<string, unknown> & { msg?: string; reqId?: string };

describe('the request log', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack.close();
  });

  const lines = () => stack.logLines.map((line) => JSON.parse(line) as LogLine);

  it('writes one line per request, with method, path without its query, status and duration', async () => {
    const before = stack.logLines.length;
    await new ApiClient(stack.baseUrl).get('/api/v1/config?launch_token=eyJ.secret.part');
    const written = lines().slice(before);
    expect(written.filter((line) => line.msg === 'incoming request')).toEqual([]);
    const completed = written.filter((line) => line.msg === 'request completed');
    expect(completed).toHaveLength(1);
    expect(completed[0]).toMatchObject({
      level: 30,
      reqId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
      req: { method: 'GET', url: '/api/v1/config?[redacted]' },
      res: { statusCode: 200 },
      responseTime: expect.any(Number) as unknown,
    });
    expect(JSON.stringify(written)).not.toContain('secret.part');
  });

  it('shares the request id with the audit line of the same request', async () => {
    const before = stack.logLines.length;
    await stack.signedIn('alice');
    const written = lines().slice(before);
    const audit = written.find((line) => line.audit === 'session' && line.msg === 'signed in');
    const completed = written.find((line) => line.msg === 'request completed' && (line.req as { method?: string }).method === 'POST');
    expect(audit?.reqId).toBeDefined();
    expect(completed?.reqId).toBe(audit?.reqId);
  });

  it('writes no request lines at LOG_LEVEL=warn', async () => {
    const quiet = await startStack({ simulator: stack.sim, clock: stack.clock, env: { LOG_LEVEL: 'warn' } });
    try {
      await new ApiClient(quiet.baseUrl).get('/api/v1/config');
      expect(quiet.logLines.filter((line) => line.includes('request completed'))).toEqual([]);
    } finally {
      await quiet.close();
    }
  });
});
