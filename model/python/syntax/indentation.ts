/**
 * Indentation checks that @lezer/python leaves out. Its tokenizer counts a tab as up to 8
 * columns and accepts any dedent; CPython also compares indentation with tabs counted as 1
 * column (`Parser/tokenizer.c`, `altcol`, TabError) and requires a dedent to land on an
 * enclosing level ("unindent does not match any outer indentation level").
 */
import type { SyntaxNode } from '@lezer/common';
import type { ConvertContext } from './context';

export interface Indent {
  /** Tabs to the next multiple of 8, as CPython's `tok->tabsize`. */
  readonly col: number;
  /** Tabs as 1 column, as CPython's `ALTTABSIZE`. */
  readonly altcol: number;
}

export const NO_INDENT: Indent = { col: 0, altcol: 0 };

/** The indentation of the line where `node` starts, or null if something precedes it on its line. */
export function lineIndent(ctx: ConvertContext, node: SyntaxNode): Indent | null {
  const text = ctx.source.text;
  const start = ctx.source.lineStartOf(node.from);
  let col = 0;
  let altcol = 0;
  for (let i = start; i < node.from; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      col++;
      altcol++;
    } else if (c === 0x09) {
      col = (Math.floor(col / 8) + 1) * 8;
      altcol++;
    } else if (c === 0x0c) ctx.unsupported('form feed in indentation', i);
    else return null;
  }
  return { col, altcol };
}

/** Tracks the indentation of the statements of one block. */
export class BlockIndent {
  private level: Indent | null = null;

  constructor(
    private readonly ctx: ConvertContext,
    private readonly parent: Indent | null,
    private readonly shared: { last: Indent },
  ) {}

  /** The block's own indentation, known once its first statement is seen. */
  get indent(): Indent {
    return this.level ?? this.parent ?? NO_INDENT;
  }

  check(node: SyntaxNode): void {
    const here = lineIndent(this.ctx, node);
    if (!here) return;
    const last = this.shared.last;
    this.shared.last = here;
    if (this.parent === null && this.level === null) this.level = NO_INDENT; // module level
    if (this.level === null) {
      const parent = this.parent!;
      if (here.altcol <= parent.altcol) this.ctx.malformed('inconsistent use of tabs and spaces in indentation', node);
      this.level = here;
      return;
    }
    if (here.col === this.level.col) {
      if (here.altcol !== this.level.altcol) this.ctx.malformed('inconsistent use of tabs and spaces in indentation', node);
      return;
    }
    if (here.col > this.level.col && here.col < last.col)
      this.ctx.malformed('unindent does not match any outer indentation level', node);
    this.ctx.malformed(here.col > this.level.col ? 'unexpected indent' : 'unindent does not match any outer indentation level', node);
  }
}
