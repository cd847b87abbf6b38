/**
 * The source text as the parser sees it, and the mapping from offsets to 1-based places.
 *
 * Columns count characters (Unicode code points), as CPython's SyntaxError `offset` does;
 * for ASCII lines this equals CPython's `col_offset + 1` (which counts UTF-8 bytes).
 */
import type { Pos } from '../ast';
import type { Place } from '../../errors';

/**
 * CPython's tokenizer turns `\r\n` and lone `\r` into `\n` before anything else
 * (`Parser/tokenizer.c`, `translate_newlines`), and skips a UTF-8 byte order mark.
 */
export function normalizeNewlines(source: string): string {
  const withoutBom = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  return withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/g, '\n') : withoutBom;
}

export class SourceText {
  private readonly lineStarts: number[] = [0];
  private readonly hasSurrogates: boolean;
  /** The line (0-based) of the last place found. */
  private lastLine = 0;

  constructor(
    readonly text: string,
    readonly filename: string,
  ) {
    // One pass by char code, no regex: an exec'd source is read on each run.
    const starts = this.lineStarts;
    let surrogates = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) starts.push(i + 1);
      else if (c >= 0xd800 && c <= 0xdfff) surrogates = true;
    }
    this.hasSurrogates = surrogates;
  }

  /** 1-based line and column of a UTF-16 offset. */
  pos(offset: number): Pos {
    const starts = this.lineStarts;
    // Places are mostly asked for in source order: the last line found is tried first.
    let lo = this.lastLine;
    if (!(starts[lo]! <= offset && (lo + 1 === starts.length || offset < starts[lo + 1]!))) {
      lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      this.lastLine = lo;
    }
    const lineStart = starts[lo]!;
    let col = offset - lineStart + 1;
    if (this.hasSurrogates) {
      // A character outside the BMP is two UTF-16 units but one column.
      for (let i = lineStart; i < offset; i++) {
        const c = this.text.charCodeAt(i);
        if (c >= 0xdc00 && c <= 0xdfff && i > lineStart) {
          const prev = this.text.charCodeAt(i - 1);
          if (prev >= 0xd800 && prev <= 0xdbff) col--;
        }
      }
    }
    return { line: lo + 1, col };
  }

  place(offset: number): Place {
    const { line, col } = this.pos(offset);
    return { file: this.filename, line, col };
  }

  placeOf(pos: Pos): Place {
    return { file: this.filename, line: pos.line, col: pos.col };
  }

  /** Offset of the first character of the line holding `offset`. */
  lineStartOf(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  slice(from: number, to: number): string {
    return this.text.slice(from, to);
  }
}
