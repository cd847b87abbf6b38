/**
 * The builtin functions, methods and constructors the model implements (`Python/bltinmodule.c`,
 * `Python/sysmodule.c`, `Modules/gcmodule.c`, `Lib/copy.py`, `Lib/weakref.py`, and the
 * types' `tp_new`), each holding references as its C implementation does. Arguments are
 * borrowed; results are new references.
 */
import { collect } from '../../core/gc';
import { CoreUnknown, type Heap } from '../../core/heap';
import { intNumber, intPayload, type Ref } from '../../core/objects';
import { getsizeof, isAscii, requestSize, slotsInstanceSize, strLength } from '../../core/sizes';
import { isCachedBytes } from '../../core/caches';
import { instanceDictGetsizeof } from './instance-dict';
import { callDictMethod } from './dict-methods';
import { callAttributeBuiltin } from './attribute-builtins';
import { callGeneratorMethod } from './generator-functions';
import { callListMethod, findEqual } from './list-methods';
import { callListOrderMethod } from './list-order-methods';
import { callStrPadMethod } from './str-pad-methods';
import { callStrMethod } from './str-methods';
import { callNumberBuiltin } from './number-builtins';
import { callTruthBuiltin } from './truth-builtins';
import { callHashBuiltin } from './hash-builtin';
import { callOrderBuiltin } from './order-builtins';
import { newWeakref, newWeakSet, PyTypeError, weakSetAdd, weakSetMembers } from '../../core/weakrefs';
import { ModelInputError } from '../../errors';
import { parseModule } from '../parse';
import { getAttr, hasDict } from './attributes';
import { compileUnit, freeArena, type CodeObject } from './compile';
import { DictNamespace } from './dict-namespace';
import { NO_FAST_LOCALS } from './frame';
import type { Interpreter } from './interpreter';
import { PyException } from './py-exception';
import { exceptionGetsizeof, isExceptionInstance, refuseExceptionDictSize } from './exception-objects';
import { deepNesting, MAX_NESTING, Refusal } from './refusal';
import { checkSsizeArgument } from './ssize';
import { constructDict } from './dict-constructor';
import { pyRepr } from './repr';
import { bytesRepr } from '../syntax/repr';
import { parseIntText } from './int-parse';
import { isStrSubclassInstance, refuseStrSubclass, strSubclassInstanceFreed } from './str-subclass';
import { rangeLength, typeName } from './values';
import { builtinIter, builtinNext, consumeIterator, isLazyIteratorType, listOfDict, makeLazyIterator } from './iterators';
import { dictViewLen } from './dict-views';
import { callObjectBuiltin, makePlainObject } from './plain-object';

/** The offset of the model's id() values over its block numbers (one BigInt made once, not at every call). */
const ID_BASE = 2 ** 40;

/**
 * `list.index(x)` found nothing. Apart from `callBuiltinMethod`: a closure there capturing its
 * parameters made V8 allocate their context at every call (every `lst.append(x)`).
 */
function listIndexMissing(vm: Interpreter, value: Ref): PyException {
  return new PyException('ValueError', vm.msgs.listIndexMissing(() => vm.reprOf(value)));
}

export function callBuiltinMethod(vm: Interpreter, obj: Ref, name: string, args: Ref[]): Ref {
  const h = vm.heap;
  const p = h.get(obj).payload;
  if (p.kind === 'str' && name === 'join' && args.length === 1) return strJoin(vm, obj, args[0] as Ref);
  if (p.kind === 'list' && name === 'index' && args.length === 1) {
    const i = findEqual(vm, p.items, args[0] as Ref);
    if (i < 0) throw listIndexMissing(vm, args[0] as Ref);
    return h.int(BigInt(i));
  }
  if (p.kind === 'list' && name === 'append' && args.length === 1) {
    vm.listAppend(obj, args[0] as Ref);
    return h.none();
  }
  if (p.kind === 'WeakSet' && name === 'add' && args.length === 1) {
    try {
      weakSetAdd(h, obj, args[0] as Ref);
    } catch (err) {
      if (err instanceof PyTypeError) throw new PyException('TypeError', err.message);
      throw err;
    }
    return h.none();
  }
  const generatorResult = callGeneratorMethod(vm, obj, name, args);
  if (generatorResult !== null) return generatorResult;
  const handled = p.kind === 'list' ? callListMethod(vm, obj, name, args) ?? callListOrderMethod(vm, obj, name, args) : p.kind === 'dict' ? callDictMethod(vm, obj, name, args) : p.kind === 'str' ? callStrMethod(vm, obj, name, args) ?? callStrPadMethod(vm, obj, name, args) : null;
  if (handled !== null) return handled;
  throw new Refusal(`the method ${typeName(h, obj)}.${name}`);
}

/**
 * `str.join` (`_PyUnicode_JoinArray`): a list or tuple of one exact str gives that str
 * itself (measured `'-'.join([a]) is a` True); otherwise a new str.
 */
export function strJoin(vm: Interpreter, sep: Ref, iterable: Ref): Ref {
  const h = vm.heap;
  const ip = h.get(iterable).payload;
  if (ip.kind !== 'list' && ip.kind !== 'tuple') throw new Refusal('str.join of something other than a list or tuple');
  const items = ip.items;
  const n = items.length;
  // (an indexed loop into an array sized once: no [index, item] pair per item)
  const texts = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const item = items[i] as Ref;
    const p = h.get(item).payload;
    if (p.kind !== 'str') {
      refuseStrSubclass(h, item, 'str.join');
      throw new PyException('TypeError', `sequence item ${i}: expected str instance, ${typeName(h, item)} found`);
    }
    texts[i] = p.value;
  }
  if (n === 1) return h.incref(items[0] as Ref);
  return vm.newStr(texts.join((h.get(sep).payload as { value: string }).value));
}

// ---- builtins ------------------------------------------------------------------------------------------

export function arity(vm: Interpreter, name: string, args: Ref[], n: number): void {
  if (args.length !== n) throw new Refusal(`${name}() with ${args.length} arguments`);
}

/** `id(x)` (`builtin_id` -> `PyLong_FromVoidPtr`). */
export function builtinId(vm: Interpreter, x: Ref): Ref {
  const h = vm.heap;
  if (strSubclassInstanceFreed(h)) throw new Refusal('id() after an instance of a str subclass was freed', 'its character buffer went back to the allocator unseen');
  const a = h.get(x).address;
  // `PyLong_FromVoidPtr`: a heap address needs 2 digits on 64-bit (47 bits); on 32-bit
  // the digit count depends on the address, so the block size is unknown.
  if (vm.cfg.core.pointerSize === 4) h.allocator.untracked('unknown');
  const r = h.intOfSafe(ID_BASE + a.value);
  vm.noteAddressInt(r, x, a);
  h.watch(x);
  return r;
}

export function callBuiltin(vm: Interpreter, name: string, args: Ref[], kw: { name: string; value: Ref }[]): Ref {
  const h = vm.heap;
  switch (name) {
    case 'print':
      return print(vm, args, kw);
    // The module functions most programs call, before the long run of other names (a string
    // switch tests its cases in order, and these names are not internalized strings).
    case 'sys.intern': {
      arity(vm, name, args, 1);
      const a = args[0] as Ref;
      const p = h.get(a).payload;
      // `Python/sysmodule.c` `sys_intern_impl`: a str subclass passes the argument clinic's
      // `PyUnicode_Check` but not `PyUnicode_CheckExact` (measured on 3.8.18-3.14.2).
      if (isStrSubclassInstance(h, a)) throw new PyException('TypeError', `can't intern ${typeName(h, a)}`);
      // `Python/getargs.c` `_PyArg_BadArgument` names None 'None', not 'NoneType' (measured).
      if (p.kind !== 'str') throw new PyException('TypeError', `intern() argument must be str, not ${p.kind === 'NoneType' ? 'None' : typeName(h, a)}`);
      try {
        return h.intern(a);
      } catch (err) {
        if (err instanceof CoreUnknown) throw new Refusal('sys.intern', err.message);
        throw err;
      }
    }
    case 'sys.getrefcount': {
      arity(vm, name, args, 1);
      const a = args[0] as Ref;
      checkGcTiming(vm);
      const n = h.observedRefcount(a);
      if (n === null) throw new Refusal('sys.getrefcount of this object', 'CPython holds references to it that the model does not know (a shared or pre-existing object)');
      // 3.14: references the model counts that CPython holds borrowed (`LOAD_FAST_BORROW`, borrow-ledger.ts).
      const borrowed = vm.borrows === null || h.get(a).immortal ? 0 : vm.borrows.borrowedCount(a);
      if (borrowed === null) throw new Refusal('sys.getrefcount here', 'whether CPython 3.14 borrows a reference to it (LOAD_FAST_BORROW) is not modelled in this construct');
      return h.intOfSafe(n - borrowed);
    }
    case 'weakref.ref': {
      if (args.length < 1 || args.length > 2) throw new Refusal(`weakref.ref() with ${args.length} arguments`);
      const cb = args[1] ?? null;
      const cbIsNone = cb !== null && h.get(cb).payload.kind === 'NoneType';
      try {
        if (cb !== null && !cbIsNone) vm.weakrefCallbacksMade = true;
        return newWeakref(h, args[0] as Ref, cbIsNone ? null : cb);
      } catch (err) {
        if (err instanceof PyTypeError) throw new PyException('TypeError', err.message);
        throw err;
      }
    }
    case 'gc.collect': {
      arity(vm, name, args, 0);
      collect(h);
      // A full collection resets the generation counts (`gc_collect_main`).
      h.gcAllocationsSinceStart = 0;
      // The count includes garbage from interpreter start-up (measured 4, 11, 4, 2, 2, 45
      // for the same program on 3.8-3.13): the model never knows it.
      // Most likely a cached small int: no allocation; a stand-in object with no block.
      const v = h.preexisting(`gc.collect#${vm.unknownInts.size}`, () => intPayload(0n), false);
      vm.noteUnknownInt(v, 'gc.collect() counts garbage from interpreter start-up');
      return v;
    }
    case 'iter':
      return builtinIter(vm, args);
    case 'next':
      return builtinNext(vm, args);
    case 'id':
      arity(vm, name, args, 1);
      return builtinId(vm, args[0] as Ref);
    case 'len': {
      arity(vm, name, args, 1);
      refuseStrSubclass(h, args[0] as Ref, 'len()');
      const p = h.get(args[0] as Ref).payload;
      // `range_length`: the length must fit a Py_ssize_t (`PyLong_AsSsize_t`).
      if (p.kind === 'range') {
        const length = rangeLength(p);
        checkSsizeArgument(h, length);
        return h.int(length);
      }
      const n =
        p.kind === 'str'
          ? strLength(p.value)
          : p.kind === 'bytes'
            ? p.value.length
            : p.kind === 'list' || p.kind === 'tuple' || p.kind === 'set' || p.kind === 'frozenset'
              ? p.items.length
              : p.kind === 'dict'
                ? p.entries.length
                : p.kind === 'WeakSet'
                  ? weakSetMembers(h, args[0] as Ref).length
                  : p.kind === 'iterator'
                    ? dictViewLen(vm, args[0] as Ref)
                    : null;
      if (n === null) throw new PyException('TypeError', `object of type '${typeName(h, args[0] as Ref)}' has no len()`);
      return h.intOfSafe(n);
    }
    case 'repr':
      arity(vm, name, args, 1);
      return vm.reprObject(args[0] as Ref);
    case 'chr': {
      arity(vm, name, args, 1);
      const p = h.get(args[0] as Ref).payload;
      if (p.kind !== 'int') throw new Refusal('chr() of a non-int');
      // As a double (no bigint per small int): exact up to 2**53, far beyond a C int.
      const v = intNumber(p);
      if (vm.cfg.chrTakesCInt && (v < -(2 ** 31) || v >= 2 ** 31)) throw new PyException('OverflowError', 'Python int too large to convert to C int');
      if (v < 0 || v >= 0x110000) throw new PyException('ValueError', 'chr() arg not in range(0x110000)');
      if (v >= 0xd800 && v < 0xe000) throw new Refusal('chr() of a surrogate');
      // `PyUnicode_FromOrdinal` -> `unicode_char`: latin-1 characters are the cached ones.
      return h.str(String.fromCodePoint(v));
    }
    case 'ord': {
      arity(vm, name, args, 1);
      const p = h.get(args[0] as Ref).payload;
      // One code point: one UTF-16 unit, or two that make a surrogate pair (no array of the characters).
      const cp = p.kind === 'str' ? p.value.codePointAt(0) ?? 0 : 0;
      if (p.kind !== 'str' || !(p.value.length === 1 || (p.value.length === 2 && cp > 0xffff))) throw new Refusal('ord() of something other than a 1-character str');
      return h.intOfSafe(cp);
    }
    case 'isinstance': {
      arity(vm, name, args, 2);
      return h.bool(isInstance(vm, args[0] as Ref, args[1] as Ref));
    }
    case 'format': {
      // `builtin_format_impl` -> `PyObject_Format(value, spec)`, as an f-string field does.
      if (args.length < 1 || args.length > 2) throw new Refusal(`format() with ${args.length} arguments`);
      const specRef = args[1];
      const sp = specRef === undefined ? null : h.get(specRef).payload;
      if (specRef !== undefined && sp?.kind !== 'str') throw new PyException('TypeError', `format() argument 2 must be str, not ${typeName(h, specRef)}`);
      return vm.formatObject(args[0] as Ref, sp?.kind === 'str' ? sp.value : '');
    }
    case 'hex':
    case 'oct':
    case 'bin': {
      // `PyNumber_ToBase` -> `_PyLong_Format` / `long_format_binary`: a new str with its prefix.
      arity(vm, name, args, 1);
      const p = h.get(args[0] as Ref).payload;
      if (p.kind !== 'int' && p.kind !== 'bool') throw new PyException('TypeError', `'${typeName(h, args[0] as Ref)}' object cannot be interpreted as an integer`);
      vm.guardArith(args[0] as Ref, args[0] as Ref);
      const v = p.kind === 'int' ? p.value : p.value ? 1n : 0n;
      const [prefix, radix] = name === 'hex' ? ['0x', 16] : name === 'oct' ? ['0o', 8] : ['0b', 2];
      return vm.newStr(v < 0n ? `-${prefix}${(-v).toString(radix)}` : `${prefix}${v.toString(radix)}`);
    }
    case 'compile':
      return builtinCompile(vm, args);
    case 'exec':
      return builtinExec(vm, args);
    case 'sys.getsizeof': {
      arity(vm, name, args, 1);
      const a = args[0] as Ref;
      const p = h.get(a).payload;
      let size: number | null;
      if (p.kind === 'dict') refuseExceptionDictSize(vm, a);
      if (p.kind === 'instance' && isExceptionInstance(vm, a)) size = exceptionGetsizeof(vm, a);
      else if (p.kind === 'instance') size = h.payload(p.cls, 'type').base === null ? instanceGetsizeof(vm, p.cls) : null;
      else if (p.kind === 'str' && h.get(a).address.sizeClass !== 'static') size = requestSize(p, vm.cfg.core);
      else if (p.kind === 'builtin') size = vm.cfg.builtinFunctionBytes;
      else size = p.kind === 'dict' ? instanceDictGetsizeof(vm, a) ?? getsizeof(p, vm.cfg.core) : getsizeof(p, vm.cfg.core);
      if (size === null) throw new Refusal(`sys.getsizeof of a ${typeName(h, a)}`, 'size not modelled');
      return h.intOfSafe(size);
    }
    case 'gc.disable':
    case 'gc.enable':
      arity(vm, name, args, 0);
      vm.gcEnabled = name === 'gc.enable';
      return h.none();
    case 'gc.isenabled':
      arity(vm, name, args, 0);
      return h.bool(vm.gcEnabled);
    case 'hasattr': {
      arity(vm, name, args, 2);
      const [obj, attr] = args as [Ref, Ref];
      const ap = h.get(attr).payload;
      if (ap.kind !== 'str') throw new PyException('TypeError', 'hasattr(): attribute name must be string');
      const op = h.get(obj).payload;
      if (ap.value === '__dict__' && op.kind === 'instance') return h.bool(hasDict(vm, op.cls));
      vm.suppressSuggestions = true;
      try {
        h.decref(getAttr(vm, obj, ap.value));
        return h.bool(true);
      } catch (err) {
        if (err instanceof PyException && err.pyType === 'AttributeError') return h.bool(false);
        throw err;
      } finally {
        vm.suppressSuggestions = false;
      }
    }
    case 'weakref.WeakSet': {
      if (args.length > 0) throw new Refusal('WeakSet(iterable)');
      return newWeakSet(h);
    }
    case 'copy.copy':
    case 'copy.deepcopy':
      arity(vm, name, args, 1);
      return copy(vm, args[0] as Ref, name === 'copy.deepcopy');
    default:
      return callAttributeBuiltin(vm, name, args) ?? callNumberBuiltin(vm, name, args) ?? callTruthBuiltin(vm, name, args) ?? callHashBuiltin(vm, name, args) ?? callOrderBuiltin(vm, name, args, kw) ?? callObjectBuiltin(vm, name, args) ?? refuseBuiltin(name);
  }
}

function refuseBuiltin(name: string): never {
  throw new Refusal(`${name}()`);
}

/**
 * `compile(source, filename, 'exec')`: a separate compilation unit (its own constant
 * cache: nothing is shared with the running module but interned strings and cached
 * objects); its arena is freed when `compile` returns, so only `co_consts` keeps the
 * constants. The parser and compiler's own allocations are not followed.
 */
export function builtinCompile(vm: Interpreter, args: Ref[]): Ref {
  const h = vm.heap;
  const [src, filename, mode] = args.map((a) => h.get(a).payload);
  if (args.length !== 3 || src?.kind !== 'str' || filename?.kind !== 'str' || mode?.kind !== 'str') {
    throw new Refusal('compile() with other than (str, str, str) arguments');
  }
  if (mode.value !== 'exec') throw new Refusal(`compile() in '${mode.value}' mode`);
  return compileSource(vm, src.value, filename.value);
}

export function compileSource(vm: Interpreter, source: string, filename: string): Ref {
  const h = vm.heap;
  let module;
  try {
    module = parseModule(source, filename);
  } catch (err) {
    if (err instanceof ModelInputError) throw new Refusal('compile() of this source', err.message);
    throw err;
  }
  h.loseFreeListOrder();
  const unit = compileUnit(h, vm.cfg, module);
  freeArena(h, unit);
  return unit.module.ref;
}

/** `exec(code)` / `exec(source)` at module level: runs in the module's globals. */
export function builtinExec(vm: Interpreter, args: Ref[]): Ref {
  const h = vm.heap;
  if (args.length < 1 || args.length > 2) throw new Refusal('exec() with locals');
  const frame = vm.frame;
  let globals = frame?.globals ?? null;
  if (args.length === 2) {
    const g = args[1] as Ref;
    if (h.get(g).payload.kind !== 'dict') throw new PyException('TypeError', `exec() globals must be a dict, not ${typeName(h, g)}`);
    const ns = new DictNamespace(h, g, (n) => vm.nameStr(n));
    // `builtin_exec_impl`: a globals dict without `__builtins__` gets the builtins module.
    if (!ns.has('__builtins__')) ns.set('__builtins__', vm.builtinsModule());
    globals = ns;
  } else if (frame === null || frame.kind !== 'module') {
    throw new Refusal('exec() inside a function or class');
  }
  if (globals === null) throw new Error('model bug: exec without a frame');
  const a = args[0] as Ref;
  const p = h.get(a).payload;
  const codeRef = p.kind === 'str' ? compileSource(vm, p.value, '<string>') : p.kind === 'code' ? h.incref(a) : null;
  if (codeRef === null) throw new PyException('TypeError', `exec() arg 1 must be a string, bytes or code object`);
  const code = h.payload(codeRef, 'code').code as CodeObject;
  const saved = vm.pos;
  try {
    const c = vm.execBody(code.body, { code, kind: 'module', fast: NO_FAST_LOCALS, ns: globals, globals });
    if (c.kind !== 'normal') throw new Refusal(`'${c.kind}' at the top level of exec'd code`);
  } finally {
    vm.pos = saved;
    vm.frame = frame;
    h.decref(codeRef);
  }
  return h.none();
}

export function instanceGetsizeof(vm: Interpreter, cls: Ref): number {
  const t = vm.heap.payload(cls, 'type');
  const base = t.slots === null ? vm.cfg.core.sizes.instance : slotsInstanceSize(t.slots, vm.cfg.core);
  return base + vm.cfg.core.gcHeaderSize;
}

/**
 * Whether an automatic collection may already have freed cyclic garbage: the model refuses
 * to go on once one may have run while garbage exists (the gen-0 count at start is unknown:
 * `gc.get_count()` measured 0..582 on 3.8-3.13 against a threshold of 700).
 */
export function checkGcTiming(vm: Interpreter): void {
  // The scan for garbage waits until garbage is collected or reached, or the program ends (core/gc-timing.ts).
  if (vm.gcEnabled && vm.heap.gcAllocationsSinceStart > 100) vm.heap.collectionTiming.riskyStatement();
}

export function isInstance(vm: Interpreter, obj: Ref, cls: Ref): boolean {
  const h = vm.heap;
  const cp = h.get(cls).payload;
  if (cp.kind === 'tuple') return cp.items.some((c) => isInstance(vm, obj, c));
  if (cp.kind !== 'type') throw new PyException('TypeError', vm.msgs.isinstanceArg2);
  if (vm.builtinTypes.get(cp.name) === cls) {
    const k = h.get(obj).payload.kind;
    const name = typeName(h, obj);
    if (cp.name === 'object') return true;
    if (cp.name === 'int') return k === 'int' || k === 'bool';
    if (cp.name === 'str' && isStrSubclassInstance(h, obj)) return true;
    return name === cp.name && k !== 'instance';
  }
  const op = h.get(obj).payload;
  if (op.kind !== 'instance') return false;
  let c: Ref | null = op.cls;
  while (c !== null) {
    if (c === cls) return true;
    c = h.payload(c, 'type').base;
  }
  return false;
}

/**
 * `print` (`builtin_print_impl`, Python/bltinmodule.c): for each argument, `sep` (the object
 * given, else `PyFile_WriteString(" ")`, a cached 1-char str), then `PyFile_WriteObject(arg)`:
 * `PyObject_Str(arg)` written to stdout, which keeps the str (stdout-buffer.ts); then `end`
 * likewise ("\n"); `flush=True` flushes stdout. str() of a str is the str itself, of a bool an
 * interned string; converting another object runs code whose allocations the model does not
 * follow (3.8 `long_to_decimal_string` uses a scratch int), so the free lists lose their order.
 */
export function print(vm: Interpreter, args: Ref[], kw: { name: string; value: Ref }[]): Ref {
  const h = vm.heap;
  let sep: Ref | null = null;
  let end: Ref | null = null;
  let flush = false;
  // (indexed loops: no iterator object per call)
  for (let j = 0; j < kw.length; j++) {
    const k = kw[j] as { name: string; value: Ref };
    const p = h.get(k.value).payload;
    if (k.name === 'flush') {
      // Truth of a builtin value only: a Python `__bool__` could print.
      if (p.kind === 'instance') throw new Refusal('print(flush=<instance>)');
      flush = vm.truth(k.value);
      continue;
    }
    if (p.kind !== 'str' && p.kind !== 'NoneType') throw new PyException('TypeError', `${k.name} must be None or a string, not ${typeName(h, k.value)}`);
    const given = p.kind === 'str' ? k.value : null;
    if (k.name === 'sep') sep = given;
    else if (k.name === 'end') end = given;
    else throw new Refusal(`print(${k.name}=...)`);
  }
  for (let i = 0; i < args.length; i++) {
    if (i > 0) {
      if (sep !== null) vm.writeStr(sep);
      else writeOwned(vm, h.str(' '));
    }
    writeOwned(vm, strForPrint(vm, args[i] as Ref));
  }
  if (end !== null) vm.writeStr(end);
  else writeOwned(vm, h.str('\n'));
  if (flush) vm.stdout.flush();
  return h.none();
}

/** `PyObject_Str(v)` as `PyFile_WriteObject` makes it (a new reference). */
function strForPrint(vm: Interpreter, v: Ref): Ref {
  const h = vm.heap;
  const p = h.get(v).payload;
  const kind = p.kind;
  if (kind === 'str') return h.incref(v);
  // `bool_repr`'s str, made once (`Heap.boolName`).
  if (kind === 'bool') return h.boolName(p.value);
  if (kind !== 'NoneType') h.allocator.untracked('unknown');
  return vm.strObject(v);
}

/** Writes `text` to stdout and releases it (a new reference the caller gives up). */
function writeOwned(vm: Interpreter, text: Ref): void {
  vm.writeStr(text);
  vm.heap.decref(text);
}

// ---- constructors of builtin types -------------------------------------------------------------------

export function construct(vm: Interpreter, name: string, args: Ref[]): Ref {
  const h = vm.heap;
  const a = args[0];
  if (isLazyIteratorType(name)) return makeLazyIterator(vm, name, args);
  if ((name === 'list' || name === 'tuple') && args.length === 1 && h.get(a as Ref).payload.kind === 'iterator') return consumeIterator(vm, name, a as Ref);
  if (args.length > 1 && name !== 'range' && name !== 'type' && !(name === 'int' && args.length === 2)) throw new Refusal(`${name}() with ${args.length} arguments`);
  switch (name) {
    case 'int': {
      if (a === undefined) return h.int(0n);
      if (args.length === 2) return intOfTextWithBase(h, a, args[1] as Ref);
      const p = h.get(a).payload;
      if (p.kind === 'int') return h.incref(a); // `long_new` of an exact int returns it (measured `int(n) is n`)
      if (p.kind === 'bool') return h.int(p.value ? 1n : 0n);
      if (p.kind === 'float') {
        if (!Number.isFinite(p.value)) throw new Refusal('int() of inf or nan');
        return h.int(BigInt(Math.trunc(p.value)));
      }
      if (p.kind === 'str' || p.kind === 'bytes') return intOfText(h, a, 10);
      throw new Refusal(`int() of a ${typeName(h, a)}`);
    }
    case 'float': {
      if (a === undefined) return h.float(0);
      const p = h.get(a).payload;
      if (p.kind === 'float') return h.incref(a);
      if (p.kind === 'int' || p.kind === 'bool') {
        const v = p.kind === 'int' ? Number(p.value) : p.value ? 1 : 0;
        if (!Number.isFinite(v)) throw new PyException('OverflowError', 'int too large to convert to float');
        return h.float(v);
      }
      if (p.kind === 'str') return h.float(parseFloatLiteral(p.value, reprLater(h, a)));
      throw new Refusal(`float() of a ${typeName(h, a)}`);
    }
    case 'str': {
      if (a === undefined) return h.str('');
      const ap = h.get(a).payload;
      if (ap.kind === 'str') return h.incref(a);
      // `bool_repr`'s str, made once (`Heap.boolName`).
      if (ap.kind === 'bool') return h.boolName(ap.value);
      return strCall(vm, a);
    }
    case 'bool':
      return h.bool(a === undefined ? false : vm.truth(a));
    case 'bytes': {
      if (a === undefined) return h.bytes([]);
      const p = h.get(a).payload;
      if (p.kind === 'bytes') return h.incref(a);
      if (p.kind === 'list' || p.kind === 'tuple') {
        const vals = byteValues(h, p.items);
        // `_PyBytes_FromList` copies into a buffer and goes through the 1-byte cache;
        // `_PyBytes_FromTuple` fills a new object (measured: `bytes([x]) is bytes([x])` True,
        // `bytes((x,)) is bytes((x,))` False on 3.8 and 3.12).
        if (p.kind === 'tuple' && vals.length === 1) return h.object({ kind: 'bytes', value: vals });
        // `vals` is new: a bytes object past the cache takes it (`Heap.bytes` would copy it).
        return isCachedBytes(vals) ? h.bytes(vals) : h.object({ kind: 'bytes', value: vals });
      }
      throw new Refusal(`bytes() of a ${typeName(h, a)}`);
    }
    case 'tuple': {
      if (a === undefined) return h.tuple([]);
      const p = h.get(a).payload;
      if (p.kind === 'tuple') return h.incref(a); // `tuple_new` of an exact tuple
      if (p.kind === 'list') {
        // `PySequence_Tuple` of an exact list is `PyList_AsTuple` (`Objects/abstract.c`): the
        // items copied into a new tuple, no iterator made.
        return h.tuple(h.increfAll(p.items));
      }
      return h.tuple(vm.iterate(a));
    }
    case 'list': {
      if (a === undefined) return h.list([], 0);
      const p = h.get(a).payload;
      if (p.kind === 'dict') return listOfDict(vm, a);
      const list = h.list([], 0);
      if (p.kind === 'list' || p.kind === 'tuple') {
        vm.listExtend(list, p.items, vm.cfg.listFromSized);
        return list;
      }
      const items = vm.iterate(a);
      // `list___init___impl`: an iterable with a length (`_PyObject_HasLen`: a range, str, bytes,
      // set) is preallocated by `list_preallocate_exact` (fact `listFromSized`) before `list_extend`.
      const sized = p.kind === 'range' || p.kind === 'str' || p.kind === 'bytes' || p.kind === 'set' || p.kind === 'frozenset';
      if (sized) vm.listExtend(list, items, vm.cfg.listFromSized);
      else vm.listExtend(list, items);
      for (const x of items) h.decref(x);
      if (p.kind !== 'range') h.allocator.untracked('unknown');
      return list;
    }
    case 'dict': {
      if (a === undefined) return h.dict([]);
      return constructDict(vm, a);
    }
    case 'set':
    case 'frozenset': {
      if (a === undefined) return h.set(name, []);
      if (name === 'frozenset' && h.get(a).payload.kind === 'frozenset') return h.incref(a);
      const items = vm.iterate(a);
      return vm.makeSet(name, items);
    }
    case 'range':
      return makeRange(vm, args);
    case 'type': {
      if (args.length !== 1 || a === undefined) throw new Refusal('type() with other than one argument');
      const p = h.get(a).payload;
      if (p.kind === 'instance') return h.incref(p.cls);
      const tn = typeName(h, a);
      const t = vm.builtinTypes.get(tn);
      if (t === undefined) throw new Refusal(`type() of a ${tn}`);
      return h.incref(t);
    }
    case 'NoneType':
    case 'ellipsis':
    case 'NotImplementedType':
      // `none_new`, `ellipsis_new`, `notimplemented_new`: the singletons themselves.
      if (args.length > 0) throw new Refusal(`${name}() with arguments`);
      return name === 'NoneType' ? h.none() : name === 'ellipsis' ? h.ellipsis() : h.notImplemented();
    case 'object':
      return makePlainObject(vm, args);
    default:
      throw new Refusal(`${name}()`);
  }
}

/** `str(x)`: before 3.13 `type_call` passes the argument in a new 1-tuple, alive until the call returns. */
function strCall(vm: Interpreter, a: Ref): Ref {
  if (!vm.cfg.strCallBuildsArgsTuple) return vm.strObject(a);
  const args = vm.heap.tuple([vm.heap.incref(a)]);
  try {
    return vm.strObject(a);
  } finally {
    vm.heap.decref(args);
  }
}

/**
 * `copy.copy` / `copy.deepcopy` (`Lib/copy.py`): immutable atoms are returned as is
 * (`_copy_immutable`, `_deepcopy_atomic`); a tuple is deep-copied only if an item changes;
 * lists and dicts are new. The module's own allocations are not followed. `memo` is deepcopy's
 * (`memo[id(x)] = y` for every copy that is not `x`, looked up first): an object met twice, or
 * inside itself, is copied once.
 */
export function copy(vm: Interpreter, obj: Ref, deep: boolean, memo: Map<Ref, Ref> | null = null, depth = 0): Ref {
  const h = vm.heap;
  // `deepcopy` recurses in Python (`_deepcopy_list` -> `deepcopy`): RecursionError near 500 levels
  // (measured 400 nested lists copied, 600 raise, 3.8.18-3.13.0), a limit the model does not follow.
  if (depth > MAX_NESTING) throw deepNesting();
  const made = memo?.get(obj);
  if (made !== undefined) return h.incref(made);
  h.loseFreeListOrder();
  const p = h.get(obj).payload;
  switch (p.kind) {
    case 'int':
    case 'float':
    case 'str':
    case 'bytes':
    case 'bool':
    case 'NoneType':
    case 'ellipsis':
    case 'NotImplementedType':
    case 'range':
    case 'frozenset':
    case 'type':
    case 'function':
    case 'builtin':
    case 'weakref':
      if (deep && p.kind === 'frozenset') throw new Refusal('deepcopy of a frozenset');
      if (deep && p.kind === 'range' && !vm.cfg.deepcopyRangeAtomic) throw new Refusal('deepcopy of a range before 3.10', '_reconstruct from __reduce_ex__ is not modelled');
      return h.incref(obj);
    case 'tuple': {
      if (!deep) return h.incref(obj);
      const m = memo ?? new Map<Ref, Ref>();
      const items = p.items.map((x) => copy(vm, x, true, m, depth + 1));
      // `_deepcopy_tuple`: a copy of this tuple made meanwhile (through a cycle) is the one returned.
      const cycled = m.get(obj);
      if (cycled !== undefined || items.every((x, i) => x === p.items[i])) {
        for (const x of items) h.decref(x);
        return h.incref(cycled ?? obj);
      }
      const t = h.tuple(items);
      m.set(obj, t);
      return t;
    }
    case 'list': {
      const list = h.list([], 0);
      // `copy.copy`: `list.copy` (`list_slice`: exactly as many slots as items).
      if (!deep) {
        vm.listExtend(list, p.items, 'exact');
        return list;
      }
      // `_deepcopy_list`: `y = []` goes in the memo first, then `y.append(deepcopy(a, memo))` item by item.
      const m = memo ?? new Map<Ref, Ref>();
      m.set(obj, list);
      for (const x of p.items) {
        const c = copy(vm, x, true, m, depth + 1);
        vm.listAppend(list, c);
        h.decref(c);
      }
      return list;
    }
    default:
      throw new Refusal(`copy of a ${typeName(h, obj)}`);
  }
}

/**
 * CPython converts Unicode decimal digits and spaces to ASCII before parsing
 * (`_PyUnicode_TransformDecimalAndSpaceToASCII`: `int('١٢')` is 12); JavaScript's `trim` and
 * `\d` know other sets. Non-ASCII text is refused rather than misread.
 */
function refuseNonAsciiNumber(text: string, fn: 'int' | 'float'): void {
  if (!isAscii(text)) throw new Refusal(`${fn}() of a str with non-ASCII characters`, 'Unicode digits and spaces are not modelled');
}

/**
 * `int(x, base)` (`Objects/longobject.c` `long_new_impl`): the base is an index in 2..36 or 0,
 * and x a str or bytes.
 */
function intOfTextWithBase(h: Heap, text: Ref, baseRef: Ref): Ref {
  const bp = h.get(baseRef).payload;
  if (bp.kind !== 'int' && bp.kind !== 'bool') throw new PyException('TypeError', `'${typeName(h, baseRef)}' object cannot be interpreted as an integer`);
  const base = bp.kind === 'int' ? bp.value : bp.value ? 1n : 0n;
  if ((base !== 0n && base < 2n) || base > 36n) throw new PyException('ValueError', 'int() base must be >= 2 and <= 36, or 0');
  const kind = h.get(text).payload.kind;
  if (kind !== 'str' && kind !== 'bytes') throw new PyException('TypeError', "int() can't convert non-string with explicit base");
  return intOfText(h, text, Number(base));
}

/** `PyLong_FromUnicodeObject` / `_PyLong_FromBytes`: the ValueError names the base asked for and the argument's repr cut at 200. */
function intOfText(h: Heap, text: Ref, base: number): Ref {
  const p = h.get(text).payload;
  const chars = p.kind === 'str' ? p.value : p.kind === 'bytes' ? String.fromCharCode(...p.value) : '';
  // A text with a non-ASCII character or a NUL never parses (`parseIntText`): refused only then,
  // without two scans of every number's text.
  const parsed = parseIntText(chars, base);
  if (parsed === null) {
    refuseNonAsciiNumber(chars, 'int');
    if (chars.includes('\0')) throw new Refusal('int() of text with a NUL character');
    // `%.200R`: the repr itself is cut at 200 characters (a bytes argument is cut first).
    const shown = p.kind === 'bytes' && p.value.length > 200 ? bytesRepr(p.value.slice(0, 200)) : pyRepr(h, text);
    throw new PyException('ValueError', `invalid literal for int() with base ${base}: ${[...shown].slice(0, 200).join('')}`);
  }
  if (parsed.digits > 4300) throw new Refusal('int() of more than 4300 digits', 'the limit of sys.set_int_max_str_digits');
  return parsed.big === null ? h.intOfSafe(parsed.safe) : h.int(parsed.big);
}

/** `float(str)` (`PyOS_string_to_double`): decimal syntax, `_` between digits, inf/nan; correctly rounded like JS `Number`. */
function parseFloatLiteral(text: string, repr: () => string): number {
  refuseNonAsciiNumber(text, 'float');
  const t = text.trim();
  const m = /^([+-]?)(inf|infinity|nan)$/i.exec(t);
  if (m) return m[2]?.toLowerCase() === 'nan' ? NaN : m[1] === '-' ? -Infinity : Infinity;
  const digits = /^[+-]?(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;
  if (!digits.test(t)) throw new PyException('ValueError', `could not convert string to float: ${repr()}`);
  return Number(t.replace(/_/g, ''));
}

// Closures of `construct`, apart: V8 would make their context at every call of `construct`.

function reprLater(h: Heap, a: Ref): () => string {
  return () => pyRepr(h, a);
}

function byteValues(h: Heap, items: readonly Ref[]): number[] {
  // A loop into an array sized once, the values as numbers (no bigint per small int).
  const n = items.length;
  const vals = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const xp = h.get(items[i] as Ref).payload;
    if (xp.kind !== 'int') throw new Refusal('bytes() of non-int items');
    const v = intNumber(xp);
    if (v < 0 || v > 255) throw new PyException('ValueError', 'bytes must be in range(0, 256)');
    vals[i] = v;
  }
  return vals;
}

/** A range argument as `PyNumber_Index` takes it. */
function rangeArgument(h: Heap, x: Ref): bigint {
  const p = h.get(x).payload;
  if (p.kind === 'int') return p.value;
  // `PyNumber_Index` keeps a bool itself on 3.8-3.9 (`range(True)` is 'range(0, True)'), an int copy later.
  if (p.kind === 'bool') throw new Refusal('range() of a bool', 'kept as the bool itself before 3.10');
  throw new PyException('TypeError', `'${typeName(h, x)}' object cannot be interpreted as an integer`);
}

/**
 * `range(...)` (`Objects/rangeobject.c` `range_from_array`, `make_range_object`): the range keeps
 * its argument ints themselves (`PyNumber_Index` of an exact int), 0 and 1 for the defaults, and
 * the length from `compute_range_length`, made before the range object. That computation's
 * temporary ints (every version for values beyond a C long; 3.8-3.11 always, without the 3.12
 * fast path) are allocations the model does not follow: the int size classes lose their order.
 */
function makeRange(vm: Interpreter, args: readonly Ref[]): Ref {
  const h = vm.heap;
  // Every argument converted first (its TypeError), then the count checked. No closure and no
  // destructuring of a fresh array (the iterator protocol) per call: `for i in range(n)` is common.
  const n = args.length;
  const ints = new Array<bigint>(n);
  for (let i = 0; i < n; i++) ints[i] = rangeArgument(h, args[i] as Ref);
  if (n === 0 || n > 3) throw new Refusal(`range() with ${n} arguments`);
  const start = n === 1 ? 0n : (ints[0] as bigint);
  const stop = (n === 1 ? ints[0] : ints[1]) as bigint;
  const step = n === 3 ? (ints[2] as bigint) : 1n;
  if (step === 0n) throw new PyException('ValueError', 'range() arg 3 must not be zero');
  const startRef = ints.length === 1 ? h.int(0n) : h.incref(args[0] as Ref);
  const stopRef = h.incref(args[ints.length === 1 ? 0 : 1] as Ref);
  const stepRef = ints.length === 3 ? h.incref(args[2] as Ref) : h.int(1n);
  const length = rangeLength({ start, stop, step });
  let largest = length;
  for (const v of ints) if ((v < 0n ? -v : v) > largest) largest = v < 0n ? -v : v;
  // Ints of one digit up to the largest operand's digits may have been made and freed.
  for (let smallest = 1n; smallest === 1n || smallest <= largest; smallest <<= 30n) {
    const bytes = requestSize(intPayload(smallest), vm.cfg.core);
    h.allocator.untracked(bytes ?? 'unknown');
  }
  return h.range(start, stop, step, [startRef, stopRef, stepRef, h.int(length)]);
}
