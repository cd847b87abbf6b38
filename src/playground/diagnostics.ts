/**
 * The model's refusals and syntax errors as editor diagnostics. The model reports them on stderr
 * as `unsupported: <construct> at FILE:LINE:COL (detail)` or `syntax error: <detail> at FILE:LINE:COL`
 * (model/errors.ts `formatPlace`, 1-based line and column).
 */

export interface SourceDiagnostic {
  /** 1-based, as the model reports them. */
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The diagnostics in a model run's stderr for a program run as `filename`. */
export function modelDiagnostics(stderr: string, filename: string): SourceDiagnostic[] {
  const place = new RegExp(` at ${escapeRegExp(filename)}:(\\d+):(\\d+)`);
  return stderr.split('\n').flatMap((text) => {
    if (!/^(unsupported|syntax error):/.test(text)) return [];
    const match = place.exec(text);
    if (!match) return [{ line: 1, col: 1, message: text }];
    return [{ line: Number(match[1]), col: Number(match[2]), message: text.replace(match[0], '') }];
  });
}

/** A diagnostic's offset in `source`, clamped into the text (a place past a line's end points at its end). */
export function diagnosticOffset(source: string, diagnostic: SourceDiagnostic): number {
  const lines = source.split('\n');
  const lineIndex = Math.min(Math.max(diagnostic.line, 1), lines.length) - 1;
  const before = lines.slice(0, lineIndex).reduce((sum, text) => sum + text.length + 1, 0);
  const lineText = lines[lineIndex] ?? '';
  return before + Math.min(Math.max(diagnostic.col - 1, 0), lineText.length);
}
