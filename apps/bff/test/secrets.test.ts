import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse } from './support/api-client.js';
import { startStack, type TestStack } from './support/test-stack.js';

describe('secrets stay where they belong', () => {
  let stack: TestStack;
  const responses: { path: string; response: ApiResponse }[] = [];
  let secret = '';
  const codes: string[] = [];
  let launchToken = '';

  beforeAll(async () => {
    stack = await startStack({ env: { LOG_LEVEL: 'debug' } });
    const record = (path: string, response: ApiResponse) => {
      responses.push({ path, response });
      return response;
    };
    const bob = await stack.signedIn('bob');
    launchToken = await stack.launchToken('alice');
    const alice = await stack.signedIn('carol');
    record('POST /api/v1/session', await alice.post('/api/v1/session', { launchToken }));
    record('GET /api/v1/config', await bob.get('/api/v1/config'));
    const started = record('POST /api/v1/enrollment', await bob.startEnrollment('phone'));
    secret = (started.body as { secret: string }).secret;
    record('GET /api/v1/session', await bob.get('/api/v1/session'));
    codes.push('987654');
    record('POST verify (wrong)', await bob.verify('987654'));
    const code = stack.codeFor({ secret, algorithm: 'SHA1', digits: 6, period: 30 });
    codes.push(code);
    record('POST verify (right)', await bob.verify(code));
    record('GET /api/v1/session (after)', await bob.get('/api/v1/session'));
    record('DELETE /api/v1/session', await bob.delete('/api/v1/session'));
  });
  afterAll(async () => {
    await stack.close();
  });

  it('never answers with the admin password or any JWT', () => {
    for (const { response } of responses) {
      expect(response.text).not.toContain(stack.sim.demoCredentials.admin.password);
      expect(response.text).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\./);
      expect([...response.headers].join('\n')).not.toContain(stack.sim.demoCredentials.admin.password);
    }
  });

  it('sends the TOTP secret only to its owner while the enrollment is pending', () => {
    const withSecret = responses.filter(({ response }) => response.text.includes(secret)).map(({ path }) => path);
    expect(withSecret).toEqual(['POST /api/v1/enrollment', 'GET /api/v1/session']);
    for (const { path, response } of responses) {
      if (withSecret.includes(path)) expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('writes no secret, code, password, cookie or launch token to the log', () => {
    expect(stack.logLines.length).toBeGreaterThan(10);
    const log = stack.logLines.join('\n');
    expect(log).toContain('enrollment confirmed');
    for (const forbidden of [stack.sim.demoCredentials.admin.password, secret, launchToken]) {
      expect(log).not.toContain(forbidden);
    }
    // A code is six digits, which can also occur inside a timing figure: look for it as a value of its own.
    for (const code of codes) expect(log).not.toMatch(new RegExp(`(?<![\\d.])${code}(?!\\d)`));
    expect(log).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\./);
    expect(log).not.toMatch(/pi_enroll_session=/);
    expect(log).not.toMatch(/otpauth:\/\//);
  });
});
