import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface LazyComponent<Props> {
  Component: LazyExoticComponent<ComponentType<Props>>;
  /** Starts loading the chunk (once; after a failure, the next call tries again). */
  preload: () => Promise<ComponentType<Props>>;
}

/** A component from a chunk of its own that can be fetched before it renders (React.lazy plus a preload). */
export function lazyComponent<Props>(load: () => Promise<ComponentType<Props>>): LazyComponent<Props> {
  let loading: Promise<ComponentType<Props>> | undefined;
  const preload = () => {
    loading ??= load().catch((error: unknown) => {
      // Offline or a new deployment: the next call (or the lazy component) tries again.
      loading = undefined;
      throw error;
    });
    return loading;
  };
  return { Component: lazy(async () => ({ default: await preload() })), preload };
}
