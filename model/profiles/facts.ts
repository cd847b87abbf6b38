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

/** `dir(object())` before 3.11 (measured on 3.8.18 ... 3.10.13). */
const OBJECT_DIR = ['__class__', '__delattr__', '__dir__', '__doc__', '__eq__', '__format__', '__ge__', '__getattribute__', '__gt__', '__hash__', '__init__', '__init_subclass__', '__le__', '__lt__', '__ne__', '__new__', '__reduce__', '__reduce_ex__', '__repr__', '__setattr__', '__sizeof__', '__str__', '__subclasshook__'];

/**
 * Free lists of native builds: capacities `PyFloat_MAXFREELIST` 100, `PyList_MAXFREELIST` 80,
 * `PyDict_MAXFREELIST` 80, `PyTuple_MAXFREELIST` 2000 on every version; startup bounds measured.
 */
function nativeFreeLists(tupleStartupMax: number, pushMaxLen: number, popMaxLen: number): FactValue<'freeLists'> {
  return {
    float: { capacity: 100, startupMax: 20 },
    list: { capacity: 80, startupMax: 45 },
    dict: { capacity: 80, startupMax: 45 },
    tuple: { capacity: 2000, startupMax: tupleStartupMax, pushMaxLen, popMaxLen },
  };
}

/**
 * Lists that may be full when the program starts: every bound is the bucket above the capacity.
 * Pyodide imports ~180 modules at start and its lists are nearly full (measured on fresh
 * interpreters: 70-93 floats, 78-79 dicts, 79-80 lists, 1985-1989 2-tuples); for native 3.14
 * nothing measured the start.
 */
function fullAtStartFreeLists(popMaxLen: number): FactValue<'freeLists'> {
  return {
    float: { capacity: 100, startupMax: 100 },
    list: { capacity: 80, startupMax: 100 },
    dict: { capacity: 80, startupMax: 100 },
    tuple: { capacity: 2000, startupMax: 2000, pushMaxLen: 20, popMaxLen },
  };
}

const NO_ATTRIBUTE = "'{cls}' object has no attribute '{attr}'";
const NO_NEW_ATTRIBUTE_313 = `${NO_ATTRIBUTE} and no __dict__ for setting new attributes`;
const MESSAGES_38: FactValue<'errorMessages'> = {
  intFloorDivideByZero: 'integer division or modulo by zero',
  intModuloByZero: 'integer division or modulo by zero',
  intDivideByZero: 'division by zero',
  floatFloorDivideByZero: 'float divmod()',
  floatModuloByZero: 'float modulo',
  floatDivideByZero: 'float division by zero',
  intDivmodByZero: 'integer division or modulo by zero',
  floatDivmodByZero: 'float divmod()',
  unboundLocal: "local variable '{name}' referenced before assignment",
  unboundFree: "free variable '{name}' referenced before assignment in enclosing scope",
  unsetSlot: '{attr}',
  noNewAttribute: NO_ATTRIBUTE,
  minMaxEmpty: '{name}() arg is an empty sequence',
  unhashableDictKey: '{error}',
  unhashableSetElement: '{error}',
  notContainer: "argument of type '{type}' is not iterable",
  callArgumentsName: '{name}',
  listIndexMissing: '{repr} is not in list',
  strIndexType: 'string indices must be integers',
  immutableTypeAttribute: "can't set attributes of built-in/extension type '{type}'",
  isinstanceArg2: 'isinstance() arg 2 must be a type or tuple of types',
};
/** `Objects/typeobject.c` `type_setattro` from 3.10 (`Py_TPFLAGS_IMMUTABLETYPE`). */
const IMMUTABLE_TYPE_310 = "cannot set '{attr}' attribute of immutable type '{type}'";
/** `Objects/abstract.c` `object_isinstance` from 3.10 (PEP 604 unions). */
const ISINSTANCE_ARG2_310 = 'isinstance() arg 2 must be a type, a tuple of types, or a union';
const MESSAGES_39: FactValue<'errorMessages'> = { ...MESSAGES_38, floatFloorDivideByZero: 'float floor division by zero' };
const MESSAGES_311: FactValue<'errorMessages'> = {
  ...MESSAGES_39,
  callArgumentsName: '{qualname}',
  intModuloByZero: 'integer modulo by zero',
  unboundLocal: "cannot access local variable '{name}' where it is not associated with a value",
  unboundFree: "cannot access free variable '{name}' where it is not associated with a value in enclosing scope",
  unsetSlot: NO_ATTRIBUTE,
  strIndexType: "string indices must be integers, not '{type}'",
  immutableTypeAttribute: IMMUTABLE_TYPE_310,
  isinstanceArg2: ISINSTANCE_ARG2_310,
};
const MESSAGES_312: FactValue<'errorMessages'> = { ...MESSAGES_311, minMaxEmpty: '{name}() iterable argument is empty' };
const MESSAGES_313: FactValue<'errorMessages'> = { ...MESSAGES_312, floatModuloByZero: 'float modulo by zero', noNewAttribute: NO_NEW_ATTRIBUTE_313 };
const DIVISION_BY_ZERO = 'division by zero';
const MESSAGES_314: FactValue<'errorMessages'> = {
  ...MESSAGES_313,
  intFloorDivideByZero: DIVISION_BY_ZERO,
  intModuloByZero: DIVISION_BY_ZERO,
  floatFloorDivideByZero: DIVISION_BY_ZERO,
  floatModuloByZero: DIVISION_BY_ZERO,
  floatDivideByZero: DIVISION_BY_ZERO,
  intDivmodByZero: DIVISION_BY_ZERO,
  floatDivmodByZero: DIVISION_BY_ZERO,
  // `Objects/dictobject.c` `dict_unhashable_type`, `Objects/setobject.c` `set_unhashable_type`:
  // a TypeError (exactly) from hashing a key is replaced by one naming the key's type and use.
  unhashableDictKey: "cannot use '{type}' as a dict key ({error})",
  unhashableSetElement: "cannot use '{type}' as a set element ({error})",
  // `Objects/abstract.c` `_PySequence_IterSearch` (PY_ITERSEARCH_CONTAINS).
  notContainer: "argument of type '{type}' is not a container or iterable",
  // `Objects/listobject.c` `list_index_impl`: a fixed message, no repr of the item.
  listIndexMissing: 'list.index(x): x not in list',
};

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

  row('boolReprInterned', ['3.8.0', '3.11.0'], BOTH, true, src('Objects/boolobject.c', 'bool_repr'),
    '_PyUnicode_FromId(&PyId_True) interns the str it makes (measured str(True) is \'True\' True on 3.8.18-3.10.13)'),
  row('boolReprInterned', ['3.11.0', '3.12.0'], BOTH, false, src('Objects/boolobject.c', 'bool_repr'),
    "&_Py_ID(True): a static str not in the interned dict, so a constant 'True' is interned to another object (measured False on 3.11.2, 3.11.7, wasm32 3.11.3)"),
  row('boolReprInterned', ['3.12.0', null], BOTH, true, src('Objects/unicodeobject.c', '_PyUnicode_InitStaticStrings'),
    "the static _Py_ID strs are interned at start-up, so the constant 'True' is interned to bool_repr's (measured True on 3.12.1-3.14.2)"),
  row('weakrefTypeName', ['3.8.0', '3.10.0'], BOTH, 'weakref', src('Objects/weakrefobject.c', '_PyWeakref_RefType')),
  row('weakrefTypeName', ['3.10.0', null], BOTH, 'weakref.ReferenceType', src('Objects/weakrefobject.c', '_PyWeakref_RefType'),
    "tp_name 'weakref.ReferenceType' (measured in a TypeError: 3.9.18 'weakref', 3.10.13 'weakref.ReferenceType')"),
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

  row('specialMethodLookupBinds', ['3.8.0', '3.14.0'], BOTH, true, src('Objects/typeobject.c', '_PyObject_LookupSpecial'),
    'SETUP_WITH / BEFORE_WITH: __enter__ and __exit__ as bound methods, each holding the manager'),
  row('specialMethodLookupBinds', ['3.14.0', null], WASM, false, src('Python/bytecodes.c', 'LOAD_SPECIAL'),
    '_PyObject_LookupSpecialMethod: the function and self on the stack, no method object'),
  row('specialMethodLookupBinds', ['3.14.0', null], X86, false, src('Python/bytecodes.c', 'LOAD_SPECIAL'), X86_314_FROM_SOURCE),
  row('strCallBuildsArgsTuple', ['3.8.0', '3.13.0'], BOTH, true, src('Objects/call.c', '_PyObject_MakeTpCall'),
    'str has no tp_vectorcall: type_call gets its arguments as a new tuple, which holds them while __str__/__repr__ runs'),
  row('strCallBuildsArgsTuple', ['3.13.0', null], BOTH, false, src('Objects/unicodeobject.c', 'unicode_vectorcall')),
  row('chrTakesCInt', ['3.8.0', '3.13.0'], BOTH, true, src('Python/clinic/bltinmodule.c.h', 'builtin_chr'),
    "argument clinic's int converter (_PyLong_AsInt): 'Python int too large to convert to C int' (measured chr(2**31) on 3.8.18, 3.12.1, Pyodide 3.12)"),
  row('chrTakesCInt', ['3.13.0', null], BOTH, false, src('Python/bltinmodule.c', 'builtin_chr'),
    "PyLong_AsLongAndOverflow, an overflow clamped to INT_MIN/INT_MAX: 'chr() arg not in range(0x110000)' (measured chr(10**400) on 3.13.0, Pyodide 3.14)"),
  row('callUnpackingOps', ['3.8.0', '3.9.0'], BOTH, 'unpackWithCall', src('Python/compile.c', 'compiler_call_helper'),
    'plain positional arguments packed in tuples (BUILD_TUPLE, folded to a constant when all are constants), joined by BUILD_TUPLE_UNPACK_WITH_CALL; keyword groups and ** mappings joined by BUILD_MAP_UNPACK_WITH_CALL, a lone **d passed as is'),
  row('callUnpackingOps', ['3.9.0', null], BOTH, 'extendAndMerge', src('Python/compile.c', 'starunpack_helper'),
    'BUILD_LIST of the arguments before the first *, LIST_EXTEND / LIST_APPEND for the rest, LIST_TO_TUPLE (3.12+ CALL_INTRINSIC_1 INTRINSIC_LIST_TO_TUPLE); a lone *x is passed as is; keywords in a new dict (BUILD_MAP 0 or the first keyword group) that each ** mapping and later group is merged into (DICT_MERGE), bpo-39320'),
  row('callExFunctionStr', ['3.8.0', '3.9.0'], BOTH, '{name}()', src('Python/ceval.c', 'check_args_iterable'),
    'PyEval_GetFuncName and PyEval_GetFuncDesc: the function\'s __name__ (a bound method\'s function\'s), a builtin\'s ml_name, then "()"'),
  row('callExFunctionStr', ['3.9.0', null], BOTH, '{module}.{qualname}()', src('Objects/call.c', '_PyObject_FunctionStr'),
    '__module__ and __qualname__, the module left out when it is builtins (measured: __main__.C.m(), print())'),
  row('dictUnionOperator', ['3.8.0', '3.9.0'], BOTH, false, src('Objects/dictobject.c', 'dict_as_number'),
    'no nb_or for dict: | of two dicts is a TypeError (unsupported operand type(s))'),
  row('dictUnionOperator', ['3.9.0', null], BOTH, true, src('Objects/dictobject.c', 'dict_or'),
    'PEP 584: dict_or copies the left dict (PyDict_Copy) and merges the right one into it (dict_update_arg); dict_ior merges into the left dict and returns it'),
  row('uncaughtMainModulePrefix', ['3.8.0', '3.11.0'], BOTH, true, src('Python/pythonrun.c', 'print_exception'),
    'the class\'s __module__ is written before its name unless it is builtins (measured: __main__.E: boom)'),
  row('uncaughtMainModulePrefix', ['3.11.0', null], BOTH, false, src('Python/pythonrun.c', 'print_exception_message'),
    'the module is left out when it is builtins or __main__ (3.13+ the same in Lib/traceback.py TracebackException.format_exception_only; measured: E: boom)'),
  row('callExReleasesArgsAtFramePush', ['3.8.0', '3.12.0'], BOTH, false, src('Python/ceval.c', 'do_call_core'),
    'the argument tuple stays on the caller\'s stack while the callee runs (measured: an item of z(*l) counts one more than of z(*t))'),
  row('callExReleasesArgsAtFramePush', ['3.12.0', null], BOTH, true, src('Python/ceval.c', '_PyEvalFramePushAndInit_Ex'),
    'CALL_FUNCTION_EX of a Python function: the frame takes new references to the items, then the tuple and dict are released before the body runs'),

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
  row('foldedConstantsInAstArena', ['3.8.0', '3.14.0'], BOTH, true, src('Python/ast_opt.c', 'make_const'),
    'the folded value replaces the node in the AST and is added to the arena (_PyArena_AddPyObject)'),
  row('foldedConstantsInAstArena', ['3.14.0', null], BOTH, false, src('Python/flowgraph.c', 'fold_const_binop'),
    'tuples, unary and binary operations fold in the CFG optimizer: the AST keeps the operands, only co_consts the result; measured on wasm32 3.14.2, x86_64 3.14 from source'),
  row('deadCodeConstants', ['3.8.0', '3.10.0'], BOTH, 'statements', src('Python/compile.c', 'compiler_if'),
    'only the branch of an if/while whose test is a constant is compiled away (expr_constant); unreachable code keeps its constants'),
  row('deadCodeConstants', ['3.10.0', '3.12.0'], BOTH, 'unreachable', src('Python/compile.c', 'remove_unused_consts'),
    'unreachable blocks go with their constants: code after return/raise/break/continue, operands after a short-circuiting constant, the else of a constant-true conditional, the message of assert <true>'),
  row('deadCodeConstants', ['3.12.0', null], BOTH, 'conditionals', src('Python/flowgraph.c', 'remove_unused_consts'),
    'also the body of a constant-false conditional expression (measured: kept on 3.10.13 and 3.11.7, dropped on 3.12.1)'),
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
  row('listExtendDictDirect', ['3.8.0', '3.13.0'], BOTH, false, src('Objects/listobject.c', 'list_extend'),
    'a dict or view goes through its iterator: the length hint presizes an empty list (list_preallocate_exact from 3.10, list_resize before)'),
  row('listExtendDictDirect', ['3.13.0', null], BOTH, true, src('Objects/listobject.c', 'list_extend_dict'),
    'list_resize(m + n), then the entries (list_extend_dictitems: a PyTuple_Pack per item)'),
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
  row('sizeofSlotsInstance', ['3.8.0', '3.12.0'], X86, { base: 32, perSlot: 8, weakrefSlot: 8 }, src('Python/sysmodule.c', '_PySys_GetSizeOf'),
    "a '__weakref__' name in __slots__ is a slot of the object (tp_weaklistoffset)"),
  row('sizeofSlotsInstance', ['3.12.0', null], X86, { base: 32, perSlot: 8, weakrefSlot: 16 }, src('Objects/typeobject.c', 'type_new_descriptors'),
    "a '__weakref__' name in __slots__ sets Py_TPFLAGS_MANAGED_WEAKREF: the weakref list moves to the pre-header of two pointers (_PyType_PreHeaderSize)"),
  row('sizeofSlotsInstance', ['3.11.0', '3.12.0'], WASM, { base: 16, perSlot: 4, weakrefSlot: 4 }, src('Python/sysmodule.c', '_PySys_GetSizeOf')),
  row('sizeofSlotsInstance', ['3.12.0', null], WASM, { base: 16, perSlot: 4, weakrefSlot: 8 }, src('Objects/typeobject.c', 'type_new_descriptors')),
  row('sizeofInstanceDict', ['3.8.0', '3.11.0'], X86, { firstInstance: 104, laterInstances: 104, maxEntries: 5 }, src('Objects/dictobject.c', '_PyDict_SizeOf'),
    'split-keys dict sharing the class\'s keys: depends on what the class\'s instances have seen, refuse other shapes'),
  row('sizeofInstanceDict', ['3.11.0', null], X86, { firstInstance: 296, laterInstances: 288, maxEntries: 7 }, src('Objects/dictobject.c', '_PyDict_SizeOf'),
    'materialized from the inline values; the class\'s later instances measured smaller: depends on what the class\'s instances have seen, refuse other shapes'),
  row('sizeofInstanceDict', ['3.11.0', null], WASM, { firstInstance: 156, laterInstances: 152, maxEntries: 7 }, src('Objects/dictobject.c', '_PyDict_SizeOf')),

  row('sizeofFunction', ['3.8.0', '3.10.0'], X86, 136, src('Include/funcobject.h', 'PyFunctionObject')),
  row('sizeofFunction', ['3.10.0', '3.11.0'], X86, 144, src('Include/funcobject.h', 'PyFunctionObject'), 'func_builtins added'),
  row('sizeofFunction', ['3.11.0', '3.12.0'], X86, 152, src('Include/cpython/funcobject.h', 'PyFunctionObject')),
  row('sizeofFunction', ['3.12.0', '3.14.0'], X86, 160, src('Include/cpython/funcobject.h', 'PyFunctionObject')),
  row('sizeofFunction', ['3.14.0', null], X86, 168, src('Include/cpython/funcobject.h', 'PyFunctionObject'),
    `${X86_314_FROM_SOURCE} (func_annotate, PEP 649: one pointer more, +4 measured on wasm32)`),
  row('sizeofFunction', ['3.11.0', '3.12.0'], WASM, 76, src('Include/cpython/funcobject.h', 'PyFunctionObject')),
  row('sizeofFunction', ['3.12.0', '3.14.0'], WASM, 80, src('Include/cpython/funcobject.h', 'PyFunctionObject')),
  row('sizeofFunction', ['3.14.0', null], WASM, 84, src('Include/cpython/funcobject.h', 'PyFunctionObject')),

  row('sizeofRange', ['3.8.0', null], X86, 48, src('Objects/rangeobject.c', 'rangeobject'), 'start, stop, step and length after the header'),
  row('sizeofRange', ['3.11.0', null], WASM, 24, src('Objects/rangeobject.c', 'rangeobject')),
  row('sizeofIterator', ['3.8.0', '3.12.0'], X86, { list: 48, tuple: 48, range: 48, str: 48, bytes: 48, set: 64, dict: 72, reversed: 48 }, src('Objects/rangeobject.c', 'rangeiterobject'),
    'the set iterator (Objects/setobject.c setiterobject) keeps the set, its size, a position and a length: two words more'),
  row('sizeofIterator', ['3.12.0', null], X86, { list: 48, tuple: 48, range: 40, str: 48, bytes: 48, set: 64, dict: 72, reversed: 48 }, src('Objects/rangeobject.c', 'rangeiterobject'),
    'the range iterator keeps start, step and len (no index): one word less'),
  row('sizeofIterator', ['3.11.0', '3.12.0'], WASM, { list: 24, tuple: 24, range: 24, str: 24, bytes: 24, set: 32, dict: 36, reversed: 24 }, src('Objects/rangeobject.c', 'rangeiterobject')),
  row('sizeofIterator', ['3.12.0', null], WASM, { list: 24, tuple: 24, range: 20, str: 24, bytes: 24, set: 32, dict: 36, reversed: 24 }, src('Objects/rangeobject.c', 'rangeiterobject')),
  row('sizeofDictView', ['3.8.0', null], X86, 40, src('Objects/dictobject.c', '_PyDictView_New'),
    'a GC object holding only its dict (_PyDictViewObject dv_dict); the dict iterators (dictiterobject: di_dict, di_used, di_pos, di_result, len) are the sizeofIterator dict field'),
  row('sizeofDictView', ['3.11.0', null], WASM, 20, src('Objects/dictobject.c', '_PyDictView_New')),
  row('sizeofBuiltinFunction', ['3.8.0', null], X86, 72, src('Include/cpython/methodobject.h', 'PyCFunctionObject'),
    'm_ml, m_self, m_module, m_weakreflist and vectorcall after the header, with the GC header: print and a bound [].append alike'),
  row('sizeofBuiltinFunction', ['3.11.0', null], WASM, 36, src('Include/cpython/methodobject.h', 'PyCFunctionObject')),
  row('sizeofException', ['3.8.0', '3.11.0'], X86, { builtin: 80, subclass: 88 }, src('Include/cpython/pyerrors.h', 'PyException_HEAD'),
    'dict, args, traceback, context, cause and suppress_context after the header, with the GC header; a subclass adds its __weakref__ slot (tp_weaklistoffset)'),
  row('sizeofException', ['3.11.0', '3.12.0'], X86, { builtin: 88, subclass: 96 }, src('Include/cpython/pyerrors.h', 'PyException_HEAD'), 'PEP 678 adds notes'),
  row('sizeofException', ['3.12.0', null], X86, { builtin: 88, subclass: 104 }, src('Objects/typeobject.c', '_PyType_PreHeaderSize'),
    'a subclass has Py_TPFLAGS_MANAGED_WEAKREF: the two pre-header words replace the slot; x86_64 3.14 read from the source and checked against wasm32 3.14.2'),
  row('sizeofException', ['3.11.0', '3.12.0'], WASM, { builtin: 44, subclass: 48 }, src('Include/cpython/pyerrors.h', 'PyException_HEAD')),
  row('sizeofException', ['3.12.0', null], WASM, { builtin: 44, subclass: 52 }, src('Objects/typeobject.c', '_PyType_PreHeaderSize')),
  row('strAsciiIterator', ['3.8.0', '3.11.0'], BOTH, false, src('Objects/unicodeobject.c', 'unicode_iter'), 'one str_iterator type for every str'),
  row('strAsciiIterator', ['3.11.0', null], BOTH, true, src('Objects/unicodeobject.c', 'unicode_iter'),
    'a compact ASCII str gets a _PyUnicodeASCIIIter_Type iterator (str_ascii_iterator), of the same size'),
  row('reversedListIteratorKeepsList', ['3.8.0', '3.13.0'], BOTH, false, src('Objects/listobject.c', 'listreviter_next'),
    'the call after the first item releases the list (it_seq = NULL)'),
  row('reversedListIteratorKeepsList', ['3.13.0', null], BOTH, true, src('Objects/listobject.c', 'listreviter_next'),
    'an index below 0 returns NULL at once: only an index past a shrunk list releases it'),

  // --- memory allocation ----------------------------------------------------------------
  row('objectAllocator', ['3.8.0', '3.12.0'], X86, { kind: 'pymalloc', alignment: 16, smallRequestThreshold: 512 },
    src('Objects/obmalloc.c', 'SMALL_REQUEST_THRESHOLD'),
    'ALIGNMENT is 16 when SIZEOF_VOID_P > 4; sys._debugmallocstats() prints "Small block threshold = 512, in 32 size classes."'),
  row('objectAllocator', ['3.12.0', '3.14.0'], X86, { kind: 'pymalloc', alignment: 16, smallRequestThreshold: 512 },
    src('Include/internal/pycore_obmalloc.h', 'SMALL_REQUEST_THRESHOLD')),
  row('objectAllocator', ['3.14.0', null], X86, { kind: 'pymalloc', alignment: 16, smallRequestThreshold: 512 },
    src('Include/internal/pycore_obmalloc.h', 'SMALL_REQUEST_THRESHOLD'),
    `${X86_314_FROM_SOURCE}; the wasm32 builds have no pymalloc, so nothing here measures 3.14's pymalloc: the model does not predict its address reuse`),
  row('objectAllocator', ['3.11.0', null], WASM, { kind: 'malloc' }, src('configure.ac', 'with_pymalloc'),
    'Pyodide builds CPython without pymalloc: sysconfig WITH_PYMALLOC is 0 and sys._debugmallocstats() prints no pymalloc section; objects come from emscripten\'s malloc, whose reuse the model does not predict'),

  row('freeLists', ['3.8.0', '3.11.0'], X86,
    nativeFreeLists(45, 19, 19),
    src('Objects/tupleobject.c', 'PyTuple_MAXSAVESIZE'),
    'PyFloat_MAXFREELIST 100, PyList_MAXFREELIST 80, PyDict_MAXFREELIST 80, PyTuple_MAXFREELIST 2000; tuples of length 1..19'),
  row('freeLists', ['3.11.0', '3.12.0'], X86,
    nativeFreeLists(100, 20, 19),
    src('Objects/tupleobject.c', 'maybe_freelist_pop'),
    'maybe_freelist_push keeps 20-tuples (index < PyTuple_NFREELISTS) but maybe_freelist_pop takes only size < PyTuple_MAXSAVESIZE: a freed 20-tuple is never reused'),
  row('freeLists', ['3.12.0', '3.12.5'], X86,
    nativeFreeLists(45, 20, 19),
    src('Objects/tupleobject.c', 'maybe_freelist_pop')),
  row('freeLists', ['3.12.5', '3.13.0'], X86,
    nativeFreeLists(45, 20, 20),
    src('Objects/tupleobject.c', 'maybe_freelist_pop'),
    'INFERRED, NOT MEASURED: gh-121439 (merged 2024-07-09, backported to 3.12) lets 20-tuples be popped; 3.12.5 is the first 3.12 release after the merge (release dates). No native 3.12.5+ here; Pyodide 3.12.7 pops them, 3.12.1 does not'),
  row('freeLists', ['3.13.0', '3.14.0'], X86,
    nativeFreeLists(45, 20, 20),
    src('Include/internal/pycore_freelist.h', 'PyTuple_MAXSAVESIZE')),
  row('freeLists', ['3.14.0', null], X86,
    fullAtStartFreeLists(20),
    src('Include/internal/pycore_freelist_state.h', 'Py_tuple_MAXFREELIST'),
    `${X86_314_FROM_SOURCE} (capacities); the startup fill was not measured, so the lists may be full`),
  row('freeLists', ['3.11.0', '3.12.0'], WASM,
    fullAtStartFreeLists(19),
    src('Objects/tupleobject.c', 'maybe_freelist_pop')),
  row('freeLists', ['3.12.0', '3.12.5'], WASM,
    fullAtStartFreeLists(19),
    src('Objects/tupleobject.c', 'maybe_freelist_pop')),
  row('freeLists', ['3.12.5', '3.13.0'], WASM,
    fullAtStartFreeLists(20),
    src('Objects/tupleobject.c', 'maybe_freelist_pop'),
    'measured on 3.12.7; the 3.12.5 boundary is INFERRED, NOT MEASURED (gh-121439, see the x86_64 row)'),
  row('freeLists', ['3.13.0', '3.14.0'], WASM,
    fullAtStartFreeLists(20),
    src('Include/internal/pycore_freelist.h', 'PyTuple_MAXSAVESIZE')),
  row('freeLists', ['3.14.0', null], WASM,
    fullAtStartFreeLists(20),
    src('Include/internal/pycore_freelist_state.h', 'Py_tuple_MAXFREELIST')),

  row('stdoutKeepsEmptyWrites', ['3.8.0', '3.12.0'], BOTH, true, src('Modules/_io/textio.c', '_io_TextIOWrapper_write_impl'),
    "measured: `print('b', end=e)` adds one reference to the empty str e until stdout flushes"),
  row('stdoutKeepsEmptyWrites', ['3.12.0', '3.13.10'], BOTH, true, src('Modules/_io/textio.c', '_io_TextIOWrapper_write_impl'),
    'the empty str is immortal from 3.12, so no refcount shows it: read from the source of 3.12.7, 3.13.0 and 3.13.2; the 3.13.10 bound is INFERRED from the date of gh-151817 (2026-06), NOT MEASURED'),
  row('stdoutKeepsEmptyWrites', ['3.13.10', '3.14.0'], BOTH, null, src('Modules/_io/textio.c', '_io_TextIOWrapper_write_impl'),
    'gh-151814 (backported in 2026) skips empty writes from a patch release not identified here'),
  row('stdoutKeepsEmptyWrites', ['3.14.0', '3.14.4'], BOTH, true, src('Modules/_io/textio.c', '_io_TextIOWrapper_write_impl'),
    'read from the 3.14.2 source (immortal empty str); the 3.14.4 bound is INFERRED from the date of gh-151817, NOT MEASURED'),
  row('stdoutKeepsEmptyWrites', ['3.14.4', '3.14.7'], BOTH, null, src('Modules/_io/textio.c', '_io_TextIOWrapper_write_impl'),
    'gh-151814 skips empty writes from a patch release not identified here'),
  row('stdoutKeepsEmptyWrites', ['3.14.7', null], BOTH, false, src('Modules/_io/textio.c', '_io_TextIOWrapper_write_impl'),
    'read from the 3.14.7 source (`if (bytes_len > 0)`), NOT MEASURED'),
  row('instanceBlockReused', ['3.8.0', '3.13.0'], X86, true, src('Objects/typeobject.c', 'PyType_GenericAlloc')),
  row('instanceBlockReused', ['3.13.0', null], X86, false, src('Objects/typeobject.c', '_PyType_AllocNoTrack'),
    'instances carry inline values (Py_TPFLAGS_INLINE_VALUES) whose size the model does not know; measured not reused on 3.13.0, 3.14 assumed the same'),
  row('instanceBlockReused', ['3.11.0', null], WASM, true, src('Objects/typeobject.c', '_PyType_AllocNoTrack'),
    'malloc hands the freed chunk back (no pymalloc), inline values or not'),

  row('managedDict', ['3.8.0', '3.11.0'], BOTH, false, src('Objects/dictobject.c', '_PyObjectDict_SetItem'),
    'the first attribute store makes the instance\'s __dict__'),
  row('managedDict', ['3.11.0', null], BOTH, true, src('Include/object.h', 'Py_TPFLAGS_MANAGED_DICT'),
    'attribute values are kept by the object; a dict is made only when __dict__ is asked for'),

  row('classCallEntersInit', ['3.8.0', '3.13.0'], BOTH, 'never', src('Objects/typeobject.c', 'type_call'),
    'C(args) packs the arguments in a tuple (_PyObject_MakeTpCall) and slot_tp_init gives __init__ its own references'),
  row('classCallEntersInit', ['3.13.0', '3.14.0'], BOTH, 'exactArguments', src('Python/specialize.c', 'specialize_class_call'),
    "from a call site's second run, C(args) of a class with inline values (no __slots__) whose __init__ is a simple Python function with co_argcount == len(args) + 1 is CALL_ALLOC_AND_ENTER_INIT: __init__'s frame takes the stack's references, no tuple"),
  row('classCallEntersInit', ['3.14.0', null], BOTH, 'simpleInit', src('Python/specialize.c', 'get_init_for_simple_managed_python_class'),
    'the inline-values and argument-count conditions are gone: any class whose __init__ is a simple Python function (_CREATE_INIT_FRAME binds the arguments, defaults included)'),

  row('comprehensionsInlined', ['3.8.0', '3.12.0'], BOTH, false, src('Python/compile.c', 'compiler_comprehension'),
    'each comprehension is a hidden function with its own code object and constants'),
  row('comprehensionsInlined', ['3.12.0', null], BOTH, true, src('Python/compile.c', 'push_inlined_comprehension_state'),
    'PEP 709: list, set and dict comprehensions run in the enclosing frame'),

  row('annotations', ['3.8.0', '3.10.0'], BOTH, 'dict', src('Python/compile.c', 'compiler_visit_annotations'),
    'evaluated when def runs, into a dict (BUILD_CONST_KEY_MAP)'),
  row('annotations', ['3.10.0', '3.14.0'], BOTH, 'tuple', src('Python/compile.c', 'compiler_visit_annotations'),
    'evaluated when def runs, into a tuple of name/value pairs (BUILD_TUPLE)'),
  row('annotations', ['3.14.0', null], BOTH, 'annotate', src('Python/codegen.c', 'codegen_annotations'),
    'PEP 649: nothing evaluated at def; an __annotate__ function is made'),

  row('tupleResizeToEmptyIsSingleton', ['3.8.0', '3.11.0'], BOTH, false, src('Objects/tupleobject.c', '_PyTuple_Resize'),
    'a tuple resized to length 0 stays a new empty tuple'),
  row('tupleResizeToEmptyIsSingleton', ['3.11.0', null], BOTH, true, src('Objects/tupleobject.c', '_PyTuple_Resize'),
    'resizing to length 0 returns the empty-tuple singleton'),

  row('strSplitPreallocFromLength', ['3.8.0', '3.12.0'], BOTH, false, src('Objects/stringlib/split.h', 'PREALLOC_SIZE'),
    'maxsplit -1 becomes PY_SSIZE_T_MAX: every split list starts with MAX_PREALLOC (12) slots'),
  row('strSplitPreallocFromLength', ['3.12.0', null], BOTH, true, src('Objects/unicodeobject.c', 'split'),
    'maxsplit -1 becomes (len - 1) / 2 + 1 (whitespace) or len / len(sep) + 1, so short strings get short lists (measured 3.11.7: 152 bytes for two words, 3.12.1: 80)'),

  row('cellsOfArgumentsInPlace', ['3.8.0', '3.11.0'], BOTH, false, src('Objects/frameobject.c', '_PyEval_MakeFrameVector'),
    'an argument that is a cell has its cell among the others, in sorted co_cellvars order, after the locals in f_localsplus (measured co_cellvars (\'a\', \'b\', \'y\', \'z\') for def f(b, a) on 3.8-3.10)'),
  row('cellsOfArgumentsInPlace', ['3.11.0', null], BOTH, true, src('Python/compile.c', 'insert_prefix_instructions'),
    'MAKE_CELL replaces an argument by its cell in its own slot; the arguments\' cells come first in co_cellvars (measured (\'b\', \'a\', \'y\', \'z\') on 3.11-3.14)'),

  row('minMaxArgsTuple', ['3.8.0', '3.13.0'], BOTH, true, src('Python/bltinmodule.c', 'min_max'),
    'METH_VARARGS | METH_KEYWORDS: the call packs the arguments in a tuple (and keywords in a dict); several positional arguments are iterated through that tuple (measured: an item seen by key= has one reference more on 3.8-3.12 than on 3.13)'),
  row('minMaxArgsTuple', ['3.13.0', null], BOTH, false, src('Python/bltinmodule.c', 'min_max'),
    'METH_FASTCALL | METH_KEYWORDS: several positional arguments are read from the C array, no tuple and no iterator'),

  row('containsItemIsLeftOperand', ['3.8.0', '3.9.0'], BOTH, false, src('Objects/listobject.c', 'list_contains'),
    'PyObject_RichCompareBool(el, item): the searched value is the left operand (tuplecontains likewise; measured: its __eq__ runs)'),
  row('containsItemIsLeftOperand', ['3.9.0', null], BOTH, true, src('Objects/listobject.c', 'list_contains'),
    'PyObject_RichCompareBool(item, el) (bpo-37648): the item is the left operand, as list.index/count/remove always had it'),

  row('dictInsertHoldsKeyDuringHash', ['3.8.0', '3.11.0'], BOTH, false, src('Objects/dictobject.c', 'PyDict_SetItem'),
    'PyObject_Hash(key) before insertdict increfs key and value (measured: a key counts one reference fewer in __hash__ under d[k] = v than on 3.11)'),
  row('dictInsertHoldsKeyDuringHash', ['3.11.0', null], BOTH, true, src('Objects/dictobject.c', '_PyDict_SetItem_Take2'),
    'PyDict_SetItem increfs key and value, then _PyDict_SetItem_Take2 hashes the key'),

  row('floatSum', ['3.8.0', '3.12.0'], BOTH, 'plain', src('Python/bltinmodule.c', 'builtin_sum_impl'),
    'f_result += each float or C long item (measured: sum([0.1] * 10) is 0.9999999999999999 on 3.8-3.11)'),
  row('floatSum', ['3.12.0', '3.14.0'], BOTH, 'compensated', src('Python/bltinmodule.c', 'builtin_sum_impl'),
    'Neumaier compensation c for float items, int items added to f_result plainly (measured: sum([0.1] * 10) is 1.0, sum([1e16, 1, 1.0]) is 1e+16)'),
  row('floatSum', ['3.14.0', null], BOTH, 'compensatedWithInts', src('Python/bltinmodule.c', 'cs_add'),
    'CompensatedSum for int items too (measured on 3.14.2: sum([1e16, 1, 1.0]) is 1.0000000000000002e+16)'),

  row('formatSpecRules', ['3.8.0', '3.9.0'], BOTH, { spaceSignWording: false, zeroPadAlignsStrings: true, invalidSpecNamesSpec: false }, src('Python/formatter_unicode.c', 'parse_internal_render_format_spec'),
    "the 0 flag sets align '=' whatever the type (format('ab', '05'): '=' alignment not allowed); a ' ' sign on a str: Sign not allowed (measured 3.8.18)"),
  row('formatSpecRules', ['3.9.0', '3.10.0'], BOTH, { spaceSignWording: true, zeroPadAlignsStrings: true, invalidSpecNamesSpec: false }, src('Python/formatter_unicode.c', 'format_string_internal'),
    "Space not allowed in string format specifier (measured 3.9.18)"),
  row('formatSpecRules', ['3.10.0', '3.11.0'], BOTH, { spaceSignWording: true, zeroPadAlignsStrings: false, invalidSpecNamesSpec: false }, src('Python/formatter_unicode.c', 'parse_internal_render_format_spec'),
    "bpo-27772: the 0 flag aligns with '=' only where the default alignment is '>' (format('ab', '05') is 'ab000', measured 3.10.13)"),
  row('formatSpecRules', ['3.11.0', null], BOTH, { spaceSignWording: true, zeroPadAlignsStrings: false, invalidSpecNamesSpec: true }, src('Python/formatter_unicode.c', 'parse_internal_render_format_spec'),
    "Invalid format specifier 'abc' for object of type 'int' (measured 3.11-3.14)"),
  row('internLatin1Singleton', ['3.8.0', '3.12.7'], BOTH, false, src('Objects/unicodeobject.c', 'PyUnicode_InternInPlace'),
    "a new one-character str is interned itself: sys.intern(''.join(['é', ''])) is not chr(233) (measured 3.8.18-3.12.1)"),
  row('internLatin1Singleton', ['3.12.7', null], BOTH, true, src('Objects/unicodeobject.c', 'intern_common'),
    "'if it's a short string, get the singleton': the cached latin-1 character is returned (gh-113993, Misc/NEWS.d/3.12.7.rst, as sysInternImmortal; measured 3.12.7 Pyodide, 3.13.0, 3.14.2; 3.12.5's source has no intern_common)"),
  row('deepcopyRangeAtomic', ['3.8.0', '3.10.0'], BOTH, false, src('Lib/copy.py', '_deepcopy_dispatch'),
    'range is in _copy_immutable\'s list but not in _deepcopy_dispatch: deepcopy reconstructs it from __reduce_ex__ (measured deepcopy(r) is r False on 3.8.18, 3.9.18)'),
  row('deepcopyRangeAtomic', ['3.10.0', null], BOTH, true, src('Lib/copy.py', '_deepcopy_dispatch'),
    'd[range] = _deepcopy_atomic (measured deepcopy(r) is r True on 3.10-3.14)'),
  row('longFromDoubleCachesSmall', ['3.8.0', '3.9.0'], BOTH, false, src('Objects/longobject.c', 'PyLong_FromDouble'),
    'frexp: |x| < 1 gives PyLong_FromLong(0), any other double a new int from _PyLong_New (measured round(x) is 2 False for x = 2.4 on 3.8.18)'),
  row('longFromDoubleCachesSmall', ['3.9.0', null], BOTH, true, src('Objects/longobject.c', 'PyLong_FromDouble'),
    'a double in (LONG_MIN - 1, LONG_MAX + 1) goes through PyLong_FromLong((long)dval): small ints are the cached objects (measured 3.9-3.14)'),
  row('intResults', ['3.8.0', '3.9.0'], BOTH, { multiDigitSubtraction: false, multiDigitRemainder: false, negativeShiftByZeroIsSelf: false }, src('Objects/longobject.c', 'x_sub'),
    'x_sub returns long_normalize(z): (b - a) is 1 is False for a = 10**20, b = a + 1 (measured 3.8.18); the remainder of x_divrem likewise (long_divrem)'),
  row('intResults', ['3.9.0', '3.11.0'], BOTH, { multiDigitSubtraction: true, multiDigitRemainder: false, negativeShiftByZeroIsSelf: false }, src('Objects/longobject.c', 'long_divrem'),
    'x_sub returns maybe_small_long(long_normalize(z)); the remainder of x_divrem is still not passed through maybe_small_long: a % a is 0 is False for a = 10**20 (measured 3.9.18, 3.10.13)'),
  row('intResults', ['3.11.0', null], BOTH, { multiDigitSubtraction: true, multiDigitRemainder: true, negativeShiftByZeroIsSelf: true }, src('Objects/longobject.c', 'long_rem'),
    '*prem = maybe_small_long(*prem) after x_divrem in long_divrem and long_rem (measured a % a is 0 True on 3.11-3.14); long_rshift1 returns long_long(a) for a negative multi-digit a shifted by 0 (measured (n >> 0) is n True for n = -10**20 on 3.11-3.14, False on 3.8-3.10)'),

  // --- error messages -------------------------------------------------------------------
  row('errorMessages', ['3.8.0', '3.9.0'], BOTH, MESSAGES_38, src('Objects/floatobject.c', 'float_floor_div')),
  row('errorMessages', ['3.9.0', '3.10.0'], BOTH, MESSAGES_39, src('Objects/floatobject.c', 'float_floor_div')),
  row('errorMessages', ['3.10.0', '3.11.0'], BOTH, { ...MESSAGES_39, unsetSlot: NO_ATTRIBUTE, callArgumentsName: '{qualname}', immutableTypeAttribute: IMMUTABLE_TYPE_310, isinstanceArg2: ISINSTANCE_ARG2_310 }, src('Python/structmember.c', 'PyMember_GetOne'),
    "and a call's argument TypeError names the function by its __qualname__ (Python/ceval.c _PyEval_MakeFrameVector formats func_qualname from 3.10, co_name before; measured: 3.9 'inner()', 3.10 'outer.<locals>.inner()'); setting an attribute of a static type names the attribute (Objects/typeobject.c type_setattro checks Py_TPFLAGS_IMMUTABLETYPE from 3.10; measured `int.x = 1`: 3.9.18 \"can't set attributes of built-in/extension type 'int'\", 3.10.13 \"cannot set 'x' attribute of immutable type 'int'\"); isinstance() of a non-class names unions (Objects/abstract.c object_isinstance, PEP 604; measured isinstance(1, 'x'): 3.9.18 'isinstance() arg 2 must be a type or tuple of types', 3.10.13 'isinstance() arg 2 must be a type, a tuple of types, or a union')"),
  row('errorMessages', ['3.11.0', '3.12.0'], BOTH, MESSAGES_311, src('Python/ceval.c', 'UNBOUNDLOCAL_ERROR_MSG'),
    "and a str subscripted by a non-int names the key's type (Objects/unicodeobject.c unicode_subscript; measured: 3.10.13 'string indices must be integers', 3.11.7 \"string indices must be integers, not 'float'\")"),
  row('errorMessages', ['3.12.0', '3.13.0'], BOTH, MESSAGES_312, src('Python/bltinmodule.c', 'min_max')),
  row('errorMessages', ['3.13.0', '3.14.0'], BOTH, MESSAGES_313, src('Objects/object.c', '_PyObject_GenericSetAttrWithDict')),
  row('errorMessages', ['3.14.0', null], BOTH, MESSAGES_314, src('Objects/longobject.c', 'l_mod'),
    'one wording for every division by zero of ints and floats (measured on wasm32 3.14.2; x86_64 3.14 from source)'),

  row('errorSuggestions', ['3.8.0', '3.10.0'], BOTH, { nameError: false, attributeGet: false, attributeSet: false, hidesUnderscored: false, unexpectedKeyword: false },
    src('Python/pythonrun.c', 'print_exception')),
  row('errorSuggestions', ['3.10.0', '3.13.0'], BOTH, { nameError: true, attributeGet: true, attributeSet: false, hidesUnderscored: false, unexpectedKeyword: false },
    src('Python/suggestions.c', '_Py_Offer_Suggestions')),
  row('errorSuggestions', ['3.13.0', null], BOTH, { nameError: true, attributeGet: true, attributeSet: true, hidesUnderscored: true, unexpectedKeyword: true },
    src('Lib/traceback.py', '_compute_suggestion_error'),
    'PyObject_GenericSetAttr now sets the error\'s name and obj, so assignments get suggestions too; hide_underscored drops \'_\' names'),

  row('dirNames', ['3.8.0', '3.11.0'], BOTH, { object: OBJECT_DIR, classAdds: ['__module__'] }, src('Objects/typeobject.c', 'object___dir__')),
  row('dirNames', ['3.11.0', '3.13.0'], BOTH, { object: [...OBJECT_DIR, '__getstate__'].sort(), classAdds: ['__module__'] },
    src('Objects/typeobject.c', 'object___getstate__')),
  row('dirNames', ['3.13.0', null], BOTH, { object: [...OBJECT_DIR, '__getstate__'].sort(), classAdds: ['__firstlineno__', '__module__', '__static_attributes__'] },
    src('Objects/typeobject.c', 'type_new_set_attrs')),
];
