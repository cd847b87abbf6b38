/**
 * @property, @staticmethod and @classmethod next to a plain method, reached through an instance
 * or the class: what each access returns (the function itself, a new bound method each time,
 * the getter's result), the references the temporaries hold on the instance and its payload.
 */
import fc from 'fast-check';
import type { Expr, Stmt } from '../../model/python/ast';
import * as py from '../gen/py';
import { defWith, param, refcount } from './builders-core';
import { defineConstruct } from './types';

type Kind = 'property' | 'staticmethod' | 'classmethod' | 'plain';

interface Access {
  readonly kind: Kind;
  readonly through: 'instance' | 'class';
  /** Delete the temporary before the next access. */
  readonly release: boolean;
}

const arbitrary: fc.Arbitrary<readonly Access[]> = fc.array(
  fc.record({
    kind: fc.constantFrom<Kind>('property', 'staticmethod', 'classmethod', 'plain'),
    through: fc.constantFrom('instance', 'class'),
    release: fc.boolean(),
  }),
  { minLength: 1, maxLength: 4 },
);

const NAME: Record<Kind, string> = { property: 'p', staticmethod: 's', classmethod: 'k', plain: 'm' };

const self = py.name('self');
const x = py.name('x');

function classC(): Stmt {
  return py.classDef('C', [
    py.def('__init__', ['self', 'v'], [py.assign(py.attr(self, 'v'), py.name('v'))]),
    defWith('p', [param('self')], [py.print(py.str('p'), refcount(self)), py.ret(py.attr(self, 'v'))], [py.name('property')]),
    defWith('s', [param('x')], [py.ret(x)], [py.name('staticmethod')]),
    defWith(
      'k',
      [param('cls'), param('x')],
      [py.print(py.str('k'), py.is(py.name('cls'), py.name('C'))), py.ret(py.call(py.name('cls'), x))],
      [py.name('classmethod')],
    ),
    py.def('m', ['self', 'x'], [py.print(py.str('m'), refcount(self)), py.ret(x)]),
  ]);
}

/** The statements of one access, bound to `t{i}`, and the facts it shows. */
function access(a: Access, i: number): Stmt[] {
  const owner = a.through === 'instance' ? py.name('c') : py.name('C');
  const got = py.attr(owner, NAME[a.kind]);
  const t = py.name(`t${i}`);
  const payload = py.name('payload');
  const facts: Expr[] = [py.str(`${a.kind} via ${a.through}`)];
  switch (a.kind) {
    case 'property':
      // Through the class: the property object itself.
      facts.push(a.through === 'instance' ? py.is(t, payload) : py.is(t, py.attr(py.name('C'), 'p')));
      break;
    case 'staticmethod':
      facts.push(py.is(t, py.attr(py.name('C'), 's')), py.is(py.call(t, payload), payload));
      break;
    case 'classmethod':
      facts.push(py.is(t, py.attr(py.name('C'), 'k')), py.is(py.attr(py.call(t, payload), 'v'), payload));
      break;
    case 'plain':
      facts.push(
        a.through === 'instance' ? py.is(t, py.attr(py.name('c'), 'm')) : py.is(t, py.attr(py.name('C'), 'm')),
        py.is(a.through === 'instance' ? py.call(t, payload) : py.call(t, py.name('c'), payload), payload),
      );
      break;
  }
  return [
    py.assign(t.id, got),
    py.print(...facts),
    py.print(refcount(py.name('c')), refcount(payload)),
    ...(a.release ? [py.del(t.id), py.print(py.str('released'), refcount(py.name('c')), refcount(payload))] : []),
  ];
}

export const construct = defineConstruct({
  construct: 'decorators',
  description: '@property, @staticmethod and @classmethod beside a plain method, through an instance or the class: identity of what each access returns, references held by the temporaries',
  arbitrary,
  program: (accesses: readonly Access[]) =>
    py.module(
      py.importModules('sys'),
      classC(),
      py.assign('payload', py.list(py.int(1))),
      py.assign('c', py.call('C', py.name('payload'))),
      py.print(py.str('start'), refcount(py.name('c')), refcount(py.name('payload'))),
      accesses.flatMap(access),
    ),
});
