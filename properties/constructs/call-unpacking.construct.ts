/**
 * `*` at call sites: `f(*l)`, `f(a, *t, b)`, `f(*[a], *(b, c))`, to the signatures of
 * signatures.construct.ts (without keyword-only parameters or `**kwargs`) in a def, a method, a lambda: what each parameter is, the references the argument
 * tuple, the 3.8 `BUILD_TUPLE_UNPACK_WITH_CALL` / 3.9+ `LIST_EXTEND` list and the frame hold while
 * the body runs (the tuple released at frame push from 3.12), the TypeError of `*` of an int
 * (wording per version) or of a call that does not fit, and that every reference is given back.
 * Keywords and `**` are left out: 3.8's forms of them are refused by the model.
 */
import fc from 'fast-check';
import { NO_POS, type Expr } from '../../model/python/ast';
import * as py from '../gen/py';
import { callKw, refcount } from './builders-core';
import { printCall, setup, signature as signatureOf, type Signature } from './signatures.construct';
import { defineConstruct } from './types';

const POOL = ['p0', 'p1', 'p2'] as const;
const pool = (i: number): Expr => py.name(POOL[i % POOL.length] ?? 'p0');

/** One argument: a pool value, or `*` of a list display, a tuple display, the list L, the tuple T or an int. */
type Argument =
  | { readonly kind: 'plain'; readonly item: number }
  | { readonly kind: 'list' | 'tuple'; readonly items: readonly number[] }
  | { readonly kind: 'L' | 'T' | 'N' };

const argument: fc.Arbitrary<Argument> = fc.oneof(
  fc.nat(2).map((item): Argument => ({ kind: 'plain', item })),
  fc.record({ kind: fc.constantFrom('list' as const, 'tuple' as const), items: fc.array(fc.nat(2), { maxLength: 3 }) }),
  fc.constantFrom<Argument>({ kind: 'L' }, { kind: 'T' }, { kind: 'N' }),
);

// No keyword-only parameters or `**kwargs`: no call here passes keywords.
const signature = signatureOf.map((s): Signature => ({ ...s, kwonly: [], kwarg: false }));

// Every call has a `*` (a call without one is the plain calls' construct).
const call = fc.array(argument, { minLength: 1, maxLength: 4 }).filter((args) => args.some((a) => a.kind !== 'plain'));

const arbitrary = fc.record({ signature, calls: fc.array(call, { minLength: 1, maxLength: 4 }) });

function argumentExpr(a: Argument): Expr {
  const starred = (value: Expr): Expr => ({ kind: 'Starred', value, pos: NO_POS });
  switch (a.kind) {
    case 'plain':
      return pool(a.item);
    case 'list':
      return starred(py.list(...a.items.map(pool)));
    case 'tuple':
      return starred(py.tuple(...a.items.map(pool)));
    case 'N':
      return starred(py.name('N'));
    default:
      return starred(py.name(a.kind));
  }
}

export const construct = defineConstruct({
  construct: 'call-unpacking',
  description: '* at call sites to functions, bound methods and lambdas: bindings, the references of the argument tuple, the list that builds it and the frame, TypeErrors of * of an int and of calls that do not fit',
  arbitrary,
  program: (c: { signature: Signature; calls: readonly (readonly Argument[])[] }) =>
    py.module(
      setup(c.signature, [py.assign('L', py.list(py.name('p0'), py.name('p2'))), py.assign('T', py.tuple(py.name('p1'), py.name('p0'))), py.assign('N', py.int(3))]),
      c.calls.flatMap((args) => printCall(c.signature, (target) => callKw(target, args.map(argumentExpr), []))),
      py.print(refcount(py.name('L')), refcount(py.name('T'))),
    ),
});
