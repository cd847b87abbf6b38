/** Python's hard keywords (`Lib/keyword.py`, `kwlist`, identical in 3.8-3.14). */
export const PYTHON_KEYWORDS: ReadonlySet<string> = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue',
  'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in',
  'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

/** ASCII identifiers only: CPython NFKC-normalises other identifiers (PEP 3131), which the model does not. */
export const ASCII_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isIdentifier(name: string): boolean {
  return ASCII_IDENTIFIER.test(name) && !PYTHON_KEYWORDS.has(name);
}
