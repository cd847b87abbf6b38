/**
 * Test support: CPython's own reading of sources, in the model's AST shape, to compare the
 * parser and the printer with. Runs `cpython-ast.py` on a native interpreter when present.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Comprehension, ConstValue, Expr, FStringPart, Module, Pos, Stmt } from '../ast';

export const NATIVE_PYTHONS: Readonly<Record<string, string>> = {
  '3.8': '/root/.pyenv/versions/3.8.18/bin/python',
  '3.9': '/root/.pyenv/versions/3.9.18/bin/python',
  '3.10': '/root/.pyenv/versions/3.10.13/bin/python',
  '3.11': '/root/.pyenv/versions/3.11.7/bin/python',
  '3.12': '/root/.pyenv/versions/3.12.1/bin/python',
  '3.13': '/root/.pyenv/versions/3.13.0/bin/python',
};

/** The interpreter for a minor version, or null when this machine has none. */
export function nativePython(version: string): string | null {
  const path = NATIVE_PYTHONS[version];
  return path && existsSync(path) ? path : null;
}

export type Verdict = { ok: unknown } | { error: [string, string, number, number] };

const SCRIPT = fileURLToPath(new URL('./cpython-ast.py', import.meta.url));

export function cpythonVerdicts(python: string, sources: readonly string[], positions: boolean): Verdict[] {
  const run = spawnSync(python, [SCRIPT, positions ? 'positions' : 'structure'], {
    input: JSON.stringify(sources),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`${python} ${SCRIPT} failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Verdict[];
}

/** The model's AST in the JSON shape `cpython-ast.py` prints. */
export function comparable(module: Module, positions: boolean): unknown {
  const pos = (p: Pos, o: Record<string, unknown>): Record<string, unknown> => (positions ? { ...o, pos: [p.line, p.col] } : o);
  const bits = (x: number): string => Buffer.from(new Float64Array([x]).buffer).toString('hex');
  const constant = (v: ConstValue): unknown => {
    switch (v.type) {
      case 'int':
        return { type: 'int', value: v.value.toString() };
      case 'float':
        return { type: 'float', value: bits(v.value) };
      case 'complex':
        return { type: 'complex', imag: bits(v.imag) };
      case 'bytes':
        return { type: 'bytes', value: [...v.value] };
      default:
        return v;
    }
  };
  const parts = (ps: readonly FStringPart[]): unknown[] =>
    ps.map((p) => (typeof p === 'string' ? p : { expr: expr(p.expr), conversion: p.conversion, formatSpec: p.formatSpec && parts(p.formatSpec) }));
  const opt = (e: Expr | null): unknown => (e ? expr(e) : null);
  const expr = (e: Expr): unknown => {
    switch (e.kind) {
      case 'Const':
        return pos(e.pos, { kind: 'Const', value: constant(e.value) });
      case 'Name':
        return pos(e.pos, { kind: 'Name', id: e.id });
      case 'Tuple':
      case 'List':
      case 'Set':
        return pos(e.pos, { kind: e.kind, elts: e.elts.map(expr) });
      case 'Dict':
        return pos(e.pos, { kind: 'Dict', keys: e.keys.map(expr), values: e.values.map(expr) });
      case 'BinOp':
        return pos(e.pos, { kind: 'BinOp', op: e.op, left: expr(e.left), right: expr(e.right) });
      case 'UnaryOp':
        return pos(e.pos, { kind: 'UnaryOp', op: e.op, operand: expr(e.operand) });
      case 'BoolOp':
        return pos(e.pos, { kind: 'BoolOp', op: e.op, values: e.values.map(expr) });
      case 'Compare':
        return pos(e.pos, { kind: 'Compare', left: expr(e.left), ops: e.ops, comparators: e.comparators.map(expr) });
      case 'Call':
        return pos(e.pos, {
          kind: 'Call',
          func: expr(e.func),
          args: e.args.map(expr),
          keywords: e.keywords.map((k) => pos(k.pos, { name: k.name, value: expr(k.value) })),
        });
      case 'Attribute':
        return pos(e.pos, { kind: 'Attribute', value: expr(e.value), attr: e.attr });
      case 'Subscript':
        return pos(e.pos, { kind: 'Subscript', value: expr(e.value), index: expr(e.index) });
      case 'Slice':
        return pos(e.pos, { kind: 'Slice', lower: opt(e.lower), upper: opt(e.upper), step: opt(e.step) });
      case 'IfExp':
        return pos(e.pos, { kind: 'IfExp', test: expr(e.test), body: expr(e.body), orelse: expr(e.orelse) });
      case 'FString':
        return pos(e.pos, { kind: 'FString', parts: parts(e.parts) });
      case 'ListComp':
      case 'SetComp':
      case 'GeneratorExp':
        return pos(e.pos, { kind: e.kind, elt: expr(e.elt), generators: generators(e.generators) });
      case 'DictComp':
        return pos(e.pos, { kind: 'DictComp', key: expr(e.key), value: expr(e.value), generators: generators(e.generators) });
      case 'Lambda':
        return pos(e.pos, { kind: 'Lambda', params: e.params.map((p) => pos(p.pos, { name: p.name, default: opt(p.default), ...(p.kind ? { kind: p.kind } : {}) })), body: expr(e.body) });
      case 'Starred':
        return pos(e.pos, { kind: 'Starred', value: expr(e.value) });
    }
  };
  const generators = (gs: readonly Comprehension[]): unknown[] => gs.map((g) => ({ target: expr(g.target), iter: expr(g.iter), ifs: g.ifs.map(expr) }));
  const body = (b: readonly Stmt[]): unknown[] => b.map(stmt);
  const stmt = (s: Stmt): unknown => {
    switch (s.kind) {
      case 'Expr':
        return pos(s.pos, { kind: 'Expr', value: expr(s.value) });
      case 'Assign':
        return pos(s.pos, { kind: 'Assign', targets: s.targets.map(expr), value: expr(s.value) });
      case 'AugAssign':
        return pos(s.pos, { kind: 'AugAssign', target: expr(s.target), op: s.op, value: expr(s.value) });
      case 'Delete':
        return pos(s.pos, { kind: 'Delete', targets: s.targets.map(expr) });
      case 'If':
      case 'While':
        return pos(s.pos, { kind: s.kind, test: expr(s.test), body: body(s.body), orelse: body(s.orelse) });
      case 'For':
        return pos(s.pos, { kind: 'For', target: expr(s.target), iter: expr(s.iter), body: body(s.body), orelse: body(s.orelse) });
      case 'Break':
      case 'Continue':
      case 'Pass':
        return pos(s.pos, { kind: s.kind });
      case 'FunctionDef':
        return pos(s.pos, {
          kind: 'FunctionDef',
          name: s.name,
          params: s.params.map((p) => pos(p.pos, { name: p.name, default: opt(p.default), annotation: opt(p.annotation ?? null), ...(p.kind ? { kind: p.kind } : {}) })),
          body: body(s.body),
          decorators: s.decorators.map(expr),
          returns: opt(s.returns ?? null),
        });
      case 'Return':
        return pos(s.pos, { kind: 'Return', value: opt(s.value) });
      case 'Yield':
        return pos(s.pos, { kind: 'Yield', value: opt(s.value), from: s.from });
      case 'Global':
      case 'Nonlocal':
        return pos(s.pos, { kind: s.kind, names: s.names });
      case 'ClassDef':
        return pos(s.pos, { kind: 'ClassDef', name: s.name, bases: s.bases.map(expr), body: body(s.body), decorators: s.decorators.map(expr) });
      case 'Import':
        return pos(s.pos, { kind: 'Import', names: s.names });
      case 'ImportFrom':
        return pos(s.pos, { kind: 'ImportFrom', module: s.module, names: s.names });
      case 'AnnAssign':
        return pos(s.pos, { kind: 'AnnAssign', target: expr(s.target), annotation: expr(s.annotation), value: opt(s.value), simple: s.simple });
      case 'Raise':
        return pos(s.pos, { kind: 'Raise', exc: opt(s.exc), cause: opt(s.cause) });
      case 'Assert':
        return pos(s.pos, { kind: 'Assert', test: expr(s.test), msg: opt(s.msg) });
      case 'Try':
        return pos(s.pos, {
          kind: 'Try',
          body: body(s.body),
          handlers: s.handlers.map((h) => pos(h.pos, { type: opt(h.type), name: h.name, body: body(h.body) })),
          orelse: body(s.orelse),
          finalbody: body(s.finalbody),
        });
      case 'With':
        return pos(s.pos, { kind: 'With', items: s.items.map((i) => ({ context: expr(i.context), target: opt(i.target) })), body: body(s.body) });
    }
  };
  return { kind: 'Module', body: body(module.body) };
}
