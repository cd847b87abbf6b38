/**
 * Object sizes: the bytes an object asks pymalloc for (which decides its size class) and
 * what `sys.getsizeof` reports (`Python/sysmodule.c` `_PySys_GetSizeOf`: `__sizeof__`
 * plus `sizeof(PyGC_Head)` for GC objects).
 */
import type { CoreConfig } from './config';
import { isGcTracked, type Payload } from './objects';

/** `Objects/longobject.c`: number of `digit`s of |v| (`_PyLong_New` size). */
export function longDigits(value: bigint, digitBits: number): number {
  // As a double: exact up to 2 ** 53 - 1, and at least 2 ** 53 above (one conversion, no bigint compares).
  const approx = Number(value);
  const magnitude = approx < 0 ? -approx : approx;
  if (magnitude <= Number.MAX_SAFE_INTEGER) return safeLongDigits(magnitude, digitBits);
  let v = value < 0n ? -value : value;
  let n = 0;
  const shift = BigInt(digitBits);
  while (v > 0n) {
    v >>= shift;
    n++;
  }
  return n;
}

/** `longDigits` of a safe integer's magnitude: its bits counted with clz32 on its two 32-bit halves (no bigint, no log2). */
export function safeLongDigits(magnitude: number, digitBits: number): number {
  const high = Math.floor(magnitude / 0x100000000);
  const bits = high === 0 ? 32 - Math.clz32(magnitude) : 64 - Math.clz32(high);
  return Math.ceil(bits / digitBits);
}

/**
 * `text`'s UTF-8 bytes as `TextEncoder.encode` gives them (a lone surrogate as U+FFFD), by hand:
 * for the short texts printed and compared, a `TextEncoder` call and its `Uint8Array` spread
 * into an array cost several times the loop.
 */
export function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out.push(c);
      continue;
    }
    if (c < 0x800) {
      out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
        out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
        continue;
      }
      c = 0xfffd;
    }
    out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return out;
}

/** Whether a str has only ASCII characters (also where the evaluator refuses Unicode tables it does not carry). */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** `Objects/unicodeobject.c` `PyUnicode_New`: the compact kind of a str (1, 2 or 4 bytes a char) and whether ASCII. */
export function strKind(value: string): { readonly ascii: boolean; readonly charSize: 1 | 2 | 4 } {
  // A short str is scanned by hand (a RegExp test costs more than a few characters' loop); a
  // long one in one native scan (a long str built by repetition is scanned once here).
  if (value.length <= SHORT_SCAN) {
    if (isAscii(value)) return KIND_ASCII;
  } else if (!NON_ASCII.test(value)) return KIND_ASCII;
  let max = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    // A surrogate half means a code point above U+FFFF (or a lone surrogate, which needs 2 bytes).
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length && (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00) return KIND_UCS4;
    if (c > max) max = c;
  }
  if (max < 0x80) return KIND_ASCII;
  if (max < 0x100) return KIND_LATIN1;
  return KIND_UCS2;
}

// eslint-disable-next-line no-control-regex -- the ASCII range starts at U+0000
const NON_ASCII = /[^\x00-\x7f]/;
/** The longest str `strKind` scans by hand. */
const SHORT_SCAN = 16;
const KIND_ASCII = { ascii: true, charSize: 1 } as const;
const KIND_LATIN1 = { ascii: false, charSize: 1 } as const;
const KIND_UCS2 = { ascii: false, charSize: 2 } as const;
const KIND_UCS4 = { ascii: false, charSize: 4 } as const;

/** Code points (a surrogate pair is one). */
export function strLength(value: string): number {
  let n = value.length;
  for (let i = 0; i + 1 < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n--;
      i++;
    }
  }
  return n;
}

/** `Objects/longobject.c` `_PyLong_New`: bytes of an int object of this value (not GC-tracked: its request size too). */
export function intSize(value: bigint, config: CoreConfig): number {
  const s = config.sizes;
  return s.longHeader + s.longDigitBytes * Math.max(longDigits(value, s.longDigitBits), s.longZeroDigits);
}

/** `intSize` of a safe integer (`Number.isSafeInteger`), without a bigint. */
export function safeIntSize(value: number, config: CoreConfig): number {
  const s = config.sizes;
  return s.longHeader + s.longDigitBytes * Math.max(safeLongDigits(value < 0 ? -value : value, s.longDigitBits), s.longZeroDigits);
}

/** `PyUnicode_New`: bytes of a compact str object of this value (not GC-tracked: its request size too). */
export function strSize(value: string, config: CoreConfig): number {
  const s = config.sizes;
  const { ascii, charSize } = strKind(value);
  const n = ascii ? value.length : strLength(value);
  return (ascii ? s.asciiHeader : s.compactHeader) + (n + 1) * charSize;
}

/** `strSize` of an ASCII str of `length` chars (known ASCII without scanning it: `Heap.asciiStr`). */
export function asciiStrSize(length: number, config: CoreConfig): number {
  return config.sizes.asciiHeader + length + 1;
}

/** Bytes of the object itself, without the GC header; null when the model does not know. */
export function basicSize(p: Payload, config: CoreConfig): number | null {
  const s = config.sizes;
  const ptr = config.pointerSize;
  switch (p.kind) {
    case 'int':
      return intSize(p.value, config);
    case 'bool':
      // `bool___sizeof__` is int's: False has no digit before 3.11 (ob_size 0), as 0 (`intSize`).
      return s.longHeader + s.longDigitBytes * Math.max(p.value ? 1 : 0, s.longZeroDigits);
    case 'float':
      return s.float;
    case 'str':
      return strSize(p.value, config);
    case 'bytes':
      return s.bytesHeader + p.value.length + 1;
    case 'tuple':
      return s.tupleHeader + ptr * p.items.length;
    case 'list':
      return s.list;
    case 'dict':
      return s.dict;
    case 'NoneType':
      return s.noneGetsizeof;
    default:
      return null;
  }
}

/**
 * Bytes of an instance of a class with `__slots__` (no base but object), without the GC header:
 * a pointer a name, but `'__weakref__'` (`Objects/typeobject.c` `type_new_descriptors`) is
 * `weakrefSlot` (3.12+ `Py_TPFLAGS_MANAGED_WEAKREF`: the pre-header of `_PyType_PreHeaderSize`).
 */
export function slotsInstanceSize(slots: readonly string[], config: CoreConfig): number {
  const s = config.sizes;
  const weakref = slots.includes('__weakref__');
  return s.slotsInstanceBase + config.pointerSize * (weakref ? slots.length - 1 : slots.length) + (weakref ? s.weakrefSlot : 0);
}

/** What the object asks pymalloc for, GC header included (decides the size class). */
export function requestSize(p: Payload, config: CoreConfig, instanceSize: number | null = null): number | null {
  if (p.kind === 'iterator') return p.bytes;
  const base = p.kind === 'instance' ? instanceSize : basicSize(p, config);
  if (base === null) return null;
  return base + (isGcTracked(p) ? config.gcHeaderSize : 0);
}

/**
 * `sys.getsizeof(obj)`, or null when the model does not know it for this object.
 * Lists: `list___sizeof__` counts the allocated item slots.
 * Dicts: measured per version for displays of up to 5 items (`dict_sizeof` depends on
 * the keys table kind: all-str keys use the smaller unicode entries from 3.11).
 */
export function getsizeof(p: Payload, config: CoreConfig, instanceSize: number | null = null): number | null {
  const s = config.sizes;
  const gc = config.gcHeaderSize;
  switch (p.kind) {
    case 'list':
      return gc + s.list + config.pointerSize * p.capacity;
    case 'set':
    case 'frozenset':
      return p.items.length <= 4 ? s.setGetsizeof : null;
    case 'range':
      return s.rangeGetsizeof;
    case 'dict':
      return p.entries.length === 0 ? (s.dictGetsizeof[0] ?? null) : null;
    case 'str': {
      const base = requestSize(p, config);
      const chars = [...p.value];
      const cp = chars[0]?.codePointAt(0) ?? 0;
      // Only the cached singleton has the UTF-8 copy; a 1-char latin-1 str is always that singleton here.
      return base === null ? null : base + (chars.length === 1 && cp >= 0x80 && cp < 0x100 ? s.latin1SingletonUtf8Bytes : 0);
    }
    default:
      return requestSize(p, config, instanceSize);
  }
}
