/** The modules a program may import and the functions of each that the model implements. */
export const MODULE_FUNCTIONS: Readonly<Record<string, readonly string[]>> = {
  sys: ['intern', 'getrefcount', 'getsizeof'],
  gc: ['collect', 'disable', 'enable', 'isenabled'],
  weakref: ['ref', 'WeakSet'],
  copy: ['copy', 'deepcopy'],
};
