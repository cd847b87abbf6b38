/**
 * Profile (model/profiles, the facts table) -> the configs of the core and the evaluator.
 * Every version or platform difference comes from the table; nothing here tests a version.
 */
import type { CoreConfig } from '../../core/config';
import { profileFacts, type Profile } from '../../profiles';
import { UnsupportedError } from '../../errors';
import type { EvalConfig } from './config';

/**
 * Whether the model predicts address reuse by the allocator: only pymalloc, and only where a real
 * interpreter measured it (the fact's row lists one). Pyodide builds use malloc; no native 3.14
 * is here to check the 3.14 source against.
 */
function allocatorModelled(profile: Profile): boolean {
  const row = profileFacts(profile).find((candidate) => candidate.fact === 'objectAllocator');
  return profile.objectAllocator.kind === 'pymalloc' && row !== undefined && row.measured.length > 0;
}

/**
 * pymalloc's size classes (`ALIGNMENT`, `SMALL_REQUEST_THRESHOLD`). Under malloc the model
 * predicts no reuse by size, so the classes only group its bookkeeping: pointer-pair alignment.
 */
function sizeClasses(profile: Profile): { alignment: number; smallRequestThreshold: number } {
  const allocator = profile.objectAllocator;
  if (allocator.kind === 'pymalloc') return { alignment: allocator.alignment, smallRequestThreshold: allocator.smallRequestThreshold };
  return { alignment: 2 * profile.pointerBytes, smallRequestThreshold: Number.MAX_SAFE_INTEGER };
}

export function evalConfigFromProfile(profile: Profile): EvalConfig {
  for (const fact of ['latin1CharCache', 'singleByteBytesCache', 'emptyStrSingleton', 'emptyBytesSingleton', 'emptyTupleSingleton', 'mergesConstantsAcrossCodeObjects', 'internsIdentifierConstants'] as const) {
    if (!profile[fact]) throw new UnsupportedError(`target ${profile.target}`, null, `the model assumes ${fact}`);
  }
  const ptr = profile.pointerBytes;
  const modelled = allocatorModelled(profile);
  const lists = profile.freeLists;
  const gc = 2 * ptr; // `PyGC_Head`: two words since 3.8
  const core: CoreConfig = {
    allocatorModelled: modelled,
    pointerSize: ptr,
    ...sizeClasses(profile),
    gcHeaderSize: gc,
    immortalRefcount: profile.immortalObjects ? profile.immortalStaticRefcount : null,
    immortalRuntimeRefcount: profile.immortalObjects ? profile.immortalRuntimeRefcount : null,
    smallIntMin: profile.smallIntRange.min,
    smallIntMax: profile.smallIntRange.max,
    intResults: profile.intResults,
    emptyFrozensetSingleton: profile.emptyFrozensetSingleton,
    internImmortal: { sysIntern: profile.sysInternImmortal, constants: profile.constantStringsImmortal },
    internLatin1Singleton: profile.internLatin1Singleton,
    boolReprInterned: profile.boolReprInterned,
    weakrefTypeName: profile.weakrefTypeName,
    freeLists: {
      float: lists.float,
      list: lists.list,
      dict: lists.dict,
      tuple: { ...lists.tuple, maxLen: lists.tuple.popMaxLen },
    },
    instanceAllocationKnown: profile.instanceBlockReused && modelled,
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
      weakrefSlot: profile.sizeofSlotsInstance.weakrefSlot,
      dictGetsizeof: [profile.sizeofDict.emptyLiteral],
      setGetsizeof: profile.sizeofSet.base,
      rangeGetsizeof: profile.sizeofRange,
      noneGetsizeof: profile.sizeofObject,
    },
  };
  return {
    core,
    target: profile.target,
    version: [profile.version[0], profile.version[1]],
    callerHoldsArgumentReference: profile.callerHoldsArgumentReference,
    getrefcountBorrowsFastLocals: profile.getrefcountBorrowsFastLocals,
    specialMethodLookupBinds: profile.specialMethodLookupBinds,
    strCallBuildsArgsTuple: profile.strCallBuildsArgsTuple,
    chrTakesCInt: profile.chrTakesCInt,
    callUnpackingOps: profile.callUnpackingOps,
    callExReleasesArgsAtFramePush: profile.callExReleasesArgsAtFramePush,
    callExFunctionStr: profile.callExFunctionStr,
    dictUnionOperator: profile.dictUnionOperator,
    uncaughtMainModulePrefix: profile.uncaughtMainModulePrefix,
    oneCharLiteralNotSingleton: profile.oneCharLiteralNotSingleton,
    codeNamesImmortal: profile.codeNamesImmortal,
    listGrowth: profile.listGrowth,
    listLiteralOfConstants: profile.listLiteralOfConstants,
    listFromSized: profile.listFromSized,
    listExtendDictDirect: profile.listExtendDictDirect,
    foldLimits: profile.constantFoldLimits,
    foldedConstantsInArena: profile.foldedConstantsInAstArena,
    deadCodeConstants: profile.deadCodeConstants,
    iteratorBytes: profile.sizeofIterator,
    dictViewBytes: profile.sizeofDictView,
    builtinFunctionBytes: profile.sizeofBuiltinFunction,
    exceptionBytes: profile.sizeofException,
    reversedListIteratorKeepsList: profile.reversedListIteratorKeepsList,
    strAsciiIterator: profile.strAsciiIterator,
    errorSuggestions: profile.errorSuggestions.nameError,
    suggestions: profile.errorSuggestions,
    errorMessages: profile.errorMessages,
    dirNames: profile.dirNames,
    managedDict: profile.managedDict,
    classCallEntersInit: profile.classCallEntersInit,
    instanceDictSizes: profile.sizeofInstanceDict,
    stdoutKeepsEmptyWrites: profile.stdoutKeepsEmptyWrites,
    comprehensionsInlined: profile.comprehensionsInlined,
    annotations: profile.annotations,
    tupleResizeToEmptyIsSingleton: profile.tupleResizeToEmptyIsSingleton,
    strSplitPreallocFromLength: profile.strSplitPreallocFromLength,
    minMaxArgsTuple: profile.minMaxArgsTuple,
    cellsOfArgumentsInPlace: profile.cellsOfArgumentsInPlace,
    containsItemIsLeftOperand: profile.containsItemIsLeftOperand,
    dictInsertHoldsKeyDuringHash: profile.dictInsertHoldsKeyDuringHash,
    floatSum: profile.floatSum,
    longFromDoubleCachesSmall: profile.longFromDoubleCachesSmall,
    deepcopyRangeAtomic: profile.deepcopyRangeAtomic,
    formatSpecRules: profile.formatSpecRules,
  };
}
