import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { ConstValue, Expr, Module, Stmt } from './ast';
import { NO_POS } from './ast';
import { normalizeModule } from './normalize';
import { parseModule } from './parse';
import { PrintError, printExpr, printModule } from './print';
import { floatRepr, isPrintable } from './syntax/repr';
import { nativePython } from './testing/cpython-ast';

const python = nativePython('3.12');
const withPython = python ? test : test.skip;
if (!python) console.warn('print.test.ts: no native CPython 3.12; skipped the repr comparisons with CPython');

const pos = NO_POS;
const c = (value: ConstValue): Expr => ({ kind: 'Const', value, pos });
const int = (n: number): Expr => c({ type: 'int', value: BigInt(n) });
const name = (id: string): Expr => ({ kind: 'Name', id, pos });
const bin = (op: Extract<Expr, { kind: 'BinOp' }>['op'], left: Expr, right: Expr): Expr => ({ kind: 'BinOp', op, left, right, pos });
const neg = (operand: Expr): Expr => ({ kind: 'UnaryOp', op: '-', operand, pos });
const not = (operand: Expr): Expr => ({ kind: 'UnaryOp', op: 'not', operand, pos });
const cmp = (left: Expr, op: Extract<Expr, { kind: 'Compare' }>['ops'][number], right: Expr): Expr => ({ kind: 'Compare', left, ops: [op], comparators: [right], pos });
const bool = (op: 'and' | 'or', ...values: Expr[]): Expr => ({ kind: 'BoolOp', op, values, pos });
const attr = (value: Expr, a: string): Expr => ({ kind: 'Attribute', value, attr: a, pos });
const tuple = (...elts: Expr[]): Expr => ({ kind: 'Tuple', elts, pos });
const slice = (lower: Expr | null, upper: Expr | null, step: Expr | null = null): Expr => ({ kind: 'Slice', lower, upper, step, pos });
const sub = (value: Expr, index: Expr): Expr => ({ kind: 'Subscript', value, index, pos });
const module = (...exprs: Expr[]): Module => ({ kind: 'Module', body: exprs.map((value): Stmt => ({ kind: 'Expr', value, pos })) });

/** [tree, printed]: the printer's own choices, each checked to read back as the same tree. */
const CASES: readonly [Expr, string][] = [
  [bin('*', bin('+', name('a'), name('b')), name('c')), '(a + b) * c'],
  [bin('-', name('a'), bin('-', name('b'), name('c'))), 'a - (b - c)'],
  [bin('-', bin('-', name('a'), name('b')), name('c')), 'a - b - c'],
  [bin('**', int(-5), int(2)), '(-5) ** 2'],
  [bin('**', neg(int(5)), int(2)), '(-5) ** 2'],
  [neg(bin('**', int(5), int(2))), '-5 ** 2'],
  [bin('**', int(2), bin('**', int(3), int(4))), '2 ** 3 ** 4'],
  [bin('**', bin('**', int(2), int(3)), int(4)), '(2 ** 3) ** 4'],
  [bin('**', int(2), neg(name('x'))), '2 ** -x'],
  [neg(int(-5)), '--5'],
  [bin('+', cmp(name('a'), '<', name('b')), int(1)), '(a < b) + 1'],
  [cmp(cmp(name('a'), '<', name('b')), '<', name('c')), '(a < b) < c'],
  [cmp(name('a'), '<', not(name('b'))), 'a < (not b)'],
  [not(cmp(name('a'), '==', name('b'))), 'not a == b'],
  [bool('or', bool('or', name('a'), name('b')), name('c')), '(a or b) or c'],
  [bool('and', not(name('a')), bool('or', name('b'), name('c'))), 'not a and (b or c)'],
  [not(bool('and', name('a'), name('b'))), 'not (a and b)'],
  [attr(int(1), 'real'), '(1).real'],
  [attr(int(-1), 'real'), '(-1).real'],
  [attr(c({ type: 'float', value: 1.5 }), 'real'), '1.5.real'],
  [sub(name('a'), tuple(int(1), slice(null, null, int(2)))), 'a[1, ::2]'],
  [sub(name('a'), tuple(int(1))), 'a[1,]'],
  [sub(name('a'), tuple()), 'a[()]'],
  [sub(name('a'), slice(null, null)), 'a[:]'],
  [tuple(int(1)), '(1,)'],
  [tuple(), '()'],
  [{ kind: 'IfExp', test: name('b'), body: { kind: 'IfExp', test: name('c'), body: name('a'), orelse: name('d'), pos }, orelse: name('e'), pos }, '(a if c else d) if b else e'],
  [c({ type: 'float', value: Infinity }), '1e309'],
  [c({ type: 'float', value: -Infinity }), '-1e309'],
  [c({ type: 'float', value: 1e16 }), '1e+16'],
  [c({ type: 'complex', imag: 2 }), '2j'],
  [c({ type: 'complex', imag: -0 }), '-0j'],
  [c({ type: 'str', value: "it's" }), '"it\'s"'],
  [c({ type: 'bytes', value: [0, 39, 34, 255] }), "b'\\x00\\'\"\\xff'"],
  [{ kind: 'FString', parts: ['a{', { expr: c({ type: 'str', value: 'x' }), conversion: 'r', formatSpec: ['>', { expr: name('w'), conversion: null, formatSpec: null }] }], pos }, `f'a{{{"x"!r:>{w}}'`],
  [{ kind: 'FString', parts: [{ expr: { kind: 'Dict', keys: [], values: [], pos }, conversion: null, formatSpec: null }], pos }, "f'{ {} }'"],
  [{ kind: 'FString', parts: [{ expr: { kind: 'FString', parts: ['in', { expr: name('x'), conversion: null, formatSpec: null }], pos }, conversion: null, formatSpec: null }], pos }, `f'{f"in{x}"}'`],
];

describe('printExpr', () => {
  test.each(CASES)('%# prints %s minimally and reads back the same', (tree, printed) => {
    expect(printExpr(tree)).toBe(printed);
    expect(normalizeModule(parseModule(printed))).toEqual(normalizeModule(module(tree)));
  });

  const fs = (parts: Extract<Expr, { kind: 'FString' }>['parts']): Expr => ({ kind: 'FString', parts, pos });
  test.each([
    ['NaN', c({ type: 'float', value: NaN }), /NaN/],
    ['an empty Set', { kind: 'Set', elts: [], pos }, /empty Set/],
    ['a Slice outside a subscript', slice(int(1), null), /Slice outside/],
    ['a keyword as a name', name('class'), /not an ASCII identifier/],
    ['a lone surrogate', c({ type: 'str', value: '\ud800' }), /lone surrogate/],
    ['a string needing escapes in an f-string field', fs([{ expr: c({ type: 'str', value: 'a\n' }), conversion: null, formatSpec: null }]), /needs escapes/],
    ['f-strings nested three deep', fs([{ expr: fs([{ expr: fs([]), conversion: null, formatSpec: null }]), conversion: null, formatSpec: null }]), /nested too deeply/],
    ['a format spec starting with =', fs([{ expr: name('x'), conversion: null, formatSpec: ['=^9'] }]), /starting with '='/],
  ] as const)('refuses %s with PrintError', (_what, tree, message) => {
    expect(() => printExpr(tree)).toThrow(PrintError);
    expect(() => printExpr(tree)).toThrow(message);
  });

  test('refuses an empty body', () => {
    expect(() => printModule({ kind: 'Module', body: [{ kind: 'While', test: name('x'), body: [], orelse: [], pos }] })).toThrow(PrintError);
  });
});

function pythonLines(script: string, input: unknown): string[] {
  const run = spawnSync(python!, ['-c', script], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[];
}

describe("constants print as CPython 3.12's repr", () => {
  withPython('floats (shortest round-trip digits, CPython layout)', () => {
    const values = [
      ...[0.1, 1e16, 1e15, 1.5e-7, 1e-4, 1e-5, 5e-324, Number.MAX_VALUE, 1 / 3, 100, 1e22, 2 ** 53 + 2, 123456.789],
      ...fc.sample(fc.double({ noNaN: true, noDefaultInfinity: true }), { numRuns: 2000, seed: 20240601 }),
    ];
    const hexBits = values.map((v) => Buffer.from(new Float64Array([v]).buffer).toString('hex'));
    const theirs = pythonLines("import json,struct,sys; print(json.dumps([repr(struct.unpack('<d', bytes.fromhex(h))[0]) for h in json.load(sys.stdin)]))", hexBits);
    expect(values.map(floatRepr)).toEqual(theirs);
  });

  withPython('str and bytes', () => {
    const strings = [
      "it's", 'say "hi"', `both ' and "`, '\\', '\x00\x1f\x7f\x80\x9f\xa0\xad', '\u2028\u200b\ufeff\ue000', 'é€😀', '\udbff\udfff',
      ...fc.sample(fc.string({ unit: 'binary', maxLength: 8 }), { numRuns: 500, seed: 7 }),
    ];
    const byteStrings = [[0, 9, 10, 13, 39, 34, 92, 127, 128, 255], [39], [39, 34], ...fc.sample(fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 8 }), { numRuns: 200, seed: 8 })];
    // CPython may know fewer Unicode characters than JavaScript: those it calls unassigned (Cn) are left out.
    const known = pythonLines('import json,sys,unicodedata; print(json.dumps([all(unicodedata.category(ch) != "Cn" for ch in s) for s in json.load(sys.stdin)]))', strings) as unknown as boolean[];
    const kept = strings.filter((_, i) => known[i]);
    const theirs = pythonLines('import json,sys; d = json.load(sys.stdin); print(json.dumps([repr(s) for s in d[0]] + [repr(bytes(b)) for b in d[1]]))', [kept, byteStrings]);
    const ours = [...kept.map((s) => printExpr(c({ type: 'str', value: s }))), ...byteStrings.map((b) => printExpr(c({ type: 'bytes', value: b })))];
    expect(ours).toEqual(theirs);
  });

  withPython("isPrintable agrees with str.isprintable on every code point CPython's Unicode data assigns", () => {
    const ranges = pythonLines(
      'import json,sys,unicodedata\nout=[]\nfor cp in range(0x110000):\n    ch=chr(cp)\n    if unicodedata.category(ch)=="Cn": continue\n    out.append(1 if ch.isprintable() else 0)\nprint(json.dumps(["".join(map(str,out))]))',
      null,
    )[0]!;
    const assigned = pythonLines('import json,unicodedata; print(json.dumps([[cp for cp in range(0x110000) if unicodedata.category(chr(cp))!="Cn"]]))', null)[0] as unknown as number[];
    const disagreements = assigned.filter((cp, i) => isPrintable(String.fromCodePoint(cp)) !== (ranges[i] === '1'));
    expect(disagreements.slice(0, 20)).toEqual([]);
  });
});
