/**
 * borrowed-loads.ts against CPython 3.14's own compiler: generated function bodies are compiled
 * by the real 3.14.2 (embedded), whose `dis` lists each load of a fast local as `LOAD_FAST_BORROW`
 * or not; the analysis must name the same borrowed loads on every line it decides (a line with an
 * undecided load is skipped, and undecided lines must stay rare). The functions are compiled,
 * never called. Nothing expected is typed here: the real compiler is the expectation.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import '../../../tests/fast-check-seed';
import { closeAll, embeddedReleases, runPrograms } from '../../../oracle';
import { NO_POS, type Expr, type Stmt, type Target } from '../ast';
import { parseModule } from '../parse';
import { analyseBorrowedLoads } from './borrowed-loads';
import { SyntheticBodies } from './compile';
import { analyzeScopes } from './scopes';

afterAll(closeAll);

const LOCALS = ['x', 'y', 'z', 'a', 'b'];
const PARAMS = ['a', 'b'];

const name = fc.constantFrom(...LOCALS);

/**
 * Expressions; `plain` leaves out what the analysis leaves undecided on purpose (jumps inside a
 * value: `and`/`or`, conditional expressions, chained comparisons).
 */
const makeExpr = (plain: boolean): fc.Arbitrary<string> => fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: name, weight: 6 },
    { arbitrary: fc.constantFrom('1', 'None', "'s'"), weight: 1 },
    fc.tuple(tie('e'), tie('e')).map(([l, r]) => `(${l}, ${r})`),
    fc.tuple(tie('e'), tie('e')).map(([l, r]) => `[${l}, ${r}]`),
    fc.tuple(tie('e'), tie('e')).map(([l, r]) => `(${l} + ${r})`),
    fc.tuple(tie('e'), tie('e')).map(([l, r]) => `(${l} is ${r})`),
    ...(plain
      ? []
      : [
          fc.tuple(tie('e'), tie('e'), tie('e')).map(([l, m, r]) => `(${l} < ${m} < ${r})`),
          fc.tuple(tie('e'), tie('e')).map(([l, r]) => `(${l} and ${r})`),
          fc.tuple(tie('e'), tie('e')).map(([l, r]) => `(${l} or ${r})`),
          fc.tuple(tie('e'), tie('e'), tie('e')).map(([l, m, r]) => `(${l} if ${m} else ${r})`),
        ]),
    tie('e').map((v) => `len(${v})`),
    fc.tuple(tie('e'), tie('e')).map(([l, r]) => `g(${l}, ${r})`),
    fc.tuple(tie('e'), tie('e')).map(([l, r]) => `g(${l}, k=${r})`),
    fc.tuple(tie('e'), tie('e')).map(([l, r]) => `(${l}).m(${r})`),
    tie('e').map((v) => `(${v}).real`),
    tie('e').map((v) => `(${v})[0]`),
    tie('e').map((v) => `(not ${v})`),
    fc.tuple(name, name).map(([l, r]) => `f"{${l}!r} {(${r}, 1)}"`),
  ),
})).e;

/** The shapes a program may take: `plain` leaves out `try` and `while True:` as well. */
interface Shapes {
  readonly expr: fc.Arbitrary<string>;
  readonly plain: boolean;
  /** `with` statements too (a shape of its own, so that the other cases keep their samples). */
  readonly withs?: boolean;
  /** An inner function captures some locals first (they become cells). */
  readonly cells?: boolean;
}
const ALL: Shapes = { expr: makeExpr(false), plain: false };
const PLAIN: Shapes = { expr: fc.oneof(name, makeExpr(true)), plain: true };
const WITHS: Shapes = { ...PLAIN, withs: true };
const CELLS: Shapes = { ...PLAIN, cells: true };

/** A statement as lines (indented by the caller); `inLoop`: break/continue allowed. */
function statement(shapes: Shapes, depth: number, inLoop: boolean): fc.Arbitrary<string[]> {
  const expr = shapes.expr;
  const simple: fc.Arbitrary<string[]>[] = [
    fc.tuple(name, expr).map(([n, v]) => [`${n} = ${v}`]),
    fc.tuple(name, expr).map(([n, v]) => [`${n} += ${v}`]),
    expr.map((v) => [`print(${v})`]),
    expr.map((v) => [`${v}`]),
    ...(shapes.plain ? [] : [name.map((n) => [`del ${n}`])]),
    fc.tuple(name, name, expr, expr).map(([n, m, v, w]) => [`${n}, ${m} = ${v}, ${w}`]),
    fc.tuple(name, name, expr).map(([n, m, v]) => [`${n} = ${m} = ${v}`]),
    fc.tuple(expr, expr).map(([t, v]) => [`(${t})[0] = ${v}`]),
    expr.map((v) => [`return ${v}`]),
  ];
  if (inLoop) simple.push(fc.constantFrom(['break'], ['continue']));
  if (depth <= 0) return fc.oneof(...simple);
  const block = (loop: boolean) => body(shapes, depth - 1, loop);
  const indent = (lines: string[]) => lines.map((l) => `    ${l}`);
  const compound: fc.Arbitrary<string[]>[] = [
    fc.tuple(expr, block(inLoop), block(inLoop)).map(([t, b, o]) => [`if ${t}:`, ...indent(b), 'else:', ...indent(o)]),
    fc.tuple(expr, block(true)).map(([t, b]) => [`while ${t}:`, ...indent(b)]),
    fc.tuple(name, expr, block(true)).map(([n, it, b]) => [`for ${n} in ${it}:`, ...indent(b)]),
  ];
  if (shapes.withs === true) {
    // A local manager (its load stays on the stack as `__exit__`'s self), or any expression; one or two items.
    compound.push(
      fc.tuple(fc.oneof(name, expr), fc.option(name), fc.option(name), block(inLoop)).map(([m, t, second, b]) => [
        `with ${m}${t === null ? '' : ` as ${t}`}${second === null ? '' : `, ${second}`}:`,
        ...indent(b),
      ]),
    );
  }
  if (!shapes.plain) {
    compound.push(
      block(true).map((b) => ['while True:', ...indent(b)]),
      fc.tuple(block(inLoop), block(inLoop), fc.option(block(inLoop)), fc.option(block(inLoop))).map(([t, h, e, f]) => [
        'try:',
        ...indent(t),
        'except ValueError:',
        ...indent(h),
        ...(e ? ['else:', ...indent(e)] : []),
        ...(f ? ['finally:', ...indent(f)] : []),
      ]),
    );
  }
  return fc.oneof({ arbitrary: fc.oneof(...simple), weight: 4 }, ...compound);
}

function body(shapes: Shapes, depth: number, inLoop: boolean): fc.Arbitrary<string[]> {
  return fc.array(statement(shapes, depth, inLoop), { minLength: 1, maxLength: 4 }).map((parts) => parts.flat());
}

const DIS_FOOTER = [
  'import dis',
  'for ins in dis.get_instructions(f):',
  "    if ins.opname.startswith('LOAD_FAST_BORROW'):",
  "        names = ins.argval if isinstance(ins.argval, tuple) else (ins.argval,)",
  "        print(ins.positions.lineno, ' '.join(names))",
].join('\n');

function sourceOf(lines: readonly string[]): string {
  return `def f(a, b):\n${lines.map((l) => `    ${l}`).join('\n')}\n${DIS_FOOTER}\n`;
}

/**
 * Per line, the names of the borrowed loads (what `dis` printed), each once: a block that ends the
 * function may be copied into every jump to it, so one load of the source appears several times.
 */
function realBorrowed(stdout: string): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const line of stdout.split('\n')) {
    if (line === '') continue;
    const [lineno = '', ...names] = line.split(' ');
    out.set(Number(lineno), [...new Set([...(out.get(Number(lineno)) ?? []), ...names])].sort());
  }
  return out;
}

/** What Python/ast_opt.c folds among the generated expressions (the model's compile step does it for real). */
function folded(e: Expr): boolean {
  if (e.kind === 'Const') return true;
  if (e.kind === 'UnaryOp') return folded(e.operand);
  if (e.kind === 'Tuple') return e.elts.every(folded);
  if (e.kind === 'BinOp' && e.op === '+' && e.left.kind === 'Const' && e.right.kind === 'Const') {
    const types = [e.left.value.type, e.right.value.type];
    return types[0] === types[1] && (types[0] === 'int' || types[0] === 'str');
  }
  return false;
}

function modelBorrowed(source: string): { borrowed: Map<number, string[]>; undecided: Set<number> } {
  const module = parseModule(source, 'f.py');
  const fn = module.body[0] as Extract<Stmt, { kind: 'FunctionDef' }>;
  // Python/symtable.c: a name bound anywhere in the function is local to it; the others are global.
  const bound = new Set(PARAMS);
  const bind = (t: Target): void => {
    if (t.kind === 'Name') bound.add(t.id);
    else if (t.kind === 'Tuple' || t.kind === 'List') t.elts.forEach(bind);
  };
  const visit = (stmts: readonly Stmt[]): void => {
    for (const st of stmts) {
      if (st.kind === 'Assign') st.targets.forEach(bind);
      if (st.kind === 'AugAssign') bind(st.target);
      if (st.kind === 'Delete') st.targets.forEach(bind);
      if (st.kind === 'For') bind(st.target);
      if (st.kind === 'If' || st.kind === 'While' || st.kind === 'For') visit([...st.body, ...st.orelse]);
      if (st.kind === 'Try') visit([...st.body, ...st.handlers.flatMap((h) => h.body), ...st.orelse, ...st.finalbody]);
      if (st.kind === 'With') {
        for (const item of st.items) if (item.target) bind(item.target);
        visit(st.body);
      }
    }
  };
  visit(fn.body);
  // Names an inner function uses are cells (`LOAD_DEREF`, `STORE_DEREF`): not fast locals.
  const bodies = new SyntheticBodies();
  const scopes = analyzeScopes(module.body, NO_POS, { comprehensionsInlined: true, annotationsDeferred: true, lambdaBody: bodies.lambdaBody, comprehensionBody: bodies.hiddenComprehensionBody });
  const cells = scopes.get(fn.body)?.cells ?? [];
  const locals = [...PARAMS, ...LOCALS.filter((n) => bound.has(n) && !PARAMS.includes(n) && !cells.includes(n))];
  const analysis = analyseBorrowedLoads({
    body: fn.body,
    locals,
    params: PARAMS,
    isFast: (n) => locals.includes(n) && !cells.includes(n),
    isConstant: folded,
  });
  const borrowed = new Map<number, string[]>();
  const undecided = new Set<number>();
  for (const [node, status] of analysis) {
    if (status === 'unknown') undecided.add(node.pos.line);
    else borrowed.set(node.pos.line, [...new Set([...(borrowed.get(node.pos.line) ?? []), node.id])].sort());
  }
  // 3.14 loads the cells of a closure with `LOAD_FAST` (ex-`LOAD_CLOSURE`), consumed by its
  // `BUILD_TUPLE`: always borrowed (the cell objects, which no program statement counts).
  for (const st of fn.body) {
    if (st.kind === 'FunctionDef') borrowed.set(st.pos.line, [...(scopes.get(st.body)?.frees ?? [])].sort());
  }
  return { borrowed, undecided };
}

const RELEASE_314 = embeddedReleases.find((release) => release.version.startsWith('3.14.'))?.version;

/** The lines where the analysis and the real compiler disagree (undecided lines are skipped). */
async function compare(lines: readonly string[], tally: { decided: number; lines: number }): Promise<string[]> {
  const source = sourceOf(lines);
  const [result] = await runPrograms(`cpython:${RELEASE_314 ?? ''}`, [source]);
  if (result?.exitCode !== 0) return [`the real compiler failed: ${result?.stderr ?? ''}`];
  const real = realBorrowed(result.stdout);
  const model = modelBorrowed(source);
  const mismatches: string[] = [];
  for (const line of new Set([...real.keys(), ...model.borrowed.keys(), ...model.undecided])) {
    tally.lines++;
    if (model.undecided.has(line)) continue;
    tally.decided++;
    const r = (real.get(line) ?? []).join(' ');
    const m = (model.borrowed.get(line) ?? []).join(' ');
    if (r !== m) mismatches.push(`line ${line}: real borrows [${r}], the analysis [${m}]`);
  }
  return mismatches;
}

describe('LOAD_FAST_BORROW: the analysis against the real 3.14 compiler', () => {
  const run = RELEASE_314 ? it : it.skip;
  const cases = [
    // Every shape: the analysis may leave much undecided, never decide wrong.
    { title: 'any shape (jumps in values, try, while True): never a wrong decision', shapes: ALL, decided: 0.1, runs: 600 },
    // What identity examples use: nearly every line decided.
    { title: 'plain functions (locals bound first; assignments, calls, if/while/for): decided and right', shapes: PLAIN, decided: 0.9, runs: 400 },
    { title: 'plain functions with `with` statements: never a wrong decision, mostly decided', shapes: WITHS, decided: 0.7, runs: 400 },
    { title: 'plain functions whose locals an inner function captures (cells): decided and right', shapes: CELLS, decided: 0.85, runs: 200 },
  ];
  for (const c of cases) {
    run(`${c.title}, on cpython:${RELEASE_314 ?? '3.14'}`, { timeout: 600_000 }, async () => {
      const tally = { decided: 0, lines: 0 };
      // Plain functions bind their locals first, as identity examples do.
      const plain = c.shapes.plain ? body(c.shapes, 2, false).map((lines) => ['x = [1]', 'y = [2]', 'z = [3]', ...lines]) : body(c.shapes, 2, false);
      // An inner function capturing some of the locals (parameters too) makes them cells.
      const captured = fc.subarray(LOCALS, { minLength: 1 }).map((names) => ['def _inner():', `    return (${names.join(', ')},)`]);
      const program = c.shapes.cells === true ? fc.tuple(plain, captured).map(([lines, inner]) => [...lines.slice(0, 3), ...inner, ...lines.slice(3)]) : plain;
      await fc.assert(
        fc.asyncProperty(program, async (lines) => {
          const mismatches = await compare(lines, tally);
          if (mismatches.length > 0) throw new Error(`${mismatches.join('\n')}\n${sourceOf(lines)}`);
        }),
        { numRuns: c.runs },
      );
      // Undecided lines lead to refusals (see borrow-ledger.ts).
      expect(tally.decided / tally.lines).toBeGreaterThan(c.decided);
    });
  }
});
