import { TOTP } from 'otpauth';
import { ApiClient } from '../apps/bff/test/support/api-client.js';
import type { BenchStack } from './support/bench-stack.js';

export interface UpstreamCallsResult {
  /** Whether privacyIDEA's verify_enrollment policy was on. */
  verifyPolicy: boolean;
  /** privacyIDEA requests between "Start" and the QR code. */
  beforeQr: number;
  /** privacyIDEA requests of the whole enrollment, start to confirmed. */
  calls: number;
  byEndpoint: Record<string, number>;
}

/**
 * privacyIDEA requests caused by one successful enrollment (start + confirm), counted by the simulator, once the
 * admin JWT is cached and the widget has loaded the session as it always does first.
 */
export async function countUpstreamCalls(stack: BenchStack, verifyPolicy: boolean, username: string): Promise<UpstreamCallsResult> {
  await stack.simControl('POST', '/policies', { verifyEnrollment: verifyPolicy });
  const browser = new ApiClient(stack.bffUrl);
  await browser.post('/api/v1/session', { launchToken: await stack.launchToken(username) });
  await browser.get('/api/v1/session');
  await stack.simControl('DELETE', '/requests');
  const enrollment = (await browser.startEnrollment()).body;
  const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, count) => sum + count, 0);
  const beforeQr = total((await stack.simControl<{ counts: Record<string, number> }>('GET', '/requests')).counts);
  const code = new TOTP({ secret: enrollment.secret, algorithm: enrollment.algorithm, digits: enrollment.digits, period: enrollment.period }).generate();
  const confirmed = await browser.verify(code);
  if (confirmed.status !== 200) throw new Error(`enrollment (verify_enrollment=${verifyPolicy}) failed: ${confirmed.status} ${confirmed.text}`);
  const { counts } = await stack.simControl<{ counts: Record<string, number> }>('GET', '/requests');
  return { verifyPolicy, beforeQr, calls: total(counts), byEndpoint: counts };
}
