/** model/core: the executable rules of CPython's object memory. The public API is what this file exports. */
export type { Address, AddressComparison } from './address';
export { compareAddresses, exactAddress } from './address';
export { Allocator } from './allocator';
export type { CoreConfig, FreeListConfig, LayoutSizes } from './config';
export { FreeList } from './free-lists';
export { Heap, CoreUnknown, deallocOrder, clearWeakrefsOf } from './heap';
export type { WeakrefCallbackHook } from './heap';
export type { DictEntry, ImmortalOrigin, Kind, Payload, PyObject, Ref } from './objects';
export { GC_KINDS, TYPE_NAMES, intPayload, strongReferents } from './objects';
export { basicSize, getsizeof, longDigits, requestSize, strKind } from './sizes';
export * from './caches';
export { PyTypeError, newWeakref, derefWeakref, newWeakSet, weakSetAdd, weakSetMembers } from './weakrefs';
export { collect, findUnreachable } from './gc';
export type { CollectResult } from './gc';
export { NATIVE_CONFIGS, nativeConfig } from './measured-configs';
