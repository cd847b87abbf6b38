/**
 * scopes.ts against the real compilers: each program is compiled by the native CPythons found
 * here, which print every code object's `co_cellvars` and `co_freevars`; the analysis must give
 * the same names (sorted: 3.11+ lists the arguments' cells first, see cells.ts) for each code
 * object, with comprehensions inlined or not as the version does. Nothing expected is typed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../../../tests/fast-check-seed';
import { interpreterEnvironment } from '../../../oracle/native/environment';
import type { Expr, Stmt } from '../ast';
import { parseModule } from '../parse';
import { SyntheticBodies } from './compile';
import { Refusal } from './refusal';
import { analyzeScopes } from './scopes';

const NATIVE = [
  { version: '3.8.18', inlined: false },
  { version: '3.11.7', inlined: false },
  { version: '3.12.1', inlined: true },
  { version: '3.13.0', inlined: true },
]
  .map((n) => ({ ...n, python: `/root/.pyenv/versions/${n.version}/bin/python` }))
  .filter((n) => existsSync(n.python));

const PROGRAMS = [
  'def f(a, b):\n    x = 1\n    def g():\n        return a, x\n    return g',
  'def f(b, a):\n    z = y = 1\n    def g():\n        return a, b, z, y\n    return g',
  'def f():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n    def get():\n        return n\n    return inc, get',
  'def f():\n    v = 1\n    def mid():\n        def inner():\n            return v\n        return inner\n    return mid',
  'def f():\n    v = 1\n    def mid():\n        global v\n        def inner():\n            return v\n        return inner\n    return mid',
  'def f():\n    v = 1\n    return [v for _ in range(2)]',
  'def f():\n    v = 1\n    return [lambda: (v, i) for i in range(2)]',
  'def f():\n    v = 1\n    return (v + i for i in range(2))',
  'def f(a):\n    return lambda b: lambda: (a, b)',
  'def f():\n    def rec(n):\n        return rec(n - 1) if n else 0\n    return rec',
  'def f():\n    x = 1\n    def g():\n        x = 2\n        def h():\n            return x\n        return h\n    return g',
  'def f():\n    k = 1\n    return {i: [k for _ in range(i)] for i in range(3)}',
  'def f():\n    try:\n        pass\n    except ValueError as e:\n        return lambda: e',
  'def f():\n    for i in range(2):\n        def g():\n            return i\n    del i\n    return g',
  'x = 1\ndef f():\n    return lambda: x\nprint([lambda: y for y in range(2)])',
  // The implicit `__class__` cell (super-calls.ts): methods using super() or __class__, nested uses.
  'class A:\n    def f(self):\n        return super()\n    def g(self):\n        return __class__\n    def h(self):\n        return 1',
  'class A:\n    def f(self):\n        def g():\n            return super(A, self)\n        return g\n    k = lambda self: [super() for _ in range(2)]',
  'def outer(v):\n    class A:\n        def f(self):\n            return super()\n    return A\ndef plain(self):\n    return super()',
  'class A:\n    class B:\n        def f(self):\n            return super()\n    def g(self):\n        return [lambda: super() for i in range(2)]',
];

/** Python printing each nested code object of `code` as `name cells frees`. */
const WALK = `
import types
def walk(code):
    for c in code.co_consts:
        if isinstance(c, types.CodeType):
            print(c.co_name, ','.join(sorted(c.co_cellvars)), ','.join(c.co_freevars))
            walk(c)
`;

const FOOTER = `${WALK}walk(compile(SOURCE, 'p.py', 'exec'))
`;

/** Each code object of the program as `name cells frees`, sorted. */
function real(python: string, source: string): string[] {
  const r = spawnSync(python, ['-c', `SOURCE = ${JSON.stringify(source)}\n${FOOTER}`], { env: interpreterEnvironment(), encoding: 'utf8', timeout: 20_000 });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.split('\n').filter((l) => l !== '').sort();
}

const NAMES: Record<string, string> = { ListComp: '<listcomp>', SetComp: '<setcomp>', DictComp: '<dictcomp>', GeneratorExp: '<genexpr>' };

function modelled(source: string, inlined: boolean): string[] {
  const module = parseModule(source, 'p.py');
  const bodies = new SyntheticBodies();
  const scopes = analyzeScopes(module.body, module.body[0]!.pos, { comprehensionsInlined: inlined, annotationsDeferred: false, lambdaBody: bodies.lambdaBody, comprehensionBody: bodies.hiddenComprehensionBody });
  const names = new Map<readonly Stmt[], string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const o = node as Stmt | Expr;
    if (o.kind === 'FunctionDef' || o.kind === 'ClassDef') names.set(o.body, o.name);
    if (o.kind === 'Lambda') names.set(bodies.lambdaBody(o), '<lambda>');
    if ((o.kind === 'ListComp' || o.kind === 'SetComp' || o.kind === 'DictComp' || o.kind === 'GeneratorExp') && (!inlined || o.kind === 'GeneratorExp')) names.set(bodies.hiddenComprehensionBody(o), NAMES[o.kind]!);
    for (const [k, v] of Object.entries(o)) if (k !== 'pos') visit(v);
  };
  visit(module.body);
  return [...names].map(([body, name]) => {
    const facts = scopes.get(body);
    return `${name} ${(facts?.cells ?? []).join(',')} ${(facts?.frees ?? []).join(',')}`;
  }).sort();
}

describe.skipIf(NATIVE.length === 0)('cells and free variables: the analysis against the real compilers', () => {
  for (const { version, python, inlined } of NATIVE) {
    it(`every program on ${version}`, () => {
      let refused = 0;
      for (const source of PROGRAMS) {
        let got: string[];
        try {
          got = modelled(source, inlined);
        } catch (err) {
          // A refusal (a cell inside an inlined comprehension: two programs here) is an answer too, if rare.
          if (!(err instanceof Refusal)) throw err;
          refused++;
          continue;
        }
        expect(got, source).toEqual(real(python, source));
      }
      expect(refused).toBeLessThanOrEqual(2);
    });
  }
});

/**
 * Generated nestings: a function of `a`, `b` binding and reading `x`, `y`, with inner defs,
 * lambdas, comprehensions and generator expressions reading them, `nonlocal` and `global`.
 * Programs the real compiler rejects (a SyntaxError of scoping) are skipped.
 */
const NAMES_POOL = ['a', 'b', 'x', 'y'];
const pick = fc.constantFrom(...NAMES_POOL);
const reads = fc.uniqueArray(pick, { minLength: 1, maxLength: 3 }).map((ns) => `(${ns.join(', ')},)`);
const inner = (depth: number): fc.Arbitrary<string[]> =>
  fc.oneof(
    reads.map((r) => [`lambda: ${r}`]).map(([l]) => [`h = ${l}`]),
    fc.tuple(pick, reads).map(([t, r]) => [`c = [${r} for ${t} in range(2)]`]),
    fc.tuple(pick, reads).map(([t, r]) => [`c = list(${r} for ${t} in range(2))`]),
    fc.tuple(fc.option(pick, { nil: null }), fc.option(pick, { nil: null }), reads, depth > 0 ? fc.option(fc.constant(null).chain(() => inner(depth - 1)), { nil: null }) : fc.constant(null)).map(([decl, assigned, r, nested]) => [
      'def g():',
      ...(decl === null ? [] : [`    nonlocal ${decl}`]),
      ...(assigned === null ? [] : [`    ${assigned} = 1`]),
      ...(nested ?? []).map((l) => `    ${l}`),
      `    return ${r}`,
    ]),
  );
const program = fc
  .tuple(fc.array(inner(1), { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([parts, withGlobal]) => ['def f(a, b):', ...(withGlobal ? ['    global y'] : []), '    x = y = 0', ...parts.flat().map((l) => `    ${l}`), '    return x'].join('\n'));

const BATCH_FOOTER = `${WALK}for source in SOURCES:
    try:
        code = compile(source, 'p.py', 'exec')
    except SyntaxError:
        print('SyntaxError')
    else:
        walk(code)
    print('---')
`;

describe.skipIf(NATIVE.length === 0)('cells and free variables of generated nestings: the analysis against the real compilers', () => {
  const sources = fc.sample(program, 150);
  for (const { version, python, inlined } of NATIVE) {
    it(`on ${version}`, () => {
      const r = spawnSync(python, ['-c', `SOURCES = ${JSON.stringify(sources)}\n${BATCH_FOOTER}`], { env: interpreterEnvironment(), encoding: 'utf8', timeout: 60_000 });
      if (r.status !== 0) throw new Error(r.stderr);
      const outputs = r.stdout.split('---\n');
      let compared = 0;
      sources.forEach((source, i) => {
        const lines = (outputs[i] ?? '').split('\n').filter((l) => l !== '');
        if (lines[0] === 'SyntaxError') return;
        let got: string[];
        try {
          got = modelled(source, inlined);
        } catch (err) {
          if (err instanceof Refusal) return;
          throw err;
        }
        compared++;
        expect(got, source).toEqual(lines.sort());
      });
      expect(compared).toBeGreaterThan(sources.length / 2);
    });
  }
});
