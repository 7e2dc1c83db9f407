import { useEffect } from 'react';
import type { MethodType, MethodUiRegistry } from '../../../lib/method-ui';

/**
 * Loads what each method's steps need (their chunk; TOTP: the QR code's too) when the calling screen appears, so
 * it is there by the time the user reaches those steps. `types`: only these methods (those offered).
 */
export function usePreloadMethods(methods: MethodUiRegistry, types?: readonly MethodType[]): void {
  const key = types?.join(',');
  useEffect(() => {
    const wanted = key === undefined ? undefined : new Set(key.split(','));
    for (const method of Object.values(methods)) if (!wanted || wanted.has(method.type)) method.preload?.();
  }, [methods, key]);
}
