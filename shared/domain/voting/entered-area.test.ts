import { describe, expect, it } from 'vitest';
import { checkEnteredAreas } from './entered-area';

const none = { headcount: 0, areaCenti: 0 };

describe('areas entered with the counts of a secret ballot', () => {
  const present = [80_00, 90_00, 100_00, 110_00];

  it('accepts areas that so many of the present can hold', () => {
    expect(checkEnteredAreas(present, { for: { headcount: 2, areaCenti: 190_00 }, against: { headcount: 1, areaCenti: 80_00 }, abstain: none, blank: none })).toBeNull();
  });

  it('refuses an area more than the largest, or less than the smallest, so many could hold', () => {
    expect(checkEnteredAreas(present, { for: { headcount: 2, areaCenti: 220_00 }, against: none, abstain: none, blank: none })).toContain('同意 2 票的面积 220.00㎡ 不可能');
    expect(checkEnteredAreas(present, { for: none, against: { headcount: 1, areaCenti: 50_00 }, abstain: none, blank: none })).toContain('80.00㎡ 到 110.00㎡');
    expect(checkEnteredAreas(present, { for: { headcount: 0, areaCenti: 1 }, against: none, abstain: none, blank: none })).toContain('同意 0 票');
  });

  it('refuses choices that fit one by one but not together', () => {
    const result = checkEnteredAreas(present, { for: { headcount: 2, areaCenti: 210_00 }, against: { headcount: 2, areaCenti: 210_00 }, abstain: none, blank: none });
    expect(result).toContain('合计 4 票');
  });
});
