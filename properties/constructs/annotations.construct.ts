/**
 * Function annotations per version: evaluated when `def` runs and kept by the function
 * (3.8-3.13: a dict, then a tuple of pairs from 3.10), or compiled into `__annotate__` and not
 * evaluated (3.14, PEP 649); annotated assignments in a body are never evaluated. Seen through
 * the refcount of an object used as an annotation, typing's cached subscriptions, and a name
 * that does not exist.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../../model/python/ast';
import * as py from '../gen/py';
import { annAssign, defWith, importFrom, param, refcount } from './builders-core';
import { defineConstruct } from './types';

type Annotation = 'none' | 'marker' | 'builtin' | 'string' | 'list-int' | 'optional-str' | 'dict-str-int' | 'undefined';

interface AnnotationsCase {
  readonly params: readonly Annotation[];
  readonly returns: Annotation;
  /** `y: <annotation> = 1` in the body. */
  readonly local: Annotation;
  readonly deleteFunction: boolean;
}

const common: Annotation[] = ['none', 'marker', 'marker', 'builtin', 'string', 'list-int', 'optional-str', 'dict-str-int'];
const annotation = fc.constantFrom<Annotation>(...common);
// A name that does not exist raises NameError at `def` before 3.14 only: rarer, so most programs run to the end.
const anyAnnotation = fc.oneof({ weight: 9, arbitrary: annotation }, { weight: 1, arbitrary: fc.constant<Annotation>('undefined') });

const arbitrary: fc.Arbitrary<AnnotationsCase> = fc.record({
  params: fc.array(anyAnnotation, { minLength: 0, maxLength: 3 }),
  returns: anyAnnotation,
  local: fc.constantFrom<Annotation>(...common, 'undefined'),
  deleteFunction: fc.boolean(),
});

function expr(a: Annotation): Expr | null {
  switch (a) {
    case 'none':
      return null;
    case 'marker':
      return py.name('marker');
    case 'builtin':
      return py.name('int');
    case 'string':
      return py.str('Marker');
    case 'list-int':
      return py.subscript(py.name('List'), py.name('int'));
    case 'optional-str':
      return py.subscript(py.name('Optional'), py.name('str'));
    case 'dict-str-int':
      return py.subscript(py.name('Dict'), py.tuple(py.name('str'), py.name('int')));
    case 'undefined':
      return py.name('not_defined_anywhere');
  }
}

function program(c: AnnotationsCase) {
  const names = c.params.map((_, i) => `a${i}`);
  const body: Stmt[] = [];
  const local = expr(c.local);
  if (local !== null) body.push(annAssign('y', local, py.int(1)));
  body.push(py.ret(py.call('len', py.tuple(...names.map((n) => py.name(n))))));
  return py.module(
    py.importModules('sys'),
    importFrom('typing', 'List', 'Dict', 'Optional'),
    py.classDef('Marker', []),
    py.assign('marker', py.call('Marker')),
    py.print(py.str('before'), refcount(py.name('marker'))),
    defWith('f', c.params.map((a, i) => param(`a${i}`, null, expr(a))), body, [], expr(c.returns)),
    py.print(py.str('defined'), refcount(py.name('marker'))),
    py.print(py.call('f', ...names.map((_, i) => py.int(i)))),
    py.print(py.str('called'), refcount(py.name('marker')), py.is(py.subscript(py.name('List'), py.name('int')), py.subscript(py.name('List'), py.name('int')))),
    c.deleteFunction ? [py.del('f'), py.print(py.str('deleted'), refcount(py.name('marker')))] : [],
  );
}

export const construct = defineConstruct({
  construct: 'annotations',
  description: 'function annotations per version (evaluated and kept by the function, or deferred in 3.14), annotated locals never evaluated, typing subscriptions',
  arbitrary,
  program,
});
