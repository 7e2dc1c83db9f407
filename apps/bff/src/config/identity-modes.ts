import type { IdentityMode } from '@pi-enroll/shared';
import type { AppConfig } from './app-config.js';

/** How users can be identified with this configuration; load-config.ts stores it as `identity.modes`. */
export function identityModesOf(config: Pick<AppConfig, 'launchToken' | 'demoMode'> & { identity: Pick<AppConfig['identity'], 'remoteUserHeader' | 'passwordLogin'> }): IdentityMode[] {
  const modes: IdentityMode[] = [];
  if (config.launchToken.secret !== undefined || config.launchToken.jwksUrl !== undefined) modes.push('launch-token');
  if (config.identity.remoteUserHeader !== undefined) modes.push('trusted-header');
  if (config.identity.passwordLogin) modes.push('password');
  if (config.demoMode) modes.push('demo');
  return modes;
}
