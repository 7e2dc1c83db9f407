/**
 * privacyIDEA is a Flask app: its bodies are Python `json.dumps` output, and its response signature is computed over
 * `json.dumps(body, sort_keys=True)`. This reproduces that serialisation (", " / ": " separators, `ensure_ascii`,
 * floats always with a fraction) so the bytes on the wire and the signed text look like the real server's.
 */

/** A number Python holds as a float: `1795878250.0`, never `1795878250` (the envelope's `time`). */
export class PythonFloat {
  constructor(readonly value: number) {}

  toJSON(): number {
    return this.value;
  }
}

export type PythonJson = null | boolean | number | string | PythonFloat | PythonJson[] | { [key: string]: PythonJson };

/** `compact` = `separators=(",", ":")`, as PyJWT writes JWT segments. */
export function pythonJsonDumps(value: PythonJson, options: { sortKeys?: boolean; compact?: boolean } = {}): string {
  const sortKeys = options.sortKeys ?? false;
  const itemSeparator = options.compact === true ? ',' : ', ';
  const keySeparator = options.compact === true ? ':' : ': ';
  const dump = (v: PythonJson): string => {
    if (v === null) return 'null';
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (typeof v === 'number') return formatNumber(v, Number.isInteger(v));
    if (typeof v === 'string') return quoteAscii(v);
    if (v instanceof PythonFloat) return formatNumber(v.value, false);
    if (Array.isArray(v)) return `[${v.map(dump).join(itemSeparator)}]`;
    const keys = Object.keys(v);
    if (sortKeys) keys.sort();
    return `{${keys.map((k) => `${quoteAscii(k)}${keySeparator}${dump(v[k] ?? null)}`).join(itemSeparator)}}`;
  };
  return dump(value);
}

/** Python's `str(float)`: `238.0`, `-2.0`, `0.5`. */
export function pythonFloatRepr(n: number): string {
  return formatNumber(n, false);
}

function formatNumber(n: number, isInt: boolean): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? 'Infinity' : '-Infinity';
  if (isInt) return String(n);
  const text = String(n);
  // Python's float repr always shows a fraction or an exponent ("1.0", "1e+16"); JS drops ".0".
  return /[.e]/.test(text) ? text.replace(/e-(\d)$/, 'e-0$1') : `${text}.0`;
}

const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

function quoteAscii(s: string): string {
  // ensure_ascii: everything outside printable ASCII becomes \uXXXX (UTF-16 code units, like Python).
  const body = s.replace(/["\\]|[^ -~]/g, (ch) => SHORT_ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${body}"`;
}
