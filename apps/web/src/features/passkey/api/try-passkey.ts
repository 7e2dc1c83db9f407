import type { PasskeyAssertion, PasskeyTryChallenge, PasskeyTryResult } from '@pi-enroll/shared/methods/passkey-try';
import { methodPath } from '@pi-enroll/shared/api-paths';
import type { ApiClient } from '../../../lib/api-client';

// As `passkeyTryPath` of the contract (packages/shared/src/methods/passkey-try.ts), whose module brings TypeBox.
const passkeyTryPath = (serial: string) => `${methodPath(serial)}/try`;

/** `POST /methods/{serial}/try` without a credential: privacyIDEA's login challenge for the new key. */
export function startPasskeyTry(api: ApiClient, serial: string, credentialId?: string): Promise<PasskeyTryChallenge> {
  return api.request<PasskeyTryChallenge>(passkeyTryPath(serial), { method: 'POST', body: credentialId ? { credentialId } : {} });
}

/** The same route with the browser's assertion: whether privacyIDEA accepted a login with this very key. */
export function finishPasskeyTry(api: ApiClient, serial: string, transactionId: string, credential: PasskeyAssertion): Promise<PasskeyTryResult> {
  return api.request<PasskeyTryResult>(passkeyTryPath(serial), { method: 'POST', body: { transactionId, credential } });
}
