/**
 * 正字计票: a running count written as the character 正, whose five strokes are tallied one at a
 * time (一 丨 一 丨 一). A count of n is ⌊n/5⌋ whole characters and, unless n is a multiple of five,
 * one character with only its first n mod 5 strokes. The strokes are drawn, never typed: no font
 * has a glyph for "正 with three strokes", and a wrong glyph on the wall would misstate the count.
 */

/** Strokes in one 正. */
export const strokesPerCharacter = 5;

/** The characters that write `count`: how many strokes each has, whole ones first, the partial one last. */
export function zhengCharacters(count: number): number[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`a tally counts whole ballots, not ${count}`);
  const whole = Math.floor(count / strokesPerCharacter);
  const rest = count % strokesPerCharacter;
  const characters: number[] = Array.from({ length: whole }, () => strokesPerCharacter);
  if (rest > 0) characters.push(rest);
  return characters;
}

/** A straight stroke from (x1, y1) to (x2, y2) in a 100 × 100 box, y downwards. */
export interface StrokeSegment {
  /** 'horizontal' is 一, 'vertical' is 丨. */
  kind: 'horizontal' | 'vertical';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * The five strokes of 正 in the order they are written when tallying: the top 一, the middle 丨
 * down from it, the short 一 to the right of the middle, the short 丨 on the left, the bottom 一.
 */
export const zhengStrokes: readonly StrokeSegment[] = [
  { kind: 'horizontal', x1: 12, y1: 12, x2: 88, y2: 12 },
  { kind: 'vertical', x1: 50, y1: 12, x2: 50, y2: 88 },
  { kind: 'horizontal', x1: 50, y1: 50, x2: 80, y2: 50 },
  { kind: 'vertical', x1: 24, y1: 44, x2: 24, y2: 88 },
  { kind: 'horizontal', x1: 6, y1: 88, x2: 94, y2: 88 },
];

/** The first `strokes` strokes of 正 (1–5), in writing order. */
export function zhengStrokeSegments(strokes: number): StrokeSegment[] {
  if (!Number.isInteger(strokes) || strokes < 1 || strokes > strokesPerCharacter) throw new RangeError(`a 正 has 1 to 5 strokes, not ${strokes}`);
  return zhengStrokes.slice(0, strokes);
}
