// The script-tag build (widget.js): `mount(element, options)` and the `<pi-enroll-widget>` custom element,
// defined on load. Both find the BFF where widget.js came from unless told otherwise.
import { defineWidgetElement, mount as mountWidget, type MountedWidget, type MountOptions } from './mount-widget';

export type { MountedWidget, MountOptions } from './mount-widget';

/**
 * By default the BFF is where widget.js was loaded from (the BFF serves it at its BASE_PATH): a host page on
 * another origin of the same site then needs no configuration.
 */
const scriptDirectory = (() => {
  // Resolved at run time on purpose. Written as `new URL('.', import.meta.url)`, Vite takes '.' for an asset to
  // bundle, warns that it does not exist, and leaves it unchanged.
  const moduleUrl = new URL(import.meta.url);
  const url = new URL('.', moduleUrl);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
})();

export function mount(element: HTMLElement, options: MountOptions = {}): MountedWidget {
  return mountWidget(element, { apiBase: scriptDirectory, ...options });
}

export const PiEnrollWidgetElement = defineWidgetElement({ apiBase: scriptDirectory });
export type PiEnrollWidgetElement = InstanceType<typeof PiEnrollWidgetElement>;
