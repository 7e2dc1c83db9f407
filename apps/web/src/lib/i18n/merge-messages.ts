import type { Messages } from '../../locales/en';
import type { ManagementMessages } from '../../locales/management/en';
import type { MethodMessages } from '../../locales/methods/en';

/**
 * Every string a host may replace: the enrollment's, the management screens' and the methods' (each of the last
 * two in chunks of their own).
 */
type AllMessages = Messages & ManagementMessages & MethodMessages;

/** Any subset of the messages, at any depth: what a host page passes to change a few strings. */
export type MessageOverrides = {
  [K in keyof AllMessages]?: AllMessages[K] extends string ? string : Partial<AllMessages[K]>;
};

/** The base messages with the host's overrides of their keys (overrides of other keys are left for their chunk). */
export function mergeMessages<T extends object>(base: T, overrides: MessageOverrides | undefined): T {
  if (!overrides) return base;
  const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(overrides)) {
    if (!(key in base)) continue;
    const current = merged[key];
    merged[key] = typeof value === 'object' && typeof current === 'object' ? { ...current, ...value } : value;
  }
  return merged as T;
}
