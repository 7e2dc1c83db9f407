import type { Messages } from '../../locales/en';
import type { ManagementMessages } from '../../locales/management/en';

/** Every string a host may replace: the enrollment's and those of the management screens (a chunk of their own). */
type AllMessages = Messages & ManagementMessages;

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
