/**
 * Probes of calls with `*` and `**` at the call site (see probes.ts for the contract: fixed
 * Python source, output derived from the profile).
 */
import type { Probe } from './probes';

const lines = (...parts: string[]): string => parts.map((part) => `${part}\n`).join('');

/** The opcodes that join `f(a, *l, k=1, **d)`'s arguments, read from the compiler. */
const unpackingOps: Probe = {
  name: 'call-unpacking-ops',
  facts: ['callUnpackingOps'],
  source: `import dis
ops = [i.opname for i in dis.get_instructions(compile('f(a, *l, k=1, **d)', '<probe>', 'eval'))]
print('joins arguments with:', *[op for op in ops if 'UNPACK' in op or 'EXTEND' in op or 'MERGE' in op])
`,
  expected: (profile) =>
    lines(`joins arguments with: ${profile.callUnpackingOps === 'unpackWithCall' ? 'BUILD_TUPLE_UNPACK_WITH_CALL BUILD_MAP_UNPACK_WITH_CALL' : 'LIST_EXTEND DICT_MERGE'}`),
};

/**
 * An item's count inside the callee of `z(*l)` (a tuple made from the list) and of `z(*t)` (the
 * tuple itself): the made tuple holds the item while the body runs, unless `CALL_FUNCTION_EX`
 * released it when the frame was pushed.
 */
const argsReleasedAtPush: Probe = {
  name: 'call-ex-releases-args',
  facts: ['callExReleasesArgsAtFramePush'],
  source: `import sys
def z(a):
    return sys.getrefcount(a)
x = object()
l = [x]
t = (x,)
print('references the made tuple adds while the body runs:', z(*l) - z(*t))
`,
  expected: (profile) => lines(`references the made tuple adds while the body runs: ${profile.callExReleasesArgsAtFramePush ? 0 : 1}`),
};

/** The TypeError of `*` of an int, for a function and a bound method: how it names them. */
const functionStr: Probe = {
  name: 'call-ex-function-str',
  facts: ['callExFunctionStr'],
  source: `def g(*a):
    pass
class C:
    def m(self, *a):
        pass
for call in (lambda: g(*1), lambda: C().m(*1)):
    try:
        call()
    except TypeError as e:
        print(e)
`,
  expected: (profile) =>
    profile.callExFunctionStr === '{name}()'
      ? lines('g() argument after * must be an iterable, not int', 'm() argument after * must be an iterable, not int')
      : lines('__main__.g() argument after * must be an iterable, not int', '__main__.C.m() argument after * must be an iterable, not int'),
};

/** `dict | dict`: a new dict (3.9+) or the TypeError of an operator dict does not have. */
const dictUnion: Probe = {
  name: 'dict-union-operator',
  facts: ['dictUnionOperator'],
  source: `a = {'x': 1}
try:
    print('dict | dict:', sorted(a | {'y': 2}))
except TypeError as e:
    print('dict | dict:', e)
`,
  expected: (profile) => lines(`dict | dict: ${profile.dictUnionOperator ? "['x', 'y']" : "unsupported operand type(s) for |: 'dict' and 'dict'"}`),
};

/** The last line of an uncaught exception of a class defined in the program, as `sys.excepthook` shows it (`PyErr_Display`). */
const uncaughtMainPrefix: Probe = {
  name: 'uncaught-main-module-prefix',
  facts: ['uncaughtMainModulePrefix'],
  source: `import io, sys
class E(Exception): pass
err, sys.stderr = sys.stderr, io.StringIO()
sys.__excepthook__(E, E('boom'), None)
shown, sys.stderr = sys.stderr.getvalue(), err
print('last line:', shown.strip().splitlines()[-1])
`,
  expected: (profile) => lines(`last line: ${profile.uncaughtMainModulePrefix ? '__main__.E' : 'E'}: boom`),
};

export const CALL_UNPACKING_PROBES: readonly Probe[] = [unpackingOps, argsReleasedAtPush, functionStr, dictUnion, uncaughtMainPrefix];
