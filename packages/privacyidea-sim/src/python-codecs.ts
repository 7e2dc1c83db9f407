/**
 * The two Python library behaviours that decide privacyIDEA's JWT error messages (via PyJWT): lenient base64
 * decoding (`binascii.a2b_base64`, non-strict) and the text of a `UnicodeDecodeError` for invalid UTF-8. A garbage
 * `Authorization: this.is.garbage` yields, as recorded, "Invalid header string: 'utf-8' codec can't decode byte 0xb6
 * in position 0: invalid start byte" only because both are reproduced faithfully.
 */

export class PythonBase64Error extends Error {}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUES = new Map([...BASE64_ALPHABET].map((ch, i) => [ch.charCodeAt(0), i]));

/** PyJWT's `base64url_decode`: pad to a multiple of 4, map -_ to +/, then CPython's non-strict `a2b_base64`. */
export function pyjwtBase64UrlDecode(segment: Uint8Array): Uint8Array {
  const rem = segment.length % 4;
  const padded = new Uint8Array(segment.length + (rem > 0 ? 4 - rem : 0)).fill(0x3d);
  padded.set(segment);
  for (let i = 0; i < padded.length; i++) {
    if (padded[i] === 0x2d) padded[i] = 0x2b;
    else if (padded[i] === 0x5f) padded[i] = 0x2f;
  }
  return a2bBase64(padded);
}

/** CPython `binascii.a2b_base64(data, strict_mode=False)`: skips non-alphabet bytes, stops at complete padding. */
function a2bBase64(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let quadPos = 0;
  let leftChar = 0;
  let pads = 0;
  for (const byte of data) {
    if (byte === 0x3d) {
      // C: `if (quad_pos >= 2 && quad_pos + ++pads >= 4)`: pads only counts once two data characters are in.
      if (quadPos >= 2) {
        pads += 1;
        if (quadPos + pads >= 4) return Uint8Array.from(out);
      }
      continue;
    }
    const value = BASE64_VALUES.get(byte);
    if (value === undefined) continue;
    pads = 0;
    switch (quadPos) {
      case 0:
        quadPos = 1;
        leftChar = value;
        break;
      case 1:
        quadPos = 2;
        out.push(((leftChar << 2) | (value >> 4)) & 0xff);
        leftChar = value & 0x0f;
        break;
      case 2:
        quadPos = 3;
        out.push(((leftChar << 4) | (value >> 2)) & 0xff);
        leftChar = value & 0x03;
        break;
      default:
        quadPos = 0;
        out.push(((leftChar << 6) | value) & 0xff);
        leftChar = 0;
    }
  }
  if (quadPos === 1) {
    const dataChars = [...data].filter((b) => BASE64_VALUES.has(b)).length;
    throw new PythonBase64Error(
      `Invalid base64-encoded string: number of data characters (${dataChars}) cannot be 1 more than a multiple of 4`,
    );
  }
  if (quadPos !== 0) throw new PythonBase64Error('Incorrect padding');
  return Uint8Array.from(out);
}

/** The message of the `UnicodeDecodeError` CPython raises for `bytes.decode('utf-8')`, or undefined if valid. */
export function pythonUtf8DecodeError(bytes: Uint8Array): string | undefined {
  let i = 0;
  while (i < bytes.length) {
    const start = bytes[i] ?? 0;
    if (start < 0x80) {
      i += 1;
      continue;
    }
    const spec = sequenceSpec(start);
    if (spec === undefined) return describe(bytes, i, i, 'invalid start byte');
    let j = i + 1;
    for (let k = 0; k < spec.length; k++, j++) {
      if (j >= bytes.length) return describe(bytes, i, j - 1, 'unexpected end of data');
      const byte = bytes[j] ?? 0;
      const [low, high] = k === 0 ? spec.secondByte : [0x80, 0xbf];
      if (byte < low || byte > high) return describe(bytes, i, j - 1, 'invalid continuation byte');
    }
    i = j;
  }
  return undefined;
}

function sequenceSpec(start: number): { length: number; secondByte: [number, number] } | undefined {
  if (start >= 0xc2 && start <= 0xdf) return { length: 1, secondByte: [0x80, 0xbf] };
  if (start === 0xe0) return { length: 2, secondByte: [0xa0, 0xbf] };
  if (start === 0xed) return { length: 2, secondByte: [0x80, 0x9f] };
  if (start >= 0xe1 && start <= 0xef) return { length: 2, secondByte: [0x80, 0xbf] };
  if (start === 0xf0) return { length: 3, secondByte: [0x90, 0xbf] };
  if (start >= 0xf1 && start <= 0xf3) return { length: 3, secondByte: [0x80, 0xbf] };
  if (start === 0xf4) return { length: 3, secondByte: [0x80, 0x8f] };
  return undefined;
}

function describe(bytes: Uint8Array, from: number, to: number, reason: string): string {
  if (from === to) {
    const hex = (bytes[from] ?? 0).toString(16).padStart(2, '0');
    return `'utf-8' codec can't decode byte 0x${hex} in position ${from}: ${reason}`;
  }
  return `'utf-8' codec can't decode bytes in position ${from}-${to}: ${reason}`;
}
