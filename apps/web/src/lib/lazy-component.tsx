import { createElement, lazy, type ComponentType } from 'react';

export interface LazyComponent<Props> {
  /** Suspends only while the chunk is still on its way: once loaded, it renders the component directly. */
  Component: ComponentType<Props>;
  /** Starts loading the chunk (once; after a failure, the next call tries again). */
  preload: () => Promise<ComponentType<Props>>;
}

/**
 * A component from a chunk of its own that can be fetched before it renders. React.lazy alone suspends on its
 * first render even when the chunk was preloaded long before, and React then holds the fallback for its
 * throttle (300 ms) — per boundary, so nested lazy screens (TOTP's steps, then its QR code) cost that twice. A
 * preloaded component is therefore rendered directly; React.lazy is only the way in while it is still loading.
 */
export function lazyComponent<Props extends object>(load: () => Promise<ComponentType<Props>>): LazyComponent<Props> {
  let loading: Promise<ComponentType<Props>> | undefined;
  let loaded: ComponentType<Props> | undefined;
  const preload = () => {
    loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // Offline or a new deployment: the next call (or the lazy component) tries again.
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  const Lazy = lazy(async () => ({ default: await preload() }));
  function Component(props: Props) {
    return createElement(loaded ?? Lazy, props);
  }
  return { Component, preload };
}
