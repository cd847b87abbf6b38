/**
 * fast-check arbitraries for the program AST (`ast.ts`): constants, names, expressions with a
 * depth limit, targets, statements and modules. Every value they produce is a program the
 * parser accepts and the printer can print portably (3.8-3.14): scope rules hold (`global`
 * and `nonlocal` come first in their scope, `nonlocal` names a parameter of the enclosing
 * function), `return`/`break`/`continue` sit where CPython compiles them, parameter
 * names and keyword arguments are unique, defaults trail, bodies are not empty, a `Slice`
 * only appears in a subscript and strings inside f-string fields need no escapes.
 *
 * Built to be reused: `pythonArbitraries(options)` returns the pieces; a generator of
 * identity programs can take `expr`, `constant` or `statements(...)` and combine them.
 */
import fc from 'fast-check';
import type { BinaryOperator, CompareOperator, ConstValue, Expr, FormattedValue, FStringPart, Keyword, Module, Parameter, Stmt, Target, UnaryOperator } from './ast';
import { NO_POS } from './ast';
import { isIdentifier } from './syntax/keywords';
import { mergeParts } from './syntax/literals';

export interface ArbitraryOptions {
  /** The names used for variables, attributes, parameters, functions and classes. */
  readonly names?: readonly string[];
  /** Also draw random identifiers besides `names` (default true). */
  readonly randomNames?: boolean;
  /** Nesting of expressions (default 3). */
  readonly maxExprDepth?: number;
  /** Nesting of compound statements (default 2). */
  readonly maxStmtDepth?: number;
  /** Statements per body (default 3). */
  readonly maxBodyLength?: number;
}

/** Where a statement stands: what may appear there. */
export interface StatementContext {
  readonly depth: number;
  readonly inFunction: boolean;
  readonly inLoop: boolean;
  /** Names certainly bound in the enclosing function (what `nonlocal` may name). */
  readonly enclosingBound: readonly string[];
}

export const DEFAULT_NAMES: readonly string[] = ['a', 'b', 'c', 'x', 'y', 'z', 'f', 'g', 'A', 'B', '_', 'x1', 'self', 'obj', 'print', 'len', 'id'];

const BINARY_OPERATORS: readonly BinaryOperator[] = ['+', '-', '*', '/', '//', '%', '**', '<<', '>>', '&', '|', '^', '@'];
const UNARY_OPERATORS: readonly UnaryOperator[] = ['not', '-', '+', '~'];
const COMPARE_OPERATORS: readonly CompareOperator[] = ['==', '!=', '<', '<=', '>', '>=', 'is', 'is not', 'in', 'not in'];
const pos = NO_POS;
/** Characters that need escapes or care: quotes, backslash, controls, braces, non-ASCII, separators. */
const TRICKY_CHARACTERS = ["'", '"', '\\', '\n', '\t', '\r', '\0', '{', '}', 'é', '€', '😀', '\x7f', '\x85', '\u2028'];
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Strings that need no escape and contain no quote: what may stand in an f-string field. */
const safeText = fc.stringMatching(/^[a-z0-9 _.,:;!?<>=+*/-]{0,6}$/);

export function pythonArbitraries(options: ArbitraryOptions = {}) {
  const maxExprDepth = options.maxExprDepth ?? 3;
  const maxStmtDepth = options.maxStmtDepth ?? 2;
  const maxBodyLength = options.maxBodyLength ?? 3;
  const pool = options.names ?? DEFAULT_NAMES;
  if (pool.length === 0 || !pool.every(isIdentifier) || pool.includes('__debug__')) throw new Error('names must be identifiers other than __debug__');
  const name: fc.Arbitrary<string> =
    options.randomNames === false
      ? fc.constantFrom(...pool)
      : fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: fc.stringMatching(/^[a-z_][a-z0-9_]{0,5}$/).filter((n) => isIdentifier(n) && n !== '__debug__') });

  const strValue = fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength: 6 }) },
    // 'binary' may draw lone surrogates, which a Python str literal cannot carry portably.
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }).filter((s) => !LONE_SURROGATE.test(s)) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...TRICKY_CHARACTERS), maxLength: 4 }) },
  );
  const constant: fc.Arbitrary<ConstValue> = fc.oneof(
    { weight: 3, arbitrary: fc.bigInt({ min: -300n, max: 300n }).map((value): ConstValue => ({ type: 'int', value })) },
    { weight: 1, arbitrary: fc.bigInt().map((value): ConstValue => ({ type: 'int', value })) },
    { weight: 2, arbitrary: fc.double({ noNaN: true }).map((value): ConstValue => ({ type: 'float', value })) },
    { weight: 1, arbitrary: fc.double({ noNaN: true }).map((imag): ConstValue => ({ type: 'complex', imag })) },
    { weight: 3, arbitrary: strValue.map((value): ConstValue => ({ type: 'str', value })) },
    { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 6 }).map((value): ConstValue => ({ type: 'bytes', value })) },
    { weight: 1, arbitrary: fc.boolean().map((value): ConstValue => ({ type: 'bool', value })) },
    { weight: 1, arbitrary: fc.constantFrom<ConstValue>({ type: 'None' }, { type: 'Ellipsis' }) },
  );
  /** Constants allowed inside f-string fields (before 3.12 no backslash, no enclosing quote). */
  const safeConstant: fc.Arbitrary<ConstValue> = fc.oneof(
    fc.bigInt({ min: -300n, max: 300n }).map((value): ConstValue => ({ type: 'int', value })),
    fc.double({ noNaN: true }).map((value): ConstValue => ({ type: 'float', value })),
    safeText.map((value): ConstValue => ({ type: 'str', value })),
    fc.constantFrom<ConstValue>({ type: 'None' }, { type: 'bool', value: true }),
  );

  const nameExpr = name.map((id): Expr => ({ kind: 'Name', id, pos }));

  /** Expressions over `leafConstant`, with f-strings when `fieldExpr` is given. */
  function expressions(leafConstant: fc.Arbitrary<ConstValue>, depth: number, fieldExpr: fc.Arbitrary<Expr> | null): fc.Arbitrary<Expr> {
    return fc.letrec<{ expr: Expr; index: Expr }>((tie) => {
      const sub = tie('expr');
      const leaf: fc.Arbitrary<Expr> = fc.oneof(nameExpr, leafConstant.map((value): Expr => ({ kind: 'Const', value, pos })));
      const slice = fc.record({ lower: fc.option(sub, { nil: null }), upper: fc.option(sub, { nil: null }), step: fc.option(sub, { nil: null }) }).map((s): Expr => ({ kind: 'Slice', ...s, pos }));
      const indexItem = fc.oneof(sub, slice);
      const keywords = fc.uniqueArray(fc.record({ name, value: sub }), { maxLength: 2, selector: (k) => k.name }).map((ks) => ks.map((k): Keyword => ({ ...k, pos })));
      // A display's item: an expression or, now and then, `*expression`.
      const displayItem = fc.oneof({ arbitrary: sub, weight: 4 }, { arbitrary: sub.map((value): Expr => ({ kind: 'Starred', value, pos })), weight: 1 });
      const compound: fc.Arbitrary<Expr>[] = [
        fc.array(displayItem, { maxLength: 3 }).map((elts): Expr => ({ kind: 'Tuple', elts, pos })),
        fc.array(displayItem, { maxLength: 3 }).map((elts): Expr => ({ kind: 'List', elts, pos })),
        fc.array(displayItem, { minLength: 1, maxLength: 3 }).map((elts): Expr => ({ kind: 'Set', elts, pos })),
        fc.array(fc.tuple(sub, sub), { maxLength: 3 }).map((kv): Expr => ({ kind: 'Dict', keys: kv.map((p) => p[0]), values: kv.map((p) => p[1]), pos })),
        fc.record({ op: fc.constantFrom(...BINARY_OPERATORS), left: sub, right: sub }).map((b): Expr => ({ kind: 'BinOp', ...b, pos })),
        fc.record({ op: fc.constantFrom(...UNARY_OPERATORS), operand: sub }).map((u): Expr => ({ kind: 'UnaryOp', ...u, pos })),
        fc.record({ op: fc.constantFrom('and' as const, 'or' as const), values: fc.array(sub, { minLength: 2, maxLength: 3 }) }).map((b): Expr => ({ kind: 'BoolOp', ...b, pos })),
        fc
          .record({ left: sub, rest: fc.array(fc.tuple(fc.constantFrom(...COMPARE_OPERATORS), sub), { minLength: 1, maxLength: 2 }) })
          .map((c): Expr => ({ kind: 'Compare', left: c.left, ops: c.rest.map((r) => r[0]), comparators: c.rest.map((r) => r[1]), pos })),
        fc.record({ func: sub, args: fc.array(sub, { maxLength: 2 }), keywords }).map((c): Expr => ({ kind: 'Call', ...c, pos })),
        // `f(a, *b, k=c, **d)`: `*` among the positional arguments, `**` after the keywords.
        fc
          .record({ func: sub, args: fc.array(fc.tuple(fc.boolean(), sub), { minLength: 1, maxLength: 3 }), keywords, mapping: fc.option(sub, { nil: null }) })
          .map((c): Expr => ({
            kind: 'Call',
            func: c.func,
            args: c.args.map(([star, value]): Expr => (star ? { kind: 'Starred', value, pos } : value)),
            keywords: c.mapping === null ? c.keywords : [...c.keywords, { name: '**', value: c.mapping, pos }],
            pos,
          })),
        fc.record({ value: sub, attr: name }).map((a): Expr => ({ kind: 'Attribute', ...a, pos })),
        fc.record({ value: sub, index: tie('index') }).map((s): Expr => ({ kind: 'Subscript', ...s, pos })),
        fc.record({ test: sub, body: sub, orelse: sub }).map((i): Expr => ({ kind: 'IfExp', ...i, pos })),
      ];
      if (fieldExpr) compound.push(fstring(fieldExpr));
      return {
        expr: fc.oneof({ maxDepth: depth, depthIdentifier: `expr-${depth}` }, leaf, ...compound),
        index: fc.oneof(indexItem, fc.array(indexItem, { minLength: 1, maxLength: 3 }).map((elts): Expr => ({ kind: 'Tuple', elts, pos }))),
      };
    }).expr;
  }

  function fstring(fieldExpr: fc.Arbitrary<Expr>): fc.Arbitrary<Expr> {
    const conversion = fc.constantFrom<FormattedValue['conversion']>(null, 'r', 's', 'a');
    const simpleField = fc.record({ expr: fieldExpr, conversion, formatSpec: fc.constant(null) });
    const specText = fc.oneof(fc.constantFrom('', '>10', '<5', '^8', '08.3f', '+d', 'x', '#x', ',', '.2%', 'e', ' >4'), fc.stringMatching(/^[a-z0-9<>^=+ .,%#_-]{0,5}$/));
    // A spec starting with '=' does not read back through @lezer/python (see print.ts).
    const spec = fc.option(fc.array(fc.oneof(specText, simpleField), { maxLength: 3 }).filter((s) => { const first = mergeParts(s)[0]; return typeof first !== 'string' || !first.startsWith('='); }), { nil: null });
    const field = fc.record({ expr: fieldExpr, conversion, formatSpec: spec });
    const part: fc.Arbitrary<FStringPart> = fc.oneof(strValue, field);
    // Without a field an f-string reads back as a constant (syntax/literals.ts): at least one field.
    return fc.array(part, { maxLength: 4 }).filter((parts) => parts.some((p) => typeof p !== 'string')).map((parts): Expr => ({ kind: 'FString', parts, pos }));
  }

  const fieldExpr = expressions(safeConstant, 2, null);
  const expr = expressions(constant, maxExprDepth, fieldExpr);

  const target: fc.Arbitrary<Target> = fc.letrec<{ target: Target }>((tie) => ({
    target: fc.oneof(
      { maxDepth: 2, depthIdentifier: 'target' },
      name.map((id): Target => ({ kind: 'Name', id, pos })),
      fc.record({ value: expr, attr: name }).map((a): Target => ({ kind: 'Attribute', ...a, pos })),
      fc.record({ value: expr, index: expr }).map((s): Target => ({ kind: 'Subscript', ...s, pos })),
      fc.array(tie('target'), { minLength: 1, maxLength: 3 }).map((elts): Target => ({ kind: 'Tuple', elts, pos })),
      fc.array(tie('target'), { minLength: 1, maxLength: 3 }).map((elts): Target => ({ kind: 'List', elts, pos })),
    ),
  })).target;
  const simpleTarget = target.filter((t) => t.kind !== 'Tuple' && t.kind !== 'List');

  const dotted = fc.array(name, { minLength: 1, maxLength: 3 });
  const dottedExpr = dotted.map((parts) => parts.slice(1).reduce<Expr>((value, attr) => ({ kind: 'Attribute', value, attr, pos }), { kind: 'Name', id: parts[0]!, pos }));
  const decorator = fc.oneof(
    dottedExpr,
    fc.record({ func: dottedExpr, args: fc.array(expr, { maxLength: 2 }) }).map((c): Expr => ({ kind: 'Call', func: c.func, args: c.args, keywords: [], pos })),
  );
  const alias = (dottedNames: boolean) =>
    fc.record({ name: dottedNames ? dotted.map((p) => p.join('.')) : name, asname: fc.option(name, { nil: null }) });

  const memo = new Map<string, fc.Arbitrary<Stmt>>();

  /** One statement fit for `ctx`. */
  function statement(ctx: StatementContext): fc.Arbitrary<Stmt> {
    const key = `${ctx.depth}/${ctx.inFunction}/${ctx.inLoop}/${ctx.enclosingBound.join(',')}`;
    let arb = memo.get(key);
    if (!arb) {
      arb = buildStatement(ctx);
      memo.set(key, arb);
    }
    return arb;
  }

  function buildStatement(ctx: StatementContext): fc.Arbitrary<Stmt> {
    const simple: fc.Arbitrary<Stmt>[] = [
      expr.map((value): Stmt => ({ kind: 'Expr', value, pos })),
      fc.record({ targets: fc.array(target, { minLength: 1, maxLength: 2 }), value: expr }).map((a): Stmt => ({ kind: 'Assign', ...a, pos })),
      fc.record({ target: simpleTarget, op: fc.constantFrom(...BINARY_OPERATORS), value: expr }).map((a): Stmt => ({ kind: 'AugAssign', ...a, pos })),
      fc.array(target, { minLength: 1, maxLength: 2 }).map((targets): Stmt => ({ kind: 'Delete', targets, pos })),
      fc.constant<Stmt>({ kind: 'Pass', pos }),
      fc.array(alias(true), { minLength: 1, maxLength: 2 }).map((names): Stmt => ({ kind: 'Import', names, pos })),
      fc.record({ module: dotted.map((p) => p.join('.')), names: fc.array(alias(false), { minLength: 1, maxLength: 2 }) }).map((i): Stmt => ({ kind: 'ImportFrom', ...i, pos })),
    ];
    if (ctx.inFunction) simple.push(fc.option(expr, { nil: null }).map((value): Stmt => ({ kind: 'Return', value, pos })));
    if (ctx.inLoop) simple.push(fc.constantFrom<Stmt>({ kind: 'Break', pos }, { kind: 'Continue', pos }));
    if (ctx.depth >= maxStmtDepth) return fc.oneof(...simple);
    const inner: StatementContext = { ...ctx, depth: ctx.depth + 1 };
    const loopBody = block({ ...inner, inLoop: true });
    const orelse = fc.oneof({ weight: 2, arbitrary: fc.constant<Stmt[]>([]) }, { weight: 1, arbitrary: block(inner) });
    const compound: fc.Arbitrary<Stmt>[] = [
      fc.record({ test: expr, body: block(inner), orelse }).map((s): Stmt => ({ kind: 'If', ...s, pos })),
      fc.record({ target, iter: expr, body: loopBody, orelse }).map((s): Stmt => ({ kind: 'For', ...s, pos })),
      fc.record({ test: expr, body: loopBody, orelse }).map((s): Stmt => ({ kind: 'While', ...s, pos })),
      functionDef(inner, ctx),
      fc
        .record({ name, bases: fc.array(expr, { maxLength: 2 }), decorators: fc.array(decorator, { maxLength: 1 }), body: scopeBody({ ...inner, inFunction: false, inLoop: false, enclosingBound: [] }, [], []) })
        .map((c): Stmt => ({ kind: 'ClassDef', ...c, pos })),
    ];
    return fc.oneof({ weight: 3, arbitrary: fc.oneof(...simple) }, { weight: 1, arbitrary: fc.oneof(...compound) });
  }

  function functionDef(inner: StatementContext, outer: StatementContext): fc.Arbitrary<Stmt> {
    const bound = outer.inFunction ? outer.enclosingBound : [];
    return fc
      .record({
        name,
        paramNames: fc.uniqueArray(name, { maxLength: 3 }),
        defaults: fc.array(expr, { maxLength: 3 }),
        decorators: fc.array(decorator, { maxLength: 2 }),
      })
      .chain(({ name: fname, paramNames, defaults, decorators }) => {
        const k = Math.min(defaults.length, paramNames.length);
        const params = paramNames.map((p, i): Parameter => ({ name: p, default: i >= paramNames.length - k ? defaults[i - (paramNames.length - k)]! : null, pos }));
        const ctx: StatementContext = { ...inner, inFunction: true, inLoop: false, enclosingBound: paramNames };
        return scopeBody(ctx, paramNames, bound.filter((n) => !paramNames.includes(n))).map((body): Stmt => ({ kind: 'FunctionDef', name: fname, params, body, decorators, pos }));
      });
  }

  /** A scope's body: maybe `global` / `nonlocal` first (nothing may use the names before), then statements. */
  function scopeBody(ctx: StatementContext, params: readonly string[], nonlocalCandidates: readonly string[]): fc.Arbitrary<Stmt[]> {
    const globals = fc.uniqueArray(name.filter((n) => !params.includes(n) && !nonlocalCandidates.includes(n)), { maxLength: 2 });
    const nonlocals = nonlocalCandidates.length > 0 ? fc.subarray([...nonlocalCandidates], { maxLength: Math.min(2, nonlocalCandidates.length) }) : fc.constant<string[]>([]);
    return fc.record({ globals, nonlocals, rest: block(ctx) }).map(({ globals: g, nonlocals: nl, rest }) => [
      ...(g.length > 0 ? [{ kind: 'Global', names: g, pos } as Stmt] : []),
      ...(nl.length > 0 ? [{ kind: 'Nonlocal', names: nl, pos } as Stmt] : []),
      ...rest,
    ]);
  }

  function block(ctx: StatementContext): fc.Arbitrary<Stmt[]> {
    return fc.array(statement(ctx), { minLength: 1, maxLength: maxBodyLength });
  }

  const topLevel: StatementContext = { depth: 0, inFunction: false, inLoop: false, enclosingBound: [] };
  const module: fc.Arbitrary<Module> = scopeBody(topLevel, [], []).map((body): Module => ({ kind: 'Module', body }));

  return {
    name,
    constant,
    safeConstant,
    nameExpr,
    expr,
    /** Expressions that may stand in an f-string field. */
    fieldExpr,
    target,
    /** One statement fit for a context; `statements(ctx)` a non-empty body. */
    statement,
    statements: block,
    topLevel,
    module,
  };
}
