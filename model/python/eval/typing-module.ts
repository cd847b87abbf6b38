/**
 * `from typing import ...` for annotations. Importing typing runs the import machinery (it
 * imports collections, functools, re... when not loaded yet), whose allocations the model does
 * not follow. The names are pre-existing objects whose reference counts the model does not know.
 * Subscripting one (`List[int]`, evaluated with a `def`'s annotations before 3.14) goes through
 * typing's `_tp_cache` (`functools.lru_cache`): equal subscriptions give the same object
 * (measured `List[int] is List[int]`: True on 3.8 and 3.12), and the cache keeps the arguments.
 * Only type-like arguments are accepted; printing, calling or inspecting these objects is
 * refused (their types and reprs differ between versions: `_GenericAlias` on 3.8,
 * `_SpecialGenericAlias` on 3.12).
 */
import type { Ref } from '../../core/objects';
import type { Stmt } from '../ast';
import { NORMAL, type Completion, type Frame } from './frame';
import type { Interpreter } from './interpreter';
import { Refusal } from './refusal';
import { hasRunState, RunSlot, runState } from './run-state';

const TYPING_NAMES = new Set(['List', 'Dict', 'Set', 'FrozenSet', 'Tuple', 'Optional', 'Union', 'Any']);

interface TypingState {
  readonly objects: Set<Ref>;
  readonly subscriptions: Map<string, Ref>;
  type: Ref | null;
}
const STATE = new RunSlot<TypingState>(() => ({ objects: new Set(), subscriptions: new Map(), type: null }));

function state(interp: Interpreter): TypingState {
  return runState(interp, STATE);
}

/** The type the model gives typing's objects (a stand-in: their real types differ by version). */
function typingType(interp: Interpreter): Ref {
  const s = state(interp);
  if (s.type === null) s.type = interp.heap.preexisting('type:typing-object', () => ({ kind: 'type', name: 'typing object', attrs: new Map(), slots: [], base: null }), false);
  return s.type;
}

function typingObject(interp: Interpreter, key: string): Ref {
  const h = interp.heap;
  const ref = h.preexisting(`typing:${key}`, () => ({ kind: 'instance', cls: h.incref(typingType(interp)), dict: null, values: new Map(), slots: new Map() }), false);
  state(interp).objects.add(ref);
  return ref;
}

export function isTypingObject(interp: Interpreter, ref: Ref): boolean {
  return hasRunState(interp, STATE) && state(interp).objects.has(ref);
}

/** `from MODULE import names` (only typing). */
export function execImportFrom(interp: Interpreter, s: Extract<Stmt, { kind: 'ImportFrom' }>, frame: Frame): Completion {
  if (s.module !== 'typing') throw new Refusal('from ... import', 'only names of typing are modelled', s.pos);
  for (const alias of s.names) if (!TYPING_NAMES.has(alias.name)) throw new Refusal(`typing.${alias.name}`, 'not modelled', s.pos);
  interp.heap.loseFreeListOrder();
  for (const alias of s.names) interp.storeName(alias.asname ?? alias.name, typingObject(interp, alias.name), frame);
  return NORMAL;
}

/** `X[key]` on a typing object: the cached alias (a new reference). */
export function typingSubscript(interp: Interpreter, obj: Ref, key: Ref): Ref {
  const h = interp.heap;
  const items = h.get(key).payload.kind === 'tuple' ? [...h.payload(key, 'tuple').items] : [key];
  const parts = items.map((r) => {
    const p = h.get(r).payload;
    if (p.kind === 'type' || p.kind === 'NoneType' || isTypingObject(interp, r)) return `#${r}`;
    if (p.kind === 'str') return `'${p.value}`;
    throw new Refusal(`subscripting a typing object with a ${p.kind}`);
  });
  const cacheKey = `${obj}[${parts.join(',')}]`;
  const s = state(interp);
  const hit = s.subscriptions.get(cacheKey);
  if (hit !== undefined) return h.incref(hit);
  // The cache (an lru_cache entry, its key tuple, the alias and its `__args__`...): not followed.
  h.loseFreeListOrder();
  for (const r of items) h.incref(r);
  const alias = typingObject(interp, cacheKey);
  s.subscriptions.set(cacheKey, alias);
  return h.incref(alias);
}
