import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, type Json } from './canonical-json';

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: '院' }, e: undefined })).toBe(
      '{"a":{"c":"院","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('normalises text to NFC: a decomposed é equals the composed one', () => {
    expect(canonicalJson({ name: 'Cafe\u0301' })).toBe(canonicalJson({ name: 'Caf\u00e9' }));
  });

  it('refuses numbers JSON cannot carry', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
  });

  it('does not depend on key order, and parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = value as Json;
        const text = canonicalJson(json);
        const reordered = JSON.parse(JSON.stringify(json), (_key, v: unknown) =>
          v && typeof v === 'object' && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v as Record<string, unknown>).reverse())
            : v,
        ) as Json;
        expect(canonicalJson(reordered)).toBe(text);
        expect(canonicalJson(JSON.parse(text) as Json)).toBe(text);
      }),
    );
  });
});
