import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCentiArea, parseAreaToCenti } from './floor-area';

describe('floor areas in hundredths of a m²', () => {
  it.each([
    ['85', 8500],
    ['85.5', 8550],
    ['85.50', 8550],
    ['85.05', 8505],
    ['0.01', 1],
    ['85.50㎡', 8550],
    ['85.5 平方米', 8550],
    ['1,234.56', 123456],
    ['８５．５', 8550],
  ])('reads %s exactly', (text, centi) => {
    expect(parseAreaToCenti(text)).toBe(centi);
  });

  it.each(['abc', '85.555', '-3', '', '1e3', '85.', '.5'])('refuses %j', (text) => {
    expect(parseAreaToCenti(text)).toBeNull();
  });

  it('formats with two decimals and optional grouping', () => {
    expect(formatCentiArea(8550)).toBe('85.50');
    expect(formatCentiArea(5)).toBe('0.05');
    expect(formatCentiArea(345620, { grouping: true })).toBe('3,456.20');
  });

  it('format then parse gives back the same number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (centi) => {
        expect(parseAreaToCenti(formatCentiArea(centi))).toBe(centi);
        expect(parseAreaToCenti(formatCentiArea(centi, { grouping: true }))).toBe(centi);
      }),
    );
  });
});
