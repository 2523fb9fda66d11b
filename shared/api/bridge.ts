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
  /** Asks for a file of one of these kinds (extensions, lower case, no dot) with the system's open dialog, and reads it. */
  openFile(request: { extensions: string[] }): Promise<OpenedFile>;
}

/** Why a chosen file was not read: bigger than openFileMaxBytes, not of the kinds asked for, or not readable. */
export type OpenFileRefusal = 'too-large' | 'wrong-type' | 'unreadable';

/** The file the user chose, or nothing (refused null when the user cancelled). */
export type OpenedFile = { opened: true; fileName: string; dataBase64: string } | { opened: false; refused: OpenFileRefusal | null };

/** The largest file opened from the desktop: what the host accepts in a call (kit's base64FileSchema, 20 MB). */
export const openFileMaxBytes = 20 * 1024 * 1024;

export const bridgeKey = 'courtyard';

/** The desktop shell's own IPC names (the contract's calls do not travel over IPC). */
export const shellChannels = { openProjector: 'shell:openProjector', saveFile: 'shell:saveFile', openFile: 'shell:openFile' } as const;
