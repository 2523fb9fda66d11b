import { describe, expect, it } from 'vitest';
import { inkBox } from '../../src-renderer/components/signature-crop';

describe('a signature is kept as its ink', () => {
  it('takes the box around the strokes with a margin, inside the pad', () => {
    const points = [
      { x: 200, y: 100 },
      { x: 320, y: 140 },
      { x: 260, y: 90 },
    ];
    expect(inkBox(points, { width: 700, height: 260 }, 8)).toEqual({ x: 192, y: 82, width: 136, height: 66 });
  });
  it('stops at the pad’s edges and gives nothing for no ink', () => {
    expect(inkBox([{ x: 2, y: 250 }, { x: 699, y: 3 }], { width: 700, height: 260 }, 8)).toEqual({ x: 0, y: 0, width: 700, height: 258 });
    expect(inkBox([], { width: 700, height: 260 }, 8)).toBeNull();
  });
});
