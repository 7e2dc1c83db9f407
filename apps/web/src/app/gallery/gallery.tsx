import { useEffect, useRef, useState } from 'react';
import { ManagementI18nProvider } from '../../features/methods/i18n/management-i18n';
import { WidgetRoot, type Theme } from '../../components/widget-root';
import { EnrollmentView } from '../../features/enrollment/components/enrollment-view';
import { I18nProvider } from '../../lib/i18n/i18n-provider';
import { availableLocales } from '../../lib/i18n/load-messages';
import { createApiClient } from '../../lib/api-client';
import type { ManagementUiProps } from '../../lib/management-ui';
import { methodUis } from '../method-uis';
import { galleryManagementScreens, galleryMethodList } from './gallery-management';
import { MethodList } from '../../features/methods/components/method-list';
import { galleryEntries, type GalleryEntry } from './gallery-states';

const ignoreEvents = () => undefined;
const galleryApi = createApiClient('.');

/** The `methods` state's list, with fixed data instead of `GET /methods`. */
function GalleryList({ add }: ManagementUiProps) {
  return (
    <ManagementI18nProvider>
      <MethodList list={galleryMethodList} busy={false} add={add} renew={add} send={ignoreEvents} />
    </ManagementI18nProvider>
  );
}

/** One state, rendered by the real screens with no flow behind them. */
function GalleryCard({ entry, theme }: { entry: GalleryEntry; theme: Theme }) {
  const card = useRef<HTMLElement>(null);
  useEffect(() => {
    if (entry.openDetails) card.current?.querySelectorAll('details').forEach((details) => (details.open = true));
  }, [entry.openDetails]);
  return (
    <article ref={card} className="gallery__card" data-gallery-theme={theme}>
      <h2 className="gallery__title">{entry.title}</h2>
      <WidgetRoot theme={theme}>
        <EnrollmentView
          state={entry.state}
          config={entry.config}
          methods={methodUis}
          management={GalleryList}
          api={galleryApi}
          send={ignoreEvents}
        />
      </WidgetRoot>
    </article>
  );
}

/** Every state of the flow side by side, for designers, translators and restylers. */
export function Gallery() {
  const params = new URLSearchParams(window.location.search);
  const [theme, setTheme] = useState<Theme>(params.get('theme') === 'dark' ? 'dark' : 'light');
  const [locale, setLocale] = useState(params.get('locale') ?? 'en');
  const [entries] = useState(() => galleryEntries(Date.now()));
  const [managementScreens] = useState(galleryManagementScreens);

  return (
    <div className="gallery" data-gallery-theme={theme}>
      <header className="gallery__header">
        <h1>Every state of the enrollment flow</h1>
        <fieldset className="gallery__switch">
          <legend>Theme</legend>
          {(['light', 'dark'] as const).map((option) => (
            <label key={option}>
              <input type="radio" name="theme" checked={theme === option} onChange={() => setTheme(option)} /> {option}
            </label>
          ))}
        </fieldset>
        <label className="gallery__switch">
          Language{' '}
          <select value={locale} onChange={(event) => setLocale(event.target.value)}>
            {availableLocales.map((option) => (
              <option key={option}>{option}</option>
            ))}
          </select>
        </label>
      </header>
      <I18nProvider locale={locale}>
        <div className="gallery__grid">
          {entries.map((entry) => (
            <GalleryCard key={entry.title} entry={entry} theme={theme} />
          ))}
          {managementScreens.map(({ title, screen }) => (
            <article key={title} className="gallery__card" data-gallery-theme={theme}>
              <h2 className="gallery__title">{title}</h2>
              <WidgetRoot theme={theme}>
                {/* The management screens bring their strings in a chunk of their own, as in the widget. */}
                <ManagementI18nProvider>{screen}</ManagementI18nProvider>
              </WidgetRoot>
            </article>
          ))}
        </div>
      </I18nProvider>
    </div>
  );
}
