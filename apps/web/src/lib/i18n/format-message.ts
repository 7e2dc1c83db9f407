/** Plural forms of one message, chosen by `Intl.PluralRules` (`other` is the fallback every language has). */
export interface PluralForms {
  one?: string;
  other: string;
}

/** Fills the `{name}` slots; a slot without a value stays visible rather than vanishing. */
export function formatMessage(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : slot,
  );
}

export function formatPlural(
  locale: string,
  forms: PluralForms,
  count: number,
  values: Record<string, string | number> = {},
): string {
  const category = new Intl.PluralRules(locale).select(count);
  const template = category === 'one' && forms.one !== undefined ? forms.one : forms.other;
  return formatMessage(template, { count, ...values });
}
