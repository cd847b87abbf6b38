/**
 * Probes of the facts about memory allocation, iterator sizes, instances and error messages
 * (see probes.ts for the contract: fixed Python source, output derived from the profile).
 */
import { fillMessage } from './messages';
import type { Probe } from './probes';

const lines = (...parts: string[]): string => parts.map((part) => `${part}\n`).join('');
const py = (value: boolean): string => (value ? 'True' : 'False');

/**
 * Reads the free lists from `sys._debugmallocstats()` (it writes to the C stderr: fd 2 goes to a
 * file meanwhile). Only `os` and `sys` are used, both loaded at startup, so that the counts at
 * the start are the program's own. Startup counts vary a little from run to run: the probe
 * prints the smallest of the buckets 20, 45, 100, 2000 that holds them.
 */
const allocator: Probe = {
  name: 'allocator-free-lists',
  facts: ['objectAllocator', 'freeLists'],
  source: `import sys, os

def free_counts():
    path = '/tmp/objspec-probe-%d.txt' % os.getpid()
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC)
    saved = os.dup(2)
    os.dup2(fd, 2)
    try:
        sys._debugmallocstats()
    finally:
        os.dup2(saved, 2)
        os.close(saved)
    os.lseek(fd, 0, 0)
    chunks = []
    while True:
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(fd)
    os.unlink(path)
    counts = {}
    for line in b''.join(chunks).decode().splitlines():
        words = line.split()
        if line.startswith('Small block threshold'):
            counts['pymalloc'] = line
        elif len(words) > 3 and words[1] == 'free':
            key = 'tuple' + words[2].split('-')[0] if words[3] == 'PyTupleObjects' else words[2]
            counts[key] = int(words[0])
    return counts

start = free_counts()
def bucket(n):
    return next(b for b in (20, 45, 100, 2000) if n <= b)
print(start.get('pymalloc', 'pymalloc: none'))
print('at start, at most: float %d, list %d, dict %d, tuple %d' % (
    bucket(start['PyFloatObjects']), bucket(start['PyListObjects']), bucket(start['PyDictObjects']),
    bucket(max(start.get('tuple%d' % n, 0) for n in range(1, 20)))))
floats = [i + 0.5 for i in range(3000)]
lists = [[] for i in range(3000)]
dicts = [{} for i in range(3000)]
tuples = [(i,) for i in range(3000)]
del floats, lists, dicts, tuples
full = free_counts()
print('capacity: float %d, list %d, dict %d, tuple %d' % (full['PyFloatObjects'], full['PyListObjects'], full['PyDictObjects'], full['tuple1']))
t = tuple(range(20))
before = free_counts().get('tuple20', 0)
del t
pushed = free_counts().get('tuple20', 0)
u = tuple(range(20))
popped = free_counts().get('tuple20', 0)
print('20-tuple pushed:', pushed == before + 1, 'popped:', pushed == before + 1 and popped == pushed - 1)
print('19-tuple free list:', 'tuple19' in full, '21:', 'tuple21' in full)
`,
  expected: (profile) => {
    const a = profile.objectAllocator;
    const f = profile.freeLists;
    // The probe's 19/20-length checks only tell 19 from 20.
    const pushed20 = f.tuple.pushMaxLen >= 20;
    return lines(
      a.kind === 'pymalloc'
        ? `Small block threshold = ${a.smallRequestThreshold}, in ${a.smallRequestThreshold / a.alignment} size classes.`
        : 'pymalloc: none',
      `at start, at most: float ${f.float.startupMax}, list ${f.list.startupMax}, dict ${f.dict.startupMax}, tuple ${f.tuple.startupMax}`,
      `capacity: float ${f.float.capacity}, list ${f.list.capacity}, dict ${f.dict.capacity}, tuple ${f.tuple.capacity}`,
      `20-tuple pushed: ${py(pushed20)} popped: ${py(pushed20 && f.tuple.popMaxLen >= 20)}`,
      `19-tuple free list: ${py(f.tuple.pushMaxLen >= 19)} 21: ${py(f.tuple.pushMaxLen >= 21)}`,
    );
  },
};

const objects: Probe = {
  name: 'iterators-and-instances',
  facts: ['sizeofIterator', 'sizeofDictView', 'sizeofBuiltinFunction', 'sizeofException', 'reversedListIteratorKeepsList', 'strAsciiIterator', 'sizeofRange', 'instanceBlockReused', 'managedDict', 'stdoutKeepsEmptyWrites'],
  source: `import sys, gc
print('a', end='')
print('b', end='')
pending = [list(r) for r in gc.get_referents(sys.stdout) if type(r) is list]
print()
print('pending writes:', pending)
print('iterators:', sys.getsizeof(iter([])), sys.getsizeof(iter(())), sys.getsizeof(iter(range(3))), sys.getsizeof(iter('ab')), sys.getsizeof(iter(b'ab')), sys.getsizeof(iter({1})), sys.getsizeof(iter({1: 2})), sys.getsizeof(iter({1: 2}.values())), sys.getsizeof(iter({1: 2}.items())))
print('dict views:', sys.getsizeof({1: 2}.keys()), sys.getsizeof({1: 2}.values()), sys.getsizeof({1: 2}.items()))
print('builtin functions:', sys.getsizeof(print), sys.getsizeof([].append))
class AppError(ValueError): pass
print('exceptions:', sys.getsizeof(ValueError('x')), sys.getsizeof(AppError('x')))
print('reversed:', sys.getsizeof(reversed([])), sys.getsizeof(reversed(())))
print('str iterators:', type(iter('ab')).__name__, type(iter('\\xe9')).__name__)
rl = [1, 2]
rr = reversed(rl)
list(rr)
print('exhausted reversed(list) holds the list:', sys.getrefcount(rl) == 3)
print('range:', sys.getsizeof(range(3)))
class C:
    pass
a = C()
i = id(a)
del a
b = C()
print('instance block reused:', id(b) == i)
b.x = 1
print('attribute values held by a dict:', any(type(r) is dict for r in gc.get_referents(b)))
`,
  expected: (profile) => {
    const it = profile.sizeofIterator;
    return lines(
      'ab',
      // The block-buffered stdout's pending list (`textiowrapper_traverse` visits `pending_bytes`).
      `pending writes: ${{ true: "[['a', '', 'b', '']]", false: "[['a', 'b']]", null: '(not known for this release)' }[`${profile.stdoutKeepsEmptyWrites}`]}`,
      `iterators: ${it.list} ${it.tuple} ${it.range} ${it.str} ${it.bytes} ${it.set} ${it.dict} ${it.dict} ${it.dict}`,
      `dict views: ${profile.sizeofDictView} ${profile.sizeofDictView} ${profile.sizeofDictView}`,
      `builtin functions: ${profile.sizeofBuiltinFunction} ${profile.sizeofBuiltinFunction}`,
      `exceptions: ${profile.sizeofException.builtin} ${profile.sizeofException.subclass}`,
      `reversed: ${it.reversed} ${it.reversed}`,
      `str iterators: ${profile.strAsciiIterator ? 'str_ascii_iterator' : 'str_iterator'} str_iterator`,
      `exhausted reversed(list) holds the list: ${py(profile.reversedListIteratorKeepsList)}`,
      `range: ${profile.sizeofRange}`,
      `instance block reused: ${py(profile.instanceBlockReused)}`,
      `attribute values held by a dict: ${py(!profile.managedDict)}`,
    );
  },
};

/**
 * The last line CPython's own hook (`sys.__excepthook__`; Pyodide replaces `sys.excepthook`) writes
 * for each error: what `python FILE.py` prints when uncaught.
 */
const errors: Probe = {
  name: 'error-messages',
  facts: ['errorMessages', 'errorSuggestions', 'dirNames', 'chrTakesCInt', 'weakrefTypeName'],
  source: `import sys, io

def last_line(fn):
    try:
        fn()
    except BaseException as e:
        saved = sys.stderr
        sys.stderr = io.StringIO()
        try:
            sys.__excepthook__(type(e), e, e.__traceback__)
            text = sys.stderr.getvalue()
        finally:
            sys.stderr = saved
        return text.strip().splitlines()[-1]
    return 'no error'

def divisions():
    z = 0
    f = 0.0
    out = []
    for fn in (lambda: 7 // z, lambda: 7 % z, lambda: 7 / z, lambda: 7.0 // f, lambda: 7.0 % f, lambda: 7.0 / f, lambda: divmod(7, z), lambda: divmod(7.0, f)):
        try:
            fn()
        except ZeroDivisionError as e:
            out.append(str(e))
    return ' | '.join(out)
print('division by zero:', divisions())
def unbound():
    print(never_set)
    never_set = 1
def unbound_free():
    def inner():
        return zqv_free
    inner()
    zqv_free = 1
class S:
    __slots__ = ('alpha',)
def unset_slot():
    return S().alpha
def new_attribute():
    S().beta = 1
spam_eggs = 1
def name_error():
    return spam_egs
class A:
    alpha = 1
def attribute_get():
    return A().alpah
def attribute_set():
    S().alphb = 1
class U:
    _alpha = 1
def underscored():
    return U().alpha
for fn in (unbound, unbound_free, unset_slot, new_attribute, name_error, attribute_get, attribute_set, underscored):
    print(fn.__name__ + ':', last_line(fn))
print('dir(object()):', ' '.join(sorted(dir(object()))))
print('min of nothing:', last_line(lambda: min([])))
class P:
    __slots__ = ()
print('a class adds:', ' '.join(sorted(set(dir(P)) - set(dir(object())) - {'__slots__'})))
print('unhashable dict key:', last_line(lambda: {}[([],)]))
print('unhashable set element:', last_line(lambda: set().add([])))
print('unhashable hash:', last_line(lambda: hash([])))
print('not a container:', last_line(lambda: 1 in 5))
def outer_fn():
    def inner_fn(a):
        pass
    inner_fn()
print('call arguments:', last_line(outer_fn))
def keyword_fn(alpha, *, beta):
    pass
print('unexpected keyword:', last_line(lambda: keyword_fn(1, beta=2, alpah=3)))
print('list.index missing:', last_line(lambda: [1].index(5)))
float_key = 1.5
print('str index type:', last_line(lambda: 'ab'[float_key]))
print('chr of 2**31:', last_line(lambda: chr(2**31)))
def set_on_int():
    int.alpha = 1
print('immutable type:', last_line(set_on_int))
print('isinstance of a non-class:', last_line(lambda: isinstance(1, 'alpha')))
import weakref
print('weakref operand:', last_line(lambda: weakref.ref(S) + 1))
`,
  expected: (profile) => {
    const m = profile.errorMessages;
    const s = profile.errorSuggestions;
    const mean = (on: boolean, name: string): string => (on ? `. Did you mean: '${name}'?` : '');
    return lines(
      `division by zero: ${[m.intFloorDivideByZero, m.intModuloByZero, m.intDivideByZero, m.floatFloorDivideByZero, m.floatModuloByZero, m.floatDivideByZero, m.intDivmodByZero, m.floatDivmodByZero].join(' | ')}`,
      `unbound: UnboundLocalError: ${fillMessage(m.unboundLocal, { name: 'never_set' })}`,
      `unbound_free: NameError: ${fillMessage(m.unboundFree, { name: 'zqv_free' })}`,
      `unset_slot: AttributeError: ${fillMessage(m.unsetSlot, { cls: 'S', attr: 'alpha' })}`,
      `new_attribute: AttributeError: ${fillMessage(m.noNewAttribute, { cls: 'S', attr: 'beta' })}`,
      `name_error: NameError: name 'spam_egs' is not defined${mean(s.nameError, 'spam_eggs')}`,
      `attribute_get: AttributeError: 'A' object has no attribute 'alpah'${mean(s.attributeGet, 'alpha')}`,
      `attribute_set: AttributeError: ${fillMessage(m.noNewAttribute, { cls: 'S', attr: 'alphb' })}${mean(s.attributeSet, 'alpha')}`,
      `underscored: AttributeError: 'U' object has no attribute 'alpha'${mean(s.attributeGet && !s.hidesUnderscored, '_alpha')}`,
      `dir(object()): ${profile.dirNames.object.join(' ')}`,
      `min of nothing: ValueError: ${fillMessage(m.minMaxEmpty, { name: 'min' })}`,
      `a class adds: ${profile.dirNames.classAdds.join(' ')}`,
      `unhashable dict key: TypeError: ${fillMessage(m.unhashableDictKey, { type: 'tuple', error: "unhashable type: 'list'" })}`,
      `unhashable set element: TypeError: ${fillMessage(m.unhashableSetElement, { type: 'list', error: "unhashable type: 'list'" })}`,
      "unhashable hash: TypeError: unhashable type: 'list'",
      `not a container: TypeError: ${fillMessage(m.notContainer, { type: 'int' })}`,
      `call arguments: TypeError: ${fillMessage(m.callArgumentsName, { name: 'inner_fn', qualname: 'outer_fn.<locals>.inner_fn' })}() missing 1 required positional argument: 'a'`,
      `unexpected keyword: TypeError: keyword_fn() got an unexpected keyword argument 'alpah'${s.unexpectedKeyword ? ". Did you mean 'alpha'?" : ''}`,
      `list.index missing: ValueError: ${fillMessage(m.listIndexMissing, { repr: '5' })}`,
      `str index type: TypeError: ${fillMessage(m.strIndexType, { type: 'float' })}`,
      `chr of 2**31: ${profile.chrTakesCInt ? 'OverflowError: Python int too large to convert to C int' : 'ValueError: chr() arg not in range(0x110000)'}`,
      `immutable type: TypeError: ${fillMessage(m.immutableTypeAttribute, { type: 'int', attr: 'alpha' })}`,
      `isinstance of a non-class: TypeError: ${m.isinstanceArg2}`,
      `weakref operand: TypeError: unsupported operand type(s) for +: '${profile.weakrefTypeName}' and 'int'`,
    );
  },
};

/** A name, co_consts and the getrefcount argument count 3; the arena makes 4 (as for a plain literal). */
const foldedOwners: Probe = {
  name: 'folded-constant-owners',
  facts: ['foldedConstantsInAstArena'],
  source: `import sys
plain = 123456
t = (1000, 2000)
e = 10 ** 20
n = -1000
print('folded constants held by the AST arena:', sys.getrefcount(t) == sys.getrefcount(plain), sys.getrefcount(e) == sys.getrefcount(plain), sys.getrefcount(n) == sys.getrefcount(plain))
`,
  expected: (profile) => {
    const held = py(profile.foldedConstantsInAstArena);
    return lines(`folded constants held by the AST arena: ${held} ${held} ${held}`);
  },
};

/** Constants only dead code loads: one reference less to an equal module constant where they are dropped. */
const deadCode: Probe = {
  name: 'dead-code-constants',
  facts: ['deadCodeConstants'],
  source: `import sys
def f():
    return 0.25 or 1000.5
def g():
    return 7000.5 if False else 0
x = 1000.5
y = 7000.5
print('references:', sys.getrefcount(x), sys.getrefcount(y))
`,
  expected: (profile) => {
    const level = profile.deadCodeConstants;
    return lines(`references: ${level === 'statements' ? 5 : 4} ${level === 'conditionals' ? 4 : 5}`);
  },
};

const compiler: Probe = {
  name: 'comprehensions-and-annotations',
  facts: ['comprehensionsInlined', 'annotations', 'tupleResizeToEmptyIsSingleton'],
  source: `import sys, gc
print('comprehension runs in:', [sys._getframe().f_code.co_name for _ in range(1)][0])
def g(annotated_param: print('annotation evaluated') or int):
    pass
held = [type(r).__name__ for r in gc.get_referents(g) if isinstance(r, (dict, tuple)) and 'annotated_param' in r]
print('annotations held as:', held)
empty = ()
print('empty tuple from a generator is ():', tuple(c for c in '') is empty)
`,
  expected: (profile) =>
    lines(
      `comprehension runs in: ${profile.comprehensionsInlined ? '<module>' : '<listcomp>'}`,
      ...(profile.annotations === 'annotate' ? [] : ['annotation evaluated']),
      `annotations held as: ${profile.annotations === 'annotate' ? '[]' : `['${profile.annotations}']`}`,
      `empty tuple from a generator is (): ${py(profile.tupleResizeToEmptyIsSingleton)}`,
    ),
};

const strSplit: Probe = {
  name: 'str-split-prealloc',
  facts: ['strSplitPreallocFromLength', 'sizeofList'],
  source: `import sys
words = ''.join(['a', ' b'])
print('slots of a two-word split:', (sys.getsizeof(words.split()) - sys.getsizeof([])) // (sys.getsizeof([0]) - sys.getsizeof([])))
`,
  expected: (profile) => lines(`slots of a two-word split: ${profile.strSplitPreallocFromLength ? 3 : 12}`),
};

/**
 * The first item as `max`'s key function sees it, given as arguments and in a list: the
 * caller's stack holds it in place of the list, and the args tuple one more (3.8-3.12).
 */
const minMaxCall: Probe = {
  name: 'min-max-args-tuple',
  facts: ['minMaxArgsTuple'],
  source: `import sys
seen = []
def key(v):
    seen.append(sys.getrefcount(v))
    return v
a = [1]
b = [2]
m = max(a, b, key=key)
m = max([a, b], key=key)
print('references an args tuple adds to an item:', seen[0] - seen[2])
`,
  expected: (profile) => lines(`references an args tuple adds to an item: ${profile.minMaxArgsTuple ? 1 : 0}`),
};

/** The order of a function's cells: 3.11+ the arguments' cells first (`MAKE_CELL` in their slots). */
const cellOrder: Probe = {
  name: 'cells-of-arguments',
  facts: ['cellsOfArgumentsInPlace'],
  source: `def f(b, a):
    z = 1
    y = 2
    def g():
        return a, b, z, y
    return g
print('cells:', ' '.join(f.__code__.co_cellvars))
`,
  expected: (profile) => lines(`cells: ${profile.cellsOfArgumentsInPlace ? 'b a y z' : 'a b y z'}`),
};

/** Float summation: plain doubles, Neumaier compensation, and compensation of int items. */
const floatSum: Probe = {
  name: 'float-sum',
  facts: ['floatSum'],
  source: `print('float sums:', sum([0.1] * 10), sum([1e16, 1, 1.0]), sum([1e100, 1.0, -1e100]))
`,
  expected: (profile) => {
    const mode = profile.floatSum;
    return lines(
      mode === 'plain'
        ? 'float sums: 0.9999999999999999 1e+16 0.0'
        : `float sums: 1.0 ${mode === 'compensated' ? '1e+16' : '1.0000000000000002e+16'} 1.0`,
    );
  },
};

/**
 * Python `__eq__`/`__hash__` as C code calls them: which operand `in` makes the left one
 * (the item, from 3.9), and whether `d[k] = v` holds the key while hashing it (3.11+).
 */
const userEquality: Probe = {
  name: 'user-equality',
  facts: ['containsItemIsLeftOperand', 'dictInsertHoldsKeyDuringHash'],
  source: `import sys
class C:
    def __init__(self, tag):
        self.tag = tag
    def __eq__(self, other):
        print('__eq__ of', self.tag)
        return False
    def __hash__(self):
        n.append(sys.getrefcount(self))
        return 1
n = []
a = C('item')
b = C('searched')
r = b in [a]
d = {}
d[a] = 1
r = a in d
# the lookup hashes a while d holds it: one reference more than before the insertion
print('references while a dict insertion hashes:', n[0] - n[1] + 1)
`,
  expected: (profile) =>
    lines(`__eq__ of ${profile.containsItemIsLeftOperand ? 'item' : 'searched'}
references while a dict insertion hashes: ${profile.dictInsertHoldsKeyDuringHash ? 1 : 0}`),
};

/** Small results of multi-digit int arithmetic: the cached object or a new one (variables: no folding). */
const formatSpecRules: Probe = {
  name: 'format-spec-rules',
  facts: ['formatSpecRules'],
  source: `def attempt(value, spec):
    try:
        return repr(format(value, spec))
    except ValueError as e:
        return str(e)
print('space sign on a str:', attempt('a', ' '))
print('zero flag on a str:', attempt('ab', '05'))
print('invalid spec:', attempt(5, 'abc'))
`,
  expected: (profile) => {
    const r = profile.formatSpecRules;
    return lines(`space sign on a str: ${r.spaceSignWording ? 'Space' : 'Sign'} not allowed in string format specifier
zero flag on a str: ${r.zeroPadAlignsStrings ? "'=' alignment not allowed in string format specifier" : "'ab000'"}
invalid spec: Invalid format specifier${r.invalidSpecNamesSpec ? " 'abc' for object of type 'int'" : ''}`);
  },
};

const internLatin1: Probe = {
  name: 'intern-latin1',
  facts: ['internLatin1Singleton'],
  source: `import sys
made = ''.join(['\\xe9', ''])
print('sys.intern of a new latin-1 character gives the cached one:', sys.intern(made) is chr(233))
`,
  expected: (profile) => lines(`sys.intern of a new latin-1 character gives the cached one: ${profile.internLatin1Singleton ? 'True' : 'False'}`),
};

const classCallInit: Probe = {
  name: 'class-call-init',
  facts: ['classCallEntersInit'],
  source: `import sys
class C:
    def __init__(self, a):
        self.n = sys.getrefcount(a)
class D:
    __slots__ = ('n',)
    def __init__(self, a, b=None):
        self.n = sys.getrefcount(a)
counts = [C([i]).n for i in range(3)]
print('later runs of C(arg) give __init__ the stack reference:', counts[1] < counts[0])
counts = [D([i]).n for i in range(3)]
print('with __slots__ and a default too:', counts[1] < counts[0])
`,
  expected: (profile) =>
    lines(
      `later runs of C(arg) give __init__ the stack reference: ${profile.classCallEntersInit !== 'never' ? 'True' : 'False'}`,
      `with __slots__ and a default too: ${profile.classCallEntersInit === 'simpleInit' ? 'True' : 'False'}`,
    ),
};

const deepcopyRange: Probe = {
  name: 'deepcopy-range',
  facts: ['deepcopyRangeAtomic'],
  source: `import copy
r = range(3)
print('deepcopy of a range is itself:', copy.deepcopy(r) is r)
`,
  expected: (profile) => lines(`deepcopy of a range is itself: ${profile.deepcopyRangeAtomic ? 'True' : 'False'}`),
};

const intResults: Probe = {
  name: 'int-results',
  facts: ['intResults', 'longFromDoubleCachesSmall'],
  source: `a = 10**20
b = a + 1
print('multi-digit subtraction gives the cached 1:', (b - a) is 1)
print('multi-digit remainder gives the cached 0:', (a % a) is 0)
n = -a
z = 0
print('a negative multi-digit int shifted by 0 is itself:', (n >> z) is n)
x = 2.4
print('round of a float gives the cached 2:', round(x) is 2)
`,
  expected: (profile) =>
    lines(`multi-digit subtraction gives the cached 1: ${profile.intResults.multiDigitSubtraction ? 'True' : 'False'}
multi-digit remainder gives the cached 0: ${profile.intResults.multiDigitRemainder ? 'True' : 'False'}
a negative multi-digit int shifted by 0 is itself: ${profile.intResults.negativeShiftByZeroIsSelf ? 'True' : 'False'}
round of a float gives the cached 2: ${profile.longFromDoubleCachesSmall ? 'True' : 'False'}`),
};

export const RUNTIME_PROBES: readonly Probe[] = [allocator, objects, errors, foldedOwners, deadCode, compiler, strSplit, minMaxCall, cellOrder, floatSum, userEquality, intResults, deepcopyRange, formatSpecRules, internLatin1, classCallInit];
