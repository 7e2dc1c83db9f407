// The installable library's main entry (`@pi-enroll/web`, built by vite.lib.config.ts): the widget as a React
// component, `mount()` for any page, and the custom element, which the host registers. The headless hook is
// `@pi-enroll/web/headless` (headless.ts), the stylesheet `@pi-enroll/web/widget.css`.
// Unlike widget.js, which is served by the BFF and finds it by its own URL, the library cannot know where the
// BFF is: pass `apiBase` (default: the page's directory, for a BFF behind the host's own origin).
export { EnrollmentWidget, type EnrollmentWidgetProps } from './enrollment-widget-component';
export {
  defineWidgetElement,
  mount,
  PiEnrollWidgetElement,
  type DefineWidgetElementOptions,
  type MountedWidget,
  type MountOptions,
} from './mount-widget';
export type { WidgetOptions } from './enrollment-app';
export type { Theme } from '../components/widget-root';
export type { MessageOverrides } from '../lib/i18n/merge-messages';
export type { EnrollmentHandle } from '../features/enrollment/hooks/use-enrollment';
export type { ApiClientOptions, SessionTransport } from '../lib/api-client';
