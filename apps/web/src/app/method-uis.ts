import { emailMethodUi } from '../features/email/email-method-ui';
import { passkeyMethodUi } from '../features/passkey/passkey-method-ui';
import { recoveryMethodUi } from '../features/recovery/recovery-method-ui';
import { totpMethodUi } from '../features/totp/totp-method-ui';
import type { MethodUiRegistry } from '../lib/method-ui';

/**
 * The one list of sign-in methods the widget has screens for; which are offered, and in what order, is the
 * operator's (GET /config). It lives here, in the composition layer, so the generic enrollment feature never
 * imports a method (features may not import each other; see eslint.config.js). Each entry is small: its screens
 * come from chunks of their own.
 */
export const methodUis: MethodUiRegistry = {
  totp: totpMethodUi,
  passkey: passkeyMethodUi,
  email: emailMethodUi,
  recovery: recoveryMethodUi,
};
