/**
 * `str.ljust`, `rjust`, `center`, `zfill` (`Objects/unicodeobject.c`): a receiver already as
 * wide as asked is returned itself (`unicode_result_unchanged`); otherwise `pad` builds a new
 * str with `PyUnicode_New` (a new object even for one character: `''.ljust(1) is ' '` is False).
 * `center` puts the extra character on the left when both the margin and the width are odd
 * (`left = marg / 2 + (marg & width & 1)`); `zfill` moves a leading sign before the zeros.
 * Measured on 3.8-3.14.
 */
import type { Ref } from '../../core/objects';
import type { Interpreter } from './interpreter';
import { PyException } from './py-exception';
import { asSsize } from './ssize';
import { Refusal } from './refusal';
import { typeName } from './values';

export function callStrPadMethod(interp: Interpreter, self: Ref, name: string, args: readonly Ref[]): Ref | null {
  if (name !== 'ljust' && name !== 'rjust' && name !== 'center' && name !== 'zfill') return null;
  const h = interp.heap;
  const max = name === 'zfill' ? 1 : 2;
  if (args.length < 1 || args.length > max) throw new Refusal(`str.${name} with ${args.length} arguments`);
  const wp = h.get(args[0]!).payload;
  if (wp.kind !== 'int') throw new Refusal(`str.${name} with a ${typeName(h, args[0]!)} width`);
  // Argument clinic converts the width (a `Py_ssize_t`) before the fill character.
  asSsize(h, wp.value);
  let fill = ' ';
  if (args[1] !== undefined) {
    const fp = h.get(args[1]).payload;
    if (fp.kind !== 'str') throw new Refusal(`str.${name} with a ${typeName(h, args[1])} fill character`);
    if ([...fp.value].length !== 1) throw new PyException('TypeError', 'The fill character must be exactly one character long');
    fill = fp.value;
  }
  const text = h.payload(self, 'str').value;
  const chars = [...text];
  const width = wp.value;
  if (BigInt(chars.length) >= width) return h.incref(self);
  if (width > 10_000_000n) throw new Refusal('a str of more than ten million characters');
  const marg = Number(width) - chars.length;
  let left: number;
  switch (name) {
    case 'ljust':
      left = 0;
      break;
    case 'rjust':
    case 'zfill':
      left = marg;
      break;
    default:
      left = Math.floor(marg / 2) + (marg & Number(width) & 1);
  }
  if (name === 'zfill') fill = '0';
  let result = fill.repeat(left) + text + fill.repeat(marg - left);
  if (name === 'zfill' && (chars[0] === '+' || chars[0] === '-')) {
    // `data[0] = sign; data[fill] = '0'`.
    const out = [...result];
    out[0] = chars[0];
    out[left] = '0';
    result = out.join('');
  }
  return h.object({ kind: 'str', value: result });
}
