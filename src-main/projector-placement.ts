/**
 * Where the projector window goes (no electron import, so it is tested in plain Node): full-screen
 * on a display other than the console's when one is attached, else a window on the console's
 * display, three quarters of its size and centred, that the chair can drag to a projector later.
 */
export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayInfo {
  id: number;
  bounds: Rectangle;
}

export interface ProjectorPlacement {
  bounds: Rectangle;
  fullscreen: boolean;
  external: boolean;
}

export function projectorPlacement(displays: readonly DisplayInfo[], consoleDisplayId: number, primaryId: number): ProjectorPlacement {
  // Prefer an external display that is not the primary one: the laptop's own screen is usually primary.
  const others = displays.filter((display) => display.id !== consoleDisplayId);
  const external = others.find((display) => display.id !== primaryId) ?? others[0];
  if (external) return { bounds: { ...external.bounds }, fullscreen: true, external: true };
  const own = displays.find((display) => display.id === consoleDisplayId) ?? displays[0];
  const { x, y, width, height } = own?.bounds ?? { x: 0, y: 0, width: 1280, height: 800 };
  return {
    bounds: { x: x + Math.round(width / 8), y: y + Math.round(height / 8), width: Math.round((width * 3) / 4), height: Math.round((height * 3) / 4) },
    fullscreen: false,
    external: false,
  };
}
