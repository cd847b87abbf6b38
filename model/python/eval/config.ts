/**
 * What the evaluator needs to know about a target beyond the core's memory facts: how the
 * bytecode holds references, how lists grow, folding limits and error message wording.
 * Built from a profile (`from-profile.ts`) or, in tests, from `nativeEvalConfig`.
 */
import type { CoreConfig } from '../../core/config';
import type { FactValue } from '../../profiles';
import type { FormatSpecRules } from './format-spec';

export interface EvalConfig {
  readonly core: CoreConfig;
  /** Profile name, for messages. */
  readonly target: string;
  /** (major, minor) of the CPython version, for messages about the target; every rule comes from the fields below. */
  readonly version: readonly [number, number];
  /**
   * While a Python function runs, the caller's evaluation stack still holds a reference to
   * each argument (3.8-3.10: `function_code_fastcall` INCREFs args into `f_localsplus`; 3.11+
   * the frame takes the stack's references). Measured `f(a)` -> getrefcount(x): 4 vs 3.
   */
  readonly callerHoldsArgumentReference: boolean;
  /** `sys.getrefcount(local)` loads the local without a new reference (3.14 `LOAD_FAST_BORROW`). */
  readonly getrefcountBorrowsFastLocals: boolean;
  /** `with` looks up `__enter__`/`__exit__` as bound methods (3.8-3.13), not function + self (3.14 `LOAD_SPECIAL`). */
  readonly specialMethodLookupBinds: boolean;
  /** `str(x)` holds its argument in a new args tuple during the call (fact `strCallBuildsArgsTuple`, before 3.13). */
  readonly strCallBuildsArgsTuple: boolean;
  /** Fact `chrTakesCInt`: `chr(2**31)` is an OverflowError (before 3.13), not a ValueError. */
  readonly chrTakesCInt: boolean;
  /** Fact `callUnpackingOps`: how `f(a, *l)` builds its argument tuple (call-unpacking.ts). */
  readonly callUnpackingOps: 'unpackWithCall' | 'extendAndMerge';
  /** Fact `callExReleasesArgsAtFramePush`: `f(*l)` frees its temporaries before the body runs (3.12+). */
  readonly callExReleasesArgsAtFramePush: boolean;
  /** Fact `callExFunctionStr`: how `f(*1)`'s TypeError names the callee. */
  readonly callExFunctionStr: '{name}()' | '{module}.{qualname}()';
  /** Fact `dictUnionOperator`: `dict | dict`, `dict |= mapping` (3.9+, dict-union.ts). */
  readonly dictUnionOperator: boolean;
  /** Fact `uncaughtMainModulePrefix`: an uncaught `class E(Exception)` shows as `__main__.E` (3.8-3.10). */
  readonly uncaughtMainModulePrefix: boolean;
  /** Printable ASCII characters whose 1-character literal is NOT the cached latin-1 object (3.11-3.12.6). */
  readonly oneCharLiteralNotSingleton: string;
  /** Names in code objects (`co_names`, attribute names) are immortal (3.12+). */
  readonly codeNamesImmortal: boolean;
  /** `Objects/listobject.c` `list_resize` over-allocation: 3.8 `n + n/8 + (n < 9 ? 3 : 6)`, 3.9+ `(n + n/8 + 6) & ~3`. */
  readonly listGrowth: 'py38' | 'py39';
  /**
   * A list display of 3+ constants: 3.8 `BUILD_LIST n` (exact); 3.9 `BUILD_LIST 0` + `LIST_EXTEND`
   * of a constant tuple (`list_resize`); 3.10+ `list_extend` presizes exactly, rounded up to even
   * (`list_preallocate_exact`). Measured getsizeof([1,2,3]): 80, 120, 88.
   */
  readonly listLiteralOfConstants: 'exact' | 'resize' | 'even';
  /** `list(sized)`: exact (3.8, 3.9) or rounded up to even (3.10+, `list_preallocate_exact`). */
  readonly listFromSized: 'exact' | 'even';
  /** `list_extend` of a dict or view copies entries without an iterator (fact `listExtendDictDirect`, 3.13+). */
  readonly listExtendDictDirect: boolean;
  /** Folded constants are held by the AST arena too (3.8-3.13 `Python/ast_opt.c` `make_const`); 3.14 folds in the CFG. */
  readonly foldedConstantsInArena: boolean;
  /** Which dead code leaves no constants (fact `deadCodeConstants`). */
  readonly deadCodeConstants: 'statements' | 'unreachable' | 'conditionals';
  /** `Python/ast_opt.c` limits (`MAX_STR_SIZE`, `MAX_COLLECTION_SIZE`, `MAX_INT_SIZE`). */
  readonly foldLimits: { readonly strRepeatMaxLength: number; readonly collectionRepeatMaxItems: number; readonly intMaxBits: number };
  /** Iterator objects' request sizes (GC header included), as getsizeof reports them. */
  readonly iteratorBytes: { readonly list: number; readonly tuple: number; readonly range: number; readonly str: number; readonly bytes: number; readonly set: number; readonly dict: number; readonly reversed: number };
  /** `iter()` of an ASCII str is a `str_ascii_iterator` (fact `strAsciiIterator`, 3.11+). */
  readonly strAsciiIterator: boolean;
  /** An exhausted `reversed(list)` keeps its list (fact `reversedListIteratorKeepsList`, 3.13+). */
  readonly reversedListIteratorKeepsList: boolean;
  /** A dict view's request size (fact `sizeofDictView`). */
  readonly dictViewBytes: number;
  /** `sys.getsizeof` of a `builtin_function_or_method` (`PyCFunctionObject` with its GC header). */
  readonly builtinFunctionBytes: number;
  /** `sys.getsizeof` of an exception: a builtin class's instance, a program's subclass's (fact `sizeofException`). */
  readonly exceptionBytes: { readonly builtin: number; readonly subclass: number };
  /** `Python/suggestions.c` (3.10+): an uncaught NameError's line may end with "Did you mean" (= `suggestions.nameError`). */
  readonly errorSuggestions: boolean;
  /** Which uncaught errors get a "Did you mean" trailer (fact `errorSuggestions`). */
  readonly suggestions: FactValue<'errorSuggestions'>;
  /** Error wordings that changed between versions (fact `errorMessages`; see messages.ts). */
  readonly errorMessages: FactValue<'errorMessages'>;
  /** `dir(object())` and the names every class adds (fact `dirNames`). */
  readonly dirNames: FactValue<'dirNames'>;
  /** stdout keeps the objects of empty writes until it flushes (fact `stdoutKeepsEmptyWrites`; null: unknown, refused). */
  readonly stdoutKeepsEmptyWrites: boolean | null;
  /** Instance attributes are kept by the object until `__dict__` is asked for (3.11+, fact `managedDict`). */
  readonly managedDict: boolean;
  /** From a call site's second run, `C(args)` enters `__init__` with the stack's references (3.13+, fact `classCallEntersInit`, init-specialization.ts). */
  readonly classCallEntersInit: 'never' | 'exactArguments' | 'simpleInit';
  /** `sys.getsizeof` of an instance's `__dict__` (fact `sizeofInstanceDict`). */
  readonly instanceDictSizes: FactValue<'sizeofInstanceDict'>;
  /**
   * List, set and dict comprehensions run inline in the enclosing code (3.12+, PEP 709,
   * `Python/compile.c` `compiler_comprehension` / `push_inlined_comprehension_state`);
   * before, each is a hidden function with its own code object. Generator expressions never are.
   */
  readonly comprehensionsInlined: boolean;
  /**
   * Function annotations: evaluated when `def` runs into a dict (3.8-3.9, `BUILD_CONST_KEY_MAP`)
   * or a tuple of name/value pairs (3.10-3.13, `BUILD_TUPLE`), `compiler_visit_annotations`;
   * 3.14 makes an `__annotate__` function instead and evaluates nothing (PEP 649). Measured with dis.
   */
  readonly annotations: 'dict' | 'tuple' | 'annotate';
  /**
   * `_PyTuple_Resize` to length 0 gives the empty-tuple singleton (3.11+); before, a new empty
   * tuple (measured: `tuple(c for c in '') is ()` False on 3.8-3.10, True on 3.11-3.13).
   */
  readonly tupleResizeToEmptyIsSingleton: boolean;
  /** Fact `strSplitPreallocFromLength` (`Objects/unicodeobject.c` `split`, `Objects/stringlib/split.h` `PREALLOC_SIZE`). */
  readonly strSplitPreallocFromLength: boolean;
  /** Fact `minMaxArgsTuple` (`Python/bltinmodule.c` `min_max`: `METH_VARARGS` before 3.13). */
  readonly minMaxArgsTuple: boolean;
  /** Fact `cellsOfArgumentsInPlace` (3.11+ `MAKE_CELL`: an argument's cell in its slot, made first; cells.ts). */
  readonly cellsOfArgumentsInPlace: boolean;
  /** Fact `containsItemIsLeftOperand` (`Objects/listobject.c` `list_contains`, `Objects/tupleobject.c` `tuplecontains`). */
  readonly containsItemIsLeftOperand: boolean;
  /** Fact `dictInsertHoldsKeyDuringHash` (`Objects/dictobject.c` `PyDict_SetItem`, `_PyDict_SetItem_Take2`). */
  readonly dictInsertHoldsKeyDuringHash: boolean;
  /** Fact `floatSum` (`Python/bltinmodule.c` `builtin_sum_impl`, `cs_add`). */
  readonly floatSum: 'plain' | 'compensated' | 'compensatedWithInts';
  /** Fact `formatSpecRules` (`Python/formatter_unicode.c`). */
  readonly formatSpecRules: FormatSpecRules;
  /** Fact `deepcopyRangeAtomic` (`Lib/copy.py` `_deepcopy_dispatch`). */
  readonly deepcopyRangeAtomic: boolean;
  /** Fact `longFromDoubleCachesSmall` (`Objects/longobject.c` `PyLong_FromDouble`: `round(float)`). */
  readonly longFromDoubleCachesSmall: boolean;
}
