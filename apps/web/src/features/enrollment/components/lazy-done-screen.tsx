import { lazy } from 'react';
import type * as DoneScreenModule from './done-screen';

let loading: Promise<typeof DoneScreenModule> | undefined;

/**
 * The done screen comes from a chunk of its own: nobody needs it before a code was confirmed, so it stays out
 * of the first download, and the pending enrollment's screen loads it as soon as it appears.
 */
export function preloadDoneScreen(): Promise<typeof DoneScreenModule> {
  loading ??= import('./done-screen').catch((error: unknown) => {
    // Offline or a new deployment: the next call (or the lazy component) tries again.
    loading = undefined;
    throw error;
  });
  return loading;
}

export const LazyDoneScreen = lazy(async () => ({ default: (await preloadDoneScreen()).DoneScreen }));
