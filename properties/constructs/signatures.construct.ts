/**
 * Signatures with `*args`, `**kwargs`, keyword-only and positional-only parameters, in `def`
 * (a function or a method) and `lambda`: what each parameter is bound to (`is` an argument or a
 * default), the references the call's frame, tuple and dict hold on the arguments while it
 * runs (3.8-3.10 their own, 3.11+ the stack's), the TypeError of a call that does not fit
 * (wording per version: `co_name` or `__qualname__`), and that every reference is given back.
 */
import fc from 'fast-check';
import { NO_POS, type Expr, type Parameter, type Stmt } from '../../model/python/ast';
import * as py from '../gen/py';
import { callKw, defWith, handler, keyword, refcount, tryStmt } from './builders-core';
import { defineConstruct } from './types';

const POOL = ['p0', 'p1', 'p2'] as const;
const pool = (i: number): Expr => py.name(POOL[i % POOL.length] ?? 'p0');

export interface Signature {
  /** Positional parameters a0, a1...; the last `defaults` of them default to D. */
  readonly positional: number;
  readonly defaults: number;
  /** How many leading positional parameters are positional-only (`/`). */
  readonly posonly: number;
  readonly vararg: boolean;
  /** Keyword-only parameters k0, k1...: whether each defaults to D. */
  readonly kwonly: readonly boolean[];
  readonly kwarg: boolean;
  readonly form: 'def' | 'method' | 'lambda';
}

interface Call {
  readonly positional: readonly number[];
  /** Keywords: a parameter name (possibly positional-only or already given) or an unknown one. */
  readonly keywords: readonly (readonly [string, number])[];
}

export const signature: fc.Arbitrary<Signature> = fc
  .record({
    positional: fc.integer({ min: 0, max: 3 }),
    defaults: fc.integer({ min: 0, max: 3 }),
    posonly: fc.integer({ min: 0, max: 3 }),
    vararg: fc.boolean(),
    kwonly: fc.array(fc.boolean(), { maxLength: 2 }),
    kwarg: fc.boolean(),
    form: fc.constantFrom<Signature['form']>('def', 'method', 'lambda'),
  })
  .map((s) => ({ ...s, defaults: Math.min(s.defaults, s.positional), posonly: Math.min(s.posonly, s.positional) }))
  // lezer has no `/` in a lambda's parameters (refused by the parser).
  .map((s) => (s.form === 'lambda' ? { ...s, posonly: 0 } : s));

const NAMES = ['a0', 'a1', 'a2', 'k0', 'k1', 'z'] as const;
const call: fc.Arbitrary<Call> = fc.record({
  positional: fc.array(fc.nat(2), { maxLength: 4 }),
  keywords: fc.uniqueArray(fc.tuple(fc.constantFrom(...NAMES), fc.nat(2)), { maxLength: 3, selector: (k) => k[0] }),
});

const arbitrary = fc.record({ signature, calls: fc.array(call, { minLength: 1, maxLength: 4 }) });

function parameters(s: Signature): Parameter[] {
  const pos = NO_POS;
  const positional = Array.from({ length: s.positional }, (_, i): Parameter => {
    const p: Parameter = { name: `a${i}`, default: i >= s.positional - s.defaults ? py.name('D') : null, pos };
    return i < s.posonly ? { ...p, kind: 'posonly' } : p;
  });
  const kwonly = s.kwonly.map((d, i): Parameter => ({ name: `k${i}`, default: d ? py.name('D') : null, pos, kind: 'kwonly' }));
  return [...positional, ...kwonly, ...(s.vararg ? [{ name: 'r', default: null, pos, kind: 'vararg' as const }] : []), ...(s.kwarg ? [{ name: 'kw', default: null, pos, kind: 'kwarg' as const }] : [])];
}

/** What the call shows from inside: the pool's refcounts, then what each parameter is. */
function shown(params: readonly Parameter[]): Expr {
  const facts: Expr[] = POOL.map((_, i) => refcount(pool(i)));
  for (const p of params) {
    if (p.kind === 'vararg') facts.push(py.call('len', py.name(p.name)));
    else if (p.kind === 'kwarg') facts.push(py.call('list', py.name(p.name)));
    else facts.push(py.is(py.name(p.name), py.name('D')), py.is(py.name(p.name), pool(0)));
  }
  return py.tuple(...facts);
}

export function definition(s: Signature): Stmt {
  const params = parameters(s);
  if (s.form === 'lambda') return py.assign('f', { kind: 'Lambda', params, body: shown(params), pos: NO_POS });
  const def = defWith('f', params, [py.ret(shown(params))]);
  if (s.form === 'def') return def;
  return py.classDef('Box', [defWith('f', [{ name: 'self', default: null, pos: NO_POS, ...(s.posonly > 0 ? { kind: 'posonly' as const } : {}) }, ...params], [py.ret(shown(params))])]);
}

function statement(s: Signature, c: Call): Stmt[] {
  return printCall(s, (target) => callKw(target, c.positional.map(pool), c.keywords.map(([n, v]) => keyword(n, pool(v)))));
}

/** The call made on `f` (or `o.f` for a method) printed, its TypeError caught, then the pool's and D's counts. */
export function printCall(s: Signature, call: (target: Expr) => Expr): Stmt[] {
  const made = call(s.form === 'method' ? py.attr(py.name('o'), 'f') : py.name('f'));
  return [
    tryStmt([py.print(made)], [handler(py.name('TypeError'), 'e', [py.print(py.str('TypeError'), py.name('e'))])]),
    py.print(...POOL.map((_, i) => refcount(pool(i))), refcount(py.name('D'))),
  ];
}

/** The function (or `o`, a Box) of signature `s`, the default D, the pool p0 p1 p2 (`extra` bound after it), their counts printed. */
export function setup(s: Signature, extra: readonly Stmt[] = []): Stmt[] {
  return [
    py.importModules('sys'),
    py.assign('D', py.list(py.int(0))),
    definition(s),
    py.assign('p0', py.list(py.int(1))),
    py.assign('p1', py.call('list')),
    py.assign('p2', py.int(100_001)),
    ...extra,
    ...(s.form === 'method' ? [py.assign('o', py.call('Box'))] : []),
    py.print(...POOL.map((_, i) => refcount(pool(i))), refcount(py.name('D'))),
  ];
}

export const construct = defineConstruct({
  construct: 'signatures',
  description: '*args, **kwargs, keyword-only and positional-only parameters in def, methods and lambda: bindings, the references of the frame, tuple and dict, TypeErrors of calls that do not fit',
  arbitrary,
  program: (c: { signature: Signature; calls: readonly Call[] }) =>
    py.module(
      setup(c.signature),
      c.calls.flatMap((call) => statement(c.signature, call)),
    ),
});
