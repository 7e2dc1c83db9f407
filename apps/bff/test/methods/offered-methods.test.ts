import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientConfig } from '@pi-enroll/shared';
import { ConfigError, loadConfig } from '../../src/config/load-config.js';
import { startStack, type TestStack } from '../support/test-stack.js';

const base = { PI_URL: 'https://pi.example.org', PI_ADMIN_USER: 'enroll', PI_ADMIN_PASSWORD: 'x', SESSION_SECRET: 's'.repeat(32), PASSWORD_LOGIN: 'true' };

describe('ENROLL_METHODS', () => {
  it('offers the named methods in the given order, and only methods this build has', () => {
    expect(loadConfig({ ...base, ENROLL_METHODS: ' TOTP ' }).enrollment.methods).toEqual(['totp']);
    expect(() => loadConfig({ ...base, ENROLL_METHODS: 'totp,sms' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ENROLL_METHODS: 'totp,sms' })).toThrow(/^ENROLL_METHODS: "sms" is not a method this build offers \(it has totp/);
    expect(() => loadConfig({ ...base, ENROLL_METHODS: 'totp,totp' })).toThrow(/^ENROLL_METHODS: a method is named twice/);
    expect(() => loadConfig({ ...base, ENROLL_METHODS: ',' })).toThrow(/^ENROLL_METHODS: name at least one/);
  });
});

describe('the default methods', () => {
  it('are an authenticator app, then recovery codes (required with RECOVERY_REQUIRED), in GET /api/v1/config', async () => {
    const stack = await startStack({ env: { RECOVERY_REQUIRED: 'true', RECOVERY_CODE_COUNT: '12' } });
    try {
      const config = (await (await stack.signedIn('alice')).get<ClientConfig>('/api/v1/config')).body;
      expect(config.methods).toEqual([
        { type: 'totp', needs: 'authenticator_app', needsOtherMethod: false, required: false },
        { type: 'recovery', needs: 'safe_place_for_codes', needsOtherMethod: true, required: true },
      ]);
      expect(stack.config.recovery.codeCount).toBe(12);
    } finally {
      await stack.close();
    }
    expect(() => loadConfig({ ...base, ENROLL_METHODS: 'recovery' })).toThrow(/^ENROLL_METHODS: recovery codes back up another method/);
    expect(() => loadConfig({ ...base, RECOVERY_CODE_COUNT: '3' })).toThrow(/^RECOVERY_CODE_COUNT: must be a whole number from 4 to 50/);
  });
});

describe('the offered methods over HTTP', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({ env: { ENROLL_METHODS: 'totp' } });
  });
  afterAll(() => stack.close());

  it('lists them in GET /api/v1/config with what the user needs', async () => {
    const anonymous = await stack.signedIn('alice');
    const config = (await anonymous.get<ClientConfig>('/api/v1/config')).body;
    expect(config.methods).toEqual([{ type: 'totp', needs: 'authenticator_app', needsOtherMethod: false, required: false }]);
  });

  it('refuses a method that is not offered with method_not_offered, and leaves the pending enrollment as it was', async () => {
    const bob = await stack.signedIn('bob');
    const started = await bob.startEnrollment();
    expect(started.status).toBe(201);
    stack.sim.resetRequestCounts();
    const refused = await bob.post('/api/v1/enrollment', { type: 'email' });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'method_not_offered', errors: [{ field: 'type' }] });
    expect(stack.sim.requestCounts()).toEqual({});
    expect(((await bob.get<{ secret: string }>('/api/v1/enrollment')).body).secret).toBe(started.body.secret);
  });

  it('answers resend for an authenticator app with resend_not_supported, and without an enrollment with no_pending_enrollment', async () => {
    const carol = await stack.signedIn('carol');
    expect((await carol.resend()).body).toMatchObject({ status: 404, code: 'no_pending_enrollment' });
    expect((await carol.startEnrollment()).status).toBe(201);
    const refused = await carol.resend();
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'resend_not_supported' });
    expect((await carol.post('/api/v1/enrollment/resend', { email: 'mallory@example.org' })).body).toMatchObject({ status: 400, code: 'invalid_request' });
  });
});
