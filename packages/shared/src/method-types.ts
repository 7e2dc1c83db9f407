// The method names, free of any schema library so the BFF's config and the widget can import them cheaply.

/** Every sign-in method the contract knows, in the default order of the start screen. */
export const METHOD_TYPES = ['totp', 'passkey', 'email', 'recovery'] as const;
export type MethodType = (typeof METHOD_TYPES)[number];

export function isMethodType(value: string): value is MethodType {
  return (METHOD_TYPES as readonly string[]).includes(value);
}
