import { describe, expect, test } from 'vitest';
import { runModel } from '../../model';
import { diagnosticOffset, modelDiagnostics } from './diagnostics';

const TARGET = 'model:3.12.7-wasm32';

/** The model's own refusal of `source`, read back as diagnostics. */
function diagnose(source: string) {
  const result = runModel(source, TARGET, { filename: 'main.py' });
  expect(result.exitCode).toBe(2);
  return modelDiagnostics(result.stderr, 'main.py');
}

describe('model refusals as editor diagnostics', () => {
  test('an unsupported statement is placed at its line and column', () => {
    const [diagnostic, ...rest] = diagnose('x = 1\nif x:\n    import os\n');
    expect(rest).toEqual([]);
    expect(diagnostic).toMatchObject({ line: 3, col: 5 });
    expect(diagnostic?.message).toMatch(/^unsupported: import os/);
    expect(diagnostic?.message).not.toMatch(/main\.py/);
  });

  test('a syntax error is placed too', () => {
    const [diagnostic] = diagnose('x = (1 +\ny = 2\n');
    expect(diagnostic?.message).toMatch(/^syntax error/);
    expect(diagnostic?.line).toBeGreaterThanOrEqual(1);
  });

  test('a program the model runs has none, and other stderr lines are not diagnostics', () => {
    expect(modelDiagnostics(runModel('print(1)\n', TARGET).stderr, 'main.py')).toEqual([]);
    expect(modelDiagnostics('ZeroDivisionError: division by zero\n', 'main.py')).toEqual([]);
  });

  test('a place without a file is kept, at the start', () => {
    expect(modelDiagnostics('unsupported: something\n', 'main.py')).toEqual([{ line: 1, col: 1, message: 'unsupported: something' }]);
  });

  test('offsets are 0-based and clamped into the text', () => {
    const source = 'ab\ncde\n';
    expect(diagnosticOffset(source, { line: 2, col: 2, message: '' })).toBe(4);
    expect(diagnosticOffset(source, { line: 2, col: 99, message: '' })).toBe(6);
    expect(diagnosticOffset(source, { line: 99, col: 1, message: '' })).toBe(7);
    expect(diagnosticOffset(source, { line: 0, col: 0, message: '' })).toBe(0);
  });
});
