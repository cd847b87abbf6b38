/**
 * Format specs through f-string fields and `format()` (`Python/formatter_unicode.c`): ints, floats
 * and run-time strs with fill, alignment, sign, `#`, zero padding, width, `,`/`_` grouping,
 * precision and type (e, f, g and none with a precision: `PyOS_double_to_string`'s digits).
 * Prints each result, whether it is the value itself (a str needing no padding), whether a one-character result is the cached latin-1 str (`unicode_result`), and
 * the ValueError of a spec the type refuses.
 */
import fc from 'fast-check';
import { NO_POS, type Expr, type Stmt } from '../../model/python/ast';
import { assign, call, compare, float, int, is, module, name, print, str } from '../gen/py';
import { handler, tryStmt } from './builders-core';
import { runtimeStr } from './builders-values';
import { defineConstruct } from './types';

type Value = { readonly kind: 'int'; readonly value: bigint } | { readonly kind: 'float'; readonly value: number } | { readonly kind: 'str'; readonly parts: readonly string[] };

interface Field {
  readonly value: Value;
  readonly spec: string;
  readonly via: 'fstring' | 'format';
}

const value: fc.Arbitrary<Value> = fc.oneof(
  fc.record({ kind: fc.constant('int' as const), value: fc.oneof(fc.bigInt({ min: -20n, max: 20n }), fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n })) }),
  fc.record({ kind: fc.constant('float' as const), value: fc.oneof(fc.double({ min: -1e7, max: 1e7, noNaN: true }), fc.double({ noNaN: true }), fc.constantFrom(0.5, 2.5, 1234.5, -0.0, 2.675, 9.995, 1e16, 1e-5)) }),
  fc.record({ kind: fc.constant('str' as const), parts: fc.array(fc.stringMatching(/^[a-c ]{0,3}$/), { minLength: 1, maxLength: 2 }) }),
);

/** `[[fill]align][sign][#][0][width][grouping][.precision][type]` pieces, valid or not for the value's type. */
const spec: fc.Arbitrary<string> = fc
  .record({
    align: fc.constantFrom('', '<', '>', '^', '=', '*>', '0='),
    sign: fc.constantFrom('', '+', '-', ' '),
    alternate: fc.constantFrom('', '#'),
    zero: fc.constantFrom('', '0'),
    width: fc.constantFrom('', '1', '5', '9', '12'),
    grouping: fc.constantFrom('', '', ',', '_'),
    precision: fc.constantFrom('', '', '.0', '.2', '.6', '.17'),
    type: fc.constantFrom('', 'd', 'x', 'X', 'b', 'o', 'e', 'E', 'f', 'g', 'G', '%', 's'),
  })
  .map((p) => p.align + p.sign + p.alternate + p.zero + p.width + p.grouping + p.precision + p.type);

function valueExpr(v: Value): Expr {
  if (v.kind === 'int') return int(v.value);
  if (v.kind === 'float') return float(v.value);
  return runtimeStr(...v.parts);
}

export const construct = defineConstruct<{ readonly fields: readonly Field[] }>({
  construct: 'format-specs',
  description: 'f-string fields and format() with fill, align, sign, #, 0, width, grouping, precision and type: results, identity, ValueErrors',
  arbitrary: fc.record({ fields: fc.array(
      fc
        .record({ value, spec, via: fc.constantFrom<Field['via']>('fstring', 'format') })
        // `{x:=5}` is not portable source (read as a walrus by some parsers): such specs go through format().
        .map((f): Field => (f.spec.startsWith('=') ? { ...f, via: 'format' } : f)),
      { minLength: 1, maxLength: 5 },
    ) }),
  program({ fields }) {
    const body: Stmt[] = [];
    fields.forEach((f, i) => {
      const v = `v${i}`;
      const r = `r${i}`;
      body.push(assign(v, valueExpr(f.value)));
      const formatted: Expr =
        f.via === 'format' ? call('format', name(v), str(f.spec)) : { kind: 'FString', parts: [{ expr: name(v), conversion: null, formatSpec: [f.spec] }], pos: NO_POS };
      // `chr(ord(r))` of a latin-1 character is the cached str: the identity of a one-character result.
      const cached: Expr = { kind: 'BoolOp', op: 'and', values: [compare(call('len', name(r)), '==', int(1)), is(name(r), call('chr', call('ord', name(r))))], pos: NO_POS };
      body.push(tryStmt([assign(r, formatted), print(call('repr', name(r)), is(name(r), name(v)), cached)], [handler(name('ValueError'), 'e', [print(str('ValueError'), name('e'))])]));
    });
    return module(body);
  },
});
