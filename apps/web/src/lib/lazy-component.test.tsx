import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { lazyComponent } from './lazy-component';

const Greeting = ({ name }: { name: string }) => <p>Hello {name}</p>;

describe('lazyComponent', () => {
  it('renders a preloaded component at once, without its Suspense fallback (which React would hold 300 ms)', async () => {
    const greeting = lazyComponent(() => Promise.resolve(Greeting));
    await greeting.preload();
    render(
      <Suspense fallback={<p>Loading…</p>}>
        <greeting.Component name="Ada" />
      </Suspense>,
    );
    expect(screen.getByText('Hello Ada')).toBeInTheDocument();
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
  });

  it('suspends while the chunk is still on its way, then shows it', async () => {
    const greeting = lazyComponent(() => Promise.resolve(Greeting));
    render(
      <Suspense fallback={<p>Loading…</p>}>
        <greeting.Component name="Grace" />
      </Suspense>,
    );
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    expect(await screen.findByText('Hello Grace')).toBeInTheDocument();
  });

  it('tries again after a failed load', async () => {
    let calls = 0;
    const greeting = lazyComponent(() => (++calls === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(Greeting)));
    await expect(greeting.preload()).rejects.toThrow('offline');
    await expect(greeting.preload()).resolves.toBe(Greeting);
    expect(calls).toBe(2);
  });
});
