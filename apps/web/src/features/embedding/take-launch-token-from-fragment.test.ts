import { afterEach, describe, expect, it } from 'vitest';
import { takeLaunchTokenFromFragment } from './take-launch-token-from-fragment';

describe('the launch token in the URL fragment', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('is read once and removed from the address bar, leaving the rest alone', () => {
    window.history.replaceState(null, '', '/enroll/?locale=de#launch_token=abc.def&step=1');
    expect(takeLaunchTokenFromFragment(window.location, window.history)).toBe('abc.def');
    expect(window.location.href).toBe('http://localhost:3000/enroll/?locale=de#step=1');
    expect(takeLaunchTokenFromFragment(window.location, window.history)).toBeUndefined();
  });

  it('leaves no empty fragment behind', () => {
    window.history.replaceState(null, '', '/#launch_token=abc');
    takeLaunchTokenFromFragment(window.location, window.history);
    expect(window.location.href).toBe('http://localhost:3000/');
  });

  it('is absent when the fragment has none', () => {
    window.history.replaceState(null, '', '/#other=1');
    expect(takeLaunchTokenFromFragment(window.location, window.history)).toBeUndefined();
    expect(window.location.hash).toBe('#other=1');
  });
});
