/**
 * A signature is kept as the ink and a little margin around it, not the whole pad: the pad is a
 * wide canvas, and a paper fitting the image into a signature's box would print the ink a few
 * millimetres tall.
 */
export interface InkPoint {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The box around every point (in CSS pixels), widened by `margin` and kept inside the pad; null for no ink. */
export function inkBox(points: InkPoint[], pad: { width: number; height: number }, margin: number): Box | null {
  if (!points.length) return null;
  const xs = points.map((point) => point.x);
  const ys = points.map((point) => point.y);
  const left = Math.max(0, Math.floor(Math.min(...xs) - margin));
  const top = Math.max(0, Math.floor(Math.min(...ys) - margin));
  const right = Math.min(pad.width, Math.ceil(Math.max(...xs) + margin));
  const bottom = Math.min(pad.height, Math.ceil(Math.max(...ys) + margin));
  if (right <= left || bottom <= top) return null;
  return { x: left, y: top, width: right - left, height: bottom - top };
}
