import type { MethodType } from '@pi-enroll/shared';
import type { EnrollmentMethod } from '../enrollment/enrollment-method.js';
import { TotpMethod } from './totp/totp-method.js';

/** The one list of sign-in methods. Adding a method is adding its folder and one line here. */
export function enrollmentMethods(): ReadonlyMap<MethodType, EnrollmentMethod> {
  const methods: EnrollmentMethod[] = [new TotpMethod()];
  return new Map(methods.map((method) => [method.type, method]));
}
