import { lazyComponent } from '../../../lib/lazy-component';
import type { DoneScreenProps } from './done-screen';

/**
 * The done screen comes from a chunk of its own: nobody needs it before a proof was confirmed, so it stays out of
 * the first download, and the pending enrollment's screen loads it as soon as it appears.
 */
const doneScreen = lazyComponent<DoneScreenProps>(async () => (await import('./done-screen')).DoneScreen);

export const LazyDoneScreen = doneScreen.Component;
export const preloadDoneScreen = doneScreen.preload;
