/**
 * `repr()` and `str()` of the supported types, as CPython prints them.
 * Whatever contains an address (`<__main__.C object at 0x...>`) or depends on hash
 * randomization (the order of a set of strings) is refused.
 */
import type { Heap } from '../../core/heap';
import { safeIntDecimal, type Payload, type Ref } from '../../core/objects';
// `PyBytes_Repr`: one text for source (print.ts) and for values.
import { bytesRepr, floatRepr } from '../syntax/repr';
import { deepNesting, MAX_NESTING, Refusal } from './refusal';
import { refuseStrSubclass } from './str-subclass';
import { isBuiltinExceptionTypePayload } from './exception-objects';

const printableCache = new Map<number, boolean>();

/** `Py_UNICODE_ISPRINTABLE` for the characters the model knows (`Tools/unicode/makeunicodedata.py`). */
function isPrintable(cp: number): boolean {
  if (cp < 0x20 || cp === 0x7f) return false;
  if (cp < 0x7f) return true;
  // The Unicode property tests below are slow; a character's answer never changes.
  let known = printableCache.get(cp);
  if (known === undefined) {
    known = isPrintableNonAscii(cp);
    printableCache.set(cp, known);
  }
  return known;
}

function isPrintableNonAscii(cp: number): boolean {
  if (cp <= 0xa0 || cp === 0xad) return false;
  const ch = String.fromCodePoint(cp);
  // Printable: not Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs. JS's Unicode tables may be newer than
  // CPython's: a character unassigned in one and not the other would differ, so refuse those.
  if (/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}\p{Zs}]/u.test(ch)) return false;
  if (/\p{Cn}/u.test(ch)) throw new Refusal('repr of an unassigned character', `U+${cp.toString(16).toUpperCase()}`);
  return true;
}

/** `Objects/unicodeobject.c` `unicode_repr`. */
export function strRepr(value: string): string {
  // Most strs are printable ASCII without a backslash: quoted whole, without the per-character
  // loop below (the same text: every such character is written as itself).
  let squote = false;
  let dquote = false;
  let plain = true;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x5c) {
      plain = false;
      break;
    }
    if (c === 0x27) squote = true;
    else if (c === 0x22) dquote = true;
  }
  if (plain && !(squote && dquote)) return squote ? `"${value}"` : `'${value}'`;
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of value) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (isPrintable(cp)) out += ch;
    else if (cp < 0x100) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return out + quote;
}

/**
 * Order of a set's items when printed: CPython iterates its hash table. For ints the hash is
 * the value, so small non-negative ints below the table size come out sorted; the model
 * refuses every other set (strings' hashes are randomized per process).
 * `Objects/setobject.c`: the table starts with 8 slots and grows when 3/5 full.
 */
function setOrder(heap: Heap, items: readonly Ref[]): Ref[] {
  const order = knownSetOrder(heap, items);
  if (order === null) throw new Refusal('printing a set', 'its iteration order depends on hashes the model does not reproduce');
  return order;
}

/**
 * A set's items in table order, when the model knows it: up to 4 distinct ints (or bools) in
 * 0..7 hash to their own value (`Objects/longobject.c` `long_hash`), so each sits in its own slot
 * of the table (8 slots or more, `PySet_MINSIZE`) and iteration (`set_next`) visits them in
 * ascending order. Null for other sets: their order depends on hashes and history.
 */
export function knownSetOrder(heap: Heap, items: readonly Ref[]): Ref[] | null {
  const values = items.map((r) => {
    const p = heap.get(r).payload;
    return p.kind === 'int' ? p.value : p.kind === 'bool' ? (p.value ? 1n : 0n) : null;
  });
  if (items.length <= 4 && values.every((v) => v !== null && v >= 0n && v < 8n)) {
    return items.map((r, i) => ({ r, v: values[i] as bigint })).sort((a, b) => (a.v < b.v ? -1 : 1)).map((x) => x.r);
  }
  return null;
}

/** `sys.int_info.default_max_str_digits` (4300, `_PY_LONG_DEFAULT_MAX_STR_DIGITS`): computed once, it is a big number. */
const INT_MAX_STR_LIMIT = 10n ** 4300n;
/** `Number.MAX_SAFE_INTEGER` as a bigint. */
const MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);

export function pyRepr(heap: Heap, ref: Ref, seen?: Ref[]): string {
  const p = heap.get(ref).payload;
  switch (p.kind) {
    case 'NoneType':
      return 'None';
    case 'ellipsis':
      return 'Ellipsis';
    case 'NotImplementedType':
      return 'NotImplemented';
    case 'bool':
      return p.value ? 'True' : 'False';
    case 'int': {
      // A safe integer is far below the limit.
      const safe = safeIntDecimal(p);
      if (safe !== null) return safe;
      const v = p.value;
      // A safe integer's bigint (a small int whose value was read): its number's text, the same
      // digits, from V8's number-string cache rather than a new string per print.
      if (v >= -MAX_SAFE_BIG && v <= MAX_SAFE_BIG) return String(Number(v));
      if (v >= INT_MAX_STR_LIMIT || v <= -INT_MAX_STR_LIMIT) throw new Refusal('printing an int of more than 4300 digits');
      return v.toString();
    }
    case 'float':
      return floatRepr(p.value);
    case 'str':
      return strRepr(p.value);
    case 'bytes':
      return bytesRepr(p.value);
    case 'range':
      return p.step === 1n ? `range(${p.start}, ${p.stop})` : `range(${p.start}, ${p.stop}, ${p.step})`;
    case 'type':
      return p.name in BUILTIN_TYPE_REPRS || isBuiltinExceptionTypePayload(p) ? `<class '${p.name}'>` : `<class '__main__.${p.name}'>`;
    default:
      break;
  }
  // (only an `instance` can be a str subclass's: the kinds above need not ask)
  refuseStrSubclass(heap, ref, 'repr');
  return containerRepr(heap, ref, p, seen ?? []);
}

/** The items' reprs joined by ', ' (a loop: a closure here would make its context on every call). */
function itemsRepr(heap: Heap, items: readonly Ref[], seen: Ref[]): string {
  let out = '';
  for (let i = 0; i < items.length; i++) out += i === 0 ? pyRepr(heap, items[i] as Ref, seen) : `, ${pyRepr(heap, items[i] as Ref, seen)}`;
  return out;
}

/**
 * The repr of a container (apart: closures here would make `pyRepr` allocate their context on
 * every call). `seen` holds the containers being printed, outermost first (`Py_ReprEnter`'s list).
 */
function containerRepr(heap: Heap, ref: Ref, p: Payload, seen: Ref[]): string {
  // Containers: `Py_ReprEnter` prints a container met again inside itself as [...] / {...} / (...)
  // (`list_repr`, `dict_repr`, `tuplerepr`: a tuple holding a list that holds the tuple).
  if ((p.kind === 'list' || p.kind === 'dict' || p.kind === 'tuple') && seen.includes(ref)) return p.kind === 'list' ? '[...]' : p.kind === 'dict' ? '{...}' : '(...)';
  const depth = seen.length;
  if (depth >= MAX_NESTING) throw deepNesting();
  seen.push(ref);
  try {
    switch (p.kind) {
      case 'tuple':
        return p.items.length === 1 ? `(${pyRepr(heap, p.items[0] as Ref, seen)},)` : `(${itemsRepr(heap, p.items, seen)})`;
      case 'list':
        return `[${itemsRepr(heap, p.items, seen)}]`;
      case 'dict': {
        let out = '{';
        const entries = p.entries;
        for (let i = 0; i < entries.length; i++) {
          const e = entries[i] as { key: Ref; value: Ref };
          if (i > 0) out += ', ';
          out += `${pyRepr(heap, e.key, seen)}: ${pyRepr(heap, e.value, seen)}`;
        }
        return `${out}}`;
      }
      case 'set':
        return p.items.length === 0 ? 'set()' : `{${itemsRepr(heap, setOrder(heap, p.items), seen)}}`;
      case 'frozenset':
        return p.items.length === 0 ? 'frozenset()' : `frozenset({${itemsRepr(heap, setOrder(heap, p.items), seen)}})`;
      default:
        throw new Refusal(`printing a ${p.kind} object`, 'its repr shows a memory address');
    }
  } finally {
    seen.length = depth;
  }
}

/** Builtin classes the model knows by name (their repr has no `__main__.`). */
export const BUILTIN_TYPE_REPRS: Readonly<Record<string, true>> = {
  int: true,
  float: true,
  str: true,
  bytes: true,
  bool: true,
  tuple: true,
  list: true,
  dict: true,
  set: true,
  frozenset: true,
  range: true,
  NoneType: true,
  type: true,
  object: true,
  function: true,
  method: true,
  builtin_function_or_method: true,
  module: true,
  weakref: true,
  'weakref.ReferenceType': true,
  ellipsis: true,
  NotImplementedType: true,
  code: true,
  WeakSet: true,
  enumerate: true,
  zip: true,
  map: true,
  filter: true,
  reversed: true,
  list_reverseiterator: true,
  range_iterator: true,
  list_iterator: true,
  tuple_iterator: true,
  str_iterator: true,
  str_ascii_iterator: true,
  // dict-views.ts
  dict_keys: true,
  dict_values: true,
  dict_items: true,
  dict_keyiterator: true,
  dict_valueiterator: true,
  dict_itemiterator: true,
};

/** `str(x)`: the value itself for str, repr otherwise (`object_str`). */
export function pyStr(heap: Heap, ref: Ref): string {
  const p = heap.get(ref).payload;
  return p.kind === 'str' ? p.value : pyRepr(heap, ref);
}
