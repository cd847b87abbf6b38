/** What every part of the tree-to-AST conversion shares: the source, places and errors. */
import type { SyntaxNode } from '@lezer/common';
import type { Pos } from '../ast';
import { MalformedSourceError, UnsupportedError } from '../../errors';
import { LiteralProblem } from './literal-problem';
import type { SourceText } from './source';

export class ConvertContext {
  /** Delimiters of the f-strings being converted, innermost last. */
  readonly fstringQuotes: string[] = [];
  /**
   * Whether the program has what can make a scope error (`scopes.ts`): a `global` or `nonlocal`
   * statement, or a parameter list naming one parameter twice. Without either there is none.
   */
  scopeErrorsPossible = false;

  constructor(readonly source: SourceText) {}

  text(node: SyntaxNode): string {
    return this.source.slice(node.from, node.to);
  }

  pos(node: SyntaxNode | number): Pos {
    return this.source.pos(typeof node === 'number' ? node : node.from);
  }

  malformed(detail: string, at: SyntaxNode | number): never {
    throw new MalformedSourceError(detail, this.source.place(typeof at === 'number' ? at : at.from));
  }

  malformedAt(detail: string, pos: Pos): never {
    throw new MalformedSourceError(detail, this.source.placeOf(pos));
  }

  unsupported(construct: string, at: SyntaxNode | number, detail?: string): never {
    throw new UnsupportedError(construct, this.source.place(typeof at === 'number' ? at : at.from), detail);
  }

  unsupportedAt(construct: string, pos: Pos): never {
    throw new UnsupportedError(construct, this.source.placeOf(pos));
  }

  /** Runs a literal decoder; its problems become errors placed inside the token. */
  decode<T>(tokenStart: number, decoder: () => T): T {
    try {
      return decoder();
    } catch (e) {
      return this.literalFailed(e, tokenStart);
    }
  }

  /**
   * What a literal decoder threw, as `decode` reports it: for the decoders of every literal
   * (a `catch` around a direct call, no closure per literal: exec'd sources parse on each run).
   */
  literalFailed(e: unknown, tokenStart: number): never {
    if (!(e instanceof LiteralProblem)) throw e;
    if (e.kind === 'unsupported') this.unsupported(e.detail, tokenStart + e.offset);
    return this.malformed(e.detail, tokenStart + e.offset);
  }
}

/** The children of a node, without comments (which lezer may put anywhere). */
export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name !== 'Comment') out.push(c);
  return out;
}

/** Splits a run of children on `,` tokens; tells whether a comma ended the run. */
export function splitOnCommas(nodes: readonly SyntaxNode[]): { items: SyntaxNode[][]; trailingComma: boolean } {
  const items: SyntaxNode[][] = [];
  let current: SyntaxNode[] = [];
  let trailingComma = false;
  for (const n of nodes) {
    if (n.name === ',') {
      items.push(current);
      current = [];
      trailingComma = true;
    } else {
      current.push(n);
      trailingComma = false;
    }
  }
  if (current.length > 0) items.push(current);
  return { items, trailingComma };
}
