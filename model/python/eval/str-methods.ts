/**
 * Methods of exact `str` objects (`Objects/unicodeobject.c`) with CPython's identity shortcuts,
 * measured on 3.8-3.13 native and the five Pyodide builds (programs/module/str-methods-identity.py):
 * - a result equal to the receiver is the receiver itself where CPython checks for it
 *   (`unicode_result_unchanged`: `strip`/`lstrip`/`rstrip` that remove nothing, `replace` that
 *   finds nothing or whose old and new are one object, `split` that does not split);
 * - substrings (`PyUnicode_Substring`, `STRINGLIB_NEW` in `Objects/stringlib/split.h`) of length 1
 *   come from the latin-1 cache (`get_latin1_char`), of length 0 are the empty-string singleton;
 * - `upper`/`lower` (`case_operation`) and `replace` build with `PyUnicode_New`: always a new
 *   object (measured: `chr(97).upper()` is new), but '' is the singleton;
 * - `format` (`Objects/stringlib/unicode_format.h` `do_markup`): `_PyUnicodeWriter` keeps a
 *   whole str read-only when it is the only text written and written last (`overallocate` is
 *   cleared only for the last piece): `'{}'.format(s) is s`, `'{}{}'.format(s, '') is s` False.
 * Case mapping and whitespace outside ASCII are refused (the model does not carry Unicode tables).
 */
import type { Ref } from '../../core/objects';
import type { Interpreter } from './interpreter';
import { PyException } from './py-exception';
import { userTextObject } from './special-methods';
import { asSsize } from './ssize';
import { Refusal } from './refusal';
import { typeName } from './values';
import { isAscii } from '../../core/sizes';

/** `Py_UNICODE_ISSPACE` for ASCII (`_Py_ascii_whitespace`): \t \n \v \f \r, \x1c-\x1f, space. */
const ASCII_SPACE = new Set(['\t', '\n', '\v', '\f', '\r', '\x1c', '\x1d', '\x1e', '\x1f', ' ']);

function isSpace(c: string): boolean {
  if (c.charCodeAt(0) > 0x7f) throw new Refusal('str whitespace outside ASCII', 'the model does not carry the Unicode whitespace table');
  return ASCII_SPACE.has(c);
}

function strArg(interp: Interpreter, ref: Ref, method: string): string {
  const p = interp.heap.get(ref).payload;
  if (p.kind !== 'str') throw new Refusal(`str.${method} with a ${typeName(interp.heap, ref)} argument`);
  return p.value;
}

function intArg(interp: Interpreter, ref: Ref, method: string): number {
  const p = interp.heap.get(ref).payload;
  if (p.kind !== 'int') throw new Refusal(`str.${method} with a ${typeName(interp.heap, ref)} count`);
  return asSsize(interp.heap, p.value);
}

/** A substring made by `PyUnicode_Substring` / `STRINGLIB_NEW`: '' and latin-1 characters are cached. */
function substring(interp: Interpreter, text: string): Ref {
  return interp.heap.str(text);
}

/** `do_strip` / `_PyUnicode_XStrip`: the receiver itself when nothing is removed. */
function strip(interp: Interpreter, self: Ref, text: string, name: string, args: readonly Ref[]): Ref {
  if (args.length > 1) throw new Refusal(`str.${name} with ${args.length} arguments`);
  const chars = args[0] === undefined || interp.heap.get(args[0]).payload.kind === 'NoneType' ? null : [...strArg(interp, args[0], name)];
  const strips = (c: string) => (chars === null ? isSpace(c) : chars.includes(c));
  const cps = [...text];
  let i = 0;
  let j = cps.length;
  if (name !== 'rstrip') while (i < j && strips(cps[i]!)) i++;
  if (name !== 'lstrip') while (j > i && strips(cps[j - 1]!)) j--;
  if (i === 0 && j === cps.length) return interp.heap.incref(self);
  return substring(interp, cps.slice(i, j).join(''));
}

/** `case_operation`: a new str (even of one character), '' the singleton; ASCII only. */
function changeCase(interp: Interpreter, text: string, name: string): Ref {
  requireAscii(text, name);
  return interp.newStr(name === 'upper' ? text.toUpperCase() : text.toLowerCase());
}

function requireAscii(text: string, name: string): void {
  if (!isAscii(text)) throw new Refusal(`str.${name} of non-ASCII text`, 'the model does not carry the Unicode case tables');
}

const isCased = (c: string): boolean => c.toLowerCase() !== c.toUpperCase();

/** `do_capitalize`, `do_swapcase`, `do_title` through `case_operation` (ASCII): a new str, '' the singleton. */
function recase(interp: Interpreter, text: string, name: 'capitalize' | 'swapcase' | 'title'): Ref {
  requireAscii(text, name);
  let out = '';
  let previousCased = false;
  for (const [i, c] of [...text].entries()) {
    if (name === 'capitalize') out += i === 0 ? c.toUpperCase() : c.toLowerCase();
    else if (name === 'swapcase') out += c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase();
    else {
      // `do_title`: upper after an uncased character, lower after a cased one.
      out += previousCased ? c.toLowerCase() : c.toUpperCase();
      previousCased = isCased(c);
    }
  }
  return interp.newStr(out);
}

/** `unicode_isdigit` & co. on ASCII text: False for '' (`isupper`/`islower` need a cased character). */
function predicate(interp: Interpreter, text: string, name: string): Ref {
  requireAscii(text, name);
  const cps = [...text];
  const every = (test: (c: string) => boolean): boolean => cps.length > 0 && cps.every(test);
  const tests: Record<string, () => boolean> = {
    isdigit: () => every((c) => c >= '0' && c <= '9'),
    isdecimal: () => every((c) => c >= '0' && c <= '9'),
    isnumeric: () => every((c) => c >= '0' && c <= '9'),
    isalpha: () => every(isCased),
    isalnum: () => every((c) => isCased(c) || (c >= '0' && c <= '9')),
    isspace: () => every((c) => ASCII_SPACE.has(c)),
    isupper: () => cps.some(isCased) && cps.every((c) => c === c.toUpperCase()),
    islower: () => cps.some(isCased) && cps.every((c) => c === c.toLowerCase()),
  };
  return interp.heap.bool(tests[name]!());
}

/** `replace` (`Objects/unicodeobject.c`): unchanged when maxcount is 0, old is new, or old is absent. */
function replace(interp: Interpreter, self: Ref, text: string, args: readonly Ref[]): Ref {
  if (args.length < 2 || args.length > 3) throw new Refusal(`str.replace with ${args.length} arguments`);
  const old = strArg(interp, args[0]!, 'replace');
  const repl = strArg(interp, args[1]!, 'replace');
  let count = args[2] === undefined ? -1 : intArg(interp, args[2], 'replace');
  if (count < 0) count = Number.MAX_SAFE_INTEGER;
  if (old === '') throw new Refusal('str.replace with an empty old string');
  if (count === 0 || args[0] === args[1] || !text.includes(old)) return interp.heap.incref(self);
  const parts = text.split(old);
  const head = parts.slice(0, count + 1);
  const result = head.join(repl) + (parts.length > count + 1 ? old + parts.slice(count + 1).join(old) : '');
  return interp.newStr(result);
}

/**
 * `split` (`Objects/unicodeobject.c` `split` + `Objects/stringlib/split.h`): the list starts
 * with `PREALLOC_SIZE(maxcount)` slots (fact `strSplitPreallocFromLength`), items past 12 are
 * appended (`_PyList_AppendTakeRef`, `list_resize`); an unsplit exact str is list[0] itself.
 */
function split(interp: Interpreter, self: Ref, text: string, args: readonly Ref[]): Ref {
  const h = interp.heap;
  if (args.length > 2) throw new Refusal(`str.split with ${args.length} arguments`);
  const sepRef = args[0] !== undefined && h.get(args[0]).payload.kind !== 'NoneType' ? args[0] : null;
  const sep = sepRef === null ? null : strArg(interp, sepRef, 'split');
  let maxcount = args[1] === undefined ? -1 : intArg(interp, args[1], 'split');
  if (sep === '') throw new PyException('ValueError', 'empty separator');
  const cps = [...text];
  const len1 = cps.length;
  if (maxcount < 0) {
    if (!interp.cfg.strSplitPreallocFromLength) maxcount = Number.MAX_SAFE_INTEGER;
    else if (sep === null) maxcount = Math.trunc((len1 - 1) / 2) + 1;
    else maxcount = Math.trunc(len1 / [...sep].length) + 1;
  }
  if (sep !== null && len1 < [...sep].length) {
    // `split`: `len1 < len2` returns `[self]` in a list of exactly one slot.
    const list = h.list([], 1);
    interp.listExtend(list, [self], 'exact');
    return list;
  }
  const pieces: (string | null)[] = []; // null: the receiver itself
  if (sep === null) {
    let i = 0;
    let left = maxcount;
    while (left-- > 0) {
      while (i < len1 && isSpace(cps[i]!)) i++;
      if (i === len1) break;
      const j = i;
      i++;
      while (i < len1 && !isSpace(cps[i]!)) i++;
      if (j === 0 && i === len1) {
        pieces.push(null);
        break;
      }
      pieces.push(cps.slice(j, i).join(''));
    }
    if (i < len1) {
      while (i < len1 && isSpace(cps[i]!)) i++;
      if (i !== len1) pieces.push(cps.slice(i).join(''));
    }
  } else {
    const parts = text.split(sep);
    if (parts.length === 1) pieces.push(null);
    else if (parts.length - 1 <= maxcount) pieces.push(...parts);
    else pieces.push(...parts.slice(0, maxcount), parts.slice(maxcount).join(sep));
  }
  const prealloc = maxcount >= 12 ? 12 : maxcount + 1;
  const list = h.list([], prealloc);
  const refs = pieces.map((t) => (t === null ? h.incref(self) : substring(interp, t)));
  const p = h.payload(list, 'list');
  for (const [k, r] of refs.entries()) {
    if (k < prealloc) p.items.push(r);
    else {
      interp.listExtend(list, [r]);
      h.decref(r);
    }
  }
  return list;
}

/**
 * `str.partition` / `str.rpartition` (`Objects/stringlib/partition.h`): the 3-tuple is made first;
 * not found, it holds the receiver itself and '' twice; found, the head, the separator object
 * itself and the tail (new strs, '' and latin-1 characters cached: `_PyUnicode_FromASCII`).
 */
function partition(interp: Interpreter, self: Ref, text: string, name: 'partition' | 'rpartition', args: readonly Ref[]): Ref {
  const h = interp.heap;
  if (args.length !== 1) throw new Refusal(`str.${name} with ${args.length} arguments`);
  const sepRef = args[0] as Ref;
  const sep = strArg(interp, sepRef, name);
  if (sep === '') throw new PyException('ValueError', 'empty separator');
  const out = h.tuple([h.str(''), h.str(''), h.str('')]);
  const items = h.payload(out, 'tuple').items;
  const put = (i: number, r: Ref): void => {
    const old = items[i] as Ref;
    items[i] = r;
    h.decref(old);
  };
  const cps = [...text];
  const sepCps = [...sep];
  const at = name === 'partition' ? text.indexOf(sep) : text.lastIndexOf(sep);
  if (at < 0) {
    put(name === 'partition' ? 0 : 2, h.incref(self));
    return out;
  }
  const head = [...text.slice(0, at)].length;
  put(0, substring(interp, cps.slice(0, head).join('')));
  put(1, h.incref(sepRef));
  put(2, substring(interp, cps.slice(head + sepCps.length).join('')));
  return out;
}

function affix(interp: Interpreter, text: string, name: string, args: readonly Ref[]): Ref {
  const h = interp.heap;
  if (args.length !== 1) throw new Refusal(`str.${name} with ${args.length} arguments`);
  const ap = h.get(args[0]!).payload;
  const options = ap.kind === 'tuple' ? ap.items.map((r) => strArg(interp, r, name)) : [strArg(interp, args[0]!, name)];
  const hit = options.some((o) => (name === 'startswith' ? text.startsWith(o) : text.endsWith(o)));
  return h.bool(hit);
}

function search(interp: Interpreter, text: string, name: string, args: readonly Ref[]): Ref {
  if (args.length !== 1) throw new Refusal(`str.${name} with ${args.length} arguments`);
  const sub = strArg(interp, args[0]!, name);
  if ([...text, ...sub].some((c) => c.length > 1)) throw new Refusal(`str.${name} of text outside the BMP`);
  if (name === 'find') return interp.heap.int(BigInt(text.indexOf(sub)));
  if (name === 'rfind') return interp.heap.int(BigInt(text.lastIndexOf(sub)));
  if (name === 'index' || name === 'rindex') {
    const at = name === 'index' ? text.indexOf(sub) : text.lastIndexOf(sub);
    if (at < 0) throw new PyException('ValueError', 'substring not found');
    return interp.heap.int(BigInt(at));
  }
  if (sub === '') return interp.heap.int(BigInt(text.length + 1));
  return interp.heap.int(BigInt(text.split(sub).length - 1));
}

/** One piece `format` writes: literal text, or a field's rendered object. */
type Piece = { readonly text: string; readonly whole: Ref | null };

/** `str.format` with `{}`, `{N}`, `{!r}`, `{!s}` fields and no format spec; others refused. */
function format(interp: Interpreter, self: Ref, text: string, args: readonly Ref[]): Ref {
  const h = interp.heap;
  const pieces: Piece[] = [];
  const owned: Ref[] = [];
  let auto = 0;
  let pos = 0;
  try {
    for (const m of text.matchAll(/\{([^{}]*)\}|[{}]/g)) {
      if (m[1] === undefined) throw new Refusal('str.format with escaped or unmatched braces');
      const literal = text.slice(pos, m.index);
      if (literal !== '') pieces.push({ text: literal, whole: pos === 0 && m.index === text.length ? self : null });
      pos = m.index + m[0].length;
      const field = /^(\d*)(?:!([rs]))?$/.exec(m[1]);
      if (field === null) throw new Refusal(`str.format with the field {${m[1]}}`);
      const index = field[1] === '' ? auto++ : Number(field[1]);
      const arg = args[index];
      if (arg === undefined) throw new Refusal('str.format with a missing argument');
      const ap = h.get(arg).payload;
      if (ap.kind === 'str' && field[2] !== 'r') {
        // `PyObject_Str` / `PyObject_Format(s, '')` of an exact str is `s` itself.
        pieces.push({ text: ap.value, whole: arg });
      } else if (field[2] !== undefined) {
        // `PyObject_Repr` / `PyObject_Str`: a new str (measured: '{!r}'.format(5) is not the cached '5').
        const rendered = userTextObject(interp, arg, field[2] === 'r' ? 'repr' : 'str') ?? interp.newStr(field[2] === 'r' ? interp.reprOf(arg) : interp.strOf(arg));
        owned.push(rendered);
        pieces.push({ text: (h.get(rendered).payload as { value: string }).value, whole: rendered });
      } else if (ap.kind === 'int' || ap.kind === 'float') {
        // `render_field`: exact ints and floats are formatted into the writer (`_PyLong_FormatAdvancedWriter`).
        pieces.push({ text: interp.strOf(arg), whole: null });
      } else if (ap.kind === 'instance' && (field[2] === undefined)) {
        // `object.__format__` with an empty spec is `PyObject_Str`: the object `__str__`/`__repr__` returned.
        const rendered = userTextObject(interp, arg, 'str');
        if (rendered === null) throw new Refusal(`str.format of a ${typeName(h, arg)} field`);
        owned.push(rendered);
        pieces.push({ text: (h.get(rendered).payload as { value: string }).value, whole: rendered });
      } else {
        throw new Refusal(`str.format of a ${typeName(h, arg)} field`);
      }
    }
    const tail = text.slice(pos);
    if (tail !== '') pieces.push({ text: tail, whole: pos === 0 ? self : null });
    const written = pieces.filter((p) => p.text !== '');
    const last = pieces[pieces.length - 1];
    // `_PyUnicodeWriter_WriteStr` keeps the str itself when the writer is empty and not overallocating.
    if (written.length === 1 && last !== undefined && last === written[0] && last.whole !== null) return h.incref(last.whole);
    const result = written.map((p) => p.text).join('');
    // `_PyUnicodeWriter_Finish` -> `unicode_result`: '' and latin-1 characters from the caches.
    return [...result].length <= 1 ? h.str(result) : interp.newStr(result);
  } finally {
    for (const r of owned) h.decref(r);
  }
}

/** A `str` method with borrowed `args` (a new reference), or null when not modelled here. */
export function callStrMethod(interp: Interpreter, self: Ref, name: string, args: readonly Ref[]): Ref | null {
  const text = interp.heap.payload(self, 'str').value;
  switch (name) {
    case 'strip':
    case 'lstrip':
    case 'rstrip':
      return strip(interp, self, text, name, args);
    case 'upper':
    case 'lower':
      if (args.length !== 0) throw new Refusal(`str.${name} with arguments`);
      return changeCase(interp, text, name);
    case 'replace':
      return replace(interp, self, text, args);
    case 'split':
      return split(interp, self, text, args);
    case 'partition':
    case 'rpartition':
      return partition(interp, self, text, name, args);
    case 'startswith':
    case 'endswith':
      return affix(interp, text, name, args);
    case 'find':
    case 'rfind':
    case 'index':
    case 'rindex':
    case 'count':
      return search(interp, text, name, args);
    case 'capitalize':
    case 'swapcase':
    case 'title':
      if (args.length !== 0) throw new Refusal(`str.${name} with arguments`);
      return recase(interp, text, name);
    case 'isdigit':
    case 'isdecimal':
    case 'isnumeric':
    case 'isalpha':
    case 'isalnum':
    case 'isspace':
    case 'isupper':
    case 'islower':
      if (args.length !== 0) throw new Refusal(`str.${name} with arguments`);
      return predicate(interp, text, name);
    case 'format':
      return format(interp, self, text, args);
    default:
      return null;
  }
}
