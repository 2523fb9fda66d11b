import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bridgeKey, type DesktopShell } from '../../../shared/api/bridge';
import { WebContentsDouble, dialog, doubleOf, resetElectron, state } from './electron';

vi.mock('electron', () => import('./electron'));

// The preload runs once per page, when imported; what it exposed is kept before the first reset.
await import('../../../src-main/preload/index');
const exposed = new Map(state.exposedInMainWorld);
const shell = exposed.get(bridgeKey) as DesktopShell;

const { createMainWindow, setupProjector, showHost } = await import('../../../src-main/windows');
const { setupSaveFile } = await import('../../../src-main/save-file');
const { setupOpenFile } = await import('../../../src-main/open-file');

beforeEach(async () => {
  resetElectron();
  await showHost('http://127.0.0.1:4820', 'chair-session-token');
  setupProjector();
  setupSaveFile();
  setupOpenFile();
  // The preload speaks for the console's page.
  state.rendererSource = { sender: doubleOf(createMainWindow()).webContents };
});

describe('the preload (Electron replaced by a test double)', () => {
  it('puts one object on the page with the three things a page cannot do itself, functions only: no contract calls, never ipcRenderer', () => {
    expect([...exposed.keys()]).toEqual([bridgeKey]);
    expect(Object.keys(shell).sort()).toEqual(['openFile', 'openProjector', 'saveFile']);
    for (const value of Object.values(shell)) expect(typeof value).toBe('function');
  });

  it('is refused by the main process when the page is not one of our windows', async () => {
    const stranger = new WebContentsDouble();
    stranger.url = state.rendererSource!.sender.getURL();
    state.rendererSource = { sender: stranger };
    await expect(shell.saveFile({ fileName: 'x.docx', mimeType: 'application/octet-stream', dataBase64: '' })).resolves.toEqual({ saved: false, path: null });
    await expect(shell.openProjector(3)).resolves.toBeNull();
    await expect(shell.openFile({ extensions: ['courtyard'] })).resolves.toEqual({ opened: false, refused: null });
    expect(dialog.openDialogs).toEqual([]);
    expect(state.createdWindows).toHaveLength(1);
  });

  it('opens the projector through the shell', async () => {
    await expect(shell.openProjector(3)).resolves.toEqual({ display: 'primary' });
    expect(state.createdWindows).toHaveLength(2);
  });
});
