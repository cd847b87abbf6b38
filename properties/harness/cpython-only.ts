/**
 * APIs that exist on CPython only. A generated program that uses one says nothing about another
 * implementation's identity model: on PyPy it is reported as not applicable, not as a failure.
 * `cpython-only.test.ts` checks each entry against the interpreters found (absent on every PyPy,
 * present on every CPython of the versions named), so that this list is measured, not assumed.
 */
import type { Module } from '../../model/python/ast';

export interface CpythonOnlyApi {
  readonly module: 'sys' | 'gc';
  readonly name: string;
  /** First CPython version that has it (all of 3.8+ when absent). */
  readonly since?: string;
  /** A Python expression that is True where the API works (default: `hasattr(module, name)`). */
  readonly works?: string;
}

/** CPython's reference counts, immortality and generational gc, absent from PyPy 7.3 (measured). */
export const CPYTHON_ONLY_APIS: readonly CpythonOnlyApi[] = [
  { module: 'sys', name: 'getrefcount' },
  { module: 'sys', name: 'getallocatedblocks' },
  { module: 'sys', name: '_is_interned', since: '3.13' },
  { module: 'sys', name: '_is_immortal', since: '3.14' },
  { module: 'gc', name: 'is_tracked' },
  { module: 'gc', name: 'get_count' },
  { module: 'gc', name: 'freeze' },
  { module: 'gc', name: 'get_threshold' },
  { module: 'gc', name: 'callbacks' },
  // PyPy has it, but it raises TypeError unless given a default (it has no object sizes to report).
  { module: 'sys', name: 'getsizeof', works: "__import__('sys').getsizeof(1, None) is not None" },
];

/** Every `sys.x` / `gc.x` attribute read anywhere in the program (any node, any depth). */
function moduleAttributes(node: unknown, found: Set<string>): void {
  if (Array.isArray(node)) {
    for (const child of node) moduleAttributes(child, found);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  if (record.kind === 'Attribute') {
    const value = record.value as { kind?: string; id?: string } | undefined;
    if (value?.kind === 'Name' && typeof record.attr === 'string') found.add(`${value.id}.${record.attr}`);
  }
  for (const child of Object.values(record)) if (typeof child === 'object') moduleAttributes(child, found);
}

/** The first CPython-only API the program uses (`sys.getrefcount`), or null. */
export function cpythonOnlyApiIn(module: Module): string | null {
  const found = new Set<string>();
  moduleAttributes(module.body, found);
  const api = CPYTHON_ONLY_APIS.find((candidate) => found.has(`${candidate.module}.${candidate.name}`));
  return api ? `${api.module}.${api.name}` : null;
}

/**
 * The same for a hand-written program the model may not parse (claim evidence): a use of
 * `sys.<name>` or `gc.<name>` in the text, comments left out.
 */
export function cpythonOnlyApiInSource(source: string): string | null {
  const code = source.replace(/#.*$/gm, '');
  const api = CPYTHON_ONLY_APIS.find((candidate) => new RegExp(`\\b${candidate.module}\\s*\\.\\s*${candidate.name}\\b`).test(code));
  return api ? `${api.module}.${api.name}` : null;
}
