/**
 * The version- and platform-dependent facts the core needs, as plain data.
 * `model/profiles` owns the facts table; the evaluator maps a Profile to a CoreConfig.
 * Every field names the CPython symbol it stands for; the values used in tests were
 * measured on the native interpreters (see `measured-configs.ts`).
 */
export interface FreeListConfig {
  /** Most objects the list keeps (`PyFloat_MAXFREELIST`, `PyList_MAXFREELIST`, ...). 0: no free list. */
  readonly capacity: number;
  /**
   * Upper bound on how many entries the list holds when a script starts (measured with
   * `sys._debugmallocstats()` on a fresh interpreter; Pyodide starts nearly full, so there
   * it may exceed `capacity`). From it the model keeps an upper bound of the fill (+1 per push,
   * -1 per pop); a push when the list may be full might go to the allocator instead, and from
   * there the model stops trusting the list's order.
   */
  readonly startupMax: number;
}

export interface CoreConfig {
  /**
   * Whether the model's pymalloc rules (size classes, LIFO pools) hold and were measured for
   * this target. When false (a malloc build such as Pyodide's, or no interpreter to measure), a
   * freed block may be any later block: only the per-type free lists still predict reuse.
   */
  readonly allocatorModelled: boolean;
  /** `SIZEOF_VOID_P`: 8 on x86_64, 4 on wasm32. */
  readonly pointerSize: 4 | 8;
  /** `Objects/obmalloc.c` `ALIGNMENT`: size classes are multiples of it (16 on 64-bit builds; Pyodide has no pymalloc). */
  readonly alignment: number;
  /** `Objects/obmalloc.c` `SMALL_REQUEST_THRESHOLD`: larger requests go to the system malloc. */
  readonly smallRequestThreshold: number;
  /** `sizeof(PyGC_Head)`, allocated in front of every GC-tracked object. */
  readonly gcHeaderSize: number;
  /**
   * PEP 683 (3.12+): what `sys.getrefcount` reports for an immortal object
   * (`_Py_IMMORTAL_REFCNT`), or null when the version has no immortal objects.
   */
  readonly immortalRefcount: number | null;
  /**
   * What `sys.getrefcount` reports for an object made immortal while the interpreter runs
   * (`_Py_SetImmortal`: interned names), or null when none is. Equal to `immortalRefcount`
   * on 3.12-3.13; 3.14 starts static immortals at `_Py_STATIC_IMMORTAL_INITIAL_REFCNT` and
   * runtime ones at `_Py_IMMORTAL_INITIAL_REFCNT` (`Include/refcount.h`), which differ on 32-bit builds.
   */
  readonly immortalRuntimeRefcount: number | null;
  /** `_PY_NSMALLNEGINTS` / `_PY_NSMALLPOSINTS`: the cached ints are -n..p-1. */
  readonly smallIntMin: number;
  readonly smallIntMax: number;
  /**
   * Whether small int results of the multi-digit paths of `Objects/longobject.c` are the
   * cached objects (`maybe_small_long`): the magnitude subtraction `x_sub` (3.9+) and the
   * remainder of `x_divrem` (3.11+); otherwise they are new objects (`long_normalize` only).
   * `long_rshift1` (3.11+) returns a negative multi-digit int shifted by 0 itself.
   */
  readonly intResults: { readonly multiDigitSubtraction: boolean; readonly multiDigitRemainder: boolean; readonly negativeShiftByZeroIsSelf: boolean };
  /** `Objects/setobject.c` `emptyfrozenset`: a cached empty frozenset (until 3.9). */
  readonly emptyFrozensetSingleton: boolean;
  /**
   * How the intern table keeps strings (`Objects/unicodeobject.c`), for `sys.intern` and
   * for identifier-like constants interned when a code object is made:
   * false (mortal): the table's references are not counted (`SSTATE_INTERNED_MORTAL`) and
   *   the string dies when its last outside reference goes;
   * true (immortal): interning makes the string immortal (3.12: `_Py_SetImmortal` in
   *   `PyUnicode_InternInPlace`; measured immortal on 3.12.1, mortal on 3.13.0 again).
   */
  readonly internImmortal: { readonly sysIntern: boolean; readonly constants: boolean };
  /** `intern_common` (3.12.7+): interning a one-character latin-1 str gives the cached character. */
  readonly internLatin1Singleton: boolean;
  /** Fact `boolReprInterned`: `bool_repr`'s 'True' / 'False' are the interned strs (3.8-3.10, 3.12+), not strs of their own (3.11). */
  readonly boolReprInterned: boolean;
  /** Fact `weakrefTypeName`: `tp_name` of `weakref.ref` objects ('weakref' before 3.10, 'weakref.ReferenceType' since). */
  readonly weakrefTypeName: string;
  /** Per-type free lists (all LIFO). */
  readonly freeLists: {
    readonly float: FreeListConfig;
    readonly list: FreeListConfig;
    readonly dict: FreeListConfig;
    /**
     * Tuples of length 1..maxLen have one free list per length (`PyTuple_MAXSAVESIZE`).
     * `pushMaxLen` may exceed `maxLen`: 3.11 and 3.12 push tuples of length 20
     * (`maybe_freelist_push`: `index < PyTuple_NFREELISTS`) but never pop them
     * (`maybe_freelist_pop`: `size < PyTuple_MAXSAVESIZE`); measured: a freed 20-tuple is not
     * reused by the next 20-tuple on 3.11.7/3.12.1, is on 3.13.0.
     */
    readonly tuple: FreeListConfig & { readonly maxLen: number; readonly pushMaxLen: number };
  };
  /**
   * Whether the allocation of a class instance is predictable. False on 3.13, where
   * instances carry inline values whose size and first allocations the model does not know
   * (measured: `a = C(); i = id(a); del a; b = C()` reuses on 3.8-3.12, not on 3.13.0).
   */
  readonly instanceAllocationKnown: boolean;
  /** Layout sizes (bytes, without the GC header) used for size classes and getsizeof. */
  readonly sizes: LayoutSizes;
}

/** `tp_basicsize` and friends; the GC header is added separately. */
export interface LayoutSizes {
  /** `offsetof(PyLongObject, ob_digit)`; each 30-bit digit adds 4 (2 for 15-bit digits). */
  readonly longHeader: number;
  readonly longDigitBytes: number;
  readonly longDigitBits: number;
  /** getsizeof(0): 3.8-3.10 count 0 digits, 3.11+ count one (`long_sizeof`). */
  readonly longZeroDigits: 0 | 1;
  readonly float: number;
  /** `PyTupleObject` without items; items add pointerSize each. */
  readonly tupleHeader: number;
  /** `PyListObject`; the item array is a separate allocation. */
  readonly list: number;
  readonly dict: number;
  /** `sizeof(PyASCIIObject)` / `sizeof(PyCompactUnicodeObject)` (the str data follows, plus a NUL). */
  readonly asciiHeader: number;
  readonly compactHeader: number;
  /** 3.12+: the cached 1-char latin-1 strings carry a UTF-8 copy (`unicode_sizeof`), counted by getsizeof. */
  readonly latin1SingletonUtf8Bytes: number;
  /** `PyBytesObject` up to `ob_sval`; one extra byte for the NUL. */
  readonly bytesHeader: number;
  /** A plain class instance with `__dict__` and `__weakref__`, as getsizeof reports it minus the GC header. */
  readonly instance: number;
  /** An instance of a class with `__slots__` of n names: slotsInstanceBase + n * pointerSize (`sizes.ts` `slotsInstanceSize`). */
  readonly slotsInstanceBase: number;
  /** What a `'__weakref__'` name in `__slots__` adds: a pointer, or 3.12+ the two-pointer pre-header (`Py_TPFLAGS_MANAGED_WEAKREF`). */
  readonly weakrefSlot: number;
  /** getsizeof of the empty dict and of a dict with 1..5 items, as measured. */
  readonly dictGetsizeof: readonly number[];
  readonly setGetsizeof: number;
  readonly rangeGetsizeof: number;
  readonly noneGetsizeof: number;
}
