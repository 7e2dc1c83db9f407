import type { ReactNode } from 'react';
import { useI18n } from '../lib/i18n/i18n-provider';

/** `auto` follows the operating system (prefers-color-scheme). */
export type Theme = 'light' | 'dark' | 'auto';

/**
 * The one element every style hangs off: `.pie-root` carries the theme's custom properties, so a host restyles
 * the widget by setting `--pie-*` on it, and the language of its text.
 */
export function WidgetRoot({ theme = 'auto', children }: { theme?: Theme; children: ReactNode }) {
  const { t, locale } = useI18n();
  return (
    <section className="pie-root" data-pie-theme={theme} lang={locale} aria-label={t.widgetLabel}>
      {children}
    </section>
  );
}
