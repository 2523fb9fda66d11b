/**
 * Runs sandboxed before the page: exposes the three things a page cannot do itself (the projector
 * window on the second display, the system's save and open dialogs), never ipcRenderer itself. The page's
 * calls go to the host over HTTP like any browser's. Built as CommonJS (out/preload/index.cjs)
 * because a sandboxed preload cannot load ES modules or anything from node_modules.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { bridgeKey, shellChannels, type DesktopShell, type OpenedFile } from '../../shared/api/bridge';

contextBridge.exposeInMainWorld(bridgeKey, {
  async openProjector(meetingId: number): Promise<{ display: 'external' | 'primary' }> {
    return (await ipcRenderer.invoke(shellChannels.openProjector, meetingId)) as { display: 'external' | 'primary' };
  },
  async saveFile(file: { fileName: string; mimeType: string; dataBase64: string }): Promise<{ saved: boolean; path: string | null }> {
    const result = (await ipcRenderer.invoke(shellChannels.saveFile, { fileName: file.fileName, mimeType: file.mimeType, dataBase64: file.dataBase64 })) as {
      saved: boolean;
      path: string | null;
    } | null;
    return result ?? { saved: false, path: null };
  },
  async openFile(request: { extensions: string[] }): Promise<OpenedFile> {
    const result = (await ipcRenderer.invoke(shellChannels.openFile, { extensions: [...request.extensions] })) as OpenedFile | null;
    return result ?? { opened: false, refused: null };
  },
} satisfies DesktopShell);
