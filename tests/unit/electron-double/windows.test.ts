import { beforeEach, describe, expect, it, vi } from 'vitest';
import { shellChannels } from '../../../shared/api/bridge';
import { WebContentsDouble, display, doubleOf, ipcMain, resetElectron, state } from './electron';

vi.mock('electron', () => import('./electron'));

const windows = await import('../../../src-main/windows');
const { createMainWindow, focusMainWindow, isOurPageUrl, isOurResourceUrl, openProjectorWindow, setupProjector, showHost } = windows;

/** The host index.ts starts; our windows show its page. */
const host = 'http://127.0.0.1:4820';

const laptop = display(1, { x: 0, y: 0, width: 1366, height: 768 });
const projector = display(2, { x: 1366, y: 0, width: 1920, height: 1080 });

/** Lets the double's loads finish and 'ready-to-show' fire. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

beforeEach(async () => {
  resetElectron();
  await showHost(host, 'chair-session-token');
});

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

  it('loads the host’s page into the console and shows it only once it has painted', async () => {
    const consoleWindow = doubleOf(createMainWindow());
    expect(consoleWindow.loads).toEqual([expect.objectContaining({ url: `${host}/`, file: null, hash: null })]);
    expect(consoleWindow.isVisible()).toBe(false);
    await settle();
    expect(consoleWindow.isVisible()).toBe(true);
    expect(isOurPageUrl(consoleWindow.webContents.getURL())).toBe(true);
  });

  it('shows the window anyway and says why in the log when the page cannot load (a missing build)', async () => {
    state.loadFailure = new Error('ERR_CONNECTION_REFUSED (-102)');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const consoleWindow = doubleOf(createMainWindow());
    await settle();
    expect(consoleWindow.isVisible()).toBe(true);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('ERR_CONNECTION_REFUSED'));
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
  it('is the host’s page with any route, and nothing else: not its login address, not another port or computer', () => {
    const page = doubleOf(createMainWindow()).webContents.getURL();
    expect(page).toBe(`${host}/`);
    expect(isOurPageUrl(page)).toBe(true);
    expect(isOurPageUrl(`${page}#/meetings/3/console`)).toBe(true);
    for (const other of [`${host}/login?key=x`, `${host}/?x=1`, `${host}/api/events`, 'http://127.0.0.1:4821/', 'http://localhost:4820/', 'http://192.168.1.5:4820/', 'https://127.0.0.1:4820/', 'file:///etc/passwd', 'https://example.org/', 'not a url']) {
      expect(isOurPageUrl(other), other).toBe(false);
    }
  });

  it('lets the page load and call only its host, on loopback, and its minutes signaling; nothing on the LAN or outside', () => {
    for (const ours of [`${host}/assets/index-1234.js`, `${host}/api/call/app:info`, `${host}/api/events`, 'ws://127.0.0.1:4820/signal', 'data:image/png;base64,AAAA', 'blob:http://127.0.0.1:4820/0f1e2d']) {
      expect(isOurResourceUrl(ours), ours).toBe(true);
    }
    for (const foreign of ['ws://127.0.0.1:4820/other', 'ws://127.0.0.1:4444/signal', 'ws://192.168.1.5:4820/signal', 'http://192.168.1.5:4820/', 'http://127.0.0.1:4821/', 'https://cdn.example.org/lib.js', 'file:///etc/passwd']) {
      expect(isOurResourceUrl(foreign), foreign).toBe(false);
    }
  });

  it('puts the chair’s session into the windows’ cookie store for the host’s origin alone, HttpOnly, for this run only', () => {
    expect(state.defaultSession.cookiesSet).toEqual([
      { url: `${host}/`, name: 'courtyard_session', value: 'chair-session-token', path: '/', httpOnly: true, secure: false, sameSite: 'strict' },
    ]);
  });
});

describe('the shell’s part of the meeting (Electron replaced by a test double)', () => {
  it('opens the projector when the console asks, for a real meeting id only', async () => {
    setupProjector();
    const consoleWindow = doubleOf(createMainWindow());
    await expect(ipcMain.invoke({ sender: consoleWindow.webContents }, shellChannels.openProjector, 9)).resolves.toEqual({ display: 'primary' });
    for (const bad of [0, -1, 1.5, '9', null, { id: 9 }]) {
      await expect(ipcMain.invoke({ sender: consoleWindow.webContents }, shellChannels.openProjector, bad)).resolves.toBeNull();
    }
    expect(state.createdWindows).toHaveLength(2);
  });

  it('refuses to open the projector for a page that is not one of our windows showing our page', async () => {
    setupProjector();
    const consoleWindow = doubleOf(createMainWindow());
    const stranger = new WebContentsDouble();
    stranger.url = consoleWindow.webContents.getURL();
    await expect(ipcMain.invoke({ sender: stranger }, shellChannels.openProjector, 9)).resolves.toBeNull();
    await expect(ipcMain.invoke({ sender: consoleWindow.webContents, subframe: true }, shellChannels.openProjector, 9)).resolves.toBeNull();
    await expect(ipcMain.invoke({ sender: consoleWindow.webContents, frameUrl: 'https://example.org/' }, shellChannels.openProjector, 9)).resolves.toBeNull();
    await expect(ipcMain.invoke({ sender: consoleWindow.webContents, frameUrl: `${host}/login?key=x` }, shellChannels.openProjector, 9)).resolves.toBeNull();
    await expect(ipcMain.invoke({ sender: consoleWindow.webContents, frameGone: true }, shellChannels.openProjector, 9)).resolves.toBeNull();
    expect(state.createdWindows).toHaveLength(1);
  });

  it('refuses a window once it is closed (its webContents id may be reused)', async () => {
    setupProjector();
    const consoleWindow = doubleOf(createMainWindow());
    consoleWindow.close();
    await expect(ipcMain.invoke({ sender: consoleWindow.webContents }, shellChannels.openProjector, 9)).resolves.toBeNull();
    expect(state.createdWindows).toHaveLength(1);
  });
});
