/**
 * The form in which `parseModule(printModule(m))` equals `m`: positions dropped, and what
 * Python source cannot say kept apart normalised as the parser reads it back:
 * - a negative number constant `Const(-5)` is `UnaryOp('-', Const(5))` (also -0.0 and
 *   complex with a negative imaginary part), as in CPython's AST before constant folding;
 * - f-string parts: adjacent literal parts joined, empty ones dropped (as CPython's JoinedStr).
 */
import type { Comprehension, ConstValue, Expr, FStringPart, Module, Stmt, Target } from './ast';
import { NO_POS } from './ast';
import { mergeParts } from './syntax/literals';

export function normalizeModule(module: Module): Module {
  return { kind: 'Module', body: module.body.map(normalizeStmt) };
}

function negated(v: ConstValue): ConstValue | null {
  if (v.type === 'int' && v.value < 0n) return { type: 'int', value: -v.value };
  if (v.type === 'float' && (v.value < 0 || Object.is(v.value, -0))) return { type: 'float', value: -v.value };
  if (v.type === 'complex' && (v.imag < 0 || Object.is(v.imag, -0))) return { type: 'complex', imag: -v.imag };
  return null;
}

function parts(ps: readonly FStringPart[]): FStringPart[] {
  return mergeParts(ps).map((p) =>
    typeof p === 'string' ? p : { expr: normalizeExpr(p.expr), conversion: p.conversion, formatSpec: p.formatSpec && parts(p.formatSpec) },
  );
}

export function normalizeExpr(e: Expr): Expr {
  const pos = NO_POS;
  const n = normalizeExpr;
  const opt = (x: Expr | null): Expr | null => (x ? n(x) : null);
  switch (e.kind) {
    case 'Const': {
      const positive = negated(e.value);
      return positive ? { kind: 'UnaryOp', op: '-', operand: { kind: 'Const', value: positive, pos }, pos } : { kind: 'Const', value: e.value, pos };
    }
    case 'Name':
      return { kind: 'Name', id: e.id, pos };
    case 'Tuple':
    case 'List':
    case 'Set':
      return { kind: e.kind, elts: e.elts.map(n), pos };
    case 'Dict':
      return { kind: 'Dict', keys: e.keys.map(n), values: e.values.map(n), pos };
    case 'BinOp':
      return { kind: 'BinOp', op: e.op, left: n(e.left), right: n(e.right), pos };
    case 'UnaryOp':
      return { kind: 'UnaryOp', op: e.op, operand: n(e.operand), pos };
    case 'BoolOp':
      return { kind: 'BoolOp', op: e.op, values: e.values.map(n), pos };
    case 'Compare':
      return { kind: 'Compare', left: n(e.left), ops: [...e.ops], comparators: e.comparators.map(n), pos };
    case 'Call':
      return { kind: 'Call', func: n(e.func), args: e.args.map(n), keywords: e.keywords.map((k) => ({ name: k.name, value: n(k.value), pos })), pos };
    case 'Attribute':
      return { kind: 'Attribute', value: n(e.value), attr: e.attr, pos };
    case 'Subscript':
      return { kind: 'Subscript', value: n(e.value), index: n(e.index), pos };
    case 'Slice':
      return { kind: 'Slice', lower: opt(e.lower), upper: opt(e.upper), step: opt(e.step), pos };
    case 'IfExp':
      return { kind: 'IfExp', test: n(e.test), body: n(e.body), orelse: n(e.orelse), pos };
    case 'FString':
      return { kind: 'FString', parts: parts(e.parts), pos };
    case 'ListComp':
    case 'SetComp':
    case 'GeneratorExp':
      return { kind: e.kind, elt: n(e.elt), generators: e.generators.map(comprehension), pos };
    case 'DictComp':
      return { kind: 'DictComp', key: n(e.key), value: n(e.value), generators: e.generators.map(comprehension), pos };
    case 'Lambda':
      return { kind: 'Lambda', params: e.params.map((p) => ({ name: p.name, default: opt(p.default), pos, ...(p.kind ? { kind: p.kind } : {}) })), body: n(e.body), pos };
    case 'Starred':
      return { kind: 'Starred', value: n(e.value), pos };
  }
}

function comprehension(c: Comprehension): Comprehension {
  return { target: target(c.target), iter: normalizeExpr(c.iter), ifs: c.ifs.map(normalizeExpr), pos: NO_POS };
}

function target(t: Target): Target {
  return normalizeExpr(t) as Target;
}

function normalizeStmt(s: Stmt): Stmt {
  const pos = NO_POS;
  const body = (b: readonly Stmt[]): Stmt[] => b.map(normalizeStmt);
  const n = normalizeExpr;
  switch (s.kind) {
    case 'Expr':
      return { kind: 'Expr', value: n(s.value), pos };
    case 'Assign':
      return { kind: 'Assign', targets: s.targets.map(target), value: n(s.value), pos };
    case 'AugAssign':
      return { kind: 'AugAssign', target: target(s.target), op: s.op, value: n(s.value), pos };
    case 'Delete':
      return { kind: 'Delete', targets: s.targets.map(target), pos };
    case 'If':
    case 'While':
      return { kind: s.kind, test: n(s.test), body: body(s.body), orelse: body(s.orelse), pos };
    case 'For':
      return { kind: 'For', target: target(s.target), iter: n(s.iter), body: body(s.body), orelse: body(s.orelse), pos };
    case 'Break':
    case 'Continue':
    case 'Pass':
      return { kind: s.kind, pos };
    case 'FunctionDef':
      return {
        kind: 'FunctionDef',
        name: s.name,
        params: s.params.map((p) => ({ name: p.name, default: p.default ? n(p.default) : null, pos, ...(p.annotation ? { annotation: n(p.annotation) } : {}), ...(p.kind ? { kind: p.kind } : {}) })),
        body: body(s.body),
        decorators: s.decorators.map(n),
        pos,
        ...(s.returns ? { returns: n(s.returns) } : {}),
      };
    case 'Return':
      return { kind: 'Return', value: s.value ? n(s.value) : null, pos };
    case 'Yield':
      return { kind: 'Yield', value: s.value ? n(s.value) : null, from: s.from, pos };
    case 'Global':
    case 'Nonlocal':
      return { kind: s.kind, names: [...s.names], pos };
    case 'ClassDef':
      return { kind: 'ClassDef', name: s.name, bases: s.bases.map(n), body: body(s.body), decorators: s.decorators.map(n), pos };
    case 'Import':
    case 'ImportFrom':
      return s.kind === 'Import'
        ? { kind: 'Import', names: s.names.map((a) => ({ ...a })), pos }
        : { kind: 'ImportFrom', module: s.module, names: s.names.map((a) => ({ ...a })), pos };
    case 'AnnAssign':
      return { kind: 'AnnAssign', target: target(s.target), annotation: n(s.annotation), value: s.value ? n(s.value) : null, simple: s.simple, pos };
    case 'Assert':
      return { kind: 'Assert', test: n(s.test), msg: s.msg ? n(s.msg) : null, pos };
    case 'Try':
      return {
        kind: 'Try',
        body: body(s.body),
        handlers: s.handlers.map((h) => ({ type: h.type ? n(h.type) : null, name: h.name, body: body(h.body), pos })),
        orelse: body(s.orelse),
        finalbody: body(s.finalbody),
        pos,
      };
    case 'Raise':
      return { kind: 'Raise', exc: s.exc ? n(s.exc) : null, cause: s.cause ? n(s.cause) : null, pos };
    case 'With':
      return { kind: 'With', items: s.items.map((i) => ({ context: n(i.context), target: i.target ? target(i.target) : null, pos })), body: body(s.body), pos };
  }
}
