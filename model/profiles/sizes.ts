/**
 * `sys.getsizeof` and list capacities computed from a profile's facts. The probes use these to
 * state what real CPython must print; model/core can use them for its own objects.
 */
import type { Profile } from './index';

/** Size of an int (or bool) with this value. */
export function intSizeof(profile: Profile, value: bigint): number {
  const { header, digitBytes, digitBits, zeroDigits } = profile.sizeofInt;
  const magnitude = value < 0n ? -value : value;
  const digits = magnitude === 0n ? zeroDigits : Math.ceil(magnitude.toString(2).length / digitBits);
  return header + digitBytes * digits;
}

/** Size of a str: 1, 2 or 4 bytes per code point by its widest character, plus a NUL. */
export function strSizeof(profile: Profile, text: string): number {
  const codePoints = [...text].map((char) => char.codePointAt(0) ?? 0);
  const widest = Math.max(0, ...codePoints);
  const { asciiBase, compactBase, latin1SingletonUtf8Bytes } = profile.sizeofStr;
  if (widest < 0x80) return asciiBase + codePoints.length + 1;
  const kind = widest < 0x100 ? 1 : widest < 0x10000 ? 2 : 4;
  // The cached 1-character latin-1 strings may carry a UTF-8 copy (`LATIN1` in 3.12, `_Py_LATIN1_CHR` from 3.13).
  const singletonExtra = codePoints.length === 1 && kind === 1 && profile.latin1CharCache ? latin1SingletonUtf8Bytes : 0;
  return compactBase + (codePoints.length + 1) * kind + singletonExtra;
}

export function bytesSizeof(profile: Profile, length: number): number {
  return profile.sizeofBytes.base + length;
}

export function tupleSizeof(profile: Profile, length: number): number {
  return profile.sizeofTuple.base + profile.sizeofTuple.perItem * length;
}

export function listSizeof(profile: Profile, allocatedSlots: number): number {
  return profile.sizeofList.base + profile.sizeofList.perSlot * allocatedSlots;
}

/** Capacity `list_resize` picks when a list of `oldSize` items must hold `newSize`. */
export function listResizeCapacity(profile: Profile, oldSize: number, newSize: number): number {
  if (newSize === 0) return 0;
  if (profile.listGrowth === 'py38') return newSize + (newSize >> 3) + (newSize < 9 ? 3 : 6);
  const grown = (newSize + (newSize >> 3) + 6) & ~3;
  return newSize - oldSize > grown - newSize ? (newSize + 3) & ~3 : grown;
}

/** Capacity after appending `count` items one by one to an empty list. */
export function listCapacityAfterAppends(profile: Profile, count: number): number {
  let allocated = 0;
  for (let size = 1; size <= count; size++) {
    if (size > allocated) allocated = listResizeCapacity(profile, size - 1, size);
  }
  return allocated;
}

/** Capacity of a list display `[a, b, ...]` of `count` items (fewer than 30). */
export function listLiteralCapacity(profile: Profile, count: number, allConstants: boolean): number {
  if (!allConstants || count < 3) return count;
  switch (profile.listLiteralOfConstants) {
    case 'exact':
      return count;
    case 'resize':
      return listResizeCapacity(profile, 0, count);
    case 'even':
      return (count + 1) & ~1;
  }
}

/** Capacity of `list(x)` for a sized iterable of `count` items. */
export function listFromSizedCapacity(profile: Profile, count: number): number {
  return profile.listFromSized === 'even' ? (count + 1) & ~1 : count;
}

/**
 * Capacity of the list `list(d)` (`listCall`) or `sorted(d)` (`PySequence_List`) makes of a dict
 * or dict view of `count` entries: 3.8-3.9 `list()` preallocates exactly (`list___init__`), else
 * `list_extend` resizes; 3.10-3.12 `list_extend` presizes an empty list from the length hint
 * (`list_preallocate_exact`, even); 3.13+ `list_extend_dict` resizes.
 */
export function listOfDictCapacity(profile: Profile, count: number, listCall: boolean): number {
  if (profile.listExtendDictDirect) return listResizeCapacity(profile, 0, count);
  if (profile.listFromSized === 'even') return (count + 1) & ~1;
  return listCall ? count : listResizeCapacity(profile, 0, count);
}

/** Size of a set or frozenset built by adding `count` distinct items one by one. */
export function setSizeof(profile: Profile, count: number): number {
  const { base, entryBytes, smallTableSlots } = profile.sizeofSet;
  let slots = smallTableSlots;
  let used = 0;
  for (let i = 0; i < count; i++) {
    used++;
    // set_add_entry: resize when fill*5 >= mask*3 (no deletions here, so fill == used).
    if (used * 5 >= (slots - 1) * 3) {
      const minUsed = used > 50000 ? used * 2 : used * 4;
      let next = smallTableSlots;
      while (next <= minUsed) next *= 2;
      slots = next;
    }
  }
  return slots === smallTableSlots ? base : base + slots * entryBytes;
}

/** getsizeof of an instance of a class whose `__slots__` has `slotCount` names besides `'__weakref__'` (and that one when `weakref`). */
export function slotsInstanceSizeof(profile: Profile, slotCount: number, weakref = false): number {
  const s = profile.sizeofSlotsInstance;
  return s.base + s.perSlot * slotCount + (weakref ? s.weakrefSlot : 0);
}
