/**
 * Profile (model/profiles, the facts table) -> the configs of the core and the evaluator.
 * A few facts the core needs are not in the table yet; they are listed in
 * `LOCAL_FACTS` below with their source and measurement, to be moved into the table.
 */
import type { CoreConfig } from '../../core/config';
import type { Profile } from '../../profiles';
import { UnsupportedError } from '../../errors';
import type { EvalConfig } from './config';

/** Versions whose allocator behaviour was measured on this machine (native x86_64 3.8.18 ... 3.13.0). */
function allocatorMeasured(profile: Profile): boolean {
  const [major, minor] = profile.version;
  return profile.platform === 'x86_64' && major === 3 && minor >= 8 && minor <= 13;
}

/**
 * Facts not (yet) in the profile table.
 * - free list capacities: `PyFloat_MAXFREELIST` 100, `PyList_MAXFREELIST` 80,
 *   `PyDict_MAXFREELIST` 80, `PyTuple_MAXFREELIST` 2000 (Include/internal/pycore_*.h, 3.8-3.13);
 * - tuple free lists cover lengths 1..19 until 3.10; 3.11 and 3.12.0-3.12.4 push 20-tuples
 *   but never pop them; from 3.12.5 and 3.13 they are popped too (`PyTuple_MAXSAVESIZE`,
 *   gh-121439; measured with `sys._debugmallocstats()` and 20-tuple reuse);
 * - `startupMax`: most entries seen in those lists at script start (measured, plus margin);
 * - iterator sizes: getsizeof(iter([])) 48, iter(range(3)) 48 until 3.11, 40 from 3.12;
 * - range object: getsizeof(range(3)) 48 on x86_64;
 * - instances on 3.13 are allocated with inline values whose size the model does not know
 *   (measured: `a = C(); i = id(a); del a; b = C()` reuses on 3.8-3.12, not on 3.13.0).
 */
function localFacts(profile: Profile) {
  const [, minor, patch] = profile.version;
  // gh-121439 (merged 2024-07-09, backported to 3.12 and 3.13 only) lets 20-tuples be popped:
  // measured not reused on 3.12.1, reused on Pyodide 3.12.7 and 3.13.0; 3.12.5 is the first
  // 3.12 release after the merge (inferred from release dates, not measured).
  const tuplePopMax = minor >= 13 || (minor === 12 && patch >= 5) ? 20 : 19;
  const ptr = profile.pointerBytes;
  return {
    freeLists: {
      float: { capacity: 100, startupMax: 20 },
      list: { capacity: 80, startupMax: 45 },
      dict: { capacity: 80, startupMax: 20 },
      tuple: { capacity: 2000, startupMax: 20, maxLen: tuplePopMax, pushMaxLen: minor >= 11 ? 20 : 19 },
    },
    iteratorBytes: { list: 6 * ptr, tuple: 6 * ptr, range: minor >= 12 ? 5 * ptr : 6 * ptr, str: 6 * ptr },
    rangeGetsizeof: 6 * ptr,
    instanceAllocationKnown: minor <= 12,
  };
}

export function evalConfigFromProfile(profile: Profile): EvalConfig {
  for (const fact of ['latin1CharCache', 'singleByteBytesCache', 'emptyStrSingleton', 'emptyBytesSingleton', 'emptyTupleSingleton', 'mergesConstantsAcrossCodeObjects', 'internsIdentifierConstants'] as const) {
    if (!profile[fact]) throw new UnsupportedError(`target ${profile.target}`, null, `the model assumes ${fact}`);
  }
  const local = localFacts(profile);
  const ptr = profile.pointerBytes;
  const gc = 2 * ptr; // `PyGC_Head`: two words since 3.8
  const core: CoreConfig = {
    allocatorModelled: allocatorMeasured(profile),
    pointerSize: ptr,
    alignment: ptr === 8 ? 16 : 8,
    smallRequestThreshold: 512,
    gcHeaderSize: gc,
    immortalRefcount: profile.immortalObjects ? profile.immortalStaticRefcount : null,
    immortalRuntimeRefcount: profile.immortalObjects ? profile.immortalRuntimeRefcount : null,
    smallIntMin: profile.smallIntRange.min,
    smallIntMax: profile.smallIntRange.max,
    emptyFrozensetSingleton: profile.emptyFrozensetSingleton,
    internImmortal: { sysIntern: profile.sysInternImmortal, constants: profile.constantStringsImmortal },
    freeLists: local.freeLists,
    instanceAllocationKnown: local.instanceAllocationKnown && allocatorMeasured(profile),
    sizes: {
      longHeader: profile.sizeofInt.header,
      longDigitBytes: profile.sizeofInt.digitBytes,
      longDigitBits: profile.sizeofInt.digitBits,
      longZeroDigits: profile.sizeofInt.zeroDigits === 0 ? 0 : 1,
      float: profile.sizeofFloat,
      tupleHeader: profile.sizeofTuple.base - gc,
      list: profile.sizeofList.base - gc,
      dict: profile.sizeofDict.emptyLiteral - gc,
      asciiHeader: profile.sizeofStr.asciiBase,
      compactHeader: profile.sizeofStr.compactBase,
      latin1SingletonUtf8Bytes: profile.sizeofStr.latin1SingletonUtf8Bytes,
      bytesHeader: profile.sizeofBytes.base - 1,
      instance: profile.sizeofInstance - gc,
      slotsInstanceBase: profile.sizeofSlotsInstance.base - gc,
      dictGetsizeof: [profile.sizeofDict.emptyLiteral],
      setGetsizeof: profile.sizeofSet.base,
      rangeGetsizeof: local.rangeGetsizeof,
      noneGetsizeof: profile.sizeofObject,
    },
  };
  const [, minor] = profile.version;
  return {
    core,
    target: profile.target,
    version: [profile.version[0], minor],
    callerHoldsArgumentReference: profile.callerHoldsArgumentReference,
    getrefcountBorrowsFastLocals: profile.getrefcountBorrowsFastLocals,
    oneCharLiteralNotSingleton: profile.oneCharLiteralNotSingleton,
    codeNamesImmortal: profile.codeNamesImmortal,
    listGrowth: profile.listGrowth,
    listLiteralOfConstants: profile.listLiteralOfConstants,
    listFromSized: profile.listFromSized,
    foldLimits: profile.constantFoldLimits,
    iteratorBytes: local.iteratorBytes,
    errorSuggestions: minor >= 10,
    comprehensionsInlined: minor >= 12,
    annotations: minor <= 9 ? 'dict' : minor <= 13 ? 'tuple' : 'annotate',
    tupleResizeToEmptyIsSingleton: minor >= 11,
  };
}
