import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHouseholdCodes, fromChineseNumeral, normaliseHouseholdCode, parseHouseholdCode } from './household-code';

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
    ['三号楼一单元501', '3-1-501'],
    ['十二栋二单元302室', '12-2-302'],
    ['A座1单元1201', 'A-1-1201'],
    ['二十一号楼3单元101', '21-3-101'],
  ])('reads %s as %s', (text, expected) => {
    expect(normaliseHouseholdCode(text)).toBe(expected);
  });

  it.each(['', '3-2', '3-2-501-1', '三-二-501', '3 2 501', '3--501'])('refuses %j', (text) => {
    expect(parseHouseholdCode(text)).toBeNull();
  });

  it.each([
    ['三', '3'],
    ['十', '10'],
    ['十二', '12'],
    ['二十', '20'],
    ['九十九', '99'],
    ['两', '2'],
    ['A', 'A'],
    ['十十', '十十'],
  ])('reads the numeral %s as %s', (text, expected) => {
    expect(fromChineseNumeral(text)).toBe(expected);
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
