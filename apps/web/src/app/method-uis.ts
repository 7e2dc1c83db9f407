import { totpMethodUi } from '../features/totp/totp-method-ui';
import type { MethodUiRegistry } from '../lib/method-ui';

/**
 * The one list of sign-in methods the widget offers. It lives here, in the composition layer, so the generic
 * enrollment feature never imports a method (features may not import each other; see eslint.config.js).
 */
export const methodUis: MethodUiRegistry = { totp: totpMethodUi };
