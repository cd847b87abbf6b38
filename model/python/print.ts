/**
 * The model's program AST back to Python source that CPython 3.8 to 3.14 all read as the
 * same AST (after `normalizeModule`). So: f-strings never reuse an enclosing quote nor hold a
 * backslash in a replacement field (both only from 3.12, PEP 701); decorators are dotted names
 * with optional arguments (the grammar before PEP 614, 3.9); minimal parentheses by precedence.
 *
 * What has no source form throws `PrintError`: NaN, an empty `Set` (`set()` is a call, not a
 * display), empty bodies, a `Slice` outside a subscript, names that are not identifiers, and
 * f-strings nested too deeply to keep portable.
 *
 * Constants: str and bytes as `repr` writes them; floats as `repr`, except infinity, which has
 * no literal and prints as `1e309` (as `ast.unparse` does); negative numbers print as `-5`,
 * which reads back as `UnaryOp('-', 5)`: see `normalizeModule`.
 */
import type { Comprehension, ConstValue, Expr, FormattedValue, FStringPart, Module, Parameter, Stmt, Target } from './ast';
import { isIdentifier } from './syntax/keywords';
import { mergeParts } from './syntax/literals';
import { bytesRepr, escapeStr, floatRepr, isPrintable, strRepr } from './syntax/repr';

export class PrintError extends Error {
  constructor(detail: string) {
    super(`cannot print as portable Python: ${detail}`);
    this.name = 'PrintError';
  }
}

/** Binding strength, weakest first (The Python Language Reference, 6.17 "Operator precedence"). */
const enum Prec {
  Test = 1, // a if b else c
  Or,
  And,
  Not,
  Compare,
  BitOr,
  BitXor,
  BitAnd,
  Shift,
  Arith,
  Term,
  Factor, // unary + - ~
  Power,
  Await,
  Atom,
}

const BINARY_PREC: Readonly<Record<string, Prec>> = {
  '|': Prec.BitOr, '^': Prec.BitXor, '&': Prec.BitAnd, '<<': Prec.Shift, '>>': Prec.Shift, '+': Prec.Arith, '-': Prec.Arith,
  '*': Prec.Term, '/': Prec.Term, '//': Prec.Term, '%': Prec.Term, '@': Prec.Term, '**': Prec.Power,
};

const INFINITY_LITERAL = '1e309';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function printModule(module: Module): string {
  const lines: string[] = [];
  for (const s of module.body) printStmt(s, 0, lines);
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

export function printExpr(expr: Expr): string {
  return new ExprPrinter([]).expr(expr, Prec.Test);
}

function printStmt(s: Stmt, level: number, lines: string[]): void {
  const pad = '    '.repeat(level);
  const ex = (e: Expr): string => printExpr(e);
  const line = (text: string): void => void lines.push(pad + text);
  const block = (header: string, body: readonly Stmt[]): void => {
    if (body.length === 0) throw new PrintError(`empty body after '${header}'`);
    line(header);
    for (const b of body) printStmt(b, level + 1, lines);
  };
  switch (s.kind) {
    case 'Expr':
      return line(ex(s.value));
    case 'Assign':
      if (s.targets.length === 0) throw new PrintError('assignment without target');
      return line([...s.targets.map((t) => target(t)), ex(s.value)].join(' = '));
    case 'AugAssign':
      if (s.target.kind === 'Tuple' || s.target.kind === 'List') throw new PrintError(`augmented assignment to a ${s.target.kind}`);
      return line(`${target(s.target)} ${s.op}= ${ex(s.value)}`);
    case 'Delete':
      if (s.targets.length === 0) throw new PrintError('del without target');
      return line(`del ${s.targets.map((t) => target(t)).join(', ')}`);
    case 'If': {
      let current: Stmt = s;
      let keyword = 'if';
      for (;;) {
        if (current.kind !== 'If') break;
        block(`${keyword} ${ex(current.test)}:`, current.body);
        const orelse: readonly Stmt[] = current.orelse;
        if (orelse.length === 1 && orelse[0]!.kind === 'If') {
          current = orelse[0]!;
          keyword = 'elif';
          continue;
        }
        if (orelse.length > 0) block('else:', orelse);
        break;
      }
      return;
    }
    case 'For':
      block(`for ${target(s.target)} in ${ex(s.iter)}:`, s.body);
      if (s.orelse.length > 0) block('else:', s.orelse);
      return;
    case 'While':
      block(`while ${ex(s.test)}:`, s.body);
      if (s.orelse.length > 0) block('else:', s.orelse);
      return;
    case 'Break':
      return line('break');
    case 'Continue':
      return line('continue');
    case 'Pass':
      return line('pass');
    case 'FunctionDef': {
      s.decorators.forEach((d) => line('@' + decorator(d)));
      const params = signature(s.params, (p) => {
        const annotated = p.annotation ? `${identifier(p.name)}: ${ex(p.annotation)}` : identifier(p.name);
        return annotated + (p.default ? (p.annotation ? ` = ${ex(p.default)}` : `=${ex(p.default)}`) : '');
      });
      const returns = s.returns ? ` -> ${ex(s.returns)}` : '';
      return block(`def ${identifier(s.name)}(${params.join(', ')})${returns}:`, s.body);
    }
    case 'Return':
      return line(s.value ? `return ${ex(s.value)}` : 'return');
    case 'Yield':
      return line(s.value ? `yield ${s.from ? 'from ' : ''}${ex(s.value)}` : 'yield');
    case 'Global':
    case 'Nonlocal':
      if (s.names.length === 0) throw new PrintError(`${s.kind.toLowerCase()} without names`);
      return line(`${s.kind.toLowerCase()} ${s.names.map(identifier).join(', ')}`);
    case 'ClassDef': {
      s.decorators.forEach((d) => line('@' + decorator(d)));
      const bases = s.bases.length > 0 ? `(${s.bases.map(ex).join(', ')})` : '';
      return block(`class ${identifier(s.name)}${bases}:`, s.body);
    }
    case 'Import':
      return line(`import ${aliases(s.names, true)}`);
    case 'ImportFrom':
      return line(`from ${dottedName(s.module)} import ${aliases(s.names, false)}`);
    case 'AnnAssign': {
      const t = s.simple || s.target.kind !== 'Name' ? target(s.target) : `(${target(s.target)})`;
      return line(`${t}: ${ex(s.annotation)}${s.value ? ` = ${ex(s.value)}` : ''}`);
    }
    case 'Assert':
      return line(`assert ${ex(s.test)}${s.msg ? `, ${ex(s.msg)}` : ''}`);
    case 'Try':
      if (s.handlers.length === 0 && s.finalbody.length === 0) throw new PrintError('try without except or finally');
      if (s.orelse.length > 0 && s.handlers.length === 0) throw new PrintError('try/else without except');
      block('try:', s.body);
      for (const h of s.handlers) {
        if (h.name !== null && !h.type) throw new PrintError("bare except with 'as'");
        block(h.type ? `except ${ex(h.type)}${h.name !== null ? ` as ${identifier(h.name)}` : ''}:` : 'except:', h.body);
      }
      if (s.orelse.length > 0) block('else:', s.orelse);
      if (s.finalbody.length > 0) block('finally:', s.finalbody);
      return;
    case 'With':
      if (s.items.length === 0) throw new PrintError('with without items');
      return block(`with ${s.items.map((i) => ex(i.context) + (i.target ? ` as ${target(i.target)}` : '')).join(', ')}:`, s.body);
    case 'Raise':
      if (!s.exc && s.cause) throw new PrintError('raise with a cause and no exception');
      return line(s.exc ? `raise ${ex(s.exc)}${s.cause ? ` from ${ex(s.cause)}` : ''}` : 'raise');
  }
}

function target(t: Target): string {
  return printExpr(t);
}

function identifier(name: string): string {
  if (!isIdentifier(name)) throw new PrintError(`'${name}' is not an ASCII identifier`);
  return name;
}

function dottedName(name: string): string {
  return name.split('.').map(identifier).join('.');
}

function aliases(names: readonly { name: string; asname: string | null }[], dotted: boolean): string {
  if (names.length === 0) throw new PrintError('import without names');
  return names.map((a) => (dotted ? dottedName(a.name) : identifier(a.name)) + (a.asname === null ? '' : ` as ${identifier(a.asname)}`)).join(', ');
}

/** Before 3.9 a decorator is a dotted name, optionally called. */
function decorator(d: Expr): string {
  const dotted = (e: Expr): boolean => e.kind === 'Name' || (e.kind === 'Attribute' && dotted(e.value));
  if (!dotted(d) && !(d.kind === 'Call' && dotted(d.func))) throw new PrintError('decorator that is not a dotted name or a call of one');
  return printExpr(d);
}

function isNegative(v: ConstValue): boolean {
  if (v.type === 'int') return v.value < 0n;
  if (v.type === 'float') return v.value < 0 || Object.is(v.value, -0);
  if (v.type === 'complex') return v.imag < 0 || Object.is(v.imag, -0);
  return false;
}

function number(x: number): string {
  if (Number.isNaN(x)) throw new PrintError('NaN has no literal form');
  if (!Number.isFinite(x)) return x > 0 ? INFINITY_LITERAL : '-' + INFINITY_LITERAL;
  return floatRepr(x);
}

export function constRepr(v: ConstValue): string {
  switch (v.type) {
    case 'int':
      return v.value.toString();
    case 'float':
      return number(v.value);
    case 'complex': {
      const text = number(v.imag);
      return (text.endsWith('.0') ? text.slice(0, -2) : text) + 'j';
    }
    case 'str':
      if (LONE_SURROGATE.test(v.value)) throw new PrintError('str constant with a lone surrogate');
      return strRepr(v.value);
    case 'bytes':
      if (v.value.some((b) => !Number.isInteger(b) || b < 0 || b > 255)) throw new PrintError('bytes constant with a value outside 0..255');
      return bytesRepr(v.value);
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'None':
      return 'None';
    case 'Ellipsis':
      return '...';
  }
}

/** Prints expressions; `quotes` are the delimiters of the f-strings it is inside, outermost first. */
class ExprPrinter {
  constructor(private readonly quotes: readonly string[]) {}

  expr(e: Expr, min: Prec): string {
    const text = this.raw(e);
    return precedence(e) < min ? `(${text})` : text;
  }

  private list(es: readonly Expr[]): string {
    return es.map((e) => this.expr(e, Prec.Test)).join(', ');
  }

  private raw(e: Expr): string {
    switch (e.kind) {
      case 'Const':
        return this.quotes.length > 0 ? this.nestedConst(e.value) : constRepr(e.value);
      case 'Name':
        return identifier(e.id);
      case 'Tuple':
        return e.elts.length === 1 ? `(${this.expr(e.elts[0]!, Prec.Test)},)` : `(${this.list(e.elts)})`;
      case 'List':
        return `[${this.list(e.elts)}]`;
      case 'Set':
        if (e.elts.length === 0) throw new PrintError('an empty Set has no display form (set() is a call)');
        return `{${this.list(e.elts)}}`;
      case 'Dict':
        if (e.keys.length !== e.values.length) throw new PrintError('Dict with different numbers of keys and values');
        return `{${e.keys.map((k, i) => `${this.expr(k, Prec.Test)}: ${this.expr(e.values[i]!, Prec.Test)}`).join(', ')}}`;
      case 'BinOp': {
        const p = BINARY_PREC[e.op]!;
        if (e.op === '**') return `${this.expr(e.left, Prec.Await)} ** ${this.expr(e.right, Prec.Factor)}`;
        return `${this.expr(e.left, p)} ${e.op} ${this.expr(e.right, p + 1)}`;
      }
      case 'UnaryOp':
        return e.op === 'not' ? `not ${this.expr(e.operand, Prec.Not)}` : `${e.op}${this.expr(e.operand, Prec.Factor)}`;
      case 'BoolOp': {
        if (e.values.length < 2) throw new PrintError('BoolOp with fewer than two values');
        const p = e.op === 'or' ? Prec.Or : Prec.And;
        return e.values.map((v) => this.expr(v, p + 1)).join(` ${e.op} `);
      }
      case 'Compare':
        if (e.ops.length === 0 || e.ops.length !== e.comparators.length) throw new PrintError('Compare with mismatched operators');
        return [this.expr(e.left, Prec.Compare + 1), ...e.ops.map((op, i) => `${op} ${this.expr(e.comparators[i]!, Prec.Compare + 1)}`)].join(' ');
      case 'Call': {
        const args = [...e.args.map((a) => this.expr(a, Prec.Test)), ...e.keywords.map((k) => (k.name === '**' ? `**${this.expr(k.value, Prec.Test)}` : `${identifier(k.name)}=${this.expr(k.value, Prec.Test)}`))];
        return `${this.expr(e.func, Prec.Atom)}(${args.join(', ')})`;
      }
      case 'Attribute': {
        // `1.real` would read as the float `1.` followed by a name.
        const intLiteral = e.value.kind === 'Const' && e.value.value.type === 'int' && e.value.value.value >= 0n;
        const value = intLiteral ? `(${this.raw(e.value)})` : this.expr(e.value, Prec.Atom);
        return `${value}.${identifier(e.attr)}`;
      }
      case 'Subscript':
        return `${this.expr(e.value, Prec.Atom)}[${this.index(e.index)}]`;
      case 'Slice':
        throw new PrintError('Slice outside a subscript');
      case 'IfExp':
        return `${this.expr(e.body, Prec.Or)} if ${this.expr(e.test, Prec.Or)} else ${this.expr(e.orelse, Prec.Test)}`;
      case 'FString':
        return this.fstring(e.parts);
      case 'ListComp':
        return `[${this.expr(e.elt, Prec.Test)}${this.generators(e.generators)}]`;
      case 'SetComp':
        return `{${this.expr(e.elt, Prec.Test)}${this.generators(e.generators)}}`;
      case 'GeneratorExp':
        return `(${this.expr(e.elt, Prec.Test)}${this.generators(e.generators)})`;
      case 'DictComp':
        return `{${this.expr(e.key, Prec.Test)}: ${this.expr(e.value, Prec.Test)}${this.generators(e.generators)}}`;
      case 'Lambda': {
        const params = signature(e.params, (p) => identifier(p.name) + (p.default ? `=${this.expr(p.default, Prec.Test)}` : ''));
        return `lambda${params.length > 0 ? ' ' : ''}${params.join(', ')}: ${this.expr(e.body, Prec.Test)}`;
      }
      case 'Starred':
        // `star_named_expression` (`Grammar/python.gram`): `*` takes a `bitwise_or` in a display
        // (a call's `starred_expression` allows more: the parentheses are harmless there).
        return `*${this.expr(e.value, Prec.BitOr)}`;
    }
  }

  /** ` for t in iter if c ...`: the iterable and conditions bind tighter than a conditional expression. */
  private generators(gs: readonly Comprehension[]): string {
    if (gs.length === 0) throw new PrintError('comprehension without a for clause');
    return gs.map((g) => ` for ${this.expr(g.target, Prec.Or)} in ${this.expr(g.iter, Prec.Or)}${g.ifs.map((c) => ` if ${this.expr(c, Prec.Or)}`).join('')}`).join('');
  }

  private index(e: Expr): string {
    // `a[*b]` is a subscript only from 3.11 (PEP 646): a tuple with `*` items keeps its parentheses.
    if (e.kind === 'Tuple' && e.elts.length > 0 && !e.elts.some((x) => x.kind === 'Starred')) {
      const items = e.elts.map((x) => this.sliceItem(x));
      return items.length === 1 ? `${items[0]},` : items.join(', ');
    }
    return this.sliceItem(e);
  }

  private sliceItem(e: Expr): string {
    if (e.kind !== 'Slice') return this.expr(e, Prec.Test);
    const bound = (x: Expr | null): string => (x ? this.expr(x, Prec.Test) : '');
    return `${bound(e.lower)}:${bound(e.upper)}${e.step ? `:${bound(e.step)}` : ''}`;
  }

  /** Inside an f-string field: no backslash, no enclosing quote character (before 3.12). */
  private nestedConst(v: ConstValue): string {
    if (v.type !== 'str' && v.type !== 'bytes') return constRepr(v);
    const text = v.type === 'str' ? v.value : String.fromCharCode(...v.value);
    const quote = this.freeQuote();
    for (const ch of text)
      if (ch === '\\' || ch === "'" || ch === '"' || ch === '\n' || ch === '\r' || !isPrintable(ch) || (v.type === 'bytes' && ch > '\x7e'))
        throw new PrintError(`string constant ${JSON.stringify(text)} needs escapes inside an f-string field`);
    return (v.type === 'bytes' ? 'b' : '') + quote + text + quote;
  }

  private freeQuote(): string {
    const quote = ["'", '"'].find((q) => !this.quotes.includes(q));
    if (!quote) throw new PrintError('f-string nested too deeply (both quote characters in use)');
    return quote;
  }

  private fstring(parts: readonly FStringPart[]): string {
    const quote = this.freeQuote();
    const inner = new ExprPrinter([...this.quotes, quote]);
    let out = 'f' + quote;
    for (const p of mergeParts(parts)) out += typeof p === 'string' ? literal(p, quote, this.quotes.length > 0) : inner.field(p, 0);
    return out + quote;
  }

  private field(fv: FormattedValue, depth: number): string {
    let expr = this.expr(fv.expr, Prec.Test);
    if (expr.startsWith('{')) expr = ` ${expr} `; // `{{` would be a literal brace
    let out = `{${expr}`;
    if (fv.conversion) out += '!' + fv.conversion;
    if (fv.formatSpec) {
      if (depth > 0) throw new PrintError('f-string format spec nested more than one level');
      out += ':';
      // CPython reads `{x:=^9}` as a spec; @lezer/python as a walrus, so it would not read back.
      const spec = mergeParts(fv.formatSpec);
      if (typeof spec[0] === 'string' && spec[0].startsWith('=')) throw new PrintError("format spec starting with '='");
      for (const p of spec) out += typeof p === 'string' ? specLiteral(p) : this.field(p, depth + 1);
    }
    return out + '}';
  }
}

/** A literal part of an f-string: escaped as in `repr`, braces doubled. */
function literal(text: string, quote: string, nested: boolean): string {
  if (LONE_SURROGATE.test(text)) throw new PrintError('f-string text with a lone surrogate');
  const escaped = escapeStr(text, quote).replace(/[{}]/g, (b) => b + b);
  if (nested && escaped.includes('\\')) throw new PrintError('f-string inside an f-string field needs escapes');
  return escaped;
}

/** Format spec text is kept to characters every version reads the same way. */
function specLiteral(text: string): string {
  if (/[{}\\'"\n\r]/.test(text) || [...text].some((c) => !isPrintable(c))) throw new PrintError(`format spec ${JSON.stringify(text)} needs escapes`);
  return text;
}

function precedence(e: Expr): Prec {
  switch (e.kind) {
    case 'IfExp':
    case 'Lambda':
      return Prec.Test;
    case 'BoolOp':
      return e.op === 'or' ? Prec.Or : Prec.And;
    case 'UnaryOp':
      return e.op === 'not' ? Prec.Not : Prec.Factor;
    case 'Compare':
      return Prec.Compare;
    case 'BinOp':
      return BINARY_PREC[e.op]!;
    case 'Const':
      return isNegative(e.value) ? Prec.Factor : Prec.Atom; // `-5` is a unary minus
    default:
      return Prec.Atom;
  }
}

/**
 * A signature's parameters in source order (the AST keeps `co_varnames` order): positional-only
 * then `/`, positional, `*args` or a bare `*` before keyword-only ones, `**kwargs`.
 */
function signature(params: readonly Parameter[], show: (p: Parameter) => string): string[] {
  const of = (kind: Parameter['kind']): Parameter[] => params.filter((p) => p.kind === kind);
  const posonly = of('posonly').map(show);
  const vararg = of('vararg').map((p) => '*' + show(p));
  const kwonly = of('kwonly').map(show);
  return [
    ...posonly,
    ...(posonly.length > 0 ? ['/'] : []),
    ...of(undefined).map(show),
    ...(vararg.length > 0 ? vararg : kwonly.length > 0 ? ['*'] : []),
    ...kwonly,
    ...of('kwarg').map((p) => '**' + show(p)),
  ];
}
