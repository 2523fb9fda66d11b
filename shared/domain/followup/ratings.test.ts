import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addSummaries, percent, ratingValues, summarizeRatings } from './ratings';

describe('satisfaction ratings', () => {
  it('counts each answer and rates （满意 + 基本满意） / all', () => {
    const summary = summarizeRatings(['satisfied', 'satisfied', 'basically', 'unsatisfied']);
    expect(summary).toEqual({ satisfied: 2, basically: 1, unsatisfied: 1, total: 4, satisfactionRate: 0.75 });
  });

  it('has no rate before anyone rated', () => {
    expect(summarizeRatings([]).satisfactionRate).toBeNull();
    expect(percent(null)).toBe('—');
  });

  it('shows percentages with one decimal at most', () => {
    expect(percent(0.75)).toBe('75%');
    expect(percent(20 / 21)).toBe('95.2%');
    expect(percent(1)).toBe('100%');
    expect(percent(0)).toBe('0%');
  });

  it('the rate stays between 0 and 1 and adding summaries equals summarising all', () => {
    const list = fc.array(fc.constantFrom(...ratingValues), { maxLength: 60 });
    fc.assert(
      fc.property(list, list, (a, b) => {
        const joined = summarizeRatings([...a, ...b]);
        expect(addSummaries(summarizeRatings(a), summarizeRatings(b))).toEqual(joined);
        if (joined.satisfactionRate !== null) {
          expect(joined.satisfactionRate).toBeGreaterThanOrEqual(0);
          expect(joined.satisfactionRate).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
