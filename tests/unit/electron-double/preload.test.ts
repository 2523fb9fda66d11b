import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bridgeKey, shellChannels, type CourtyardBridge } from '../../../shared/api/bridge';
import { createHost, type Host } from '../../../src-main/host/core/host';
import { WebContentsDouble, doubleOf, ipcMain, ipcRenderer, resetElectron, state } from './electron';

vi.mock('electron', () => import('./electron'));

// The preload runs once per page, when imported; what it exposed is kept before the first reset.
await import('../../../src-main/preload/index');
const exposed = new Map(state.exposedInMainWorld);
const bridge = exposed.get(bridgeKey) as CourtyardBridge;

const { setupIpc } = await import('../../../src-main/ipc');
const { createMainWindow, setupProjector } = await import('../../../src-main/windows');
const { setupSaveFile } = await import('../../../src-main/save-file');

let host: Host;

beforeEach(() => {
  resetElectron();
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
  host = createHost({ databasePath: ':memory:', host: 'desktop' });
  setupIpc(host);
  setupProjector(host);
  setupSaveFile();
  // The preload speaks for the console's page.
  state.rendererSource = { sender: doubleOf(createMainWindow()).webContents };
});
afterEach(() => host.close());

describe('the preload (Electron replaced by a test double)', () => {
  it('puts one object on the page, with functions only: never ipcRenderer or anything of Electron', () => {
    expect([...exposed.keys()]).toEqual([bridgeKey]);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onChange', 'openProjector', 'saveFile']);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('sends a contract call to the main process and returns the host’s answer', async () => {
    await expect(bridge.invoke('council:list', {})).resolves.toEqual({ ok: true, value: [] });
  });

  it('refuses a channel outside the contract without sending anything', async () => {
    const sent = vi.spyOn(ipcMain, 'invoke');
    for (const channel of [shellChannels.saveFile, shellChannels.openProjector, 'sql:exec', '__proto__']) {
      await expect(bridge.invoke(channel, {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    }
    expect(sent).not.toHaveBeenCalled();
    sent.mockRestore();
  });

  it('answers ipc_failed, not a thrown error, when the input cannot cross to the main process', async () => {
    await expect(bridge.invoke('council:list', { callback: () => 1 })).resolves.toMatchObject({ ok: false, error: { code: 'ipc_failed' } });
  });

  it('is refused by the main process when the page is not one of our windows', async () => {
    const stranger = new WebContentsDouble();
    stranger.url = state.rendererSource!.sender.getURL();
    state.rendererSource = { sender: stranger };
    await expect(bridge.invoke('council:list', {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expect(bridge.saveFile!({ fileName: 'x.docx', mimeType: 'application/octet-stream', dataBase64: '' })).resolves.toEqual({ saved: false, path: null });
  });

  it('calls a change listener with nothing of the IPC event, until it stops listening', () => {
    const listener = vi.fn();
    const stop = bridge.onChange!(listener);
    ipcRenderer.deliver(shellChannels.change, { secret: 'x' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([]);
    stop();
    ipcRenderer.deliver(shellChannels.change);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('opens the projector through the shell', async () => {
    await expect(bridge.openProjector!(3)).resolves.toEqual({ display: 'primary' });
    expect(state.createdWindows).toHaveLength(2);
  });
});
