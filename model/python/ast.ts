/**
 * The model's program form: a small Python AST for the supported subset.
 *
 * Both the parser (`parse.ts`, from @lezer/python) and the program generators of
 * `properties/` build these values; the printer (`print.ts`) turns them back into Python
 * source for the real interpreters; the evaluator runs them on `model/core`.
 * Every node carries the place it came from (1-based line and column) so that a refusal
 * or a runtime error can name it. Generated nodes use `{ line: 0, col: 0 }`.
 */

/** 1-based line and column of the first character of a node in its source. */
export interface Pos {
  readonly line: number;
  readonly col: number;
}

export const NO_POS: Pos = Object.freeze({ line: 0, col: 0 });

/** A literal as the compiler sees it (after the parser decoded escapes and prefixes). */
export type ConstValue =
  | { readonly type: 'int'; readonly value: bigint }
  | { readonly type: 'float'; readonly value: number }
  | { readonly type: 'complex'; readonly imag: number }
  | { readonly type: 'str'; readonly value: string }
  | { readonly type: 'bytes'; readonly value: readonly number[] }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'None' }
  | { readonly type: 'Ellipsis' };

export type BinaryOperator = '+' | '-' | '*' | '/' | '//' | '%' | '**' | '<<' | '>>' | '&' | '|' | '^' | '@';
export type UnaryOperator = 'not' | '-' | '+' | '~';
export type CompareOperator = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'is' | 'is not' | 'in' | 'not in';

/** One replacement field of an f-string: `{expr!r:spec}`. */
export interface FormattedValue {
  readonly expr: Expr;
  readonly conversion: 'r' | 's' | 'a' | null;
  /** The format spec as written; may itself contain replacement fields. */
  readonly formatSpec: readonly FStringPart[] | null;
}
export type FStringPart = string | FormattedValue;

export interface Keyword {
  /** The parameter name; `'**'` (never an identifier) marks `**value`, a mapping unpacked at a call site. */
  readonly name: string;
  readonly value: Expr;
  readonly pos: Pos;
}

/** One `for target in iter if cond...` clause of a comprehension or generator expression. */
export interface Comprehension {
  readonly target: Target;
  readonly iter: Expr;
  readonly ifs: readonly Expr[];
  readonly pos: Pos;
}

export type Expr =
  | { readonly kind: 'Const'; readonly value: ConstValue; readonly pos: Pos }
  | { readonly kind: 'Name'; readonly id: string; readonly pos: Pos }
  | { readonly kind: 'Tuple'; readonly elts: readonly Expr[]; readonly pos: Pos }
  | { readonly kind: 'List'; readonly elts: readonly Expr[]; readonly pos: Pos }
  | { readonly kind: 'Set'; readonly elts: readonly Expr[]; readonly pos: Pos }
  | { readonly kind: 'Dict'; readonly keys: readonly Expr[]; readonly values: readonly Expr[]; readonly pos: Pos }
  | { readonly kind: 'BinOp'; readonly op: BinaryOperator; readonly left: Expr; readonly right: Expr; readonly pos: Pos }
  | { readonly kind: 'UnaryOp'; readonly op: UnaryOperator; readonly operand: Expr; readonly pos: Pos }
  | { readonly kind: 'BoolOp'; readonly op: 'and' | 'or'; readonly values: readonly Expr[]; readonly pos: Pos }
  | {
      readonly kind: 'Compare';
      readonly left: Expr;
      readonly ops: readonly CompareOperator[];
      readonly comparators: readonly Expr[];
      readonly pos: Pos;
    }
  | { readonly kind: 'Call'; readonly func: Expr; readonly args: readonly Expr[]; readonly keywords: readonly Keyword[]; readonly pos: Pos }
  | { readonly kind: 'Attribute'; readonly value: Expr; readonly attr: string; readonly pos: Pos }
  | { readonly kind: 'Subscript'; readonly value: Expr; readonly index: Expr; readonly pos: Pos }
  | { readonly kind: 'Slice'; readonly lower: Expr | null; readonly upper: Expr | null; readonly step: Expr | null; readonly pos: Pos }
  | { readonly kind: 'IfExp'; readonly test: Expr; readonly body: Expr; readonly orelse: Expr; readonly pos: Pos }
  | { readonly kind: 'FString'; readonly parts: readonly FStringPart[]; readonly pos: Pos }
  | { readonly kind: 'ListComp'; readonly elt: Expr; readonly generators: readonly Comprehension[]; readonly pos: Pos }
  | { readonly kind: 'SetComp'; readonly elt: Expr; readonly generators: readonly Comprehension[]; readonly pos: Pos }
  | { readonly kind: 'GeneratorExp'; readonly elt: Expr; readonly generators: readonly Comprehension[]; readonly pos: Pos }
  | { readonly kind: 'DictComp'; readonly key: Expr; readonly value: Expr; readonly generators: readonly Comprehension[]; readonly pos: Pos }
  /** `lambda params: body` (parameters as for `def`, without annotations). */
  | { readonly kind: 'Lambda'; readonly params: readonly Parameter[]; readonly body: Expr; readonly pos: Pos }
  /** `*value`: a call's positional argument or an item of a list, tuple or set display (refused elsewhere). */
  | { readonly kind: 'Starred'; readonly value: Expr; readonly pos: Pos };

/** What may stand left of `=`, after `for`, or after `del`. */
export type Target =
  | Extract<Expr, { kind: 'Name' }>
  | Extract<Expr, { kind: 'Attribute' }>
  | Extract<Expr, { kind: 'Subscript' }>
  | { readonly kind: 'Tuple'; readonly elts: readonly Target[]; readonly pos: Pos }
  | { readonly kind: 'List'; readonly elts: readonly Target[]; readonly pos: Pos };

/**
 * One parameter of a `def` or `lambda`. A signature lists its parameters in `co_varnames` order:
 * positional-only, positional-or-keyword, keyword-only, then `*args`, then `**kwargs`
 * (`Python/compile.c` `compiler_make_arguments`/symtable order); the source order follows from
 * the kinds (`/` after the positional-only ones, `*args` or a bare `*` before the keyword-only ones).
 */
export interface Parameter {
  readonly name: string;
  readonly default: Expr | null;
  readonly pos: Pos;
  /** `name: annotation` (absent or null: none). */
  readonly annotation?: Expr | null;
  /** Absent: positional-or-keyword. `vararg` is `*name`, `kwarg` is `**name` (never with a default). */
  readonly kind?: ParameterKind;
}

export type ParameterKind = 'posonly' | 'kwonly' | 'vararg' | 'kwarg';

export interface ImportAlias {
  readonly name: string;
  readonly asname: string | null;
}

export type Stmt =
  | { readonly kind: 'Expr'; readonly value: Expr; readonly pos: Pos }
  | { readonly kind: 'Assign'; readonly targets: readonly Target[]; readonly value: Expr; readonly pos: Pos }
  | { readonly kind: 'AugAssign'; readonly target: Target; readonly op: BinaryOperator; readonly value: Expr; readonly pos: Pos }
  | { readonly kind: 'Delete'; readonly targets: readonly Target[]; readonly pos: Pos }
  | { readonly kind: 'If'; readonly test: Expr; readonly body: readonly Stmt[]; readonly orelse: readonly Stmt[]; readonly pos: Pos }
  | {
      readonly kind: 'For';
      readonly target: Target;
      readonly iter: Expr;
      readonly body: readonly Stmt[];
      readonly orelse: readonly Stmt[];
      readonly pos: Pos;
    }
  | { readonly kind: 'While'; readonly test: Expr; readonly body: readonly Stmt[]; readonly orelse: readonly Stmt[]; readonly pos: Pos }
  | { readonly kind: 'Break'; readonly pos: Pos }
  | { readonly kind: 'Continue'; readonly pos: Pos }
  | { readonly kind: 'Pass'; readonly pos: Pos }
  | {
      readonly kind: 'FunctionDef';
      readonly name: string;
      readonly params: readonly Parameter[];
      readonly body: readonly Stmt[];
      readonly decorators: readonly Expr[];
      readonly pos: Pos;
      /** `-> annotation` (absent or null: none). */
      readonly returns?: Expr | null;
    }
  | { readonly kind: 'Return'; readonly value: Expr | null; readonly pos: Pos }
  /** `yield value` / `yield from value` as a statement (its value, None from next(), discarded). */
  | { readonly kind: 'Yield'; readonly value: Expr | null; readonly from: boolean; readonly pos: Pos }
  | { readonly kind: 'Global'; readonly names: readonly string[]; readonly pos: Pos }
  | { readonly kind: 'Nonlocal'; readonly names: readonly string[]; readonly pos: Pos }
  | {
      readonly kind: 'ClassDef';
      readonly name: string;
      readonly bases: readonly Expr[];
      readonly body: readonly Stmt[];
      readonly decorators: readonly Expr[];
      readonly pos: Pos;
    }
  | { readonly kind: 'Import'; readonly names: readonly ImportAlias[]; readonly pos: Pos }
  | { readonly kind: 'ImportFrom'; readonly module: string; readonly names: readonly ImportAlias[]; readonly pos: Pos }
  /** `target: annotation = value`; `simple`: a bare name, not parenthesised. */
  | { readonly kind: 'AnnAssign'; readonly target: Target; readonly annotation: Expr; readonly value: Expr | null; readonly simple: boolean; readonly pos: Pos }
  /** `try` with `except` handlers, `else` and `finally` (each may be empty, not all). */
  | {
      readonly kind: 'Try';
      readonly body: readonly Stmt[];
      readonly handlers: readonly ExceptHandler[];
      readonly orelse: readonly Stmt[];
      readonly finalbody: readonly Stmt[];
      readonly pos: Pos;
    }
  /** `assert test[, msg]`. */
  | { readonly kind: 'Assert'; readonly test: Expr; readonly msg: Expr | null; readonly pos: Pos }
  /** `raise`, `raise exc`, `raise exc from cause`. */
  | { readonly kind: 'Raise'; readonly exc: Expr | null; readonly cause: Expr | null; readonly pos: Pos }
  /** `with ctx [as target], ...:` (several items nest, as CPython compiles them). */
  | { readonly kind: 'With'; readonly items: readonly WithItem[]; readonly body: readonly Stmt[]; readonly pos: Pos };

/** One `ctx [as target]` of a `with` statement. */
export interface WithItem {
  readonly context: Expr;
  readonly target: Target | null;
  readonly pos: Pos;
}

/** `except [type [as name]]:` and its body. */
export interface ExceptHandler {
  readonly type: Expr | null;
  readonly name: string | null;
  readonly body: readonly Stmt[];
  readonly pos: Pos;
}

/** A whole program: the body of one module. */
export interface Module {
  readonly kind: 'Module';
  readonly body: readonly Stmt[];
}
