/**
 * @lezer/python configured for Python 3 only. Its `legacyPrint` external tokenizer reads
 * `print` followed by anything but `(`, `.`, `#` or a line end as a Python 2 print statement,
 * so valid Python 3 such as `print = f`, `print[0]`, `print += 1` or `print - 1` misparse.
 * It is swapped for a tokenizer that never fires; `print x` is then a plain syntax error.
 * Its table lookups are kept (lr-tables.ts).
 */
import { ExternalTokenizer, type LRParser } from '@lezer/lr';
import { parser as lezerPython } from '@lezer/python';
import { memoizeTables, withFastFields } from './lr-tables';

function findLegacyPrint(parser: LRParser): ExternalTokenizer {
  // `tokenizers` is internal to @lezer/lr; the tokenizer is found by its source text.
  const tokenizers = (parser as unknown as { tokenizers: readonly unknown[] }).tokenizers;
  const found = tokenizers.find(
    (t): t is ExternalTokenizer => t instanceof ExternalTokenizer && String((t as unknown as { token: unknown }).token).includes('"print"'),
  );
  if (!found) throw new Error('@lezer/python changed: its legacy print tokenizer was not found');
  return found;
}

export const python3Parser: LRParser = memoizeTables(
  lezerPython.configure({
    tokenizers: [{ from: findLegacyPrint(lezerPython), to: new ExternalTokenizer(() => {}) }],
  }),
);

/**
 * The same parser stopping at the first place no parse goes on (lezer's `strict`), instead of
 * recovering. lezer makes error nodes only while recovering, or when it cuts a reduction of 2000+
 * characters repeated 300 times (`Recover.MinBigReduction`, `Rec.MaxLeftAssociativeReductionCount`
 * in @lezer/lr): a shorter source that this parser reads has none, and nobody needs to look for them.
 */
export const strictPython3Parser: LRParser = withFastFields(python3Parser.configure({ strict: true }));

/** Sources shorter than this can hold error nodes only where `strictPython3Parser` fails. */
export const NO_FORCED_ERRORS_BELOW = 2000;
