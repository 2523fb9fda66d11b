import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { shellChannels } from '../../../shared/api/bridge';
import { BrowserWindowDouble, WebContentsDouble, app, display, doubleOf, ipcMain, resetElectron, state } from './electron';

vi.mock('electron', () => import('./electron'));

const windows = await import('../../../src-main/windows');
const { createMainWindow, focusMainWindow, isOurPageUrl, isOurResourceUrl, devServerOrigin, openProjectorWindow, setupProjector } = windows;

const laptop = display(1, { x: 0, y: 0, width: 1366, height: 768 });
const projector = display(2, { x: 1366, y: 0, width: 1920, height: 1080 });

/** Lets the double's loads finish and 'ready-to-show' fire. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

function changeListeners() {
  const listeners: Array<(change: { channel: string }) => void> = [];
  return {
    host: { subscribe: (listener: (change: { channel: string }) => void) => (listeners.push(listener), () => {}) },
    change: (channel: string) => listeners.forEach((listener) => listener({ channel })),
  };
}

beforeEach(() => {
  resetElectron();
  vi.unstubAllEnvs();
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
});
afterEach(() => vi.unstubAllEnvs());

describe('windows (Electron replaced by a test double)', () => {
  it('gives every window it opens, console and projector, the secure webPreferences and our sandboxed preload', () => {
    state.displays = [laptop, projector];
    createMainWindow();
    openProjectorWindow(3);
    expect(state.createdWindows).toHaveLength(2);
    for (const window of state.createdWindows) {
      const preferences = window.options.webPreferences ?? {};
      expect(preferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        disableBlinkFeatures: 'Auxclick',
      });
      for (const off of ['webviewTag', 'nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'experimentalFeatures', 'enableBlinkFeatures'] as const) {
        expect(preferences[off], off).toBeFalsy();
      }
      expect(preferences.preload).toMatch(/[\\/]preload[\\/]index\.cjs$/);
    }
  });

  it('loads the built page into the console and shows it only once it has painted', async () => {
    const consoleWindow = doubleOf(createMainWindow());
    expect(consoleWindow.loads).toEqual([expect.objectContaining({ file: expect.stringMatching(/[\\/]renderer[\\/]index\.html$/), hash: null })]);
    expect(consoleWindow.isVisible()).toBe(false);
    await settle();
    expect(consoleWindow.isVisible()).toBe(true);
    expect(isOurPageUrl(consoleWindow.webContents.getURL())).toBe(true);
  });

  it('shows the window anyway and says why in the log when the page cannot load (a missing build)', async () => {
    state.loadFailure = new Error('ERR_FILE_NOT_FOUND (-6)');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const consoleWindow = doubleOf(createMainWindow());
    await settle();
    expect(consoleWindow.isVisible()).toBe(true);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('ERR_FILE_NOT_FOUND'));
    logged.mockRestore();
  });

  it('brings a minimised console to the front on a second launch', () => {
    const consoleWindow = doubleOf(createMainWindow());
    consoleWindow.minimize();
    focusMainWindow();
    expect(consoleWindow.isMinimized()).toBe(false);
    expect(consoleWindow.focused).toBe(true);
  });

  it('puts the projector full-screen on the display that is neither the console’s nor the primary one', () => {
    const monitor = display(3, { x: -1920, y: 0, width: 1920, height: 1200 });
    state.displays = [laptop, monitor, projector];
    state.primaryDisplayId = monitor.id;
    createMainWindow(); // on the laptop's display
    expect(openProjectorWindow(5)).toEqual({ display: 'external' });
    const shown = state.createdWindows[1]!;
    expect(shown.options).toMatchObject({ ...projector.bounds, fullscreen: true });
    expect(shown.loads.at(-1)?.hash).toBe('/projector/5');
  });

  it('with one display, opens the projector as a window on it, not full-screen, for the chair to drag later', () => {
    createMainWindow();
    expect(openProjectorWindow(5)).toEqual({ display: 'primary' });
    expect(state.createdWindows[1]!.options).toMatchObject({ fullscreen: false, x: 171, y: 96, width: 1025, height: 576 });
  });

  it('shows another meeting in the same projector window rather than opening a second one', () => {
    createMainWindow();
    openProjectorWindow(5);
    openProjectorWindow(6);
    expect(state.createdWindows).toHaveLength(2);
    expect(state.createdWindows[1]!.loads.map((load) => load.hash)).toEqual(['/projector/5', '/projector/6']);
  });

  it('opens a new projector window after the old one was closed', () => {
    createMainWindow();
    openProjectorWindow(5);
    state.createdWindows[1]!.close();
    openProjectorWindow(5);
    expect(state.createdWindows).toHaveLength(3);
  });
});

describe('which addresses are ours (Electron replaced by a test double)', () => {
  it('is the built page with any route, and nothing else', () => {
    const page = doubleOf(createMainWindow()).webContents.getURL();
    expect(isOurPageUrl(page)).toBe(true);
    expect(isOurPageUrl(`${page}#/meetings/3/console`)).toBe(true);
    expect(isOurPageUrl(page.replace('index.html', 'other.html'))).toBe(false);
    expect(isOurPageUrl(page.replace('/renderer/index.html', '/renderer/../renderer-evil/index.html'))).toBe(false);
    expect(isOurPageUrl('file:///etc/passwd')).toBe(false);
    expect(isOurPageUrl('https://example.org/')).toBe(false);
    expect(isOurPageUrl('http://127.0.0.1:4820/')).toBe(false);
    expect(isOurPageUrl('not a url')).toBe(false);
  });

  it('lets the page load its own built files and in-memory data only', () => {
    const page = doubleOf(createMainWindow()).webContents.getURL();
    expect(isOurResourceUrl(page.replace('index.html', 'assets/index-1234.js'))).toBe(true);
    expect(isOurResourceUrl('data:image/png;base64,AAAA')).toBe(true);
    expect(isOurResourceUrl('blob:file:///0f1e2d')).toBe(true);
    expect(isOurResourceUrl(page.replace('/renderer/index.html', '/secrets.txt'))).toBe(false);
    expect(isOurResourceUrl('https://cdn.example.org/lib.js')).toBe(false);
    expect(isOurResourceUrl('ws://127.0.0.1:4820/')).toBe(false);
  });

  it('trusts a development server only on this computer and only when the app is not packaged', () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/');
    expect(devServerOrigin()).toBe('http://localhost:5173');
    expect(isOurPageUrl('http://localhost:5173/#/roster')).toBe(true);
    expect(isOurResourceUrl('ws://localhost:5173/')).toBe(true);
    expect(isOurPageUrl('http://localhost:5174/')).toBe(false);
    app.isPackaged = true;
    expect(devServerOrigin()).toBeNull();
    app.isPackaged = false;
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://example.org:5173/');
    expect(devServerOrigin()).toBeNull();
    vi.stubEnv('ELECTRON_RENDERER_URL', 'file:///tmp/index.html');
    expect(devServerOrigin()).toBeNull();
  });
});

describe('the shell’s part of the meeting (Electron replaced by a test double)', () => {
  it('tells each of our windows, and no other, about every change through the host', () => {
    const { host, change } = changeListeners();
    setupProjector(host);
    const consoleWindow = doubleOf(createMainWindow());
    openProjectorWindow(4);
    const stranger = new BrowserWindowDouble({});
    change('speaker:add');
    expect(consoleWindow.webContents.sent).toEqual([{ channel: shellChannels.change, args: [] }]);
    expect(state.createdWindows[1]!.webContents.sent).toEqual([{ channel: shellChannels.change, args: [] }]);
    expect(stranger.webContents.sent).toEqual([]);
  });

  it('opens the projector when the console asks, for a real meeting id only', async () => {
    setupProjector(changeListeners().host);
    const consoleWindow = doubleOf(createMainWindow());
    await expect(ipcMain.invoke({ sender: consoleWindow.webContents }, shellChannels.openProjector, 9)).resolves.toEqual({ display: 'primary' });
    for (const bad of [0, -1, 1.5, '9', null, { id: 9 }]) {
      await expect(ipcMain.invoke({ sender: consoleWindow.webContents }, shellChannels.openProjector, bad)).resolves.toBeNull();
    }
    expect(state.createdWindows).toHaveLength(2);
  });

  it('refuses to open the projector for a page that is not one of our windows showing our page', async () => {
    setupProjector(changeListeners().host);
    const consoleWindow = doubleOf(createMainWindow());
    const stranger = new WebContentsDouble();
    stranger.url = consoleWindow.webContents.getURL();
    await expect(ipcMain.invoke({ sender: stranger }, shellChannels.openProjector, 9)).resolves.toBeNull();
    await expect(ipcMain.invoke({ sender: consoleWindow.webContents, subframe: true }, shellChannels.openProjector, 9)).resolves.toBeNull();
    await expect(ipcMain.invoke({ sender: consoleWindow.webContents, frameUrl: 'https://example.org/' }, shellChannels.openProjector, 9)).resolves.toBeNull();
    expect(state.createdWindows).toHaveLength(1);
  });
});
