/**
 * Probe programs: the Python that measures each fact, and what it must print on a profile.
 * Run one as a file on a fresh interpreter (`python probe.py`, or the oracle's file path) and
 * compare stdout with `expected(resolveProfile(target))`. Output never contains raw id()s or
 * counts that depend on interpreter state.
 */
import type { FactName, Profile } from './index';
import { RUNTIME_PROBES } from './probes-runtime';
import { specialMethodLookup, strCallArgs } from './probes-special';
import { CALL_UNPACKING_PROBES } from './probes-calls';
import {
  bytesSizeof,
  intSizeof,
  listCapacityAfterAppends,
  listFromSizedCapacity,
  listOfDictCapacity,
  listLiteralCapacity,
  listSizeof,
  setSizeof,
  slotsInstanceSizeof,
  strSizeof,
  tupleSizeof,
} from './sizes';

export interface Probe {
  readonly name: string;
  /** The facts whose values decide this probe's output. */
  readonly facts: readonly FactName[];
  readonly source: string;
  readonly expected: (profile: Profile) => string;
}

const lines = (...parts: string[]): string => parts.map((part) => `${part}\n`).join('');
const py = (value: boolean): string => (value ? 'True' : 'False');

/** A function the probes share: is `o` immortal, and with what count (same count after 10 more references). */
const IMMORTAL_HELPER = `import sys

def immortal(o):
    before = sys.getrefcount(o)
    keep = [o] * 10
    after = sys.getrefcount(o)
    del keep
    return 'immortal %d' % after if after == before else 'mortal'
`;

const staticImmortal = (profile: Profile): string =>
  profile.immortalStaticRefcount === null ? 'mortal' : `immortal ${profile.immortalStaticRefcount}`;
const runtimeImmortal = (profile: Profile, isImmortal: boolean): string =>
  isImmortal && profile.immortalRuntimeRefcount !== null ? `immortal ${profile.immortalRuntimeRefcount}` : 'mortal';

const CACHED_OBJECTS = [
  ['None', 'None'],
  ['True', 'True'],
  ['False', 'False'],
  ['Ellipsis', '...'],
  ['int 0', "int('0')"],
  ['int 256', "int('256')"],
  ['int -5', "int('-5')"],
  ['empty str', "''.join([])"],
  ['latin-1 char', 'chr(233)'],
  ['empty tuple', 'tuple([])'],
  ['empty bytes', 'bytes()'],
  ['1-byte bytes', 'bytes([120])'],
] as const;
const ORDINARY_OBJECTS = [
  ['int 257', "int('257')"],
  ['int -6', "int('-6')"],
  ['ucs-2 char', 'chr(256)'],
  ['2-byte bytes', 'bytes([1, 2])'],
  ['float', "float('1.5')"],
  ['empty frozenset', 'frozenset()'],
] as const;

const immortalSingletons: Probe = {
  name: 'immortal-singletons',
  facts: ['immortalObjects', 'immortalStaticRefcount'],
  source:
    IMMORTAL_HELPER +
    [...CACHED_OBJECTS, ...ORDINARY_OBJECTS].map(([label, expr]) => `print('${label}:', immortal(${expr}))`).join('\n') +
    '\n',
  expected: (profile) =>
    lines(
      ...CACHED_OBJECTS.map(([label]) => `${label}: ${profile.immortalObjects ? staticImmortal(profile) : 'mortal'}`),
      ...ORDINARY_OBJECTS.map(([label]) => `${label}: mortal`),
    ),
};

const interning: Probe = {
  name: 'interning',
  facts: ['sysInternImmortal', 'constantStringsImmortal', 'codeNamesImmortal', 'immortalRuntimeRefcount', 'internsIdentifierConstants', 'boolReprInterned'],
  source:
    IMMORTAL_HELPER +
    `s = sys.intern(''.join(['probe', '_runtime_interned']))
print('sys.intern result:', immortal(s))
print('identifier constant:', immortal('probe_identifier_constant'))
probe_name_binding = 1
print('name in code:', immortal('probe_name_binding'))
a = sys.intern(''.join(['probe', '_evicted']))
del a
b = ''.join(['probe', '_evicted'])
print('evicted with its last reference:', sys.intern(b) is b)
ident = 'probe_ident'
print('identifier constant interned:', ident is sys.intern(''.join(['probe_', 'ident'])))
spaced = 'probe ident!'
print('other constant interned:', spaced is sys.intern(''.join(['probe ', 'ident!'])))
accented = 'probe_\\xe9'
print('non-ASCII constant interned:', accented is sys.intern(''.join(['probe_', '\\xe9'])))
false_constant = 'False'
print("bool_repr's str interned:", str(True) is 'True', repr(False) is false_constant)
`,
  expected: (profile) =>
    lines(
      `sys.intern result: ${runtimeImmortal(profile, profile.sysInternImmortal)}`,
      `identifier constant: ${runtimeImmortal(profile, profile.constantStringsImmortal)}`,
      `name in code: ${runtimeImmortal(profile, profile.codeNamesImmortal)}`,
      `evicted with its last reference: ${py(!profile.sysInternImmortal)}`,
      `identifier constant interned: ${py(profile.internsIdentifierConstants)}`,
      'other constant interned: False',
      'non-ASCII constant interned: False',
      `bool_repr's str interned: ${py(profile.boolReprInterned)} ${py(profile.boolReprInterned)}`,
    ),
};

const PRINTABLE_ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));

const oneCharLiterals: Probe = {
  name: 'one-char-literals',
  facts: ['oneCharLiteralNotSingleton'],
  // JSON string syntax is valid Python for printable ASCII.
  source: `literals = [${PRINTABLE_ASCII.map((char) => JSON.stringify(char)).join(', ')}]
odd = ''.join(c for c in literals if c is not chr(ord(c)))
print('literals that are not the cached singleton: [' + odd + ']')
`,
  expected: (profile) => lines(`literals that are not the cached singleton: [${profile.oneCharLiteralNotSingleton}]`),
};

const getrefcountStack: Probe = {
  name: 'getrefcount-stack',
  facts: ['getrefcountBorrowsFastLocals', 'callerHoldsArgumentReference'],
  source: `import sys
module_level = object()
print('module-level name:', sys.getrefcount(module_level))
def local_once():
    x = object()
    return sys.getrefcount(x)
print('function local:', local_once())
def parameter(p):
    return sys.getrefcount(p)
print('parameter:', parameter(object()))
def through_global():
    return sys.getrefcount(module_level)
print('global in a function:', through_global())
class Box:
    pass
box = Box()
box.attr = object()
print('attribute:', sys.getrefcount(box.attr))
slot = [object()]
print('list item:', sys.getrefcount(slot[0]))
print('temporary:', sys.getrefcount(object()))
`,
  expected: (profile) => {
    const loadCounts = profile.getrefcountBorrowsFastLocals ? 0 : 1;
    return lines(
      'module-level name: 2',
      `function local: ${1 + loadCounts}`,
      `parameter: ${1 + loadCounts + (profile.callerHoldsArgumentReference ? 1 : 0)}`,
      'global in a function: 2',
      'attribute: 2',
      'list item: 2',
      'temporary: 1',
    );
  },
};

const INT_CACHE_SAMPLES = [-6, -5, 0, 256, 257] as const;

const caches: Probe = {
  name: 'caches',
  facts: [
    'smallIntRange',
    'latin1CharCache',
    'singleByteBytesCache',
    'emptyStrSingleton',
    'emptyBytesSingleton',
    'emptyTupleSingleton',
    'emptyFrozensetSingleton',
  ],
  source:
    INT_CACHE_SAMPLES.map((n) => `print('int ${n}:', int('${n}') is int('${n}'))`).join('\n') +
    `
print('chr 0:', chr(0) is chr(0))
print('chr 255:', chr(255) is chr(255))
print('chr 256:', chr(256) is chr(256))
print('bytes 0:', bytes([0]) is bytes([0]))
print('bytes 255:', bytes([255]) is bytes([255]))
print('bytes 2 long:', bytes([1, 2]) is bytes([1, 2]))
print('empty str:', ''.join([]) is str())
print('empty bytes:', bytes() is b''.join([]))
print('empty tuple:', tuple([]) is tuple())
print('empty frozenset:', frozenset([]) is frozenset())
`,
  expected: (profile) =>
    lines(
      ...INT_CACHE_SAMPLES.map((n) => `int ${n}: ${py(n >= profile.smallIntRange.min && n <= profile.smallIntRange.max)}`),
      `chr 0: ${py(profile.latin1CharCache)}`,
      `chr 255: ${py(profile.latin1CharCache)}`,
      'chr 256: False',
      `bytes 0: ${py(profile.singleByteBytesCache)}`,
      `bytes 255: ${py(profile.singleByteBytesCache)}`,
      'bytes 2 long: False',
      `empty str: ${py(profile.emptyStrSingleton)}`,
      `empty bytes: ${py(profile.emptyBytesSingleton)}`,
      `empty tuple: ${py(profile.emptyTupleSingleton)}`,
      `empty frozenset: ${py(profile.emptyFrozensetSingleton)}`,
    ),
};

const constantFolding: Probe = {
  name: 'constant-folding',
  facts: ['constantFoldLimits', 'mergesConstantsAcrossCodeObjects'],
  source: `def folded(f, v):
    return any(type(c) is type(v) and c == v for c in f.__code__.co_consts)
def s_at(): return 'a' * 4096
def s_over(): return 'a' * 4097
def b_over(): return b'a' * 4097
def t_at(): return (1,) * 256
def t_over(): return (1,) * 257
def p_at(): return 2 ** 64
def p_over(): return 2 ** 65
def m_at(): return (2 ** 60) * (2 ** 60)
def neg(): return -5
def tup(): return (1, (2, -3))
print('str * 4096:', folded(s_at, 'a' * 4096))
print('str * 4097:', folded(s_over, 'a' * 4097))
print('bytes * 4097:', folded(b_over, b'a' * 4097))
print('tuple * 256:', folded(t_at, (1,) * 256))
print('tuple * 257:', folded(t_over, (1,) * 257))
print('2 ** 64:', folded(p_at, 2 ** 64))
print('2 ** 65:', folded(p_over, 2 ** 65))
print('2**60 * 2**60:', folded(m_at, 2 ** 120))
print('-5:', folded(neg, -5))
print('nested tuple:', folded(tup, (1, (2, -3))))
big = 1000
spaced = 'a b!'
pair = (1, 2)
def same_constants(): return 1000, 'a b!', (1, 2)
print('constants shared with a function:', same_constants() == (big, spaced, pair) and all(x is y for x, y in zip(same_constants(), (big, spaced, pair))))
`,
  expected: (profile) => {
    const { strRepeatMaxLength, collectionRepeatMaxItems, intMaxBits } = profile.constantFoldLimits;
    // const_folding_safe_power / safe_multiply: bits(base) * exponent, bits(a) + bits(b).
    return lines(
      `str * 4096: ${py(4096 <= strRepeatMaxLength)}`,
      `str * 4097: ${py(4097 <= strRepeatMaxLength)}`,
      `bytes * 4097: ${py(4097 <= strRepeatMaxLength)}`,
      `tuple * 256: ${py(256 <= collectionRepeatMaxItems)}`,
      `tuple * 257: ${py(257 <= collectionRepeatMaxItems)}`,
      `2 ** 64: ${py(2 * 64 <= intMaxBits)}`,
      `2 ** 65: ${py(2 * 65 <= intMaxBits)}`,
      `2**60 * 2**60: ${py(61 + 61 <= intMaxBits)}`,
      '-5: True',
      'nested tuple: True',
      `constants shared with a function: ${py(profile.mergesConstantsAcrossCodeObjects)}`,
    );
  },
};

const INT_SAMPLES = ['0', '1', '-1', '2 ** 30 - 1', '2 ** 30', '-2 ** 30', '2 ** 60', '2 ** 90'] as const;
const INT_VALUES: Record<(typeof INT_SAMPLES)[number], bigint> = {
  '0': 0n,
  '1': 1n,
  '-1': -1n,
  '2 ** 30 - 1': 2n ** 30n - 1n,
  '2 ** 30': 2n ** 30n,
  '-2 ** 30': -(2n ** 30n),
  '2 ** 60': 2n ** 60n,
  '2 ** 90': 2n ** 90n,
};
/** [label, Python expression, the same text in JS]. Escapes are Python's, so the probe stays ASCII. */
const STR_SAMPLES = [
  ['empty', "''", ''],
  ['ascii 1', "'a'", 'a'],
  ['ascii 10', "'abcdefghij'", 'abcdefghij'],
  ['latin-1 singleton', 'chr(233)', '\u00e9'],
  ['latin-1 2', "'\\xe9!'", '\u00e9!'],
  ['latin-1 10', "'\\xe9' * 10", '\u00e9'.repeat(10)],
  ['ucs-2 1', "'\\u0100'", '\u0100'],
  ['ucs-2 10', "'\\u0100' * 10", '\u0100'.repeat(10)],
  ['ucs-4 1', "'\\U0001F600'", '\u{1F600}'],
  ['ucs-4 10', "'\\U0001F600' * 10", '\u{1F600}'.repeat(10)],
  // The edges of each kind (PyUnicode_New: maxchar < 128, < 256, < 65536).
  ['ascii top', "'x\\x7f'", 'x\u007f'],
  ['latin-1 bottom', "'x\\x80'", 'x\u0080'],
  ['ucs-2 top', "'x\\uffff'", 'x\uffff'],
  ['ucs-4 bottom', "'x\\U00010000'", 'x\u{10000}'],
] as const;
const APPENDS = Array.from({ length: 17 }, (_, i) => i + 1);
const LITERALS = [
  ['[1]', 1, true],
  ['[1, 2]', 2, true],
  ['[1, 2, 3]', 3, true],
  ['[1, 2, 3, 4, 5]', 5, true],
  ['[1, 2, 3, 4, 5, 6, 7]', 7, true],
  ['[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]', 10, true],
  ['[v, v, v]', 3, false],
  ['[v, v, v, v, v]', 5, false],
] as const;

const sizeof: Probe = {
  name: 'sizeof',
  facts: [
    'sizeofObject',
    'sizeofFloat',
    'sizeofInt',
    'sizeofStr',
    'sizeofBytes',
    'sizeofTuple',
    'sizeofList',
    'listGrowth',
    'listLiteralOfConstants',
    'listFromSized',
    'listExtendDictDirect',
    'sizeofDict',
    'sizeofSet',
    'sizeofInstance',
    'sizeofSlotsInstance',
    'sizeofInstanceDict',
    'sizeofFunction',
  ],
  source: `import sys
g = sys.getsizeof
print('object:', g(object()), g(None))
print('float:', g(1.5))
${INT_SAMPLES.map((expr) => `print('int ${expr}:', g(${expr}))`).join('\n')}
print('bool:', g(False), g(True))
${STR_SAMPLES.map(([label, expr]) => `print('str ${label}:', g(${expr}))`).join('\n')}
print('bytes:', g(b''), g(b'x'), g(b'x' * 10))
print('tuple:', *[g(tuple(range(n))) for n in range(5)], g(tuple(range(10))))
print('list empty:', g([]))
def appended(n):
    out = []
    for i in range(n):
        out.append(i)
    return out
print('list appended:', *[g(appended(n)) for n in range(1, 18)])
v = 7
${LITERALS.map(([expr]) => `print('list ${expr}:', g(${expr}))`).join('\n')}
print('list(range(n)):', *[g(list(range(n))) for n in range(8)])
print('list(dict view):', *[g(list({i: i for i in range(n)}.values())) for n in range(8)])
print('sorted(dict):', *[g(sorted({i: i for i in range(n)})) for n in range(8)])
print('dict {} dict():', g({}), g(dict()))
print('dict str keys:', *[g({str(i): i for i in range(n)}) for n in range(12)])
print('dict int keys:', *[g({i: i for i in range(n)}) for n in range(12)])
print('set:', *[g(set(range(n))) for n in range(20)])
print('frozenset:', *[g(frozenset(range(n))) for n in range(6)])
class Plain:
    pass
class Slots0:
    __slots__ = ()
class Slots1:
    __slots__ = ('a',)
class Slots3:
    __slots__ = ('a', 'b', 'c')
print('instance:', g(Plain()))
print('slots instance:', g(Slots0()), g(Slots1()), g(Slots3()))
class SlotsW:
    __slots__ = ('__weakref__',)
class SlotsAW:
    __slots__ = ('a', '__weakref__', 'b')
print('slots instance with __weakref__:', g(SlotsW()), g(SlotsAW()))
class Fresh:
    pass
print('instance __dict__ no attributes:', g(Fresh().__dict__))
class Fresh1:
    pass
one = Fresh1()
one.x = 1
print('instance __dict__ one attribute:', g(one.__dict__))
two = Fresh1()
two.x = 1
print('later instance __dict__ one attribute:', g(two.__dict__))
def fn():
    pass
print('function:', g(fn))
`,
  expected: (profile) => {
    const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
    const dict = profile.sizeofDict;
    return lines(
      `object: ${profile.sizeofObject} ${profile.sizeofObject}`,
      `float: ${profile.sizeofFloat}`,
      ...INT_SAMPLES.map((expr) => `int ${expr}: ${intSizeof(profile, INT_VALUES[expr])}`),
      `bool: ${intSizeof(profile, 0n)} ${intSizeof(profile, 1n)}`,
      ...STR_SAMPLES.map(([label, , text]) => `str ${label}: ${strSizeof(profile, text)}`),
      `bytes: ${bytesSizeof(profile, 0)} ${bytesSizeof(profile, 1)} ${bytesSizeof(profile, 10)}`,
      `tuple: ${[...range(5), 10].map((n) => tupleSizeof(profile, n)).join(' ')}`,
      `list empty: ${listSizeof(profile, 0)}`,
      `list appended: ${APPENDS.map((n) => listSizeof(profile, listCapacityAfterAppends(profile, n))).join(' ')}`,
      ...LITERALS.map(
        ([expr, count, constants]) => `list ${expr}: ${listSizeof(profile, listLiteralCapacity(profile, count, constants))}`,
      ),
      `list(range(n)): ${range(8).map((n) => listSizeof(profile, listFromSizedCapacity(profile, n))).join(' ')}`,
      `list(dict view): ${range(8).map((n) => listSizeof(profile, listOfDictCapacity(profile, n, true))).join(' ')}`,
      `sorted(dict): ${range(8).map((n) => listSizeof(profile, listOfDictCapacity(profile, n, false))).join(' ')}`,
      `dict {} dict(): ${dict.emptyLiteral} ${dict.emptyCall}`,
      `dict str keys: ${dict.strKeys.join(' ')}`,
      `dict int keys: ${dict.intKeys.join(' ')}`,
      `set: ${range(20).map((n) => setSizeof(profile, n)).join(' ')}`,
      `frozenset: ${range(6).map((n) => setSizeof(profile, n)).join(' ')}`,
      `instance: ${profile.sizeofInstance}`,
      `slots instance: ${[0, 1, 3].map((n) => slotsInstanceSizeof(profile, n)).join(' ')}`,
      `slots instance with __weakref__: ${slotsInstanceSizeof(profile, 0, true)} ${slotsInstanceSizeof(profile, 2, true)}`,
      `instance __dict__ no attributes: ${profile.sizeofInstanceDict.firstInstance}`,
      `instance __dict__ one attribute: ${profile.sizeofInstanceDict.firstInstance}`,
      `later instance __dict__ one attribute: ${profile.sizeofInstanceDict.laterInstances}`,
      `function: ${profile.sizeofFunction}`,
    );
  },
};

/** Every probe; together they cover every fact (checked by probes.test.ts). */
export const PROBES: readonly Probe[] = [
  immortalSingletons,
  interning,
  oneCharLiterals,
  getrefcountStack,
  caches,
  constantFolding,
  sizeof,
  ...RUNTIME_PROBES,
  specialMethodLookup,
  strCallArgs,
  ...CALL_UNPACKING_PROBES,
];

/** What each probe must print on this profile, by probe name. */
export function expectedProbeOutputs(profile: Profile): Map<string, string> {
  return new Map(PROBES.map((probe) => [probe.name, probe.expected(profile)]));
}

/**
 * A short fingerprint of a probe's source (FNV-1a, 32 bits, hex): recordings of real outputs
 * (`measured/probe-outputs.json`) carry it, so a changed probe cannot be checked against a stale one.
 */
export function probeFingerprint(source: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) {
    hash ^= source.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
