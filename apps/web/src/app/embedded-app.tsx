import { useEffect, useRef, useState } from 'react';
import { createParentBridge, type ParentBridge, type ParentBridgeOptions } from '../features/embedding/parent-bridge';
import type { EnrollmentHandle } from '../features/enrollment/hooks/use-enrollment';
import { EnrollmentApp, type EnrollmentAppProps } from './enrollment-app';
import { hostEventCallbacks, type HostEventCallbacks } from './host-events';

export interface EmbeddedAppProps extends Omit<EnrollmentAppProps, 'onReady' | keyof HostEventCallbacks | 'ref'> {
  /** The host page around the iframe; absent when the page is not framed. */
  host?: Omit<ParentBridgeOptions, 'onLaunchToken'>;
}

/**
 * The widget inside an iframe: it tells the host page (allowed origins only) when it is ready or resized and
 * every host event (host-events.ts), and takes a launch token and theme the host sends it.
 */
export function EmbeddedApp({ host, ...options }: EmbeddedAppProps) {
  const widget = useRef<EnrollmentHandle>(null);
  const bridge = useRef<ParentBridge>(null);
  const [relay] = useState(createRelay);

  useEffect(() => {
    if (!host) return undefined;
    const created = createParentBridge({
      ...host,
      onLaunchToken: (launchToken) => widget.current?.handOverLaunchToken(launchToken),
      // On the page and the widget's root: inline properties win over the stylesheet's zero-specificity tokens.
      onTheme: (variables) => {
        for (const element of [document.body, ...document.querySelectorAll<HTMLElement>('.pie-root')]) {
          for (const [name, value] of Object.entries(variables)) element.style.setProperty(name, value);
        }
      },
    });
    bridge.current = created;
    relay.attach(created);
    // The host sizes the iframe to its content, so it never shows a scrollbar of its own.
    const resize =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(([entry]) => {
            if (entry) created.post({ type: 'pi-enroll:resize', height: Math.ceil(entry.contentRect.height) });
          });
    resize?.observe(document.body);
    return () => {
      resize?.disconnect();
      created.dispose();
      relay.attach(null);
      bridge.current = null;
    };
  }, [host, relay]);

  return (
    <EnrollmentApp
      {...options}
      ref={widget}
      onReady={(config) => {
        bridge.current?.allowOrigins(config.embedOrigins);
        linkStylesheets(config.embedStylesheets);
      }}
      {...relay.callbacks}
    />
  );
}

/** The host events, posted to the host through whichever bridge is attached (none before the effect ran). */
function createRelay() {
  let bridge: ParentBridge | null = null;
  return {
    callbacks: hostEventCallbacks((type, detail) => bridge?.post({ type, ...detail })),
    attach(current: ParentBridge | null) {
      bridge = current;
    },
  };
}

/** The operator's brand stylesheets (EMBED_STYLESHEETS), after the widget's own, each once; the CSP allows them. */
function linkStylesheets(hrefs: readonly string[]): void {
  for (const href of hrefs) {
    if ([...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].some((link) => link.href === href)) continue;
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.dataset['pieBrand'] = '';
    document.head.append(link);
  }
}
