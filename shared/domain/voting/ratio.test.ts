import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atLeastHalf, atLeastThreeQuarters, atLeastTwoThirds, boundLabel, meetsBound, minimumToMeet, moreThanHalf } from './ratio';

describe('counting against a share, the Chinese way', () => {
  it.each([
    ['过半数 excludes exactly half', 50, 100, moreThanHalf, false],
    ['过半数 one over half', 51, 100, moreThanHalf, true],
    ['过半数 of an odd number', 3, 5, moreThanHalf, true],
    ['半数以上 includes exactly half', 50, 100, atLeastHalf, true],
    ['三分之二以上 includes exactly 2/3', 40, 60, atLeastTwoThirds, true],
    ['三分之二以上 one short', 39, 60, atLeastTwoThirds, false],
    ['三分之二以上 of area, one centi-m² short', 399_999, 600_000, atLeastTwoThirds, false],
    ['四分之三以上 includes exactly 3/4', 30, 40, atLeastThreeQuarters, true],
    ['nothing of nobody is never enough', 0, 0, atLeastHalf, false],
  ])('%s', (_name, part, whole, bound, expected) => {
    expect(meetsBound(part, whole, bound)).toBe(expected);
  });

  it('stays exact far beyond 2^53 when areas are multiplied out', () => {
    const whole = Number.MAX_SAFE_INTEGER;
    const needed = minimumToMeet(whole, atLeastTwoThirds);
    expect(meetsBound(needed, whole, atLeastTwoThirds)).toBe(true);
    expect(meetsBound(needed - 1, whole, atLeastTwoThirds)).toBe(false);
  });

  it('names the shares as the law writes them', () => {
    expect([moreThanHalf, atLeastHalf, atLeastTwoThirds, atLeastThreeQuarters].map(boundLabel)).toEqual([
      '过半数',
      '半数以上',
      '三分之二以上',
      '四分之三以上',
    ]);
  });

  it('the minimum needed is exactly where the bound starts to be met', () => {
    const bound = fc.record({
      ratio: fc
        .integer({ min: 1, max: 12 })
        .chain((denominator) => fc.record({ numerator: fc.integer({ min: 0, max: denominator }), denominator: fc.constant(denominator) })),
      inclusive: fc.boolean(),
    });
    fc.assert(
      fc.property(bound, fc.integer({ min: 1, max: 1_000_000_000 }), (b, whole) => {
        const needed = minimumToMeet(whole, b);
        if (needed <= whole) expect(meetsBound(needed, whole, b)).toBe(true);
        if (needed >= 1) expect(meetsBound(needed - 1, whole, b)).toBe(false);
      }),
    );
  });
});
