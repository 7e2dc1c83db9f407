/** How many properties and how long a value one theme message may set: a theme, not a payload. */
const MAX_VARIABLES = 64;
const MAX_VALUE_LENGTH = 200;

const NAME = /^--pie-[a-z0-9]+(?:-[a-z0-9]+)*$/;
/**
 * One piece of a value: a hex colour, an rgb()/hsl() of plain numbers, a number with a length or time unit, a
 * keyword, or a quoted font name. Nothing that loads (url(), image-set()), nests (var(), calc()) or escapes.
 */
const PART = String.raw`(?:#[0-9a-fA-F]{3,8}|(?:rgba?|hsla?)\([\d.%\s,/]+\)|-?(?:\d+\.?\d*|\.\d+)(?:px|rem|em|%|vh|vw|ch|s|ms|deg)?|[a-zA-Z][a-zA-Z-]*|"[\w -]+"|'[\w -]+')`;
const VALUE = new RegExp(`^${PART}(?:\\s*,\\s*${PART}|\\s+${PART})*$`);

/**
 * The `--pie-*` custom properties of a host's `pi-enroll:theme` message that pass the strict check; every
 * other entry is dropped. An empty result means there is nothing to apply.
 */
export function themeVariablesFrom(variables: unknown): Record<string, string> {
  if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) return {};
  const accepted: Record<string, string> = {};
  for (const [name, value] of Object.entries(variables).slice(0, MAX_VARIABLES)) {
    if (NAME.test(name) && typeof value === 'string' && value.length <= MAX_VALUE_LENGTH && VALUE.test(value.trim())) accepted[name] = value.trim();
  }
  return accepted;
}
