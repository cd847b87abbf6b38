/**
 * `reversed(x)` (`Objects/enumobject.c` `reversed_new_impl`): a `__reversed__` method first
 * (`list` -> `list_reverseiterator`, `Objects/listobject.c` `list___reversed___impl`; `range` ->
 * a `range_iterator` counting down, `Objects/rangeobject.c` `range_reverse`), else a sequence's
 * `reversed` object (tuple, str, bytes: `index = len - 1`, holding the sequence). Anything else
 * is "TypeError: 'set' object is not reversible" (measured 3.8-3.13). Dicts and their views
 * (`dict_reversekeyiterator`...) and instances are refused.
 *
 * Both objects hold their sequence until exhausted (`reversed_next`: `Py_CLEAR(ro->seq)`;
 * `listreviter_next` before 3.13: `it_seq = NULL`), except that from 3.13 an exhausted
 * `list_reverseiterator` keeps its list (an index below 0 returns at once; fact
 * `reversedListIteratorKeepsList`). The bound `__reversed__` method made and freed during the
 * call (and, before 3.10, the call's argument tuple) are not followed: the free lists are lost,
 * as for `enumerate` (iterators.ts).
 */
import type { Ref } from '../../core/objects';
import type { Interpreter } from './interpreter';
import { PyException } from './py-exception';
import { Refusal } from './refusal';
import { rangeIteratesWithCLongs, rangeLength, typeName } from './values';

/** The types `type()` can return for what `reversed()` and `iter()` make (beside `reversed` itself). */
export const REVERSED_TYPE_NAMES = ['list_reverseiterator', 'range_iterator', 'list_iterator', 'tuple_iterator', 'str_iterator', 'str_ascii_iterator'] as const;

/** The state of a `list_reverseiterator` or `reversed` object: the next index (`it_index`, `index`). */
export interface ReversedState {
  readonly tag: 'reversed';
  readonly list: boolean;
  index: number;
}

/** `reversed(x)`: a new iterator object (the caller's `args` are borrowed). */
export function makeReversed(interp: Interpreter, args: readonly Ref[]): Ref {
  const h = interp.heap;
  if (args.length !== 1) throw new Refusal(`reversed() with ${args.length} arguments`, 'the TypeError wording changed across versions');
  const seq = args[0]!;
  const p = h.get(seq).payload;
  const bytes = interp.cfg.iteratorBytes.reversed;
  switch (p.kind) {
    case 'list':
      h.loseFreeListOrder();
      return h.object({ kind: 'iterator', type: 'list_reverseiterator', bytes, gc: true, held: [h.incref(seq)], state: { tag: 'reversed', list: true, index: p.items.length - 1 } satisfies ReversedState });
    case 'tuple':
    case 'str':
    case 'bytes': {
      h.loseFreeListOrder();
      const n = p.kind === 'str' ? [...p.value].length : p.kind === 'tuple' ? p.items.length : p.value.length;
      return h.object({ kind: 'iterator', type: 'reversed', bytes, gc: true, held: [h.incref(seq)], state: { tag: 'reversed', list: false, index: n - 1 } satisfies ReversedState });
    }
    case 'range': {
      h.loseFreeListOrder();
      // `range_reverse`: a range iterator from the last value with the step negated (it keeps no reference to the range).
      if (!rangeIteratesWithCLongs(p, interp.cfg.core.pointerSize)) throw new Refusal('reversed() of a range beyond a C long', 'a longrange_iterator of int objects, not modelled');
      const len = rangeLength(p);
      const last = p.start + (len - 1n) * p.step;
      const loop = { block: null, seq: null, index: 0, next: (i: number) => (BigInt(i) < len ? h.int(last - BigInt(i) * p.step) : null) };
      return h.object({ kind: 'iterator', type: 'range_iterator', bytes: interp.cfg.iteratorBytes.range, gc: false, held: [], state: { tag: 'sequence', loop, done: false } });
    }
    case 'dict':
      throw new Refusal('reversed() of a dict', 'dict_reversekeyiterator is not modelled');
    case 'instance':
      throw new Refusal('reversed() of an instance', '__reversed__, __len__ and __getitem__ defined in Python are not modelled');
    case 'iterator':
      if (p.type.startsWith('dict_')) throw new Refusal(`reversed() of a ${p.type}`, 'dict_reversekeyiterator is not modelled');
      throw new PyException('TypeError', `'${p.type}' object is not reversible`);
    default:
      throw new PyException('TypeError', `'${typeName(h, seq)}' object is not reversible`);
  }
}

/** `listreviter_next` / `reversed_next`: the next item (a new reference), or null when exhausted. */
export function advanceReversed(interp: Interpreter, held: Ref[], st: ReversedState): Ref | null {
  const h = interp.heap;
  const seq = held[0];
  if (seq === undefined) return null;
  // 3.13+ `listreviter_next`: a negative index returns at once, the list still held.
  if (st.list && st.index < 0 && interp.cfg.reversedListIteratorKeepsList) return null;
  const p = h.get(seq).payload;
  let item: Ref | null = null;
  if (st.index >= 0) {
    if (p.kind === 'list' || p.kind === 'tuple') item = st.index < p.items.length ? h.incref(p.items[st.index] as Ref) : null;
    else if (p.kind === 'str') item = h.str([...p.value][st.index] as string);
    else if (p.kind === 'bytes') item = h.int(BigInt(p.value[st.index] as number));
  }
  if (item !== null) {
    st.index--;
    return item;
  }
  // Exhausted (or the list shrank under the index): the sequence is released.
  st.index = -1;
  held.pop();
  h.decref(seq);
  return null;
}

/** `__length_hint__` (`listreviter_len`, `reversed_len`): what is left, 0 once the sequence went or shrank. */
export function reversedLengthHint(interp: Interpreter, held: readonly Ref[], st: ReversedState): number {
  const seq = held[0];
  if (seq === undefined) return 0;
  const p = interp.heap.get(seq).payload;
  const size = p.kind === 'list' || p.kind === 'tuple' ? p.items.length : p.kind === 'str' ? [...p.value].length : p.kind === 'bytes' ? p.value.length : 0;
  const position = st.index + 1;
  return size < position ? 0 : position;
}
