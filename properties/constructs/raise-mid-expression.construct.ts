/**
 * An exception raised in the middle of an expression or statement: the stack unwinds, and every
 * value already pushed is released before the handler runs (`Python/ceval.c` `exception_unwind`).
 * Programs build a random expression (tuple/list/dict displays, calls, comparisons, binary
 * operators, subscripts) over a watched list `w`, with exactly one `1 / z` (z = 0) somewhere in
 * it, use it in a random statement (assignment to a name, a subscript, an attribute, an augmented
 * assignment, a `for` loop over it, `del` of a subscript), catch the ZeroDivisionError and print
 * `sys.getrefcount(w)`: any reference the model keeps from the abandoned evaluation shows.
 */
import fc from 'fast-check';
import type { Expr, Stmt, Target } from '../../model/python/ast';
import { assign, attr, bin, call, classDef, compare, del, dict, importModules, int, list, module, name, none, print, ret, str, subscript, tuple } from '../gen/py';
import { defWith, forStmt, handler, param, pass, refcount, tryStmt } from './builders-core';
import { defineConstruct } from './types';

/** An expression tree; exactly one leaf is the raiser. */
type Node =
  | { readonly kind: 'watched' }
  | { readonly kind: 'small'; readonly value: number }
  | { readonly kind: 'raiser' }
  | { readonly kind: 'tuple' | 'list' | 'call' | 'dict'; readonly items: readonly Node[] }
  | { readonly kind: 'compare' | 'add' | 'index'; readonly left: Node; readonly right: Node };

type StatementKind = 'name' | 'subscript' | 'attribute' | 'augmented' | 'for' | 'del';

interface Case {
  readonly tree: Node;
  readonly statement: StatementKind;
}

const leaf: fc.Arbitrary<Node> = fc.oneof(fc.constant<Node>({ kind: 'watched' }), fc.integer({ min: 0, max: 3 }).map<Node>((value) => ({ kind: 'small', value })));

/** A tree of leaves and operators; the raiser replaces one leaf afterwards. */
const shape: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ kind: fc.constantFrom('tuple' as const, 'list' as const, 'call' as const, 'dict' as const), items: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ kind: fc.constantFrom('compare' as const, 'add' as const, 'index' as const), left: tie('node'), right: tie('node') }),
  ),
})).node;

function leaves(n: Node): number {
  switch (n.kind) {
    case 'watched':
    case 'small':
    case 'raiser':
      return 1;
    case 'compare':
    case 'add':
    case 'index':
      return leaves(n.left) + leaves(n.right);
    default:
      return n.items.reduce((sum, x) => sum + leaves(x), 0);
  }
}

/** The tree with its `at`-th leaf (in evaluation order) made the raiser. */
function withRaiser(n: Node, at: { left: number }): Node {
  switch (n.kind) {
    case 'watched':
    case 'small':
    case 'raiser':
      return at.left-- === 0 ? { kind: 'raiser' } : n;
    case 'compare':
    case 'add':
    case 'index': {
      const left = withRaiser(n.left, at);
      return { ...n, left, right: withRaiser(n.right, at) };
    }
    default:
      return { ...n, items: n.items.map((x) => withRaiser(x, at)) };
  }
}

function toExpr(n: Node): Expr {
  switch (n.kind) {
    case 'watched':
      return name('w');
    case 'small':
      return int(n.value);
    case 'raiser':
      return bin(int(1), '/', name('z'));
    case 'tuple':
      return tuple(...n.items.map(toExpr));
    case 'list':
      return list(...n.items.map(toExpr));
    case 'call':
      return call('take', ...n.items.map(toExpr));
    case 'dict':
      return dict(n.items.map((x, i) => [str(`k${i}`), toExpr(x)] as const));
    case 'compare':
      return compare(toExpr(n.left), '==', toExpr(n.right));
    case 'add':
      return bin(toExpr(n.left), '+', toExpr(n.right));
    case 'index':
      return subscript(toExpr(n.left), toExpr(n.right));
  }
}

function statement(kind: StatementKind, e: Expr): Stmt {
  const target = (t: Target): Stmt => assign(t, e);
  switch (kind) {
    case 'name':
      return assign('result', e);
    case 'subscript':
      return target(subscript(name('box'), str('k')));
    case 'attribute':
      return target(attr(name('holder'), 'slot'));
    case 'augmented':
      return { kind: 'AugAssign', target: subscript(name('box'), str('k')), op: '+', value: e, pos: e.pos };
    case 'for':
      return forStmt({ kind: 'Name', id: 'item', pos: e.pos }, tuple(name('w'), e), [pass]);
    case 'del':
      return del(subscript(name('box'), e));
  }
}

export const construct = defineConstruct<Case>({
  construct: 'raise-mid-expression',
  description: 'an exception raised by one operand of an expression or statement: the values already evaluated are released',
  arbitrary: shape
    .chain((tree) => fc.record({ tree: fc.integer({ min: 0, max: leaves(tree) - 1 }).map((at) => withRaiser(tree, { left: at })), statement: fc.constantFrom<StatementKind>('name', 'subscript', 'attribute', 'augmented', 'for', 'del') })),
  program({ tree, statement: kind }) {
    const body: Stmt[] = [
      importModules('sys'),
      defWith('take', [param('a'), param('b', none), param('c', none)], [ret(name('a'))]),
      classDef('Holder', [pass]),
      assign('holder', call('Holder')),
      assign('box', dict([[str('k'), int(0)]])),
      assign('w', list(int(1), int(2))),
      assign('z', int(0)),
      assign('before', refcount(name('w'))),
      tryStmt([statement(kind, toExpr(tree))], [handler(name('ZeroDivisionError'), null, [pass]), handler(name('TypeError'), null, [print(str('TypeError'))]), handler(name('IndexError'), null, [print(str('IndexError'))])]),
      print(str('references kept'), bin(refcount(name('w')), '-', name('before'))),
    ];
    return module(body);
  },
});
