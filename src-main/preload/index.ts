/**
 * Runs sandboxed before the page: exposes one function that sends a contract call,
 * never ipcRenderer itself. Built as CommonJS (out/preload/index.cjs) because a
 * sandboxed preload cannot load ES modules or anything from node_modules.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { bridgeKey, shellChannels, type CourtyardBridge } from '../../shared/api/bridge';
import { isChannel } from '../../shared/api/contract';
import type { ApiResult, ErrorCode } from '../../shared/api/errors';

function failure(code: ErrorCode, message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

contextBridge.exposeInMainWorld(bridgeKey, {
  async invoke(channel: string, input: unknown): Promise<ApiResult<unknown>> {
    if (!isChannel(channel)) return failure('unknown_call', `未知的操作：${String(channel).slice(0, 60)}`);
    try {
      return (await ipcRenderer.invoke(channel, input)) as ApiResult<unknown>;
    } catch {
      // The input could not be sent (not cloneable) or the main process did not answer.
      return failure('ipc_failed', '操作没有送达主程序，数据没有改动。请重试；如果一直出现，请重新打开院落议事。');
    }
  },
  onChange(listener: () => void): () => void {
    // The page gets a bare call: nothing of the IPC event crosses the bridge.
    const forward = () => listener();
    ipcRenderer.on(shellChannels.change, forward);
    return () => ipcRenderer.off(shellChannels.change, forward);
  },
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
} satisfies CourtyardBridge);
