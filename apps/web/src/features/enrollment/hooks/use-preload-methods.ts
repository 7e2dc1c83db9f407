import { useEffect } from 'react';
import type { MethodUiRegistry } from '../../../lib/method-ui';

/**
 * Loads what each method's steps need (TOTP: the QR code's chunk) when the calling screen appears, so it is
 * there by the time the user reaches those steps.
 */
export function usePreloadMethods(methods: MethodUiRegistry): void {
  useEffect(() => {
    for (const method of Object.values(methods)) method.preload?.();
  }, [methods]);
}
