/**
 * Speed only, the trees are the same: @lezer/lr finds a state's actions for a token
 * (`TokenCache.addActions`) and the state after a reduction (`LRParser.getGoto`) by scanning
 * its tables from the start every time. For Python's grammar those scans were ~30% of parsing
 * `x = 1`. Both answers depend only on the state and the term (the tables never change), so
 * each pair is scanned once and its answer kept: an index over the grammar, not over programs.
 * `LRParser.hasAction` (`Stack.canShift`) likewise. All are @lezer/lr internals (version 1.4):
 * `memoizeTables` checks they are still there.
 */
import type { PartialParse } from '@lezer/common';
import { LRParser } from '@lezer/lr';

/** `ParseState.Size`, `ParseState.Actions`, `ParseState.Skip`, `Seq.End`, `Seq.Next`, `Seq.Other` in @lezer/lr. */
const STATE_SIZE = 6;
const ACTIONS_SLOT = 1;
const SKIP_SLOT = 2;
const SEQ_END = 0xffff;
const SEQ_NEXT = 1;
const SEQ_OTHER = 2;

interface ParserTables {
  readonly data: Readonly<Uint16Array>;
  readonly states: Readonly<Uint32Array>;
  readonly maxTerm: number;
  getGoto(state: number, term: number, loose?: boolean): number;
  hasAction(state: number, terminal: number): number;
}

interface TokenCache {
  addActions(stack: { readonly state: number }, token: number, end: number, index: number): number;
  putAction(action: number, token: number, end: number, index: number): number;
}

/** What a state does on one token: its actions, then its skip actions; each list's fallback (-1: none). */
interface TokenActions {
  readonly actions: readonly number[];
  readonly other: number;
  readonly skip: readonly number[];
  readonly skipOther: number;
}

function pair(data: Readonly<Uint16Array>, off: number): number {
  return data[off]! | (data[off + 1]! << 16);
}

/** `TokenCache.addActions`'s scan of one list, for one token, keeping what it would add. */
function scanList(data: Readonly<Uint16Array>, start: number, token: number): { found: number[]; other: number } {
  const found: number[] = [];
  for (let i = start; ; i += 3) {
    if (data[i] === SEQ_END) {
      if (data[i + 1] === SEQ_NEXT) i = pair(data, i + 2);
      else return { found, other: data[i + 1] === SEQ_OTHER ? pair(data, i + 2) : -1 };
    }
    if (data[i] === token) found.push(pair(data, i + 1));
  }
}

/** A copy of `parser` (`configure`) that keeps its table lookups. */
export function memoizeTables(parser: LRParser): LRParser {
  const tables = parser as unknown as ParserTables;
  if (
    !(tables.data instanceof Uint16Array) ||
    !(tables.states instanceof Uint32Array) ||
    typeof tables.getGoto !== 'function' ||
    typeof tables.hasAction !== 'function' ||
    typeof tables.maxTerm !== 'number'
  )
    throw new Error('@lezer/lr changed: its parse tables were not found');
  const { data, states } = tables;
  const terms = tables.maxTerm + 1;
  const stateCount = states.length / STATE_SIZE;

  // By state, then by token: two array loads per lookup. Most pairs have one action and no skip
  // action: kept as that number, not as a `TokenActions` (fewer loads from memory that an
  // exec'd source, parsed between other programs, finds cold).
  const actionsFound = new Array<(TokenActions | number | undefined)[] | undefined>(stateCount).fill(undefined);
  const actionsOf = (state: number, token: number): TokenActions | number => {
    const ofState = (actionsFound[state] ??= new Array<TokenActions | number | undefined>(terms).fill(undefined));
    let found = ofState[token];
    if (found === undefined) {
      const main = scanList(data, states[state * STATE_SIZE + ACTIONS_SLOT]!, token);
      const skip = scanList(data, states[state * STATE_SIZE + SKIP_SLOT]!, token);
      found = main.found.length === 1 && skip.found.length === 0 ? main.found[0]! : { actions: main.found, other: main.other, skip: skip.found, skipOther: skip.other };
      ofState[token] = found;
    }
    return found;
  };
  // The same additions, in the same order, as `TokenCache.addActions`.
  function addActions(this: TokenCache, stack: { readonly state: number }, token: number, end: number, index: number): number {
    const found = actionsOf(stack.state, token);
    // One action and no skip action: once it is put, `index` is not 0, so neither fallback applies.
    if (typeof found === 'number') return this.putAction(found, token, end, index);
    for (const action of found.actions) index = this.putAction(action, token, end, index);
    if (index === 0 && found.other >= 0) index = this.putAction(found.other, token, end, index);
    for (const action of found.skip) index = this.putAction(action, token, end, index);
    if (index === 0 && found.skipOther >= 0) index = this.putAction(found.skipOther, token, end, index);
    return index;
  }

  const memoized = withFastFields(
    parser.configure({
      wrap: (inner: PartialParse): PartialParse => {
        (inner as unknown as { tokens: TokenCache }).tokens.addActions = addActions;
        return inner;
      },
    }),
  );
  const scanGoto = tables.getGoto.bind(memoized);
  // By term, then by state (-2: not looked up yet; -1 is getGoto's "none"); strict and loose apart.
  const gotoFound = new Array<Int32Array | undefined>(terms * 2).fill(undefined);
  (memoized as unknown as ParserTables).getGoto = (state: number, term: number, loose = false): number => {
    const slot = (term << 1) | (loose ? 1 : 0);
    const ofTerm = (gotoFound[slot] ??= new Int32Array(stateCount).fill(-2));
    let target = ofTerm[state]!;
    if (target === -2) {
      target = scanGoto(state, term, loose);
      ofTerm[state] = target;
    }
    return target;
  };

  // `Stack.canShift` (Python's `newlines` tokenizer asks it at every line start) scans a state's
  // actions for a term: by state, then by term (undefined: not looked up yet).
  const scanHasAction = tables.hasAction.bind(memoized);
  const hasActionFound = new Array<(number | undefined)[] | undefined>(stateCount).fill(undefined);
  (memoized as unknown as ParserTables).hasAction = (state: number, terminal: number): number => {
    const ofState = (hasActionFound[state] ??= new Array<number | undefined>(terms).fill(undefined));
    let action = ofState[terminal];
    if (action === undefined) {
      action = scanHasAction(state, terminal);
      ofState[terminal] = action;
    }
    return action;
  };

  const probe = (memoized.startParse('') as unknown as { tokens?: Partial<TokenCache> }).tokens;
  if (typeof probe?.putAction !== 'function') throw new Error("@lezer/lr changed: its parse's token cache was not found");
  return memoized;
}

/**
 * `LRParser.configure`'s copy (`Object.assign` onto `Object.create`) holds its fields as a V8
 * dictionary: every read of `parser.states`, `parser.data`, `parser.tokenizers`... in lezer's
 * parse loop was a dictionary lookup. Fields stored by a constructor stay fast properties
 * (parsing an exec'd one-line source took 5.0 us, 3.0 us with this).
 */
const FieldCopy = function FieldCopy(this: Record<string, unknown>, from: Record<string, unknown>): void {
  const keys = Object.keys(from);
  for (let i = 0; i < keys.length; i++) this[keys[i]!] = from[keys[i]!];
} as unknown as new (from: LRParser) => LRParser;
FieldCopy.prototype = LRParser.prototype;

/** `parser` (a `configure`d copy) with the same fields, held as fast properties. */
export function withFastFields(parser: LRParser): LRParser {
  if (Object.getPrototypeOf(parser) !== LRParser.prototype) throw new Error('@lezer/lr changed: a parser is not an LRParser');
  return new FieldCopy(parser);
}
