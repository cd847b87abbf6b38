/**
 * A heap dict used as a namespace (`exec(code, ns)`): the evaluator's name operations read and
 * write the dict's entries, keyed by interned name strings. `set` takes over the value's
 * reference and never releases the old one (the caller does, as `STORE_NAME` does after
 * `PyDict_SetItem`); `delete` releases the key only.
 */
import type { Heap } from '../../core/heap';
import type { DictEntry, Ref } from '../../core/objects';

export class DictNamespace extends Map<string, Ref> {
  constructor(
    private readonly heap: Heap,
    private readonly dict: Ref,
    private readonly nameStr: (name: string) => Ref,
  ) {
    super();
  }

  private entries_(): DictEntry[] {
    return this.heap.payload(this.dict, 'dict').entries;
  }

  private find(name: string): DictEntry | undefined {
    // (a loop: every exec() with a globals dict looks names up here, and an arrow made a closure per lookup)
    const entries = this.entries_();
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i] as DictEntry;
      const p = this.heap.get(e.key).payload;
      if (p.kind === 'str' && p.value === name) return e;
    }
    return undefined;
  }

  override get(name: string): Ref | undefined {
    return this.find(name)?.value;
  }

  override has(name: string): boolean {
    return this.find(name) !== undefined;
  }

  override set(name: string, value: Ref): this {
    const e = this.find(name);
    if (e) e.value = value;
    else {
      this.heap.dictKeysChanged();
      this.entries_().push({ key: this.nameStr(name), value });
    }
    return this;
  }

  override delete(name: string): boolean {
    const list = this.entries_();
    const i = list.findIndex((e) => {
      const p = this.heap.get(e.key).payload;
      return p.kind === 'str' && p.value === name;
    });
    if (i < 0) return false;
    const [e] = list.splice(i, 1);
    if (e) this.heap.decref(e.key);
    return true;
  }

  override keys(): MapIterator<string> {
    const names = this.entries_().map((e) => (this.heap.get(e.key).payload as { value: string }).value);
    return names[Symbol.iterator]();
  }
}
