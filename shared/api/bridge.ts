import type { ApiResult } from './errors';

/** How the renderer sends a contract call: over HTTP to the host that served the page, in a browser and in the desktop window alike. */
export interface CourtyardBridge {
  invoke(channel: string, input: unknown): Promise<ApiResult<unknown>>;
}

/**
 * What the desktop window's preload adds on `window.courtyard`: only what a page cannot do itself.
 * Everything else (calls, live changes, the minutes' peers) the window does as a browser does.
 */
export interface DesktopShell {
  /** Opens the projector window for a meeting, full-screen on the second display if one is attached. */
  openProjector(meetingId: number): Promise<{ display: 'external' | 'primary' }>;
  /** Asks where to save an export (the system's save dialog) and writes it there. */
  saveFile(file: { fileName: string; mimeType: string; dataBase64: string }): Promise<{ saved: boolean; path: string | null }>;
}

export const bridgeKey = 'courtyard';

/** The desktop shell's own IPC names (the contract's calls do not travel over IPC). */
export const shellChannels = { openProjector: 'shell:openProjector', saveFile: 'shell:saveFile' } as const;
