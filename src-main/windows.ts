import { app, BrowserWindow, ipcMain, screen, type IpcMainInvokeEvent } from 'electron';
import { shellChannels } from '../shared/api/bridge';
import type { Host } from './host/core/host';
import { projectorPlacement } from './projector-placement';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Built by electron-vite next to this bundle: out/main/index.js, out/preload/index.cjs, out/renderer/. */
const preloadFile = join(import.meta.dirname, '../preload/index.cjs');
const rendererFolder = resolve(import.meta.dirname, '../renderer');
const rendererPage = join(rendererFolder, 'index.html');

/** Windows paths compare without case; file: URLs from Chromium may differ in case from ours. */
function comparable(path: string): string {
  return process.platform === 'win32' ? path.toLowerCase() : path;
}
const rendererPageKey = comparable(rendererPage);
const rendererFolderPrefix = comparable(rendererFolder + sep);

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The electron-vite dev server, when `electron-vite dev` set one. A packaged app never
 * loads a page named by an environment variable, and only a dev server on this
 * computer counts, so a stray variable cannot point our windows at the internet.
 */
export function devServerOrigin(): string | null {
  const raw = process.env.ELECTRON_RENDERER_URL;
  if (!raw || app.isPackaged) return null;
  try {
    const url = new URL(raw);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && loopbackHosts.has(url.hostname)) return url.origin;
  } catch {
    // Not a URL: behave as if no dev server were running.
  }
  return null;
}

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** The local file a file: URL names, resolved (no `..`) and comparable; null for anything else. */
function filePathKey(url: URL): string | null {
  if (url.protocol !== 'file:') return null;
  try {
    return comparable(resolve(fileURLToPath(url)));
  } catch {
    return null;
  }
}

/** True for the document our windows show (any #route of it), and nothing else. */
export function isOurPageUrl(raw: string): boolean {
  const url = parseUrl(raw);
  if (!url) return false;
  const devOrigin = devServerOrigin();
  if (devOrigin) return url.origin === devOrigin;
  return filePathKey(url) === rendererPageKey;
}

/** True for anything the page may load: its own built files (or the dev server) and in-memory data. */
export function isOurResourceUrl(raw: string): boolean {
  const url = parseUrl(raw);
  if (!url) return false;
  if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'devtools:') return true;
  const devOrigin = devServerOrigin();
  if (devOrigin) {
    const dev = new URL(devOrigin);
    // Vite's hot reload talks over a WebSocket to the same host and port.
    return url.origin === devOrigin || (url.protocol.startsWith('ws') && url.host === dev.host);
  }
  return filePathKey(url)?.startsWith(rendererFolderPrefix) ?? false;
}

/** webContents ids of the windows we opened; ipc.ts answers only these. */
const ourWebContentsIds = new Set<number>();
let mainWindow: BrowserWindow | null = null;

export function isOurWindow(webContentsId: number): boolean {
  return ourWebContentsIds.has(webContentsId);
}

function register(window: BrowserWindow): void {
  const id = window.webContents.id;
  ourWebContentsIds.add(id);
  window.on('closed', () => ourWebContentsIds.delete(id));
}

function loadOurPage(window: BrowserWindow, hash = ''): void {
  const devOrigin = devServerOrigin();
  const loading = devOrigin
    ? window.loadURL(`${process.env.ELECTRON_RENDERER_URL ?? devOrigin}${hash ? `#${hash}` : ''}`)
    : window.loadFile(rendererPage, hash ? { hash } : undefined);
  loading.catch((error: unknown) => {
    // A missing build must not leave an invisible window running: show it and say why in the log.
    console.error(`院落议事：界面没有加载 （${error instanceof Error ? error.message : String(error)}）`);
    if (!window.isDestroyed()) window.show();
  });
}

// Each window writes its webPreferences out in full rather than sharing a constant: npm run
// audit:electron (Electronegativity) checks the options at each new BrowserWindow and does not
// follow a variable, so a shared constant would leave every window unchecked. A middle click would
// open a link in a new window without going through our window-open handler: Auxclick is off.

/** The chair's console: the one window that runs the meeting. */
export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: '院落议事',
    backgroundColor: '#f6f3ec',
    show: false,
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  register(window);
  mainWindow = window;
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.once('ready-to-show', () => window.show());
  loadOurPage(window);
  return window;
}

/** A second launch brings the running console to the front instead of opening the database twice. */
export function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}


let projectorWindow: BrowserWindow | null = null;

/**
 * The projector: a second window showing #/projector/<meeting>, full-screen on the external
 * display when one is attached (a window beside the console otherwise, so the chair can drag
 * it to a projector attached later). Opening it again shows the other meeting in the same window.
 */
export function openProjectorWindow(meetingId: number): { display: 'external' | 'primary' } {
  const consoleDisplay = mainWindow ? screen.getDisplayMatching(mainWindow.getBounds()) : screen.getPrimaryDisplay();
  const { bounds, fullscreen, external } = projectorPlacement(screen.getAllDisplays(), consoleDisplay.id, screen.getPrimaryDisplay().id);
  const hash = `/projector/${meetingId}`;
  if (projectorWindow && !projectorWindow.isDestroyed()) {
    loadOurPage(projectorWindow, hash);
    projectorWindow.show();
    return { display: external ? 'external' : 'primary' };
  }
  const window = new BrowserWindow({
    ...bounds,
    fullscreen,
    title: '院落议事 · 投影',
    backgroundColor: '#111418',
    autoHideMenuBar: true,
    show: false,
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  register(window);
  projectorWindow = window;
  window.on('closed', () => {
    if (projectorWindow === window) projectorWindow = null;
  });
  window.once('ready-to-show', () => window.show());
  loadOurPage(window, hash);
  return { display: external ? 'external' : 'primary' };
}

/** The meeting the console shows (#/meetings/<id>/...), for the menu's projector item. */
function consoleMeetingId(): number | null {
  const url = mainWindow?.webContents.getURL() ?? '';
  const match = /#\/meetings\/(\d+)/.exec(url);
  return match ? Number(match[1]) : null;
}

export function openProjectorForConsole(): void {
  const meetingId = consoleMeetingId();
  if (meetingId !== null) openProjectorWindow(meetingId);
}

/** A call from the top frame of one of our windows, still showing our own page: the only sender the shell answers. */
export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isOurWindow(event.sender.id) && isOurPageUrl(frame.url);
}

/**
 * The shell's part of the meeting: every change through the host reaches each of our windows
 * (so the projector follows the console live), and the console may ask for the projector window.
 */
export function setupProjector(host: Pick<Host, 'subscribe'>): void {
  host.subscribe(() => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed() && isOurWindow(window.webContents.id)) window.webContents.send(shellChannels.change);
    }
  });
  ipcMain.handle(shellChannels.openProjector, (event, meetingId: unknown) => {
    if (!isTrustedSender(event) || typeof meetingId !== 'number' || !Number.isInteger(meetingId) || meetingId <= 0) return null;
    return openProjectorWindow(meetingId);
  });
}
