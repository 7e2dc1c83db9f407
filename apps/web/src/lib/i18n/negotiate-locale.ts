/**
 * The first preferred language we have a translation for: an exact tag first (`de-CH`), then its base
 * language (`de`). English when nothing matches.
 */
export function negotiateLocale(preferences: readonly string[], available: readonly string[]): string {
  const lowerAvailable = available.map((tag) => tag.toLowerCase());
  for (const preference of preferences) {
    const wanted = preference.toLowerCase();
    const exact = lowerAvailable.indexOf(wanted);
    if (exact !== -1) return available[exact]!;
    const base = lowerAvailable.indexOf(wanted.split('-')[0]!);
    if (base !== -1) return available[base]!;
  }
  return 'en';
}
