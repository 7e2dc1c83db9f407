import type { Theme } from '../components/widget-root';

/** `?locale=de&theme=dark` on the standalone page or the iframe URL: the two choices a link can make. */
export function readPageOptions(location: Location): { locale?: string; theme?: Theme } {
  const params = new URLSearchParams(location.search);
  const theme = params.get('theme');
  return {
    locale: params.get('locale') ?? undefined,
    theme: theme === 'light' || theme === 'dark' || theme === 'auto' ? theme : undefined,
  };
}
