/**
 * Claims about object identity that are commonly made (several from the tutorial in
 * shared/reference/interning-and-object-caching.txt), each restated in our own words with a Python
 * program of our own that tests it. What a claim predicts is stored as data (`expect`): the verdict on
 * each interpreter is computed from what the program really printed there (properties/claims.test.ts
 * runs them into results/claims.json), never typed here.
 */
import { z } from 'zod';

const expectSchema = z.discriminatedUnion('kind', [
  /** The claim, read literally, predicts exactly this standard output. */
  z.object({ kind: z.literal('stdout'), stdout: z.string().min(1) }),
  /** The claim predicts output of a shape: `pattern` must match the whole stdout; `meaning` says it in words. */
  z.object({
    kind: z.literal('pattern'),
    pattern: z.string().refine((text) => {
      try {
        new RegExp(text);
        return true;
      } catch {
        return false;
      }
    }, 'a valid regular expression'),
    meaning: z.string().min(5),
  }),
]);

export const claimSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'a kebab-case id such as intern-table-weak'),
  /** Where the claim comes from: the tutorial, or folklore repeated in many places. */
  origin: z.enum(['tutorial', 'common']),
  topic: z.string().min(3),
  /** The claim, in our own words. */
  claim: z.string().min(20),
  /** How the program turns the claim into something a run can confirm or refute. */
  reading: z.string().min(20),
  program: z.string().min(1).refine((text) => text.endsWith('\n'), 'the program must end with a newline'),
  expect: expectSchema,
  /** Spec entries (ids) that state the behaviour precisely. */
  related: z.array(z.string().regex(/^[a-z0-9-]+\.[a-z0-9-.]+$/)),
});

export type Claim = z.infer<typeof claimSchema>;
export type ClaimExpectation = z.infer<typeof expectSchema>;

/** What the judge needs from a run. */
export interface ClaimOutcome {
  readonly stdout: string;
  readonly exitCode: number;
}

/** `error` when the program did not finish normally: the evidence then says nothing either way. */
export type ClaimVerdict = 'holds' | 'fails' | 'error';

export function judgeClaim(claim: Claim, outcome: ClaimOutcome): ClaimVerdict {
  if (outcome.exitCode !== 0) return 'error';
  const { expect } = claim;
  const matches = expect.kind === 'stdout' ? outcome.stdout === expect.stdout : new RegExp(`^(?:${expect.pattern})$`).test(outcome.stdout);
  return matches ? 'holds' : 'fails';
}

/** The prediction in words, for the page. */
export function describeExpectation(expect: ClaimExpectation): string {
  return expect.kind === 'stdout' ? `prints exactly:\n${expect.stdout}` : `prints ${expect.meaning}`;
}

const rawClaims: unknown[] = [
  {
    id: 'small-int-range',
    origin: 'tutorial',
    topic: 'small ints',
    claim: 'CPython preallocates one object for each int from -5 up to and including 256, so equal ints in that range are the same object however they were computed, and equal ints outside it are not.',
    reading: 'Each value is parsed twice from text at run time, so no compile-time constant is shared; identity then comes from the cache alone.',
    program: ['for text in ["-6", "-5", "0", "256", "257"]:', '    left = int(text)', '    right = int(text)', '    print(text, left is right)', ''].join('\n'),
    expect: { kind: 'stdout', stdout: '-6 False\n-5 True\n0 True\n256 True\n257 False\n' },
    related: ['int-cache.bounds'],
  },
  {
    id: 'module-level-257-distinct',
    origin: 'tutorial',
    topic: 'constants',
    claim: 'Writing the literal 257 in two separate assignments at module level produces two different objects, so the two names are not identical.',
    reading: 'The program is a file run with `python FILE.py`, the situation the claim is usually made about.',
    program: ['first = 257', 'second = 257', 'print(first is second)', ''].join('\n'),
    expect: { kind: 'stdout', stdout: 'False\n' },
    related: ['constants.unit-sharing', 'int-cache.bounds'],
  },
  {
    id: 'constants-shared-in-function',
    origin: 'tutorial',
    topic: 'constants',
    claim: 'Inside one function body, two uses of the same large literal load one object, because the compiler stores each distinct constant once.',
    reading: 'A function assigns the literal 1000 to two locals and compares them.',
    program: ['def compare():', '    one = 1000', '    other = 1000', '    return one is other', 'print(compare())', ''].join('\n'),
    expect: { kind: 'stdout', stdout: 'True\n' },
    related: ['constants.unit-sharing'],
  },
  {
    id: 'constants-not-shared-across-functions',
    origin: 'tutorial',
    topic: 'constants',
    claim: "The compiler's sharing of equal constants stops at the function boundary: two functions of the same file that return the literal 1000 return different objects.",
    reading: 'Two functions in one file each return the literal 1000; the claim predicts they are not the same object.',
    program: ['def first():', '    return 1000', 'def second():', '    return 1000', 'print(first() is second())', ''].join('\n'),
    expect: { kind: 'stdout', stdout: 'False\n' },
    related: ['constants.unit-sharing'],
  },
  {
    id: 'separate-units-distinct',
    origin: 'tutorial',
    topic: 'constants',
    claim: 'Statements compiled separately, such as two lines typed at the interactive prompt, do not share constants: 1000 assigned on two such lines gives two objects.',
    reading: 'The checks run files, not a prompt; the prompt compiles each statement on its own, which two exec() calls of separate source strings reproduce.',
    program: ['space = {}', 'exec("a = 1000", space)', 'exec("b = 1000", space)', 'print(space["a"] is space["b"])', ''].join('\n'),
    expect: { kind: 'stdout', stdout: 'False\n' },
    related: ['constants.unit-sharing'],
  },
  {
    id: 'spaced-literals-distinct',
    origin: 'tutorial',
    topic: 'interning',
    claim: 'Two equal string literals that contain a space are separate objects when assigned at module level, because the compiler only interns identifier-like strings.',
    reading: 'The program is a file; the claim is made for module-level assignments (it hedges with "in most contexts").',
    program: ['greeting = "good morning"', 'again = "good morning"', 'print(greeting is again)', ''].join('\n'),
    expect: { kind: 'stdout', stdout: 'False\n' },
    related: ['constants.unit-sharing', 'interning.identifier-literals'],
  },
  {
    id: 'identifier-literals-interned',
    origin: 'common',
    topic: 'interning',
    claim: 'A string literal made only of ASCII letters, digits and underscores is interned when the code is compiled, while an equal string assembled at run time is a separate object until it goes through sys.intern().',
    reading: 'An equal string is joined at run time; it should not be the literal, and sys.intern() of it should return the literal.',
    program: ['import sys', 'literal = "status_code_7"', 'assembled = "_".join(["status", "code", "7"])', 'print(assembled is literal, sys.intern(assembled) is literal)', ''].join('\n'),
    expect: { kind: 'stdout', stdout: 'False True\n' },
    related: ['interning.identifier-literals'],
  },
  {
    id: 'literal-concatenation-folded',
    origin: 'tutorial',
    topic: 'interning',
    claim: 'The compiler joins two adjacent string literals added with + into one constant, which is then the same object as an equal identifier-like literal.',
    reading: 'A sum of two literals is compared by identity with the literal of the joined text.',
    program: ['joined = "obj" + "spec"', 'whole = "objspec"', 'print(joined is whole)', ''].join('\n'),
    expect: { kind: 'stdout', stdout: 'True\n' },
    related: ['interning.identifier-literals'],
  },
  {
    id: 'intern-any-string',
    origin: 'tutorial',
    topic: 'interning',
    claim: 'sys.intern() returns one shared object for equal strings whatever characters they contain, spaces and punctuation included.',
    reading: 'Two equal strings with spaces are built differently at run time and both interned.',
    program: ['import sys', 'one = sys.intern("".join(["claims, ", "checked: ", "yes"]))', 'two = sys.intern("".join(["claims, checked", ": yes"]))', 'print(one is two)', ''].join('\n'),
    expect: { kind: 'stdout', stdout: 'True\n' },
    related: ['interning.sys-intern'],
  },
  {
    id: 'intern-table-weak',
    origin: 'tutorial',
    topic: 'interning',
    claim: 'The intern table refers to its strings weakly: when nothing else refers to an interned string it is freed, and interning an equal string afterwards stores and returns that new string.',
    reading: 'A string is interned and its only name deleted; an equal fresh string is then interned. The claim predicts the fresh string comes back.',
    program: [
      'import sys',
      'old = sys.intern("".join(["weak table ", "claim text"]))',
      'del old',
      'fresh = "".join(["weak table claim", " text"])',
      'print(sys.intern(fresh) is fresh)',
      '',
    ].join('\n'),
    expect: { kind: 'stdout', stdout: 'True\n' },
    related: ['interning.mortality'],
  },
  {
    id: 'singletons',
    origin: 'tutorial',
    topic: 'singletons',
    claim: 'None, True and False exist exactly once, which the language itself promises: every way of producing them gives the same object, and True is not the int 1.',
    reading: 'Several routes to each value are compared by identity, and True with an int 1 computed at run time.',
    program: ['import copy', 'one = int("1")', 'print(bool(one) is True, (one == 1) is True, copy.deepcopy(None) is None, bool("") is False, True is one)', ''].join('\n'),
    expect: { kind: 'stdout', stdout: 'True True True True False\n' },
    related: ['singletons.identity'],
  },
  {
    id: 'empty-tuple-singleton',
    origin: 'tutorial',
    topic: 'containers',
    claim: 'CPython has a single empty tuple: the literal (), tuple() and any other empty tuple are one object.',
    reading: 'Empty tuples made by the literal, the constructor, a conversion and a slice are compared by identity.',
    program: ['empty = ()', 'print(tuple() is empty, tuple([]) is empty, (1, 2)[5:] is empty)', ''].join('\n'),
    expect: { kind: 'stdout', stdout: 'True True True\n' },
    related: ['caches.empty-tuple'],
  },
  {
    id: 'getrefcount-plus-one',
    origin: 'common',
    topic: 'reference counts',
    claim: 'sys.getrefcount() always reports one more than the references the caller holds, because passing the object to it adds one: a list bound to a single name reports 2, at module level and inside a function alike.',
    reading: 'A list held by one name is measured at module level, then the same inside a function.',
    program: ['import sys', 'items = [1, 2, 3]', 'print(sys.getrefcount(items))', 'def measure():', '    local_items = [1, 2, 3]', '    return sys.getrefcount(local_items)', 'print(measure())', ''].join('\n'),
    expect: { kind: 'stdout', stdout: '2\n2\n' },
    related: ['refcount.getrefcount-argument'],
  },
  {
    id: 'small-int-refcount-grows',
    origin: 'tutorial',
    topic: 'reference counts',
    claim: "A cached small int's reference count goes up with every new reference to it, which is why sys.getrefcount() shows a big number for it: a thousand more references add a thousand.",
    reading: 'A list of a thousand references to 42 is built and the change in its reported count printed.',
    program: ['import sys', 'before = sys.getrefcount(42)', 'held = [42 for _ in range(1000)]', 'print(sys.getrefcount(42) - before)', ''].join('\n'),
    expect: { kind: 'stdout', stdout: '1000\n' },
    related: ['immortal.objects', 'int-cache.bounds'],
  },
  {
    id: 'small-int-refcount-large',
    origin: 'tutorial',
    topic: 'reference counts',
    claim: 'sys.getrefcount() of a cached small int such as 42 is a very large number.',
    reading: '"Very large" is read as at least a thousand.',
    program: ['import sys', 'print(sys.getrefcount(42))', ''].join('\n'),
    expect: { kind: 'pattern', pattern: '[1-9][0-9]{3,}\\n', meaning: 'a number of at least four digits' },
    related: ['immortal.objects'],
  },
  {
    id: 'two-300s-refcount',
    origin: 'tutorial',
    topic: 'reference counts',
    claim: 'After c = 300 and d = 300 at module level, c and d are different objects, and sys.getrefcount(d) is 2: the name d plus the call.',
    reading: 'The two assignments are made at module level of a file; the identity and the count of d are printed.',
    program: ['import sys', 'c = 300', 'd = 300', 'print(c is d, sys.getrefcount(d))', ''].join('\n'),
    expect: { kind: 'stdout', stdout: 'False 2\n' },
    related: ['constants.unit-sharing', 'refcount.getrefcount-argument'],
  },
  {
    id: 'id-reuse',
    origin: 'common',
    topic: 'identity',
    claim: 'Once an object is freed its id can be given to a new object: deleting a list and creating another one often hands the new list the old id.',
    reading: 'The claim says "can"; this program is one occasion where it is expected to happen, so a False here would not disprove it, only fail to show it.',
    program: ['first = [1, 2, 3]', 'remembered = id(first)', 'del first', 'second = [4, 5, 6]', 'print(id(second) == remembered)', ''].join('\n'),
    expect: { kind: 'stdout', stdout: 'True\n' },
    related: ['identity.reuse-after-free', 'identity.unique-while-alive'],
  },
  {
    id: 'slots-sizes',
    origin: 'tutorial',
    topic: '__slots__',
    claim: 'An instance of a class with three __slots__ takes 56 bytes, an ordinary instance with two attributes 48 bytes, and that instance’s __dict__ 232 bytes.',
    reading: 'sys.getsizeof of a slotted instance, an ordinary one, and the ordinary one’s __dict__, printed on one line.',
    program: [
      'import sys',
      'class Slotted:',
      '    __slots__ = ("x", "y", "flag")',
      '    def __init__(self):',
      '        self.x = 1.0',
      '        self.y = 2.0',
      '        self.flag = False',
      'class Plain:',
      '    def __init__(self):',
      '        self.x = 1.0',
      '        self.y = 2.0',
      'slotted = Slotted()',
      'plain = Plain()',
      'print(sys.getsizeof(slotted), sys.getsizeof(plain), sys.getsizeof(plain.__dict__))',
      '',
    ].join('\n'),
    expect: { kind: 'stdout', stdout: '56 48 232\n' },
    related: ['slots.no-dict'],
  },
  {
    id: 'slots-ratio',
    origin: 'tutorial',
    topic: '__slots__',
    claim: '__slots__ makes a small object three to five times smaller than an ordinary instance counted together with its __dict__.',
    reading: 'For a two-attribute class, (instance + __dict__) / slotted instance is computed with sys.getsizeof and tested against 3 to 5.',
    program: [
      'import sys',
      'class Slim:',
      '    __slots__ = ("x", "y")',
      '    def __init__(self):',
      '        self.x = 1',
      '        self.y = 2',
      'class Full:',
      '    def __init__(self):',
      '        self.x = 1',
      '        self.y = 2',
      'full = Full()',
      'ratio = (sys.getsizeof(full) + sys.getsizeof(full.__dict__)) / sys.getsizeof(Slim())',
      'print(f"{ratio:.2f}", 3 <= ratio <= 5)',
      '',
    ].join('\n'),
    expect: { kind: 'pattern', pattern: '[0-9.]+ True\\n', meaning: 'a ratio followed by True (between 3 and 5)' },
    related: ['slots.no-dict'],
  },
  {
    id: 'slots-no-dict',
    origin: 'tutorial',
    topic: '__slots__',
    claim: 'Instances of a class with __slots__ have no __dict__ and refuse attributes that are not listed; a subclass that does not declare __slots__ gets a __dict__ back.',
    reading: 'An unlisted attribute is assigned on a slotted instance, and a subclass instance is asked for __dict__.',
    program: [
      'class Pair:',
      '    __slots__ = ("left", "right")',
      'class Looser(Pair):',
      '    pass',
      'pair = Pair()',
      'try:',
      '    pair.extra = 1',
      '    result = "assigned"',
      'except AttributeError:',
      '    result = "AttributeError"',
      'print(hasattr(pair, "__dict__"), hasattr(Looser(), "__dict__"), result)',
      '',
    ].join('\n'),
    expect: { kind: 'stdout', stdout: 'False True AttributeError\n' },
    related: ['slots.no-dict'],
  },
  {
    id: 'cycles-wait-for-gc',
    origin: 'tutorial',
    topic: 'garbage collection',
    claim: 'Objects that refer to each other survive the loss of their last outside reference; only the cyclic collector (gc.collect()) frees them.',
    reading: 'A two-object cycle is dropped; a weak reference tells whether the first object is still alive before and after gc.collect().',
    program: [
      'import gc, weakref',
      'class Link:',
      '    pass',
      'head = Link()',
      'tail = Link()',
      'head.peer = tail',
      'tail.peer = head',
      'probe = weakref.ref(head)',
      'del head, tail',
      'print(probe() is not None)',
      'gc.collect()',
      'print(probe() is None)',
      '',
    ].join('\n'),
    expect: { kind: 'stdout', stdout: 'True\nTrue\n' },
    related: ['gc.cycles'],
  },
  {
    id: 'weakset-forgets',
    origin: 'tutorial',
    topic: 'weak references',
    claim: 'A WeakSet does not keep its members alive: an object disappears from it as soon as the object is freed, so a stored id cannot be mistaken for a live member.',
    reading: 'An object is added to a WeakSet and its only name deleted.',
    program: ['import weakref', 'class Job:', '    pass', 'done = weakref.WeakSet()', 'job = Job()', 'done.add(job)', 'print(len(done))', 'del job', 'print(len(done))', ''].join('\n'),
    expect: { kind: 'stdout', stdout: '1\n0\n' },
    related: ['weakref.dies-with-referent'],
  },
];

/** Validates every claim; a bad one is named with its index, id and field. Ids must be unique. */
export function validateClaims(raw: readonly unknown[]): Claim[] {
  const seen = new Set<string>();
  return raw.map((item, index) => {
    const parsed = claimSchema.safeParse(item);
    const id = typeof item === 'object' && item !== null && 'id' in item ? String(item.id) : `#${index}`;
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`spec/claims.ts: claim ${id}: field ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`);
    }
    if (seen.has(parsed.data.id)) throw new Error(`spec/claims.ts: claim ${id}: field id: duplicate id`);
    seen.add(parsed.data.id);
    return parsed.data;
  });
}

export const claims: readonly Claim[] = validateClaims(rawClaims);
