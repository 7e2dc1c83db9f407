/**
 * Compares a live privacyIDEA body with a recorded one: same keys in the same order, same nesting, same value
 * types, and the same values — except where the recording itself could not fix a value:
 * - placeholders in recorded strings (`<admin-jwt>`, `<time>`, `<value_b32>`, `rsa_sha256_pss:<trimmed>`,
 *   `data:image/png;base64,<trimmed>`) match by pattern;
 * - paths the caller marks as `loose` (server-generated serials, seeds, dates, counters) match by type or pattern.
 * `time` is always a number and `signature` always `rsa_sha256_pss:` + 512 hex digits.
 */
export type LooseRule = 'type' | RegExp;

export interface ShapeOptions {
  /** Path → rule. Paths look like `detail.serial` or `result.value.tokens[*].info.creation_date`. */
  loose?: Record<string, LooseRule>;
}

const ALWAYS_LOOSE: Record<string, LooseRule> = {
  time: 'type',
  signature: /^rsa_sha256_pss:[0-9a-f]{512}$/,
};

const JWT = '[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+';
const WHOLE_STRING_PLACEHOLDERS: Record<string, string> = {
  'rsa_sha256_pss:<trimmed>': '^rsa_sha256_pss:[0-9a-f]{512}$',
  'data:image/png;base64,<trimmed>': '^data:image/png;base64,[A-Za-z0-9+/]+={0,2}$',
};
const PLACEHOLDER_PATTERNS: Record<string, string> = {
  'admin-jwt': JWT,
  'user-jwt': JWT,
  value_b32: '[A-Z2-7]+',
};

export function recordedShapeMismatches(live: unknown, recorded: unknown, options: ShapeOptions = {}): string[] {
  const loose = { ...ALWAYS_LOOSE, ...options.loose };
  const mismatches: string[] = [];
  compare(live, recorded, '', loose, mismatches);
  return mismatches;
}

function compare(live: unknown, recorded: unknown, path: string, loose: Record<string, LooseRule>, out: string[]): void {
  const at = path === '' ? '(root)' : path;
  const rule = looseRuleFor(path, loose);
  if (recorded === '<time>') {
    if (typeof live !== 'number') out.push(`${at}: expected a number (time), got ${describe(live)}`);
    return;
  }
  if (rule !== undefined && !isContainer(recorded)) {
    if (rule === 'type') {
      if (kind(live) !== kind(recorded)) out.push(`${at}: expected a ${kind(recorded)}, got ${describe(live)}`);
    } else if (!(typeof live === 'string' || typeof live === 'number') || !rule.test(String(live))) {
      out.push(`${at}: ${describe(live)} does not match ${String(rule)}`);
    }
    return;
  }
  if (typeof recorded === 'string') {
    const pattern = placeholderPattern(recorded);
    if (pattern !== undefined) {
      if (typeof live !== 'string' || !pattern.test(live)) out.push(`${at}: ${describe(live)} does not match recorded ${JSON.stringify(recorded)}`);
      return;
    }
  }
  if (kind(live) !== kind(recorded)) {
    out.push(`${at}: expected a ${kind(recorded)} (${describe(recorded)}), got ${describe(live)}`);
    return;
  }
  if (Array.isArray(recorded) && Array.isArray(live)) {
    if (live.length !== recorded.length) {
      out.push(`${at}: expected ${recorded.length} items, got ${live.length}`);
      return;
    }
    recorded.forEach((item, i) => compare(live[i], item, `${path}[${i}]`, loose, out));
    return;
  }
  if (isObject(recorded) && isObject(live)) {
    const want = Object.keys(recorded);
    const got = Object.keys(live);
    const missing = want.filter((k) => !got.includes(k));
    const extra = got.filter((k) => !want.includes(k));
    if (missing.length > 0) out.push(`${at}: missing keys ${missing.join(', ')}`);
    if (extra.length > 0) out.push(`${at}: unexpected keys ${extra.join(', ')}`);
    if (missing.length === 0 && extra.length === 0 && want.join(',') !== got.join(',')) {
      out.push(`${at}: key order ${got.join(', ')} differs from recorded ${want.join(', ')}`);
    }
    for (const key of want) {
      if (key in live) compare(live[key], recorded[key], path === '' ? key : `${path}.${key}`, loose, out);
    }
    return;
  }
  if (live !== recorded) out.push(`${at}: expected ${describe(recorded)}, got ${describe(live)}`);
}

function looseRuleFor(path: string, loose: Record<string, LooseRule>): LooseRule | undefined {
  const generic = path.replace(/\[\d+\]/g, '[*]');
  return loose[path] ?? loose[generic];
}

function placeholderPattern(recorded: string): RegExp | undefined {
  const whole = WHOLE_STRING_PLACEHOLDERS[recorded];
  if (whole !== undefined) return new RegExp(whole);
  if (!/<[a-z0-9_-]+>/.test(recorded)) return undefined;
  let source = '';
  let last = 0;
  for (const match of recorded.matchAll(/<([a-z0-9_-]+)>/g)) {
    const pattern = PLACEHOLDER_PATTERNS[match[1] ?? ''];
    if (pattern === undefined) continue;
    source += escapeRegExp(recorded.slice(last, match.index)) + `(?:${pattern})`;
    last = match.index + match[0].length;
  }
  if (last === 0) return undefined;
  return new RegExp(`^${source}${escapeRegExp(recorded.slice(last))}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isContainer(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
