/**
 * The shape of a fact row and of each fact's value, and the validation of the whole table:
 * rows must be well formed, and for each fact and platform their version ranges must cover
 * every known release exactly once (no gap, no overlap).
 */
import { z } from 'zod';
import {
  PLATFORMS,
  type Platform,
  type Version,
  compareVersions,
  formatVersion,
  isVersionText,
  knownVersions,
  parseVersion,
  versionInRange,
} from './versions';

const count = z.number().int().nonnegative();
const bytes = z.number().int().positive();

/** One schema per fact: the fact names and the type of their values. */
export const FACT_SCHEMAS = {
  // --- immortality and reference counts -------------------------------------------------
  /** PEP 683 immortal objects exist (their refcount never changes). */
  immortalObjects: z.boolean(),
  /** What `sys.getrefcount` reports for statically allocated immortals (None, small ints, ...); null: not immortal, count depends on interpreter state. */
  immortalStaticRefcount: bytes.nullable(),
  /** What `sys.getrefcount` reports for objects made immortal at run time (interned names); null: none are. */
  immortalRuntimeRefcount: bytes.nullable(),
  // --- interning ---------------------------------------------------------------------
  /** `sys.intern` makes its result immortal, so it is never evicted from the interned table. */
  sysInternImmortal: z.boolean(),
  /** Identifier-like string constants in code objects are interned AND immortal. */
  constantStringsImmortal: z.boolean(),
  /** Strings used as names in code objects (variables, attributes, functions) are immortal. */
  codeNamesImmortal: z.boolean(),
  /** Printable ASCII characters whose 1-character literal is NOT the cached latin-1 singleton. */
  oneCharLiteralNotSingleton: z.string(),
  /** Identifier-like (`[A-Za-z0-9_]*`, ASCII) string constants are interned at compile time. */
  internsIdentifierConstants: z.boolean(),
  /** `str(True)` / `repr(True)` (`bool_repr`) is the interned 'True', the object an identifier constant 'True' is interned to. */
  boolReprInterned: z.boolean(),
  /** `tp_name` of `weakref.ref` objects (`Objects/weakrefobject.c` `_PyWeakref_RefType`), as error messages name it. */
  weakrefTypeName: z.string().min(1),
  // --- sys.getrefcount and the evaluation stack -----------------------------------------
  /** A function's local passed to `sys.getrefcount` is loaded as a borrowed reference (no +1). */
  getrefcountBorrowsFastLocals: z.boolean(),
  /** While a Python function runs, the caller still holds a reference to each argument. */
  callerHoldsArgumentReference: z.boolean(),
  /** Special methods (`__enter__`, `__exit__` of `with`) are looked up as bound method objects (before 3.14 `LOAD_SPECIAL`). */
  specialMethodLookupBinds: z.boolean(),
  /** `str(x)` goes through `type_call` with a tuple of its arguments (no `tp_vectorcall` for str before 3.13). */
  strCallBuildsArgsTuple: z.boolean(),
  /** `chr(i)` converts i to a C int first (OverflowError beyond 32 bits), before 3.13; 3.13 reads it as a long, clamped (ValueError). */
  chrTakesCInt: z.boolean(),
  /** How a call with `*`/`**` builds its argument tuple and dict: 3.8 `BUILD_TUPLE_UNPACK_WITH_CALL` / `BUILD_MAP_UNPACK_WITH_CALL`, 3.9+ a list (`LIST_EXTEND`, `LIST_TO_TUPLE`) and a new dict (`DICT_MERGE`). */
  callUnpackingOps: z.enum(['unpackWithCall', 'extendAndMerge']),
  /** `CALL_FUNCTION_EX` of a Python function releases its argument tuple and dict once the frame is made, before the body runs (3.12+). */
  callExReleasesArgsAtFramePush: z.boolean(),
  /** How the TypeErrors of `*`/`**` at a call site name the callee: 3.8 `PyEval_GetFuncName` + `PyEval_GetFuncDesc` ('{name}()'), 3.9+ `_PyObject_FunctionStr` ('{module}.{qualname}()'). */
  callExFunctionStr: z.enum(['{name}()', '{module}.{qualname}()']),
  /** `dict | dict` and `dict |= mapping` (PEP 584, 3.9+: `dict_or`, `dict_ior`); 3.8 raises TypeError. */
  dictUnionOperator: z.boolean(),
  /** An uncaught exception of a class defined in `__main__` is shown as `__main__.E: msg` (3.8-3.10) or `E: msg` (3.11+ leave `__main__` out). */
  uncaughtMainModulePrefix: z.boolean(),
  // --- caches and singletons -----------------------------------------------------------
  /** Cached ints: `min <= n <= max` are one object each. */
  smallIntRange: z.object({ min: z.number().int(), max: z.number().int() }),
  /** 1-character strings U+0000..U+00FF are cached singletons. */
  latin1CharCache: z.boolean(),
  /** 1-byte bytes objects are cached singletons. */
  singleByteBytesCache: z.boolean(),
  emptyStrSingleton: z.boolean(),
  emptyBytesSingleton: z.boolean(),
  emptyTupleSingleton: z.boolean(),
  emptyFrozensetSingleton: z.boolean(),
  // --- compile time --------------------------------------------------------------------
  /** Limits of compile-time constant folding. */
  constantFoldLimits: z.object({
    /** `str`/`bytes` repetition folds when the result has at most this many items. */
    strRepeatMaxLength: count,
    /** Tuple repetition folds when the result has at most this many items. */
    collectionRepeatMaxItems: count,
    /** Integer `*`, `**`, `<<` fold when the result provably fits in this many bits. */
    intMaxBits: count,
  }),
  /**
   * Values folded at compile time (`(1000, 2000)`, `10 ** 20`, `-1000`) are also referenced by the
   * AST arena, which a file run keeps until the module body is done (false: only `co_consts` holds them).
   */
  foldedConstantsInAstArena: z.boolean(),
  deadCodeConstants: z.enum(['statements', 'unreachable', 'conditionals']),
  /** Equal constants (`1000`, `'a b'`, `(1, 2)`) are one object across all code objects of a module. */
  mergesConstantsAcrossCodeObjects: z.boolean(),
  // --- sys.getsizeof -------------------------------------------------------------------
  sizeofObject: bytes,
  sizeofFloat: bytes,
  /** int: header + digitBytes per digit of digitBits bits; 0 has zeroDigits digits. */
  sizeofInt: z.object({ header: bytes, digitBytes: bytes, digitBits: bytes, zeroDigits: count }),
  /** str: ASCII is asciiBase + len + 1; others compactBase + (len + 1) * kind, plus a UTF-8 copy on latin-1 singletons. */
  sizeofStr: z.object({ asciiBase: bytes, compactBase: bytes, latin1SingletonUtf8Bytes: count }),
  /** bytes: base + len (base counts the trailing NUL). */
  sizeofBytes: z.object({ base: bytes }),
  sizeofTuple: z.object({ base: bytes, perItem: bytes }),
  /** list: base + perSlot * allocated slots. */
  sizeofList: z.object({ base: bytes, perSlot: bytes }),
  /** Over-allocation formula of `list_resize` when appending. */
  listGrowth: z.enum(['py38', 'py39']),
  /** How a literal of 3+ constants is allocated: exact, via `list_resize`, or exact rounded up to even. */
  listLiteralOfConstants: z.enum(['exact', 'resize', 'even']),
  /** How `list(sized iterable)` is allocated. */
  listFromSized: z.enum(['exact', 'even']),
  /** `list_extend` of a dict or a dict view copies the entries itself (3.13+ `list_extend_dict`), not through an iterator. */
  listExtendDictDirect: z.boolean(),
  /** dict built by inserting n keys one at a time (index = n, 0..11), plus `{}` and `dict()`. */
  sizeofDict: z.object({
    emptyLiteral: bytes,
    emptyCall: bytes,
    strKeys: z.array(bytes).length(12),
    intKeys: z.array(bytes).length(12),
  }),
  /** set/frozenset: base (with the small table) + entryBytes per slot once a larger table exists. */
  sizeofSet: z.object({ base: bytes, entryBytes: bytes, smallTableSlots: bytes }),
  /** Instance of a plain class (no `__slots__`). */
  sizeofInstance: bytes,
  /** `base` + `perSlot` per name in `__slots__`; a `'__weakref__'` name adds `weakrefSlot` instead (3.12+ `Py_TPFLAGS_MANAGED_WEAKREF`: the two-pointer pre-header). */
  sizeofSlotsInstance: z.object({ base: bytes, perSlot: bytes, weakrefSlot: bytes }),
  /**
   * `__dict__` of an instance of a fresh class with at most `maxEntries` attributes: the class's
   * first instance, and its later ones (the class's shared keys have grown by then).
   */
  sizeofInstanceDict: z.object({ firstInstance: bytes, laterInstances: bytes, maxEntries: count }),
  sizeofFunction: bytes,
  /** `sys.getsizeof(range(3))`. */
  sizeofRange: bytes,
  /** `sys.getsizeof` of the iterators of a list, a tuple, a range, a str, bytes, a set and a dict (or its views); `reversed`: `reversed(list)` and `reversed(tuple)`. */
  sizeofIterator: z.object({ list: bytes, tuple: bytes, range: bytes, str: bytes, bytes: bytes, set: bytes, dict: bytes, reversed: bytes }),
  /** `iter()` of an ASCII str is a `str_ascii_iterator` (3.11+ `unicode_iter`), else a `str_iterator`. */
  strAsciiIterator: z.boolean(),
  /** An exhausted `reversed(list)` iterator still holds its list (3.13+ `listreviter_next`). */
  reversedListIteratorKeepsList: z.boolean(),
  /** `sys.getsizeof(d.keys())` (values and items views alike: `_PyDictViewObject`). */
  sizeofDictView: bytes,
  sizeofBuiltinFunction: bytes,
  /** `sys.getsizeof` of an instance of a builtin exception class (`PyBaseExceptionObject` with the GC header), and of a class deriving from one in the program (its `__weakref__` slot; 3.12+ the managed pre-header). */
  sizeofException: z.object({ builtin: bytes, subclass: bytes }),
  // --- memory allocation -----------------------------------------------------------------
  /**
   * Who serves small objects: pymalloc (size classes of `alignment` bytes up to
   * `smallRequestThreshold`) or the C library's malloc (a build without pymalloc).
   */
  objectAllocator: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('pymalloc'), alignment: bytes, smallRequestThreshold: bytes }),
    z.object({ kind: z.literal('malloc') }),
  ]),
  /**
   * Per-type free lists (LIFO): how many objects each keeps (`capacity`), and an upper bound of
   * how many it already holds when a program starts (`startupMax`, one of 20, 45, 100, 2000: the
   * probe's buckets). Tuples have one list per length; lengths up to `pushMaxLen` are kept, up to
   * `popMaxLen` reused.
   */
  freeLists: z.object({
    float: z.object({ capacity: count, startupMax: count }),
    list: z.object({ capacity: count, startupMax: count }),
    dict: z.object({ capacity: count, startupMax: count }),
    tuple: z.object({ capacity: count, startupMax: count, pushMaxLen: count, popMaxLen: count }),
  }),
  /**
   * A block-buffered stdout keeps the objects of empty writes too (`print(x, end='')`): true
   * until gh-151814 (2026) made `_io_TextIOWrapper_write_impl` skip them; null where the model
   * does not know which (the patch releases of that fix are not measured here).
   */
  stdoutKeepsEmptyWrites: z.boolean().nullable(),
  /** `a = C(); i = id(a); del a; b = C()`: b takes a's block (instances of a plain class are one allocation of a known size). */
  instanceBlockReused: z.boolean(),
  /** Instance attributes live in values managed by the object, not in a `__dict__` made at the first store. */
  managedDict: z.boolean(),
  classCallEntersInit: z.enum(['never', 'exactArguments', 'simpleInit']),
  /** List, set and dict comprehensions run inline in the enclosing code (PEP 709), not as a hidden function. */
  comprehensionsInlined: z.boolean(),
  /** What `def` does with annotations: a dict, a tuple of name/value pairs, or only an `__annotate__` function (PEP 649). */
  annotations: z.enum(['dict', 'tuple', 'annotate']),
  /** `_PyTuple_Resize` to length 0 gives the empty-tuple singleton (`tuple(c for c in '') is ()`). */
  tupleResizeToEmptyIsSingleton: z.boolean(),
  /** `str.split` without maxsplit preallocates its list from the string's length (3.12+), not 12 slots. */
  strSplitPreallocFromLength: z.boolean(),
  /** `min`/`max` take their arguments as a tuple (`METH_VARARGS`), iterated by a tuple iterator; 3.13+ walk the array (`METH_FASTCALL`). */
  minMaxArgsTuple: z.boolean(),
  /** 3.11+: an argument's cell replaces it in its slot and comes first in `co_cellvars` (`MAKE_CELL`). */
  cellsOfArgumentsInPlace: z.boolean(),
  /** `list`/`tuple` `in` compares the container's item as the left operand (3.9+, bpo-37648); 3.8 the searched value. */
  containsItemIsLeftOperand: z.boolean(),
  /** A dict insertion (`PyDict_SetItem`) holds the key and value while it hashes the key (3.11+ `_PyDict_SetItem_Take2`). */
  dictInsertHoldsKeyDuringHash: z.boolean(),
  /**
   * How `sum` adds floats in C (`Python/bltinmodule.c` `builtin_sum_impl`): `plain` doubles,
   * `compensated` Neumaier's compensation for float items (int items added plainly), or
   * `compensatedWithInts` for int items too (`cs_add`).
   */
  floatSum: z.enum(['plain', 'compensated', 'compensatedWithInts']),
  /**
   * Which object an int operation on a multi-digit operand returns (`Objects/longobject.c`):
   * whether a small result is the cached object (`maybe_small_long`) or a new one, for the
   * magnitude subtraction `x_sub` (3.9+) and the remainder of `x_divrem` (3.11+).
   */
  /**
   * Format-spec rules that changed (`Python/formatter_unicode.c`): a ' ' sign on a str is worded
   * "Space not allowed" (3.9+); the `0` flag aligns strs with '=' (3.8-3.9, an error) or only
   * numbers (3.10+); "Invalid format specifier" names the spec and type (3.11+).
   */
  formatSpecRules: z.object({ spaceSignWording: z.boolean(), zeroPadAlignsStrings: z.boolean(), invalidSpecNamesSpec: z.boolean() }),
  /** `sys.intern` of a one-character latin-1 str returns the cached character (`intern_common`, 3.12.7+), else interns the argument. */
  internLatin1Singleton: z.boolean(),
  /** `Lib/copy.py` `_deepcopy_dispatch` has `range` as atomic (3.10+); before, `deepcopy` rebuilds it through `__reduce_ex__`. */
  deepcopyRangeAtomic: z.boolean(),
  /** `PyLong_FromDouble` takes `PyLong_FromLong` (small ints cached) for doubles in a C long (3.9+); 3.8 only for |x| < 1. */
  longFromDoubleCachesSmall: z.boolean(),
  intResults: z.object({
    multiDigitSubtraction: z.boolean(),
    multiDigitRemainder: z.boolean(),
    /** `long_rshift1` (3.11+): a negative multi-digit int shifted by 0 is `long_long(a)`, itself. */
    negativeShiftByZeroIsSelf: z.boolean(),
  }),
  // --- error messages ---------------------------------------------------------------------
  /** Wordings that changed; `{name}`, `{cls}`, `{attr}` stand for the names in the message. */
  errorMessages: z.object({
    /** ZeroDivisionError of `//`, `%` and `/` on ints and on floats. */
    intFloorDivideByZero: z.string().min(1),
    intModuloByZero: z.string().min(1),
    intDivideByZero: z.string().min(1),
    floatFloorDivideByZero: z.string().min(1),
    floatModuloByZero: z.string().min(1),
    /** ZeroDivisionError of `divmod()` of ints and of floats. */
    intDivmodByZero: z.string().min(1),
    floatDivmodByZero: z.string().min(1),
    floatDivideByZero: z.string().min(1),
    unboundLocal: z.string().includes('{name}'),
    /** NameError of a free variable whose cell is empty (`Python/ceval.c` `UNBOUNDFREE_ERROR_MSG`). */
    unboundFree: z.string().includes('{name}'),
    unsetSlot: z.string().includes('{attr}'),
    noNewAttribute: z.string().includes('{attr}'),
    /** ValueError of `min`/`max` of an empty iterable without a default (`Python/bltinmodule.c` `min_max`). */
    minMaxEmpty: z.string().includes('{name}'),
    /**
     * TypeError of an unhashable dict key / set element: `{error}` is the hash's own message,
     * `{type}` the key's type (3.14 `Objects/dictobject.c` `dict_unhashable_type`,
     * `Objects/setobject.c` `set_unhashable_type`); `{error}` alone before.
     */
    /**
     * How a call's argument TypeError names the Python function (`Python/ceval.c`
     * `initialize_locals`, 3.10 `_PyEval_MakeFrameVector`): `co_name` until 3.9, `__qualname__` from 3.10.
     */
    callArgumentsName: z.enum(['{name}', '{qualname}']),
    /** ValueError of `list.index` of a missing item (`Objects/listobject.c` `list_index_impl`): `{repr}` the item's repr. */
    listIndexMissing: z.string().min(1),
    /** TypeError of a str subscripted by a non-int (`Objects/unicodeobject.c` `unicode_subscript`): `{type}` from 3.11. */
    strIndexType: z.string().min(1),
    /** TypeError of setting an attribute of a static (builtin) type (`Objects/typeobject.c` `type_setattro`): `{attr}` from 3.10. */
    immutableTypeAttribute: z.string().includes('{type}'),
    /** TypeError of `isinstance(x, c)` whose c is no class (`Objects/abstract.c` `object_isinstance` / `check_class`): 3.10 adds unions. */
    isinstanceArg2: z.string().min(1),
    unhashableDictKey: z.string().includes('{error}'),
    unhashableSetElement: z.string().includes('{error}'),
    /** TypeError of `x in c` when c has no `__contains__` and is not iterable (`Objects/abstract.c` `_PySequence_IterSearch`). */
    notContainer: z.string().includes('{type}'),
  }),
  /** Where an uncaught error's last line gets a "Did you mean" trailer. */
  errorSuggestions: z.object({
    nameError: z.boolean(),
    attributeGet: z.boolean(),
    attributeSet: z.boolean(),
    /** AttributeError candidates starting with '_' are dropped unless the name starts with '_'. */
    hidesUnderscored: z.boolean(),
    /** A call's unexpected keyword gets ". Did you mean 'x'?" in the TypeError itself (`Python/ceval.c` `initialize_locals`, 3.13+). */
    unexpectedKeyword: z.boolean(),
  }),
  /** `dir(object())`, and the names a class statement adds to every class's `dir()`. */
  dirNames: z.object({ object: z.array(z.string()).min(1), classAdds: z.array(z.string()).min(1) }),
} as const;

export type FactName = keyof typeof FACT_SCHEMAS;
export type FactValue<K extends FactName> = z.infer<(typeof FACT_SCHEMAS)[K]>;
export const FACT_NAMES = Object.keys(FACT_SCHEMAS) as FactName[];

/** Where in CPython's source the fact comes from. */
export interface SourceRef {
  readonly file: string;
  readonly symbol: string;
}

/** A fact's value for versions `since <= v < until` on some platforms. */
export type FactRow = {
  [K in FactName]: {
    readonly fact: K;
    /** First version the value holds for (inclusive). */
    readonly since: string;
    /** First version it no longer holds for (exclusive); null: still holds. */
    readonly until: string | null;
    readonly platforms: readonly Platform[];
    readonly value: FactValue<K>;
    readonly source: SourceRef;
    /** Labels of the real interpreters (see REAL_INTERPRETERS) this was measured on; empty: read from source only. */
    readonly measured: readonly string[];
    /** Why, when the value was not measured or needs explaining. */
    readonly note?: string;
  };
}[FactName];

/** The table is inconsistent; the message names the fact and rows. */
export class FactTableError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid fact table:\n  ${problems.join('\n  ')}`);
    this.name = 'FactTableError';
  }
}

const versionText = z.string().refine(isVersionText, { message: 'expected <major>.<minor>.<patch>' });

const rowShape = z.object({
  fact: z.enum(FACT_NAMES as [FactName, ...FactName[]]),
  since: versionText,
  until: versionText.nullable(),
  platforms: z.array(z.enum(PLATFORMS as [Platform, ...Platform[]])).min(1),
  value: z.unknown(),
  source: z.object({ file: z.string().min(1), symbol: z.string().min(1) }),
  measured: z.array(z.string()),
  note: z.string().min(1).optional(),
});

function describeRow(index: number, raw: unknown): string {
  const row = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const text = (value: unknown): string => (typeof value === 'string' ? value : value === null ? 'open' : '?');
  return `row ${index} (fact '${text(row.fact)}', ${text(row.since)}..${text(row.until)})`;
}

function zodProblems(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(value)'}: ${issue.message}`).join('; ');
}

/** Checks shape, value types and range coverage; returns the rows typed, or throws FactTableError. */
export function validateFactTable(rows: readonly unknown[]): readonly FactRow[] {
  const problems: string[] = [];
  const good: FactRow[] = [];
  rows.forEach((raw, index) => {
    const shaped = rowShape.safeParse(raw);
    const label = describeRow(index, raw);
    if (!shaped.success) {
      problems.push(`${label}: ${zodProblems(shaped.error)}`);
      return;
    }
    const row = shaped.data;
    const value = FACT_SCHEMAS[row.fact].safeParse(row.value);
    if (!value.success) {
      problems.push(`${label}: bad value for fact '${row.fact}': ${zodProblems(value.error)}`);
      return;
    }
    if (row.until !== null && compareVersions(parseVersion(row.since), parseVersion(row.until)) >= 0) {
      problems.push(`${label}: empty range, 'until' must be after 'since'`);
      return;
    }
    if (row.measured.length === 0 && row.note === undefined) {
      problems.push(`${label}: not measured anywhere, so it needs a note saying where the value comes from`);
    }
    good.push(row as FactRow);
  });
  problems.push(...coverageProblems(good));
  if (problems.length > 0) throw new FactTableError(problems);
  return good;
}

/** For each fact and platform, every known release must be covered by exactly one row. */
function coverageProblems(rows: readonly FactRow[]): string[] {
  const problems: string[] = [];
  for (const fact of FACT_NAMES) {
    const factRows = rows.filter((row) => row.fact === fact);
    if (factRows.length === 0) {
      problems.push(`fact '${fact}' has no rows`);
      continue;
    }
    for (const platform of PLATFORMS) {
      const onPlatform = factRows.filter((row) => row.platforms.includes(platform));
      const uncovered: Version[] = [];
      for (const version of knownVersions(platform)) {
        const hits = onPlatform.filter((row) =>
          versionInRange(version, parseVersion(row.since), row.until === null ? null : parseVersion(row.until)),
        );
        if (hits.length === 0) uncovered.push(version);
        if (hits.length > 1) {
          problems.push(
            `fact '${fact}' on ${platform}: rows overlap at ${formatVersion(version)} (${hits.map((row) => `${row.since}..${row.until ?? 'open'}`).join(' and ')})`,
          );
          break;
        }
      }
      if (uncovered.length > 0) {
        problems.push(`fact '${fact}' on ${platform}: no row covers ${summarize(uncovered)}`);
      }
    }
  }
  return problems;
}

function summarize(versions: readonly Version[]): string {
  const first = versions[0];
  const last = versions[versions.length - 1];
  if (!first || !last) return 'nothing';
  return versions.length === 1 ? formatVersion(first) : `${formatVersion(first)} .. ${formatVersion(last)} (${versions.length} releases)`;
}
