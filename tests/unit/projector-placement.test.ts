import { describe, expect, it } from 'vitest';
import { projectorPlacement } from '../../src-main/projector-placement';

const laptop = { id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } };
const projector = { id: 2, bounds: { x: 1366, y: 0, width: 1920, height: 1080 } };
const monitor = { id: 3, bounds: { x: -1920, y: 0, width: 1920, height: 1200 } };

describe('where the projector window goes （Electron’s screen module replaced by plain display lists）', () => {
  it('fills the external display when one is attached', () => {
    expect(projectorPlacement([laptop, projector], 1, 1)).toEqual({ bounds: projector.bounds, fullscreen: true, external: true });
  });

  it('never covers the console’s own display, even when the console sits on the external one', () => {
    expect(projectorPlacement([laptop, projector], 2, 1)).toEqual({ bounds: laptop.bounds, fullscreen: true, external: true });
  });

  it('prefers a display that is not the primary one among several', () => {
    expect(projectorPlacement([laptop, monitor, projector], 3, 1).bounds).toEqual(projector.bounds);
  });

  it('opens a window three quarters the size of the only display, centred, not full-screen', () => {
    expect(projectorPlacement([laptop], 1, 1)).toEqual({ bounds: { x: 171, y: 96, width: 1025, height: 576 }, fullscreen: false, external: false });
  });
});
