/**
 * `return`, `break` and `continue` where CPython's compiler rejects them (`Python/compile.c`,
 * `compiler_return`, `compiler_break`, `compiler_continue`). A loop's `else` is outside it;
 * a class body or a function body starts a new context.
 */
import type { Module, Stmt } from '../ast';
import type { ConvertContext } from './context';

export function checkControlFlow(ctx: ConvertContext, module: Module): void {
  walk(ctx, module.body, false, false);
}

function walk(ctx: ConvertContext, body: readonly Stmt[], inFunction: boolean, inLoop: boolean): void {
  for (const s of body) {
    switch (s.kind) {
      case 'Return':
        if (!inFunction) ctx.malformedAt("'return' outside function", s.pos);
        break;
      case 'Yield':
        if (!inFunction) ctx.malformedAt("'yield' outside function", s.pos);
        break;
      case 'Break':
        if (!inLoop) ctx.malformedAt("'break' outside loop", s.pos);
        break;
      case 'Continue':
        if (!inLoop) ctx.malformedAt("'continue' not properly in loop", s.pos);
        break;
      case 'If':
        walk(ctx, s.body, inFunction, inLoop);
        walk(ctx, s.orelse, inFunction, inLoop);
        break;
      case 'For':
      case 'While':
        walk(ctx, s.body, inFunction, true);
        walk(ctx, s.orelse, inFunction, inLoop);
        break;
      case 'With':
        walk(ctx, s.body, inFunction, inLoop);
        break;
      case 'Try':
        for (const b of [s.body, ...s.handlers.map((h) => h.body), s.orelse, s.finalbody]) walk(ctx, b, inFunction, inLoop);
        break;
      case 'FunctionDef':
        walk(ctx, s.body, true, false);
        break;
      case 'ClassDef':
        walk(ctx, s.body, false, false);
        break;
      default:
        break;
    }
  }
}
