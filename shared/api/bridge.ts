import type { ApiResult } from './errors';

/**
 * What the Electron preload exposes on `window.courtyard`, and what the browser
 * transport implements over HTTP: one function that sends a contract call.
 */
export interface CourtyardBridge {
  invoke(channel: string, input: unknown): Promise<ApiResult<unknown>>;
  /** Desktop only: told after every change through the host (the browser gets server-sent events instead). */
  onChange?(listener: () => void): () => void;
  /** Desktop only: opens the projector window for a meeting, full-screen on the second display if one is attached. */
  openProjector?(meetingId: number): Promise<{ display: 'external' | 'primary' }>;
  /** Desktop only: asks where to save an export (the system's save dialog) and writes it there. */
  saveFile?(file: { fileName: string; mimeType: string; dataBase64: string }): Promise<{ saved: boolean; path: string | null }>;
}

export const bridgeKey = 'courtyard';

/** The desktop shell's own IPC names, besides the contract's channels. */
export const shellChannels = { change: 'shell:change', openProjector: 'shell:openProjector', saveFile: 'shell:saveFile' } as const;
