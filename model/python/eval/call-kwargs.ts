/**
 * The keyword dict of a call with `**` (3.9+, fact `callUnpackingOps` 'extendAndMerge';
 * `Python/compile.c` `compiler_call_helper`): the first run of `name=value` keywords makes the
 * dict (`compiler_subkwargs`: `BUILD_MAP 1` / `BUILD_CONST_KEY_MAP n`, both
 * `_PyDict_NewPresized`), or `BUILD_MAP 0` when a `**` comes first; each `**m` is evaluated and
 * merged in (`DICT_MERGE` -> `_PyDict_MergeEx(dict, m, 2)`), then released; a later run of
 * keywords is made into its own dict, merged, and freed. A key given twice raises
 * `format_kwargs_error`'s TypeError, "got multiple values for keyword argument" (measured 3.9-3.14);
 * a `**` of something that is no mapping "argument after ** must be a mapping".
 * Refused: `**` of anything but a dict, dict keys that are not str (CPython's "keywords must
 * be strings" comes later, in `_PyStack_UnpackDict`).
 */
import type { Ref } from '../../core/objects';
import type { Keyword } from '../ast';
import type { Frame } from './frame';
import type { Interpreter } from './interpreter';
import { PyException } from './py-exception';
import { Refusal } from './refusal';
import { typeName } from './values';

/** The keyword dict (a new reference); `functionStr` names the callee in the TypeErrors. */
export function buildKeywordDict(interp: Interpreter, keywords: readonly Keyword[], frame: Frame, functionStr: () => string): Ref {
  const h = interp.heap;
  let dict: Ref | null = null;
  try {
    for (let i = 0; i < keywords.length; ) {
      const k = keywords[i]!;
      if (k.name === '**') {
        dict ??= h.dict([]);
        const m = interp.evalExpr(k.value, frame);
        try {
          merge(interp, dict, m, functionStr);
        } finally {
          h.decref(m);
        }
        i++;
        continue;
      }
      let end = i;
      while (end < keywords.length && keywords[end]!.name !== '**') end++;
      const group = keywordGroup(interp, keywords.slice(i, end), frame);
      if (dict === null) dict = group;
      else {
        try {
          merge(interp, dict, group, functionStr);
        } finally {
          h.decref(group);
        }
      }
      i = end;
    }
  } catch (err) {
    if (dict !== null) h.decref(dict);
    throw err;
  }
  return dict ?? h.dict([]);
}

/** `compiler_subkwargs`: the values evaluated in order, then one dict of them. */
function keywordGroup(interp: Interpreter, group: readonly Keyword[], frame: Frame): Ref {
  const h = interp.heap;
  const values: Ref[] = [];
  try {
    for (const k of group) values.push(interp.evalExpr(k.value, frame));
  } catch (err) {
    for (let i = values.length - 1; i >= 0; i--) h.decref(values[i]!);
    throw err;
  }
  return interp.makeDict(group.map((k, i) => ({ key: interp.nameStr(k.name), value: values[i]! })));
}

/** `DICT_MERGE`: the items of `m` (borrowed) added to `dict`, a repeated key a TypeError. */
function merge(interp: Interpreter, dict: Ref, m: Ref, functionStr: () => string): void {
  const h = interp.heap;
  const mp = h.get(m).payload;
  if (mp.kind !== 'dict') {
    const kind = mp.kind;
    if (kind === 'int' || kind === 'float' || kind === 'NoneType' || kind === 'bool' || kind === 'list' || kind === 'tuple' || kind === 'str') {
      throw new PyException('TypeError', `${functionStr()} argument after ** must be a mapping, not ${typeName(h, m)}`);
    }
    throw new Refusal(`** of a ${typeName(h, m)} at a call site`);
  }
  const target = h.payload(dict, 'dict').entries;
  for (const e of [...mp.entries]) {
    const kp = h.get(e.key).payload;
    if (kp.kind !== 'str') throw new Refusal('** of a dict with keys that are not str', "CPython's 'keywords must be strings' check is not modelled");
    if (target.some((t) => (h.get(t.key).payload as { value: string }).value === kp.value)) {
      throw new PyException('TypeError', `${functionStr()} got multiple values for keyword argument '${kp.value}'`);
    }
    interp.setItem(dict, e.key, h.incref(e.value));
  }
}
