import type { EnrollmentOf } from '@pi-enroll/shared';
import { vi } from 'vitest';
import { createApiClient } from '../lib/api-client';
import type { MethodStepsProps, MethodType } from '../lib/method-ui';

/**
 * What the enrollment hands a method's steps, for rendering them alone: every callback a spy, the API client
 * against the msw fake (same origin as the tests' document).
 */
export function methodStepsProps<Type extends MethodType>(
  pending: EnrollmentOf<Type>,
  overrides: Partial<MethodStepsProps<Type>> = {},
): MethodStepsProps<Type> {
  return {
    pending,
    busy: false,
    api: createApiClient('/'),
    submit: vi.fn(),
    cancel: vi.fn(),
    abandon: vi.fn(),
    refresh: vi.fn(),
    fail: vi.fn(),
    restartWithCompatibleSettings: vi.fn(),
    ...overrides,
  };
}
