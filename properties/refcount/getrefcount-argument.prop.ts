/**
 * refcount.getrefcount-argument: a fresh object held by k references of generated kinds (names,
 * list slots, dict values, attributes) reports k + 1, at module level or in a function; on the
 * borrows-locals regime (3.14) passing a function's local name directly reports k.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../../model/python/ast';
import { regimeOn } from '../../spec';
import { entry } from '../../spec/refcount/getrefcount-argument';
import { defineProperty } from '../harness/types';
import * as py from '../gen/py';

type Holder = 'name' | 'list' | 'dict' | 'attr';
const HOLDERS: readonly Holder[] = ['name', 'list', 'dict', 'attr'];

const caseArb = fc.record({
  kind: fc.constantFrom('list', 'instance', 'dict', 'float'),
  extra: fc.array(fc.constantFrom(...HOLDERS), { maxLength: 6 }),
  /** Which reference is passed to getrefcount: the creating name, or one of the extra holders. */
  passed: fc.nat(6),
  inFunction: fc.boolean(),
});
type Case = typeof caseArb extends fc.Arbitrary<infer C> ? C : never;

function holderExpr(kind: Holder, i: number, local: boolean): Expr {
  switch (kind) {
    case 'name':
      return py.name(local ? `alias${i}` : `alias${i}`);
    case 'list':
      return py.subscript(py.name('slots'), py.int(i));
    case 'dict':
      return py.subscript(py.name('table'), py.str(`k${i}`));
    case 'attr':
      return py.attr(py.name('box'), `f${i}`);
  }
}

function fresh(kind: string): Expr {
  switch (kind) {
    case 'list':
      return py.list(py.int(1), py.int(2));
    case 'instance':
      return py.call('Thing');
    case 'dict':
      return py.dict([[py.str('a'), py.int(1)]]);
    default:
      return py.bin(py.call('float', py.str('1.5')), '*', py.float(3.0));
  }
}

/** Which expression goes to getrefcount: index 0 is the creating name, i >= 1 the (i-1)-th holder. */
function passedExpr(c: Case): { expr: Expr; isName: boolean } {
  const index = c.passed % (c.extra.length + 1);
  if (index === 0) return { expr: py.name('obj'), isName: true };
  const kind = c.extra[index - 1] as Holder;
  return { expr: holderExpr(kind, index - 1, c.inFunction), isName: kind === 'name' };
}

export const property = defineProperty({
  id: 'refcount.getrefcount-argument',
  arbitrary: caseArb,
  program: (c) => {
    const setup: Stmt[] = [py.assign('obj', fresh(c.kind))];
    c.extra.forEach((kind, i) => setup.push(py.assign(holderExpr(kind, i, c.inFunction) as never, py.name('obj'))));
    const measure = py.assign('rc', py.call('sys.getrefcount', passedExpr(c).expr));
    const globals: Stmt[] = [
      py.importModules('sys'),
      py.classDef('Thing', []),
      py.classDef('Box', []),
      py.assign('slots', py.list(...c.extra.map(() => py.none))),
      py.assign('table', py.dict([])),
      py.assign('box', py.call('Box')),
    ];
    if (!c.inFunction) return py.module(globals, setup, measure, py.print(py.name('rc')));
    return py.module(globals, py.def('measure', [], [...setup, measure, py.ret(py.name('rc'))]), py.print(py.call('measure')));
  },
  check(c, outcome, target) {
    if (outcome.exitCode !== 0) return `the program failed (exit ${outcome.exitCode}): ${outcome.stderr.trim()}`;
    const k = 1 + c.extra.length;
    const borrowed = regimeOn(entry, target.version, target.platform) === 'borrows-locals' && c.inFunction && passedExpr(c).isName;
    const expected = `${borrowed ? k : k + 1}\n`;
    return outcome.stdout === expected ? null : `an object held by ${k} references must report ${expected.trim()}${borrowed ? ' (a borrowed local)' : ''}; got ${JSON.stringify(outcome.stdout)}`;
  },
});
