import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { channels } from '../../../shared/api/contract';
import { createHost, type Host } from '../../../src-main/host/core/host';
import { WebContentsDouble, doubleOf, ipcMain, resetElectron, state } from './electron';

vi.mock('electron', () => import('./electron'));

const { setupIpc } = await import('../../../src-main/ipc');
const { createMainWindow, openProjectorWindow } = await import('../../../src-main/windows');

const forbidden = { ok: false, error: { code: 'forbidden', message: expect.any(String) } };

let host: Host;
let invoked: MockInstance<Host['invoke']>;

beforeEach(() => {
  resetElectron();
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
  // The real host on a database in memory: a trusted call goes through the real dispatcher.
  host = createHost({ databasePath: ':memory:', host: 'desktop', version: '9.9.9' });
  invoked = vi.spyOn(host, 'invoke');
  setupIpc(host);
});
afterEach(() => host.close());

describe('the contract over IPC (Electron replaced by a test double)', () => {
  it('handles the contract’s channels and no other', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...channels].sort());
  });

  it('answers a call from the console’s top frame showing our page through the host', async () => {
    const consoleWindow = doubleOf(createMainWindow());
    const answer = await ipcMain.invoke({ sender: consoleWindow.webContents }, 'app:info', {});
    expect(answer).toMatchObject({ ok: true, value: { host: 'desktop', version: '9.9.9' } });
    expect(invoked).toHaveBeenCalledWith('app:info', {});
    await expect(ipcMain.invoke({ sender: consoleWindow.webContents }, 'council:list', {})).resolves.toEqual({ ok: true, value: [] });
  });

  it('answers the projector window too', async () => {
    createMainWindow();
    openProjectorWindow(1);
    const projector = state.createdWindows[1]!;
    await expect(ipcMain.invoke({ sender: projector.webContents }, 'council:list', {})).resolves.toEqual({ ok: true, value: [] });
  });

  it('leaves checking the input to the host: a bad input is refused there with its reason', async () => {
    const consoleWindow = doubleOf(createMainWindow());
    const answer = await ipcMain.invoke({ sender: consoleWindow.webContents }, 'meeting:get', { meetingId: 'x' });
    expect(answer).toMatchObject({ ok: false });
  });

  it('refuses, on every channel, a page that is not one of our windows, even one showing our page; the host never runs', async () => {
    const consoleWindow = doubleOf(createMainWindow());
    const stranger = new WebContentsDouble();
    stranger.url = consoleWindow.webContents.getURL();
    for (const channel of channels) {
      await expect(ipcMain.invoke({ sender: stranger }, channel, {}), channel).resolves.toEqual(forbidden);
    }
    expect(invoked).not.toHaveBeenCalled();
  });

  it('refuses our window when the call comes from an iframe, from another address, or from a frame already gone', async () => {
    const consoleWindow = doubleOf(createMainWindow());
    const sender = consoleWindow.webContents;
    await expect(ipcMain.invoke({ sender, subframe: true }, 'council:list', {})).resolves.toEqual(forbidden);
    await expect(ipcMain.invoke({ sender, frameUrl: 'https://example.org/' }, 'council:list', {})).resolves.toEqual(forbidden);
    await expect(ipcMain.invoke({ sender, frameUrl: 'file:///tmp/evil.html' }, 'council:list', {})).resolves.toEqual(forbidden);
    await expect(ipcMain.invoke({ sender, frameGone: true }, 'council:list', {})).resolves.toEqual(forbidden);
    expect(invoked).not.toHaveBeenCalled();
  });

  it('refuses a window once it is closed (its webContents id may be reused)', async () => {
    const consoleWindow = doubleOf(createMainWindow());
    consoleWindow.close();
    await expect(ipcMain.invoke({ sender: consoleWindow.webContents }, 'council:list', {})).resolves.toEqual(forbidden);
    expect(invoked).not.toHaveBeenCalled();
  });

  it('has no handler for a channel outside the contract, so Electron rejects the call and nothing runs', async () => {
    const consoleWindow = doubleOf(createMainWindow());
    for (const channel of ['council:dropEverything', 'sql:exec', '__proto__', 'constructor', '']) {
      await expect(ipcMain.invoke({ sender: consoleWindow.webContents }, channel, {}), channel).rejects.toThrow(/No handler registered/);
    }
    expect(invoked).not.toHaveBeenCalled();
  });

  it('answers a failure inside the host with a plain sentence, never the error or its stack', async () => {
    const consoleWindow = doubleOf(createMainWindow());
    invoked.mockRejectedValueOnce(new Error('SQLITE_IOERR at /home/chair/secret/path.sqlite'));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const answer = await ipcMain.invoke({ sender: consoleWindow.webContents }, 'council:list', {});
    expect(answer).toEqual({ ok: false, error: { code: 'internal', message: expect.stringContaining('数据没有改动') } });
    expect(JSON.stringify(answer)).not.toContain('SQLITE_IOERR');
    logged.mockRestore();
  });
});
