import { afterEach, describe, expect, it } from 'vitest';
import type { PrivacyIdeaVersion } from '@pi-enroll/privacyidea-sim';
import { ApiClient } from '../support/api-client.js';
import { startStack, type TestStack } from '../support/test-stack.js';

/**
 * privacyIDEA 3.13+ can say less: `hide_specific_error_message` leaves rejections and /auth errors only
 * "Authentication failed.", 3.14's `hide_auth_error_status` makes their 4xx a 401. The BFF reads codes and values,
 * never a message text, so nothing changes for the user.
 */
describe.each<{ version: PrivacyIdeaVersion; verifyEnrollment: boolean }>([
  { version: '3.13', verifyEnrollment: true },
  { version: '3.13', verifyEnrollment: false },
  { version: '3.14', verifyEnrollment: false },
])('privacyIDEA $version hiding its error texts (verify_enrollment=$verifyEnrollment)', ({ version, verifyEnrollment }) => {
  const stacks: TestStack[] = [];
  afterEach(async () => {
    for (const stack of stacks.splice(0)) await stack.close();
  });

  it('enrolls, spends the confirming code and signs in by password exactly as with the full texts', async () => {
    const stack = await startStack({ version, verifyEnrollment, env: { PASSWORD_LOGIN: 'true' } });
    stacks.push(stack);
    stack.sim.setAdminPolicies([{ name: 'enroll-service-rights', actions: {} }]);
    stack.sim.setHardening({ hideSpecificErrorMessage: true, hideAuthErrorStatus: true });

    const wrongPassword = await new ApiClient(stack.baseUrl).post('/api/v1/session', { username: 'bob', password: 'wrong' });
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.body).toMatchObject({ code: 'invalid_credentials' });

    const bob = new ApiClient(stack.baseUrl);
    expect((await bob.post('/api/v1/session', { username: 'bob', password: stack.sim.demoCredentials.users.find((user) => user.username === 'bob')?.password })).status).toBe(204);
    const enrollment = (await bob.startEnrollment()).body;
    expect((await bob.verify('000000')).body).toMatchObject({ code: 'invalid_code', attemptsLeft: 4 });
    const code = stack.codeFor(enrollment);
    expect((await bob.verify(code)).status).toBe(200);
    const rejected = await stack.loginWith('bob', code);
    expect(rejected).toEqual({ accepted: false, message: 'Authentication failed.' });
  });
});
