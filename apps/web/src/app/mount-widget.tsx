// `mount()` and the `<pi-enroll-widget>` element, shared by the script-tag build (widget.tsx, whose default BFF
// is the directory widget.js came from) and the installable library (library.ts, whose host names its BFF).
import { QueryClient } from '@tanstack/react-query';
import { createRef } from 'react';
import { createRoot } from 'react-dom/client';
import type { Theme } from '../components/widget-root';
import type { EnrollmentHandle } from '../features/enrollment/hooks/use-enrollment';
import type { SessionTransport } from '../lib/api-client';
import type { MessageOverrides } from '../lib/i18n/merge-messages';
import { EnrollmentApp, type WidgetOptions } from './enrollment-app';
import { hostEventCallbacks } from './host-events';

/**
 * `queryClient`: by default each mounted widget has its own, so two widgets on a page share nothing; pass one to
 * share it on purpose (e.g. with the host's own TanStack Query cache).
 */
export type MountOptions = Omit<WidgetOptions, 'ref'>;

export interface MountedWidget extends EnrollmentHandle {
  /** Removes the widget but keeps a pending enrollment, which the next visit offers to resume. */
  unmount(): void;
}

export function mount(element: HTMLElement, { queryClient, ...options }: MountOptions = {}): MountedWidget {
  const root = createRoot(element);
  const widget = createRef<EnrollmentHandle>();
  const client = queryClient ?? new QueryClient();
  root.render(<EnrollmentApp {...options} queryClient={client} ref={widget} />);
  const unmount = () => {
    root.unmount();
    // Our own cache holds the session, a pending secret included: nothing of it outlives the widget.
    if (!queryClient) client.clear();
  };
  return {
    handOverLaunchToken: (launchToken) => widget.current?.handOverLaunchToken(launchToken),
    async close() {
      await widget.current?.close();
      unmount();
    },
    unmount,
  };
}

function themeAttribute(value: string | null): Theme | undefined {
  return value === 'light' || value === 'dark' || value === 'auto' ? value : undefined;
}

function transportAttribute(value: string | null): SessionTransport | undefined {
  return value === 'cookie' || value === 'header' ? value : undefined;
}

/**
 * `<pi-enroll-widget launch-token="…" api-base="…" locale="de" theme="dark">`. Attributes are read when the
 * element is connected; the launch token is removed from the DOM as soon as it is read, and a token set later
 * signs in again. String overrides go in the `messages` property. Fires the host events of host-events.ts
 * (`pi-enroll:enrolled`, `:cancelled`, `:already-enrolled`, `:method-added`, `:method-removed`, `:signed-out`,
 * `:return`), all bubbling and composed. Registered by `defineWidgetElement()`.
 */
export class PiEnrollWidgetElement extends HTMLElement {
  static readonly observedAttributes = ['launch-token'];
  // `declare`, not a field: an initialiser would overwrite a value the host set before this script upgraded the element.
  declare messages: MessageOverrides | undefined;
  #widget: MountedWidget | null = null;

  /** The BFF when the element has no `api-base` attribute (`defineWidgetElement({ apiBase })`). */
  protected get defaultApiBase(): string | undefined {
    return undefined;
  }

  connectedCallback() {
    const launchToken = this.#takeLaunchToken();
    this.#widget = mount(this, {
      launchToken,
      apiBase: this.getAttribute('api-base') ?? this.defaultApiBase,
      locale: this.getAttribute('locale') ?? undefined,
      theme: themeAttribute(this.getAttribute('theme')),
      sessionTransport: transportAttribute(this.getAttribute('session-transport')),
      messages: this.messages,
      ...hostEventCallbacks((type, detail) => this.#emit(type, detail)),
    });
  }

  disconnectedCallback() {
    this.#widget?.unmount();
    this.#widget = null;
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null) {
    if (name !== 'launch-token' || value === null || !this.#widget) return;
    const launchToken = this.#takeLaunchToken();
    if (launchToken) this.#widget.handOverLaunchToken(launchToken);
  }

  /** Closes the widget: a pending enrollment is removed (see `mount(...).close()`). */
  async close(): Promise<void> {
    const widget = this.#widget;
    this.#widget = null;
    await widget?.close();
  }

  #takeLaunchToken(): string | undefined {
    const launchToken = this.getAttribute('launch-token') || undefined;
    if (launchToken) this.removeAttribute('launch-token');
    return launchToken;
  }

  #emit(type: string, detail: unknown) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

export interface DefineWidgetElementOptions {
  /** Default `pi-enroll-widget`. */
  tagName?: string;
  /** Where the BFF is (its BASE_PATH) for elements without an `api-base` attribute; default: the page's directory. */
  apiBase?: string;
}

/**
 * Registers the element (once: a name already defined keeps its first class, which is returned) and returns
 * its class. Registration is the host's call, not a side effect of importing the library.
 */
export function defineWidgetElement({ tagName = 'pi-enroll-widget', apiBase }: DefineWidgetElementOptions = {}) {
  const defined = customElements.get(tagName) as typeof PiEnrollWidgetElement | undefined;
  if (defined) return defined;
  const element = class extends PiEnrollWidgetElement {
    protected override get defaultApiBase() {
      return apiBase;
    }
  };
  customElements.define(tagName, element);
  return element as typeof PiEnrollWidgetElement;
}
