/**
 * The fact table: what differs (or must be known) between CPython versions and platforms.
 * One row = one value for a version range on some platforms, with its CPython source and the
 * real interpreters it was measured on (computed from REAL_INTERPRETERS and the row's range, and
 * checked by the probes in probes.ts). Rows with no interpreter in range say where the value
 * comes from in `note`.
 */
import type { FactName, FactRow, FactValue, SourceRef } from './schema';
import { type Platform, REAL_INTERPRETERS, parseVersion, versionInRange } from './versions';

const X86: readonly Platform[] = ['x86_64'];
const WASM: readonly Platform[] = ['wasm32'];
const BOTH: readonly Platform[] = ['x86_64', 'wasm32'];

/** Labels of the real interpreters inside a row's range: the ones the probes measure it on. */
function measuredOn(since: string, until: string | null, platforms: readonly Platform[]): string[] {
  const from = parseVersion(since);
  const to = until === null ? null : parseVersion(until);
  return REAL_INTERPRETERS.filter(
    (interpreter) => platforms.includes(interpreter.platform) && versionInRange(interpreter.version, from, to),
  ).map((interpreter) => interpreter.label);
}

function row<K extends FactName>(
  fact: K,
  [since, until]: readonly [string, string | null],
  platforms: readonly Platform[],
  value: FactValue<K>,
  source: SourceRef,
  note?: string,
): FactRow {
  const measured = measuredOn(since, until, platforms);
  return { fact, since, until, platforms, value, source, measured, ...(note === undefined ? {} : { note }) } as FactRow;
}

const src = (file: string, symbol: string): SourceRef => ({ file, symbol });

const X86_314_FROM_SOURCE =
  'no native 3.14 here: value read from the 3.14 source and checked against the wasm32 3.14.2 measurement';

export const FACT_ROWS: readonly FactRow[] = [
  // --- immortality (PEP 683) -----------------------------------------------------------
  row('immortalObjects', ['3.8.0', '3.12.0'], BOTH, false, src('Python/sysmodule.c', 'sys_getrefcount_impl'),
    'no immortal objects: every Py_INCREF/Py_DECREF changes the count'),
  row('immortalObjects', ['3.12.0', '3.14.0'], BOTH, true, src('Include/object.h', '_Py_IsImmortal')),
  row('immortalObjects', ['3.14.0', null], BOTH, true, src('Include/refcount.h', '_Py_IsImmortal')),

  row('immortalStaticRefcount', ['3.8.0', '3.12.0'], BOTH, null, src('Python/sysmodule.c', 'sys_getrefcount_impl'),
    'None, True, small ints... are ordinary objects whose count depends on interpreter state (3.11 starts static ones near 10**9, _PyObject_IMMORTAL_INIT): the model refuses to predict it'),
  row('immortalStaticRefcount', ['3.12.0', '3.14.0'], X86, 4294967295, src('Include/object.h', '_Py_IMMORTAL_REFCNT')),
  row('immortalStaticRefcount', ['3.12.0', '3.14.0'], WASM, 1073741823, src('Include/object.h', '_Py_IMMORTAL_REFCNT')),
  row('immortalStaticRefcount', ['3.14.0', null], X86, 3221225472, src('Include/refcount.h', '_Py_IMMORTAL_INITIAL_REFCNT'),
    `${X86_314_FROM_SOURCE}; Py_REFCNT returns the low 32-bit ob_refcnt, 3 << 30 for static and runtime immortals alike`),
  row('immortalStaticRefcount', ['3.14.0', null], WASM, 1879048192, src('Include/refcount.h', '_Py_STATIC_IMMORTAL_INITIAL_REFCNT')),

  row('immortalRuntimeRefcount', ['3.8.0', '3.12.0'], BOTH, null, src('Python/sysmodule.c', 'sys_getrefcount_impl'),
    'no object is made immortal at run time before 3.12'),
  row('immortalRuntimeRefcount', ['3.12.0', '3.14.0'], X86, 4294967295, src('Include/internal/pycore_object.h', '_Py_SetImmortal')),
  row('immortalRuntimeRefcount', ['3.12.0', '3.14.0'], WASM, 1073741823, src('Include/internal/pycore_object.h', '_Py_SetImmortal')),
  row('immortalRuntimeRefcount', ['3.14.0', null], X86, 3221225472, src('Include/refcount.h', '_Py_IMMORTAL_INITIAL_REFCNT'),
    X86_314_FROM_SOURCE),
  row('immortalRuntimeRefcount', ['3.14.0', null], WASM, 1342177280, src('Include/refcount.h', '_Py_IMMORTAL_INITIAL_REFCNT')),

  // --- interning ---------------------------------------------------------------------
  row('sysInternImmortal', ['3.8.0', '3.12.0'], BOTH, false, src('Objects/unicodeobject.c', 'PyUnicode_InternInPlace'),
    'the interned dict holds uncounted references (SSTATE_INTERNED_MORTAL): the string is evicted with its last reference'),
  row('sysInternImmortal', ['3.12.0', '3.12.7'], BOTH, true, src('Objects/unicodeobject.c', 'PyUnicode_InternInPlace'),
    'PEP 683: every interned string was made immortal (_Py_SetImmortal)'),
  row('sysInternImmortal', ['3.12.7', null], BOTH, false, src('Objects/unicodeobject.c', '_PyUnicode_InternMortal'),
    'gh-113993 (Misc/NEWS.d/3.12.7.rst): strings interned with sys.intern are again garbage-collected'),

  row('constantStringsImmortal', ['3.8.0', '3.12.0'], BOTH, false, src('Objects/codeobject.c', 'intern_string_constants')),
  row('constantStringsImmortal', ['3.12.0', '3.12.7'], BOTH, true, src('Objects/codeobject.c', 'intern_string_constants'),
    'constants are interned with PyUnicode_InternInPlace, which made them immortal until gh-113993'),
  row('constantStringsImmortal', ['3.12.7', null], BOTH, false, src('Objects/unicodeobject.c', '_PyUnicode_InternMortal')),

  row('codeNamesImmortal', ['3.8.0', '3.12.0'], BOTH, false, src('Objects/codeobject.c', 'intern_strings')),
  row('codeNamesImmortal', ['3.12.0', '3.12.7'], BOTH, true, src('Objects/codeobject.c', 'intern_strings')),
  row('codeNamesImmortal', ['3.12.7', null], BOTH, true, src('Objects/unicodeobject.c', '_PyUnicode_InternImmortal'),
    'names (co_names, co_varnames, attribute names) stay immortal after gh-113993; only constants became mortal'),

  row('oneCharLiteralNotSingleton', ['3.8.0', '3.11.0'], BOTH, '', src('Objects/unicodeobject.c', 'get_latin1_char')),
  row('oneCharLiteralNotSingleton', ['3.11.0', '3.12.0'], BOTH, 'BCLST_abcdefhijklmnopqrstvwxy', src('Objects/unicodeobject.c', 'PyUnicode_InternInPlace'),
    'the interned table already holds other 1-character string objects (statically allocated strings) for these, so a literal resolves to them and not to the latin-1 singleton; measured on 3.11.3 and 3.11.7 only'),
  row('oneCharLiteralNotSingleton', ['3.12.0', '3.12.7'], BOTH, '_abcdenprsx', src('Objects/unicodeobject.c', 'PyUnicode_InternInPlace'),
    'as in 3.11, with another set of statically allocated strings; measured on 3.12.1 only'),
  row('oneCharLiteralNotSingleton', ['3.12.7', null], BOTH, '', src('Objects/unicodeobject.c', 'intern_common'),
    'gh-113993 reworked interning; 1-character strings resolve to the latin-1 singleton'),

  row('internsIdentifierConstants', ['3.8.0', null], BOTH, true, src('Objects/codeobject.c', 'all_name_chars'),
    'only ASCII [A-Za-z0-9_] strings; non-ASCII or other characters are not interned'),

  // --- sys.getrefcount and the evaluation stack -----------------------------------------
  row('getrefcountBorrowsFastLocals', ['3.8.0', '3.14.0'], BOTH, false, src('Python/ceval.c', 'LOAD_FAST')),
  row('getrefcountBorrowsFastLocals', ['3.14.0', null], WASM, true, src('Python/flowgraph.c', 'optimize_load_fast'),
    'LOAD_FAST_BORROW: measured 1 for a local, a parameter, a loop or generator local; module names, globals, attributes, items and cell variables still count +1. The analysis is not universal (a conditional expression around the call defeated it): refuse unusual shapes'),
  row('getrefcountBorrowsFastLocals', ['3.14.0', null], X86, true, src('Python/flowgraph.c', 'optimize_load_fast'),
    `${X86_314_FROM_SOURCE}; the optimisation is in the compiler, independent of the platform`),

  row('callerHoldsArgumentReference', ['3.8.0', '3.11.0'], BOTH, true, src('Python/ceval.c', 'call_function'),
    'arguments stay on the caller\'s value stack while the callee runs: a parameter counts one more'),
  row('callerHoldsArgumentReference', ['3.11.0', null], BOTH, false, src('Python/ceval.c', '_PyEvalFramePushAndInit'),
    'arguments are moved into the new frame'),

  // --- caches and singletons -----------------------------------------------------------
  row('smallIntRange', ['3.8.0', '3.9.0'], BOTH, { min: -5, max: 256 }, src('Objects/longobject.c', 'NSMALLPOSINTS')),
  row('smallIntRange', ['3.9.0', '3.11.0'], BOTH, { min: -5, max: 256 }, src('Include/internal/pycore_interp.h', '_PY_NSMALLPOSINTS')),
  row('smallIntRange', ['3.11.0', '3.14.0'], BOTH, { min: -5, max: 256 }, src('Include/internal/pycore_global_objects.h', '_PY_NSMALLPOSINTS')),
  row('smallIntRange', ['3.14.0', null], BOTH, { min: -5, max: 256 }, src('Include/internal/pycore_runtime_structs.h', '_PY_NSMALLPOSINTS')),

  row('latin1CharCache', ['3.8.0', '3.12.0'], BOTH, true, src('Objects/unicodeobject.c', 'get_latin1_char')),
  row('latin1CharCache', ['3.12.0', null], BOTH, true, src('Objects/unicodeobject.c', 'LATIN1')),
  row('singleByteBytesCache', ['3.8.0', '3.11.0'], BOTH, true, src('Objects/bytesobject.c', 'characters')),
  row('singleByteBytesCache', ['3.11.0', null], BOTH, true, src('Objects/bytesobject.c', 'CHARACTERS')),
  row('emptyStrSingleton', ['3.8.0', '3.11.0'], BOTH, true, src('Objects/unicodeobject.c', 'unicode_empty')),
  row('emptyStrSingleton', ['3.11.0', null], BOTH, true, src('Objects/unicodeobject.c', 'unicode_get_empty')),
  row('emptyBytesSingleton', ['3.8.0', '3.11.0'], BOTH, true, src('Objects/bytesobject.c', 'nullstring')),
  row('emptyBytesSingleton', ['3.11.0', null], BOTH, true, src('Objects/bytesobject.c', 'bytes_get_empty')),
  row('emptyTupleSingleton', ['3.8.0', null], BOTH, true, src('Objects/tupleobject.c', 'PyTuple_New')),
  row('emptyFrozensetSingleton', ['3.8.0', '3.10.0'], BOTH, true, src('Objects/setobject.c', 'emptyfrozenset')),
  row('emptyFrozensetSingleton', ['3.10.0', null], BOTH, false, src('Objects/setobject.c', 'frozenset_new'),
    'the emptyfrozenset singleton was removed in 3.10: each frozenset() is a new object'),

  // --- compile time --------------------------------------------------------------------
  row('constantFoldLimits', ['3.8.0', '3.14.0'], BOTH, { strRepeatMaxLength: 4096, collectionRepeatMaxItems: 256, intMaxBits: 128 },
    src('Python/ast_opt.c', 'safe_multiply'),
    'MAX_STR_SIZE, MAX_COLLECTION_SIZE, MAX_INT_SIZE; concatenation (+) of strings is not limited'),
  row('constantFoldLimits', ['3.14.0', null], BOTH, { strRepeatMaxLength: 4096, collectionRepeatMaxItems: 256, intMaxBits: 128 },
    src('Python/flowgraph.c', 'const_folding_safe_multiply'),
    'folding of binary operations moved from the AST optimizer to the CFG optimizer; same limits'),
  row('mergesConstantsAcrossCodeObjects', ['3.8.0', null], BOTH, true, src('Python/compile.c', 'merge_consts_recursive')),

  // --- sys.getsizeof -------------------------------------------------------------------
  row('sizeofObject', ['3.8.0', null], X86, 16, src('Include/object.h', 'PyObject')),
  row('sizeofObject', ['3.11.0', null], WASM, 8, src('Include/object.h', '_object')),
  row('sizeofFloat', ['3.8.0', null], X86, 24, src('Objects/floatobject.c', 'PyFloat_Type')),
  row('sizeofFloat', ['3.11.0', null], WASM, 16, src('Objects/floatobject.c', 'PyFloat_Type')),

  row('sizeofInt', ['3.8.0', '3.11.0'], X86, { header: 24, digitBytes: 4, digitBits: 30, zeroDigits: 0 }, src('Objects/longobject.c', 'int___sizeof___impl')),
  row('sizeofInt', ['3.11.0', null], X86, { header: 24, digitBytes: 4, digitBits: 30, zeroDigits: 1 }, src('Objects/longobject.c', 'int___sizeof___impl'),
    '0 (and False) now count one digit'),
  row('sizeofInt', ['3.11.0', null], WASM, { header: 12, digitBytes: 4, digitBits: 30, zeroDigits: 1 }, src('Objects/longobject.c', 'int___sizeof___impl')),

  row('sizeofStr', ['3.8.0', '3.12.0'], X86, { asciiBase: 48, compactBase: 72, latin1SingletonUtf8Bytes: 0 }, src('Objects/unicodeobject.c', 'unicode_sizeof_impl')),
  row('sizeofStr', ['3.12.0', null], X86, { asciiBase: 40, compactBase: 56, latin1SingletonUtf8Bytes: 3 }, src('Objects/unicodeobject.c', 'unicode_sizeof_impl'),
    'wstr removed from PyASCIIObject (PEP 623); static latin-1 singletons carry their UTF-8 form (2 bytes + NUL)'),
  row('sizeofStr', ['3.11.0', '3.12.0'], WASM, { asciiBase: 24, compactBase: 36, latin1SingletonUtf8Bytes: 0 }, src('Objects/unicodeobject.c', 'unicode_sizeof_impl')),
  row('sizeofStr', ['3.12.0', null], WASM, { asciiBase: 20, compactBase: 28, latin1SingletonUtf8Bytes: 3 }, src('Objects/unicodeobject.c', 'unicode_sizeof_impl')),

  row('sizeofBytes', ['3.8.0', null], X86, { base: 33 }, src('Objects/bytesobject.c', 'PyBytesObject_SIZE')),
  row('sizeofBytes', ['3.11.0', null], WASM, { base: 17 }, src('Objects/bytesobject.c', 'PyBytesObject_SIZE')),

  row('sizeofTuple', ['3.8.0', '3.14.0'], X86, { base: 40, perItem: 8 }, src('Python/sysmodule.c', '_PySys_GetSizeOf')),
  row('sizeofTuple', ['3.14.0', null], X86, { base: 48, perItem: 8 }, src('Include/cpython/tupleobject.h', 'ob_hash'),
    `${X86_314_FROM_SOURCE} (tuples grew by one Py_hash_t, +4 measured on wasm32)`),
  row('sizeofTuple', ['3.11.0', '3.14.0'], WASM, { base: 20, perItem: 4 }, src('Python/sysmodule.c', '_PySys_GetSizeOf')),
  row('sizeofTuple', ['3.14.0', null], WASM, { base: 24, perItem: 4 }, src('Include/cpython/tupleobject.h', 'ob_hash')),

  row('sizeofList', ['3.8.0', null], X86, { base: 56, perSlot: 8 }, src('Objects/listobject.c', 'list___sizeof___impl')),
  row('sizeofList', ['3.11.0', null], WASM, { base: 28, perSlot: 4 }, src('Objects/listobject.c', 'list___sizeof___impl')),
  row('listGrowth', ['3.8.0', '3.9.0'], BOTH, 'py38', src('Objects/listobject.c', 'list_resize'),
    'new_allocated = n + (n >> 3) + (n < 9 ? 3 : 6)'),
  row('listGrowth', ['3.9.0', null], BOTH, 'py39', src('Objects/listobject.c', 'list_resize'),
    'new_allocated = (n + (n >> 3) + 6) & ~3, or (n + 3) & ~3 when growing by more than that'),
  row('listLiteralOfConstants', ['3.8.0', '3.9.0'], BOTH, 'exact', src('Python/compile.c', 'starunpack_helper'),
    'BUILD_LIST n'),
  row('listLiteralOfConstants', ['3.9.0', '3.10.0'], BOTH, 'resize', src('Python/compile.c', 'starunpack_helper'),
    '3+ constants: BUILD_LIST 0 then LIST_EXTEND of a constant tuple, which goes through list_resize. Fewer or non-constant items: BUILD_LIST n, exact'),
  row('listLiteralOfConstants', ['3.10.0', null], BOTH, 'even', src('Objects/listobject.c', 'list_preallocate_exact'),
    '3+ constants: LIST_EXTEND into the empty list preallocates the exact size rounded up to even. Long literals (30+ items) are built by appending: refuse'),
  row('listFromSized', ['3.8.0', '3.10.0'], BOTH, 'exact', src('Objects/listobject.c', 'list_preallocate_exact')),
  row('listFromSized', ['3.10.0', null], BOTH, 'even', src('Objects/listobject.c', 'list_preallocate_exact'),
    'rounded up to an even number of slots'),

  row('sizeofDict', ['3.8.0', '3.10.0'], X86, {
    emptyLiteral: 64, emptyCall: 232,
    strKeys: [64, 232, 232, 232, 232, 232, 360, 360, 360, 360, 360, 640],
    intKeys: [64, 232, 232, 232, 232, 232, 360, 360, 360, 360, 360, 640],
  }, src('Objects/dictobject.c', '_PyDict_SizeOf'), 'dict() allocates a keys table at once'),
  row('sizeofDict', ['3.10.0', '3.11.0'], X86, {
    emptyLiteral: 64, emptyCall: 64,
    strKeys: [64, 232, 232, 232, 232, 232, 360, 360, 360, 360, 360, 640],
    intKeys: [64, 232, 232, 232, 232, 232, 360, 360, 360, 360, 360, 640],
  }, src('Objects/dictobject.c', '_PyDict_SizeOf')),
  row('sizeofDict', ['3.11.0', null], X86, {
    emptyLiteral: 64, emptyCall: 64,
    strKeys: [64, 184, 184, 184, 184, 184, 272, 272, 272, 272, 272, 464],
    intKeys: [64, 224, 224, 224, 224, 224, 352, 352, 352, 352, 352, 632],
  }, src('Objects/dictobject.c', '_PyDict_SizeOf'), 'str-only keys use the smaller PyDictUnicodeEntry'),
  row('sizeofDict', ['3.11.0', null], WASM, {
    emptyLiteral: 40, emptyCall: 40,
    strKeys: [40, 108, 108, 108, 108, 108, 156, 156, 156, 156, 156, 260],
    intKeys: [40, 128, 128, 128, 128, 128, 196, 196, 196, 196, 196, 344],
  }, src('Objects/dictobject.c', '_PyDict_SizeOf')),

  row('sizeofSet', ['3.8.0', null], X86, { base: 216, entryBytes: 16, smallTableSlots: 8 }, src('Objects/setobject.c', 'set_sizeof'),
    'grows when fill * 5 >= mask * 3, to the next power of two above 4 * used (set_add_entry, set_table_resize); frozenset alike'),
  row('sizeofSet', ['3.11.0', null], WASM, { base: 108, entryBytes: 8, smallTableSlots: 8 }, src('Objects/setobject.c', 'set_sizeof')),

  row('sizeofInstance', ['3.8.0', '3.11.0'], X86, 48, src('Python/sysmodule.c', '_PySys_GetSizeOf'), '__dict__ and __weakref__ pointers in the object'),
  row('sizeofInstance', ['3.11.0', '3.12.0'], X86, 56, src('Python/sysmodule.c', '_PySys_GetSizeOf'), 'managed dict pre-header, __weakref__ still inline'),
  row('sizeofInstance', ['3.12.0', null], X86, 48, src('Python/sysmodule.c', '_PySys_GetSizeOf'), 'managed dict and weakref list both in the pre-header'),
  row('sizeofInstance', ['3.11.0', '3.12.0'], WASM, 28, src('Python/sysmodule.c', '_PySys_GetSizeOf')),
  row('sizeofInstance', ['3.12.0', null], WASM, 24, src('Python/sysmodule.c', '_PySys_GetSizeOf')),
  row('sizeofSlotsInstance', ['3.8.0', null], X86, { base: 32, perSlot: 8 }, src('Python/sysmodule.c', '_PySys_GetSizeOf')),
  row('sizeofSlotsInstance', ['3.11.0', null], WASM, { base: 16, perSlot: 4 }, src('Python/sysmodule.c', '_PySys_GetSizeOf')),
  row('sizeofInstanceDict', ['3.8.0', '3.11.0'], X86, 104, src('Objects/dictobject.c', '_PyDict_SizeOf'),
    'split-keys dict sharing the class\'s keys: depends on what the class\'s instances have seen, refuse other shapes'),
  row('sizeofInstanceDict', ['3.11.0', null], X86, 296, src('Objects/dictobject.c', '_PyDict_SizeOf'),
    'materialized from the inline values; later instances of the same class measured smaller (288 on x86_64): depends on what the class\'s instances have seen, refuse other shapes'),
  row('sizeofInstanceDict', ['3.11.0', null], WASM, 156, src('Objects/dictobject.c', '_PyDict_SizeOf')),

  row('sizeofFunction', ['3.8.0', '3.10.0'], X86, 136, src('Include/funcobject.h', 'PyFunctionObject')),
  row('sizeofFunction', ['3.10.0', '3.11.0'], X86, 144, src('Include/funcobject.h', 'PyFunctionObject'), 'func_builtins added'),
  row('sizeofFunction', ['3.11.0', '3.12.0'], X86, 152, src('Include/cpython/funcobject.h', 'PyFunctionObject')),
  row('sizeofFunction', ['3.12.0', '3.14.0'], X86, 160, src('Include/cpython/funcobject.h', 'PyFunctionObject')),
  row('sizeofFunction', ['3.14.0', null], X86, 168, src('Include/cpython/funcobject.h', 'PyFunctionObject'),
    `${X86_314_FROM_SOURCE} (func_annotate, PEP 649: one pointer more, +4 measured on wasm32)`),
  row('sizeofFunction', ['3.11.0', '3.12.0'], WASM, 76, src('Include/cpython/funcobject.h', 'PyFunctionObject')),
  row('sizeofFunction', ['3.12.0', '3.14.0'], WASM, 80, src('Include/cpython/funcobject.h', 'PyFunctionObject')),
  row('sizeofFunction', ['3.14.0', null], WASM, 84, src('Include/cpython/funcobject.h', 'PyFunctionObject')),
];
