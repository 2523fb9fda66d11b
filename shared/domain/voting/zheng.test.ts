import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zhengCharacters, zhengStrokeSegments, zhengStrokes, type StrokeSegment } from './zheng';

describe('正字计票: n ballots as strokes, five to a character', () => {
  it.each([
    [0, []],
    [1, [1]],
    [4, [4]],
    [5, [5]],
    [6, [5, 1]],
    [12, [5, 5, 2]],
    [15, [5, 5, 5]],
  ])('%i → %j', (count, characters) => {
    expect(zhengCharacters(count)).toEqual(characters);
  });

  it('adds up to the count, with only the last character partial', () => {
    fc.assert(
      fc.property(fc.nat(10_000), (count) => {
        const characters = zhengCharacters(count);
        expect(characters.reduce((sum, strokes) => sum + strokes, 0)).toBe(count);
        expect(characters.slice(0, -1).every((strokes) => strokes === 5)).toBe(true);
        expect(characters.every((strokes) => strokes >= 1 && strokes <= 5)).toBe(true);
      }),
    );
  });

  it('refuses what is not a count of ballots', () => {
    expect(() => zhengCharacters(-1)).toThrow(RangeError);
    expect(() => zhengCharacters(2.5)).toThrow(RangeError);
  });

  it('writes the strokes in the tallying order 一 丨 一 丨 一', () => {
    expect(zhengStrokes.map((stroke) => (stroke.kind === 'horizontal' ? '一' : '丨')).join('')).toBe('一丨一丨一');
    expect(zhengStrokes.every((s) => (s.kind === 'horizontal' ? s.y1 === s.y2 && s.x1 < s.x2 : s.x1 === s.x2 && s.y1 < s.y2))).toBe(true);
  });

  it('draws the shape of 正: the middle 丨 hangs from the top 一 to the bottom 一, the short 丨 stands on the bottom 一 left of it', () => {
    const [top, middle, short, left, bottom] = zhengStrokes as [StrokeSegment, StrokeSegment, StrokeSegment, StrokeSegment, StrokeSegment];
    expect(middle.y1).toBe(top.y1);
    expect(middle.y2).toBe(bottom.y1);
    expect(short.x1).toBe(middle.x1);
    expect(short.y1).toBeGreaterThan(top.y1);
    expect(short.y1).toBeLessThan(bottom.y1);
    expect(left.x1).toBeLessThan(middle.x1);
    expect(left.y2).toBe(bottom.y1);
    expect(bottom.x2 - bottom.x1).toBeGreaterThan(top.x2 - top.x1);
  });

  it('a partial 正 is the first strokes of the whole one, in order', () => {
    expect(zhengStrokeSegments(3)).toEqual(zhengStrokes.slice(0, 3));
    expect(zhengStrokeSegments(5)).toEqual([...zhengStrokes]);
    expect(() => zhengStrokeSegments(0)).toThrow(RangeError);
    expect(() => zhengStrokeSegments(6)).toThrow(RangeError);
  });
});
