/**
 * The model measures UTF-8 lengths with Node's `Buffer` (model/python/eval/suggestions.ts, the
 * "Did you mean" suggestions); browsers have no `Buffer`. This gives the model worker the two
 * calls it makes, on TextEncoder. Imported before the model so that it is in place first.
 */
const encoder = new TextEncoder();

const utf8 = {
  from: (text: string): Uint8Array => encoder.encode(text),
  byteLength: (text: string): number => encoder.encode(text).length,
};

const scope = globalThis as { Buffer?: unknown };
scope.Buffer ??= utf8;
