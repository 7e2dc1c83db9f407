// Limits the widget needs at runtime, kept free of any schema library so it can import them cheaply.

/** Longest device name (token description) the BFF accepts. */
export const DESCRIPTION_MAX_LENGTH = 80;
