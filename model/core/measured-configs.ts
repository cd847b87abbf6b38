/**
 * CoreConfigs for the native x86_64 interpreters, built from facts measured on
 * /root/.pyenv/versions/{3.8.18,...,3.13.0}/bin/python (scripts and outputs in the
 * core's report). They let the core's tests run without `model/profiles`; the evaluator
 * builds its config from the profile table (`from-profile.ts`).
 */
import type { CoreConfig, LayoutSizes } from './config';

const sizes38: LayoutSizes = {
  longHeader: 24,
  longDigitBytes: 4,
  longDigitBits: 30,
  longZeroDigits: 0,
  float: 24,
  tupleHeader: 24,
  list: 40,
  dict: 48,
  asciiHeader: 48,
  compactHeader: 72,
  latin1SingletonUtf8Bytes: 0,
  bytesHeader: 32,
  instance: 32,
  slotsInstanceBase: 16,
  weakrefSlot: 8,
  dictGetsizeof: [64, 232, 232, 232, 232, 232],
  setGetsizeof: 216,
  rangeGetsizeof: 48,
  noneGetsizeof: 16,
};

function native(minor: number): CoreConfig {
  const sizes: LayoutSizes = {
    ...sizes38,
    longZeroDigits: minor >= 11 ? 1 : 0,
    // 3.12 removed `wstr` from PyASCIIObject (PEP 623): getsizeof('') 49 -> 41.
    asciiHeader: minor >= 12 ? 40 : 48,
    compactHeader: minor >= 12 ? 56 : 72,
    latin1SingletonUtf8Bytes: minor >= 12 ? 3 : 0,
    // getsizeof(C()): 48 (3.8-3.10), 56 (3.11), 48 (3.12+), GC header included.
    instance: minor === 11 ? 40 : 32,
    // getsizeof of a `__slots__ = ('__weakref__',)` instance: 40 (3.8-3.11), 48 (3.12+: managed weakref pre-header).
    weakrefSlot: minor >= 12 ? 16 : 8,
    dictGetsizeof: minor >= 11 ? [64, 224, 224, 224, 224, 224] : [64, 232, 232, 232, 232, 232],
  };
  return {
    allocatorModelled: true,
    pointerSize: 8,
    alignment: 16,
    smallRequestThreshold: 512,
    gcHeaderSize: 16,
    immortalRefcount: minor >= 12 ? 4294967295 : null,
    immortalRuntimeRefcount: minor >= 12 ? 4294967295 : null,
    smallIntMin: -5,
    smallIntMax: 256,
    intResults: { multiDigitSubtraction: minor >= 9, multiDigitRemainder: minor >= 11, negativeShiftByZeroIsSelf: minor >= 11 },
    emptyFrozensetSingleton: minor <= 9,
    internImmortal: { sysIntern: minor === 12, constants: minor === 12 },
    internLatin1Singleton: minor >= 13,
    // `str(True) is 'True'`: False on 3.11 only (`_Py_ID(True)` outside the interned dict).
    boolReprInterned: minor !== 11,
    weakrefTypeName: minor >= 10 ? 'weakref.ReferenceType' : 'weakref',
    freeLists: {
      float: { capacity: 100, startupMax: 20 },
      list: { capacity: 80, startupMax: 45 },
      dict: { capacity: 80, startupMax: 20 },
      tuple: { capacity: 2000, startupMax: 20, maxLen: minor >= 13 ? 20 : 19, pushMaxLen: minor >= 11 ? 20 : 19 },
    },
    instanceAllocationKnown: minor <= 12,
    sizes,
  };
}

/** Measured configs by minor version of the native x86_64 builds. */
export const NATIVE_CONFIGS: Readonly<Record<string, CoreConfig>> = {
  '3.8': native(8),
  '3.9': native(9),
  '3.10': native(10),
  '3.11': native(11),
  '3.12': native(12),
  '3.13': native(13),
};

export function nativeConfig(minorVersion: string): CoreConfig {
  const config = NATIVE_CONFIGS[minorVersion];
  if (!config) throw new Error(`no measured core config for ${minorVersion}`);
  return config;
}
