import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHouseholdCodes, normaliseHouseholdCode, parseHouseholdCode } from './household-code';

describe('household numbers', () => {
  it.each([
    ['3-2-501', '3-2-501'],
    [' 3-2-501 ', '3-2-501'],
    ['3－2－501', '3-2-501'],
    ['３-２-５０１', '3-2-501'],
    ['3栋2单元501室', '3-2-501'],
    ['3幢2单元501', '3-2-501'],
    ['12号楼1单元1102', '12-1-1102'],
    ['a-1-101', 'A-1-101'],
  ])('reads %s as %s', (text, expected) => {
    expect(normaliseHouseholdCode(text)).toBe(expected);
  });

  it.each(['', '3-2', '3-2-501-1', '三-二-501', '3 2 501', '3--501'])('refuses %j', (text) => {
    expect(parseHouseholdCode(text)).toBeNull();
  });

  it('orders numerically: 2-1-101 before 10-1-101', () => {
    expect(['10-1-101', '2-1-101', '2-1-1101', '2-1-201'].sort(compareHouseholdCodes)).toEqual([
      '2-1-101',
      '2-1-201',
      '2-1-1101',
      '10-1-101',
    ]);
  });

  it('normalising is idempotent', () => {
    const part = fc.stringMatching(/^[0-9A-Z]{1,6}$/);
    fc.assert(
      fc.property(part, part, part, (b, u, r) => {
        const once = normaliseHouseholdCode(`${b}-${u}-${r}`);
        expect(once).toBe(`${b}-${u}-${r}`);
        expect(normaliseHouseholdCode(once!)).toBe(once);
      }),
    );
  });
});
