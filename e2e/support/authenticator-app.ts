import { URI, type TOTP } from 'otpauth';
import type { Product } from './product.js';

/**
 * The user's authenticator app, as far as a test needs one: it holds the account from the QR code and shows a
 * code on the simulator's clock, computed independently of the BFF.
 */
export class AuthenticatorApp {
  private readonly totp: TOTP;

  constructor(
    private readonly product: Product,
    uri: string,
  ) {
    this.totp = URI.parse(uri) as TOTP;
  }

  /** The code shown now, or `offsetSteps` time steps away. */
  async code(offsetSteps = 0): Promise<string> {
    return this.totp.generate({ timestamp: (await this.product.simNow()) + offsetSteps * this.totp.period * 1000 });
  }

  /** The next code: the clock moves on one step first, since privacyIDEA takes each code once. */
  async nextCode(): Promise<string> {
    await this.product.sim('POST', '/clock/advance', { ms: this.totp.period * 1000 });
    return this.code();
  }
}
