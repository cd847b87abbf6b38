/**
 * Test support: the complete Python programs of a tutorial whose text lost its indentation
 * (../shared/reference/interning-and-object-caching.txt: every line starts at column 0), found
 * and re-indented at test time, so that no code of the article is copied into this repository.
 *
 * What counts as a program (the rule, applied in this order):
 * 1. The text is cut into paragraphs at blank lines; an indented line (a list item: the code lost
 *    its indentation, the lists kept theirs) is a paragraph of prose on its own. A paragraph starts code when its first line,
 *    re-indented with what follows, parses as Python (@lezer/python, no error node). A line of
 *    one bare word is a heading, a paragraph of prose on its own (the article's `note`, `tip`,
 *    `warning`, `Prerequisites` are valid Python names). Code may also start inside a paragraph of
 *    prose, at an `import`, `from ... import`, `class` or `def` line (the page's "Show Answer"
 *    label sits right above its code). A block of comments alone is no program.
 * 2. A code block grows paragraph by paragraph while the joined, re-indented text parses (or is
 *    only unfinished: an open triple-quoted string or bracket, e.g. a docstring with a blank
 *    line). A paragraph that stops parsing part way (the article prints expected output right
 *    under the code) contributes the lines before the first bad line, and ends the block.
 * 3. Re-indentation, PEP 8 layout read backwards: a logical line ending in `:` opens a block;
 *    `elif`/`else`/`except`/`finally` close one first; a line after `return`, `raise`, `pass`,
 *    `break` or `continue` closes the block that statement ended (code after it would be dead);
 *    after two blank lines a line is at module level; after one blank line a `def` or decorator
 *    inside a class is a method at the class body's level, anything else is at module level.
 *    Where the flattened text is ambiguous (a `return` after an `if` body with no blank line),
 *    the line stays in the inner block: model and CPython run the same re-indented text.
 * 4. A block is a complete program when it is one (it runs alone): the test drops blocks whose
 *    real run fails with a SyntaxError, or with NameError for a name the block never binds
 *    (a fragment continuing an earlier block). The article's blocks need no such dropping today.
 */
import type { Tree } from '@lezer/common';
import { python3Parser } from '../syntax/python3-parser';

export interface ArticleProgram {
  /** 1-based line of the article where the program starts. */
  readonly line: number;
  /** The re-indented Python source. */
  readonly source: string;
}

const INDENT = '    ';
const BLOCK_CLOSERS = /^(elif\b|else\s*:|except\b|finally\s*:)/;
const CODE_OPENERS = /^(import \w|from \w[\w.]* import |class \w|def \w)/;
const TERMINATORS = /^(return|raise|pass|break|continue)\b/;

/** Lexical state carried across lines: open brackets and an open triple-quoted string. */
interface LexState {
  depth: number;
  openString: string | null;
}

/** Scans one physical line; returns whether the logical line ends with `:` (outside strings/comments). */
function scanLine(line: string, st: LexState): { endsWithColon: boolean } {
  let lastSignificant = '';
  let i = 0;
  while (i < line.length) {
    if (st.openString !== null) {
      const end = line.indexOf(st.openString, i);
      if (end < 0) return { endsWithColon: false };
      i = end + st.openString.length;
      st.openString = null;
      lastSignificant = '"';
      continue;
    }
    const c = line[i]!;
    if (c === '#') break;
    if (c === '"' || c === "'") {
      const triple = line.startsWith(c.repeat(3), i) ? c.repeat(3) : null;
      if (triple) {
        st.openString = triple;
        i += 3;
        continue;
      }
      let j = i + 1;
      while (j < line.length && line[j] !== c) j += line[j] === '\\' ? 2 : 1;
      i = j + 1;
      lastSignificant = c;
      continue;
    }
    if ('([{'.includes(c)) st.depth++;
    else if (')]}'.includes(c)) st.depth = Math.max(0, st.depth - 1);
    if (c !== ' ' && c !== '\t') lastSignificant = c;
    i++;
  }
  return { endsWithColon: st.depth === 0 && st.openString === null && lastSignificant === ':' };
}

/** Re-indents flattened lines by the rules of the header (3.). */
export function reindent(lines: readonly string[]): string {
  // Each open block: the level of its body, and whether a class opened it.
  const stack: { level: number; isClass: boolean }[] = [];
  const st: LexState = { depth: 0, openString: null };
  let level = 0;
  let blanks = 0;
  let closeAfter = false;
  let logicalIsClass = false;
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    const continuation = st.depth > 0 || st.openString !== null;
    if (continuation) {
      out.push(st.openString !== null ? raw : INDENT.repeat(level + 1) + line);
      const { endsWithColon } = scanLine(line, st);
      if (endsWithColon) stack.push({ level: level + 1, isClass: logicalIsClass });
      if (st.depth === 0 && st.openString === null) level = stack.length;
      continue;
    }
    if (line === '') {
      blanks++;
      out.push('');
      continue;
    }
    if (line.startsWith('#')) {
      out.push(INDENT.repeat(level) + line);
      continue;
    }
    if (closeAfter) {
      stack.pop();
      closeAfter = false;
    }
    if (blanks >= 2) stack.length = 0;
    else if (blanks === 1) {
      const methodLike = /^(def |async def |@)/.test(line);
      const classAt = stack.map((b) => b.isClass).lastIndexOf(true);
      stack.length = methodLike && classAt >= 0 ? classAt + 1 : 0;
    }
    if (BLOCK_CLOSERS.test(line)) stack.pop();
    blanks = 0;
    level = stack.length;
    out.push(INDENT.repeat(level) + line);
    logicalIsClass = /^class\b/.test(line);
    const { endsWithColon } = scanLine(line, st);
    if (endsWithColon) stack.push({ level: level + 1, isClass: logicalIsClass });
    else if (TERMINATORS.test(line) && stack.length > 0) closeAfter = true;
    if (endsWithColon || st.depth > 0 || st.openString !== null) level = stack.length;
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

type Verdict = 'ok' | 'unfinished' | { readonly badLine: number };

/** Parses a source: clean, only unfinished at its end, or the 0-based line of the first error. */
function verdict(source: string): Verdict {
  const tree: Tree = python3Parser.parse(source);
  let errorAt = -1;
  tree.iterate({
    enter(n) {
      if (errorAt >= 0) return false;
      if (n.type.isError) errorAt = n.from;
      return undefined;
    },
  });
  if (errorAt < 0) return 'ok';
  if (source.slice(errorAt).trim() === '') return 'unfinished';
  return { badLine: source.slice(0, errorAt).split('\n').length - 1 };
}

/** The longest run of a paragraph's first lines that parses after `prefix` (0 if none). */
function parsablePrefix(prefix: readonly string[], paragraph: readonly string[]): number {
  for (let n = paragraph.length; n > 0; n--) {
    if (verdict(reindent([...prefix, ...paragraph.slice(0, n)])) === 'ok') return n;
  }
  return 0;
}

/** A heading (one bare word: `note`, `tip`) or a list item (indented: the code lost all indentation, the lists did not). */
function isProseLine(line: string): boolean {
  return /^\s+\S/.test(line) || /^\w+\s*$/.test(line);
}

/** The article's programs, in order, by the rules of the header (1., 2., 3.). */
export function articlePrograms(text: string): ArticleProgram[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  // Paragraphs: [first line index, lines], with the blank lines that follow kept for layout.
  const paragraphs: { start: number; lines: string[]; blanksAfter: number; prose: boolean }[] = [];
  for (let i = 0; i < lines.length; ) {
    if (lines[i]!.trim() === '') {
      i++;
      continue;
    }
    const start = i;
    if (isProseLine(lines[i]!)) {
      paragraphs.push({ start, lines: [lines[i]!], blanksAfter: 0, prose: true });
      i++;
      continue;
    }
    while (i < lines.length && lines[i]!.trim() !== '' && !isProseLine(lines[i]!)) i++;
    let j = i;
    while (j < lines.length && lines[j]!.trim() === '') j++;
    paragraphs.push({ start, lines: lines.slice(start, i), blanksAfter: j - i, prose: false });
  }
  const programs: ArticleProgram[] = [];
  for (let p = 0; p < paragraphs.length; ) {
    const first = paragraphs[p]!;
    const firstTake = first.prose ? 0 : parsablePrefix([], first.lines);
    if (first.prose || (firstTake === 0 && verdict(reindent(first.lines)) !== 'unfinished')) {
      // Code may start under a line of prose in the same paragraph (the page's "Show Answer").
      const k = first.prose ? -1 : first.lines.findIndex((l, i) => i > 0 && CODE_OPENERS.test(l));
      if (k > 0) paragraphs[p] = { ...first, start: first.start + k, lines: first.lines.slice(k) };
      else p++;
      continue;
    }
    // Grow the block (2.): `committed` is the last text that parses cleanly.
    let block: string[] = [];
    let committed: string[] = [];
    let q = p;
    let partial = false;
    for (; q < paragraphs.length; q++) {
      const para = paragraphs[q]!;
      if (para.prose) break;
      const candidate = [...block, ...para.lines];
      const v = verdict(reindent(candidate));
      if (v === 'ok' || v === 'unfinished') {
        block = [...candidate, ...Array<string>(para.blanksAfter).fill('')];
        if (v === 'ok') committed = block;
        continue;
      }
      const take = parsablePrefix(block, para.lines);
      if (take > 0 && block.length === committed.length) committed = [...block, ...para.lines.slice(0, take)];
      partial = take > 0;
      break;
    }
    if (committed.some((l) => l.trim() !== '' && !l.trim().startsWith('#'))) programs.push({ line: first.start + 1, source: reindent(committed) });
    p = partial || q === p ? q + 1 : q;
  }
  return programs;
}
