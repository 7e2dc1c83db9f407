import type { Clock } from './clock.js';
import type { SimulatorConfig } from './simulator-config.js';
import { TokenStore } from './token-store.js';
import { UserDirectory } from './user-directory.js';

/** Everything the privacyIDEA handlers read and change: config (policies can change at run time), users, tokens. */
export class SimulatorState {
  readonly users: UserDirectory;
  readonly tokens = new TokenStore();

  constructor(
    readonly config: SimulatorConfig,
    readonly clock: Clock,
    readonly jwtSecret: string,
  ) {
    this.users = new UserDirectory(config);
  }
}
