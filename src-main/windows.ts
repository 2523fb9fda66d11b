import { BrowserWindow, ipcMain, screen, session, type IpcMainInvokeEvent } from 'electron';
import { shellChannels } from '../shared/api/bridge';
import { sessionCookie } from './host/core/server';
import { projectorPlacement } from './projector-placement';
import { join } from 'node:path';

/** Built by electron-vite next to this bundle: out/main/index.js, out/preload/index.cjs. */
const preloadFile = join(import.meta.dirname, '../preload/index.cjs');

/**
 * The host this process started, http://127.0.0.1:<port>: our windows show its page and talk to it,
 * exactly as a browser on this computer does. Until it is set, nothing is ours.
 */
let hostOrigin: URL | null = null;

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** True for the host's page (any #route of it), and nothing else: not its API, not its login address. */
export function isOurPageUrl(raw: string): boolean {
  const url = parseUrl(raw);
  return hostOrigin !== null && url !== null && url.origin === hostOrigin.origin && url.pathname === '/' && url.search === '';
}

/**
 * True for anything the page may load or connect to: the host's own files and calls, its minutes
 * signaling socket, and in-memory data. Nothing on the LAN, nothing outside.
 */
export function isOurResourceUrl(raw: string): boolean {
  const url = parseUrl(raw);
  if (!url || !hostOrigin) return false;
  if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'devtools:') return true;
  if (url.protocol === 'ws:') return url.host === hostOrigin.host && url.pathname === '/signal';
  return url.origin === hostOrigin.origin;
}

/** webContents ids of the windows we opened; the shell's IPC answers only these. */
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
  const loading = hostOrigin ? window.loadURL(`${hostOrigin.origin}/${hash ? `#${hash}` : ''}`) : Promise.reject(new Error('the host has not started'));
  loading.catch((error: unknown) => {
    // A missing build must not leave an invisible window running: show it and say why in the log.
    console.error(`院落议事：界面没有加载 （${error instanceof Error ? error.message : String(error)}）`);
    if (!window.isDestroyed()) window.show();
  });
}

/**
 * Our windows become the chair of the host at `origin`: the chair's session goes straight into the
 * windows' cookie store, HttpOnly and for that origin alone (no Domain), as the host's login address
 * would have put it there, so no key or token ever appears in a page or an address. A session
 * cookie: it ends with the app.
 */
export async function showHost(origin: string, chairSession: string): Promise<void> {
  hostOrigin = new URL(origin);
  await session.defaultSession.cookies.set({
    url: `${hostOrigin.origin}/`,
    name: sessionCookie,
    value: chairSession,
    path: '/',
    httpOnly: true,
    secure: false,
    sameSite: 'strict',
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

/** The console may ask for the projector window: placing a window on the second display is the shell's alone. */
export function setupProjector(): void {
  ipcMain.handle(shellChannels.openProjector, (event, meetingId: unknown) => {
    if (!isTrustedSender(event) || typeof meetingId !== 'number' || !Number.isInteger(meetingId) || meetingId <= 0) return null;
    return openProjectorWindow(meetingId);
  });
}
