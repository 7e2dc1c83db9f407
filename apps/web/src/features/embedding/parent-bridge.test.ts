import { describe, expect, it, vi } from 'vitest';
import { createParentBridge } from './parent-bridge';

const portal = 'https://portal.example.com';
const other = 'https://intranet.example.com';

function setUp(parentOrigin: string | null) {
  const parent = { postMessage: vi.fn() };
  const onLaunchToken = vi.fn();
  const bridge = createParentBridge({ self: window, parent, parentOrigin, onLaunchToken });
  return { parent, onLaunchToken, bridge };
}

function messageFrom(origin: string, data: unknown) {
  window.dispatchEvent(new MessageEvent('message', { origin, data }));
}

describe('the iframe’s bridge to its host page', () => {
  it('posts only to the host’s origin when it is allowed', () => {
    const { parent, bridge } = setUp(portal);
    bridge.post({ type: 'pi-enroll:cancelled' });
    expect(parent.postMessage).not.toHaveBeenCalled();

    bridge.allowOrigins([portal, other]);
    bridge.post({ type: 'pi-enroll:enrolled', serial: 'TOTP1', description: '' });
    expect(parent.postMessage.mock.calls).toEqual([
      [{ type: 'pi-enroll:ready' }, portal],
      [{ type: 'pi-enroll:enrolled', serial: 'TOTP1', description: '' }, portal],
    ]);
    bridge.dispose();
  });

  it('posts nothing to a host whose origin is not allowed', () => {
    const { parent, bridge } = setUp('https://evil.example.net');
    bridge.allowOrigins([portal]);
    bridge.post({ type: 'pi-enroll:resize', height: 300 });
    expect(parent.postMessage).not.toHaveBeenCalled();
    bridge.dispose();
  });

  it('names each allowed origin as the target when the host’s origin is unknown, and never "*"', () => {
    const { parent, bridge } = setUp(null);
    bridge.allowOrigins([portal, '*', other]);
    bridge.post({ type: 'pi-enroll:cancelled' });
    expect(parent.postMessage.mock.calls.map(([, target]) => target as string)).toEqual([portal, other, portal, other]);
    bridge.dispose();
  });

  it('takes a launch token only from an allowed origin, also one sent before the config arrived', () => {
    const { onLaunchToken, bridge } = setUp(portal);
    messageFrom(portal, { type: 'pi-enroll:launch-token', launchToken: 'early' });
    messageFrom('https://evil.example.net', { type: 'pi-enroll:launch-token', launchToken: 'forged' });
    expect(onLaunchToken).not.toHaveBeenCalled();

    bridge.allowOrigins([portal]);
    messageFrom(portal, { type: 'pi-enroll:launch-token', launchToken: 'late' });
    messageFrom(portal, { type: 'something-else', launchToken: 'ignored' });
    messageFrom(other, { type: 'pi-enroll:launch-token', launchToken: 'forged' });
    expect(onLaunchToken.mock.calls).toEqual([['early'], ['late']]);

    bridge.dispose();
    messageFrom(portal, { type: 'pi-enroll:launch-token', launchToken: 'after dispose' });
    expect(onLaunchToken).toHaveBeenCalledTimes(2);
  });

  it('takes theme variables only from an allowed origin, and only --pie-* properties with plain values', () => {
    const parent = { postMessage: vi.fn() };
    const onTheme = vi.fn();
    const bridge = createParentBridge({ self: window, parent, parentOrigin: portal, onLaunchToken: vi.fn(), onTheme });
    bridge.allowOrigins([portal]);
    messageFrom('https://evil.example.net', { type: 'pi-enroll:theme', variables: { '--pie-color-accent': '#ff0000' } });
    messageFrom(portal, {
      type: 'pi-enroll:theme',
      variables: {
        '--pie-color-accent': '#6b2fb3',
        '--pie-color-background': 'rgb(250, 245, 255)',
        '--pie-radius-container': '1.25rem',
        '--pie-font-family': "'Brand Sans', system-ui, sans-serif",
        '--pie-shadow': '0 1px 2px rgba(0, 0, 0, 0.2)',
        '--pie-color-text': 'red; background: url(https://evil.example.net/x)',
        '--pie-color-link': 'url(https://evil.example.net/track)',
        '--pie-color-focus': 'var(--secret)',
        '--pie-color-surface': 'expression(alert(1))',
        '--pie-space-1': '1px \\',
        color: 'red',
        '--other-accent': 'red',
        '--pie-color-border': 12,
      },
    });
    expect(onTheme.mock.calls).toEqual([
      [
        {
          '--pie-color-accent': '#6b2fb3',
          '--pie-color-background': 'rgb(250, 245, 255)',
          '--pie-radius-container': '1.25rem',
          '--pie-font-family': "'Brand Sans', system-ui, sans-serif",
          '--pie-shadow': '0 1px 2px rgba(0, 0, 0, 0.2)',
        },
      ],
    ]);
    messageFrom(portal, { type: 'pi-enroll:theme', variables: { '--pie-color-text': 'url(x)' } });
    messageFrom(portal, { type: 'pi-enroll:theme', variables: 'not an object' });
    expect(onTheme).toHaveBeenCalledOnce();
    bridge.dispose();
  });
});
