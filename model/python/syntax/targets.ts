/**
 * What may stand left of `=`, after `for`, after `del` or left of `+=`. The parser accepts any
 * expression there; CPython's grammar then rejects the rest (`Parser/pegen_errors.c`,
 * `_PyPegen_get_expr_name` gives the words of its messages, used here too).
 */
import type { Expr, Target } from '../ast';
import type { ConvertContext } from './context';

export type TargetUse = 'assign' | 'delete' | 'augmented';

export function toTarget(ctx: ConvertContext, expr: Expr, use: TargetUse): Target {
  switch (expr.kind) {
    case 'Name':
      if (expr.id === '__debug__') ctx.malformedAt(`cannot ${use === 'delete' ? 'delete' : 'assign to'} __debug__`, expr.pos);
      return expr;
    case 'Attribute':
    case 'Subscript':
      return expr;
    case 'Starred':
      return ctx.unsupportedAt('starred assignment target', expr.pos);
    case 'Tuple':
    case 'List':
      if (use === 'augmented') ctx.malformedAt(`'${expr.kind.toLowerCase()}' is an illegal expression for augmented assignment`, expr.pos);
      return { kind: expr.kind, elts: expr.elts.map((e) => toTarget(ctx, e, use)), pos: expr.pos };
    default: {
      const what = exprName(expr);
      if (use === 'augmented') return ctx.malformedAt(`'${what}' is an illegal expression for augmented assignment`, expr.pos);
      return ctx.malformedAt(`cannot ${use === 'delete' ? 'delete' : 'assign to'} ${what}`, expr.pos);
    }
  }
}

function exprName(expr: Expr): string {
  switch (expr.kind) {
    case 'Const':
      switch (expr.value.type) {
        case 'None':
          return 'None';
        case 'bool':
          return expr.value.value ? 'True' : 'False';
        case 'Ellipsis':
          return 'ellipsis';
        default:
          return 'literal';
      }
    case 'Call':
      return 'function call';
    case 'Compare':
      return 'comparison';
    case 'IfExp':
      return 'conditional expression';
    case 'FString':
      return 'f-string expression';
    case 'Dict':
      return 'dict literal';
    case 'Set':
      return 'set display';
    case 'Slice':
      return 'slice';
    default:
      return 'expression';
  }
}
