import type { MethodType } from '@pi-enroll/shared';
import type { EnrollmentMethod } from '../enrollment/enrollment-method.js';
import { EmailMethod } from './email/email-method.js';
import { PasskeyMethod } from './passkey/passkey-method.js';
import { RecoveryMethod } from './recovery/recovery-method.js';
import { TotpMethod } from './totp/totp-method.js';

/**
 * The one list of sign-in methods this build has a module for. Adding a method is adding its folder and one line
 * here; ENROLL_METHODS may name only these.
 */
const methodModules: Partial<Record<MethodType, () => EnrollmentMethod>> = {
  totp: () => new TotpMethod(),
  passkey: () => new PasskeyMethod(),
  email: () => new EmailMethod(),
  recovery: () => new RecoveryMethod(),
};

export const AVAILABLE_METHODS = Object.keys(methodModules) as MethodType[];

/** The offered methods (ENROLL_METHODS), in the operator's order; only these are registered. */
export function enrollmentMethods(offered: readonly MethodType[]): ReadonlyMap<MethodType, EnrollmentMethod> {
  return new Map(
    offered.map((type) => {
      const module = methodModules[type];
      if (module === undefined) throw new Error(`no module for the sign-in method ${type}`);
      return [type, module()];
    }),
  );
}
