/**
 * A test double of the `electron` module, for the desktop shell's unit tests (Electron Fiddle's
 * tests/mocks/electron.ts habit). The Electron binary cannot run here (it downloads on first run and
 * needs a display), so the shell modules run in plain Node against this instead.
 *
 * It behaves like Electron where the shell relies on it: windows and their webContents are event
 * emitters, every new webContents is announced with app's 'web-contents-created', a second
 * ipcMain.handle for one channel throws, invoking a channel nobody handles is rejected, arguments that
 * cannot be structured-cloned do not cross, a closed window emits 'closed' and, when it was the last one
 * and the app is not quitting, 'window-all-closed'. It records what the shell asked for (window options,
 * loaded addresses, sent messages, dialogs, the menu) and offers the page's side of each event
 * (`navigate`, `openWindow`, `requestPermission`, `invoke`…) for the tests to drive.
 *
 * Use: `vi.mock('electron', () => import('./electron'))`, and `resetElectron()` before each test.
 */
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import type {
  AboutPanelOptionsOptions,
  BrowserWindowConstructorOptions,
  CallbackResponse,
  CookiesSetDetails,
  HandlerDetails,
  HeadersReceivedResponse,
  IpcMainInvokeEvent,
  LoadFileOptions,
  MenuItemConstructorOptions,
  MessageBoxSyncOptions,
  OnBeforeRequestListenerDetails,
  OnHeadersReceivedListenerDetails,
  OpenDialogOptions,
  OpenDialogReturnValue,
  Rectangle,
  SaveDialogOptions,
  SaveDialogReturnValue,
  Session,
  WindowOpenHandlerResponse,
} from 'electron';

/** Electron's Event: listeners may call preventDefault() to stop what was about to happen. */
export class DoubleEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

/** The event of will-navigate, will-frame-navigate and will-redirect: the address is on the event. */
export class NavigationEvent extends DoubleEvent {
  constructor(
    readonly url: string,
    readonly isMainFrame = true,
  ) {
    super();
  }
}

// ---------------------------------------------------------------------------------------------
// session

type PermissionRequestHandler = Parameters<Session['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<Session['setPermissionCheckHandler']>[0];
type DevicePermissionHandler = Parameters<Session['setDevicePermissionHandler']>[0];
export type Permission = Parameters<NonNullable<PermissionRequestHandler>>[1];
type BeforeRequestListener = (details: OnBeforeRequestListenerDetails, callback: (response: CallbackResponse) => void) => void;
type HeadersReceivedListener = (details: OnHeadersReceivedListenerDetails, callback: (response: HeadersReceivedResponse) => void) => void;

/** The last argument of webRequest's two overloads, (listener) and (filter, listener). */
function lastArgument<T>(args: unknown[]): T | null {
  return (args[args.length - 1] ?? null) as T | null;
}

export class SessionDouble {
  permissionRequestHandler: PermissionRequestHandler = null;
  permissionCheckHandler: PermissionCheckHandler = null;
  devicePermissionHandler: DevicePermissionHandler = null;
  beforeRequest: BeforeRequestListener | null = null;
  headersReceived: HeadersReceivedListener | null = null;
  /** Every cookie the main process put into this session's store, in order. */
  readonly cookiesSet: CookiesSetDetails[] = [];

  readonly cookies = {
    set: (details: CookiesSetDetails): Promise<void> => {
      // Electron refuses a cookie without a URL to scope it to.
      if (!URL.canParse(details.url)) return Promise.reject(new Error(`Failed to set cookie with an invalid URL: ${details.url}`));
      this.cookiesSet.push({ ...details });
      return Promise.resolve();
    },
  };

  readonly webRequest = {
    onBeforeRequest: (...args: unknown[]): void => {
      this.beforeRequest = lastArgument<BeforeRequestListener>(args);
    },
    onHeadersReceived: (...args: unknown[]): void => {
      this.headersReceived = lastArgument<HeadersReceivedListener>(args);
    },
  };

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: DevicePermissionHandler): void {
    this.devicePermissionHandler = handler;
  }

  /** A page asks for a permission; with no handler set, Electron grants it. */
  requestPermission(contents: WebContentsDouble, permission: Permission): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) => {
      const details = { requestingUrl: contents.getURL(), isMainFrame: true } as Parameters<NonNullable<PermissionRequestHandler>>[3];
      handler(asElectron(contents), permission, resolve, details);
    });
  }

  /** A page checks a permission synchronously; with no handler set, Electron says yes. */
  checkPermission(contents: WebContentsDouble | null, permission: Permission): boolean {
    const handler = this.permissionCheckHandler;
    if (!handler) return true;
    const origin = contents ? originOf(contents.getURL()) : '';
    const details = { requestingUrl: contents?.getURL(), isMainFrame: true } as Parameters<NonNullable<PermissionCheckHandler>>[3];
    return handler(contents ? asElectron(contents) : null, permission, origin, details);
  }

  /** A page asks for a device (HID, serial, USB); with no handler set, Electron's default check runs: here, yes. */
  checkDevicePermission(deviceType: 'hid' | 'serial' | 'usb', origin: string): boolean {
    const handler = this.devicePermissionHandler;
    if (!handler) return true;
    return handler({ deviceType, origin, device: {} } as Parameters<NonNullable<DevicePermissionHandler>>[0]);
  }

  /** A request leaves a page of this session: true when it may go ahead. */
  allowsRequest(url: string): boolean {
    const listener = this.beforeRequest;
    if (!listener) return true;
    let response: CallbackResponse | null = null;
    listener({ url, method: 'GET', resourceType: 'other' } as OnBeforeRequestListenerDetails, (answer) => (response = answer));
    if (!response) throw new Error(`onBeforeRequest did not answer for ${url}`);
    return !(response as CallbackResponse).cancel;
  }

  /** A response arrives with these headers: the headers the page sees. */
  receiveHeaders(url: string, responseHeaders: Record<string, string[]>): Record<string, string | string[]> {
    const listener = this.headersReceived;
    if (!listener) return responseHeaders;
    let response: HeadersReceivedResponse | null = null;
    listener({ url, responseHeaders } as OnHeadersReceivedListenerDetails, (answer) => (response = answer));
    if (!response) throw new Error(`onHeadersReceived did not answer for ${url}`);
    return (response as HeadersReceivedResponse).responseHeaders ?? responseHeaders;
  }
}

function originOf(raw: string): string {
  try {
    return new URL(raw).origin;
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------------------------------------
// webContents and BrowserWindow

let nextWebContentsId = 1;

export class WebContentsDouble extends EventEmitter {
  readonly id = nextWebContentsId++;
  url = '';
  destroyed = false;
  windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  /** Every message the main process sent to this page. */
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];

  constructor(readonly session: SessionDouble = state.defaultSession) {
    super();
    app.emit('web-contents-created', new DoubleEvent(), asElectron(this));
  }

  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args: structuredClone(args) });
  }
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
  }

  /** The page follows a link or sets location: true when it navigated. */
  navigate(url: string): boolean {
    return this.tryNavigation('will-navigate', new NavigationEvent(url));
  }
  /** The main frame or a subframe is about to navigate (Electron emits this for both). */
  navigateFrame(url: string, isMainFrame = true): boolean {
    return this.tryNavigation('will-frame-navigate', new NavigationEvent(url, isMainFrame));
  }
  /** A navigation is redirected by the server to `url`: true when the redirect is followed. */
  redirect(url: string): boolean {
    return this.tryNavigation('will-redirect', new NavigationEvent(url));
  }

  private tryNavigation(name: string, event: NavigationEvent): boolean {
    this.emit(name, event, event.url);
    if (event.defaultPrevented) return false;
    if (event.isMainFrame) this.url = event.url;
    return true;
  }

  /** window.open, a target=_blank link or a middle click: Electron asks the window-open handler (none set: allowed). */
  openWindow(url: string, disposition: HandlerDetails['disposition'] = 'new-window'): WindowOpenHandlerResponse {
    const details = { url, frameName: '', features: '', disposition, referrer: { url: this.url, policy: 'default' } } as HandlerDetails;
    return this.windowOpenHandler ? this.windowOpenHandler(details) : { action: 'allow' };
  }

  /** A <webview> is about to attach: true when it may. */
  attachWebview(params: { src: string } = { src: 'https://example.org/' }): boolean {
    const event = new DoubleEvent();
    this.emit('will-attach-webview', event, {}, { ...params });
    return !event.defaultPrevented;
  }
}

export interface LoadedAddress {
  url: string;
  /** loadFile's file, when the page was loaded that way. */
  file: string | null;
  hash: string | null;
  /** The cookies the window's session held when the load began. */
  cookies: CookiesSetDetails[];
}

export class BrowserWindowDouble extends EventEmitter {
  static getAllWindows(): BrowserWindowDouble[] {
    return [...state.openWindows];
  }
  static fromWebContents(contents: WebContentsDouble): BrowserWindowDouble | null {
    return state.openWindows.find((window) => window.webContents === contents) ?? null;
  }

  readonly webContents: WebContentsDouble;
  /** Every page this window was told to load, in order. */
  readonly loads: LoadedAddress[] = [];
  visible: boolean;
  minimized = false;
  focused = false;
  destroyed = false;
  bounds: Rectangle;

  constructor(readonly options: BrowserWindowConstructorOptions = {}) {
    super();
    this.visible = options.show !== false;
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 };
    this.webContents = new WebContentsDouble();
    state.openWindows.push(this);
    state.createdWindows.push(this);
  }

  loadFile(filePath: string, options?: LoadFileOptions): Promise<void> {
    const url = pathToFileURL(filePath);
    if (options?.hash) url.hash = options.hash;
    return this.load({ url: url.href, file: filePath, hash: options?.hash ?? null, cookies: [...this.webContents.session.cookiesSet] });
  }
  loadURL(url: string): Promise<void> {
    return this.load({ url, file: null, hash: new URL(url).hash.slice(1) || null, cookies: [...this.webContents.session.cookiesSet] });
  }

  /** Like Electron: the page is shown once it has painted, after the load finished; a failed load rejects. */
  private load(address: LoadedAddress): Promise<void> {
    this.loads.push(address);
    this.webContents.url = address.url;
    if (state.loadFailure) return Promise.reject(state.loadFailure);
    return new Promise((resolve) =>
      setImmediate(() => {
        resolve();
        if (!this.destroyed) this.emit('ready-to-show');
      }),
    );
  }

  show(): void {
    this.visible = true;
    this.minimized = false;
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {
    this.focused = true;
  }
  minimize(): void {
    this.minimized = true;
  }
  restore(): void {
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isFullScreen(): boolean {
    return this.options.fullscreen === true;
  }
  getBounds(): Rectangle {
    return { ...this.bounds };
  }

  close(): void {
    if (this.destroyed) return;
    const event = new DoubleEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    state.openWindows = state.openWindows.filter((window) => window !== this);
    this.emit('closed');
    if (state.openWindows.length === 0 && !app.quitting) app.emit('window-all-closed');
  }
}

// ---------------------------------------------------------------------------------------------
// app

function readinessPromise(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

class AppDouble extends EventEmitter {
  isPackaged = false;
  version = '0.0.0-double';
  appPath = process.cwd();
  singleInstanceLock = true;
  quitting = false;
  exitCode: number | null = null;
  aboutPanelOptions: AboutPanelOptionsOptions | null = null;
  readonly paths = new Map<string, string>();
  private readiness = readinessPromise();
  private ready = false;

  getPath(name: string): string {
    const path = this.paths.get(name);
    if (!path) throw new Error(`Failed to get '${name}' path`);
    return path;
  }
  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }
  getAppPath(): string {
    return this.appPath;
  }
  getVersion(): string {
    return this.version;
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLock;
  }
  setAboutPanelOptions(options: AboutPanelOptionsOptions): void {
    this.aboutPanelOptions = options;
  }
  isReady(): boolean {
    return this.ready;
  }
  whenReady(): Promise<void> {
    return this.readiness.promise;
  }

  /** What Electron does once it has started: 'ready', and whenReady() resolves. */
  becomeReady(): void {
    if (this.ready) return;
    this.ready = true;
    this.emit('ready', new DoubleEvent(), {});
    this.readiness.resolve();
  }

  /** Electron's order: before-quit, every window closed (no 'window-all-closed'), will-quit, quit. */
  quit(): void {
    if (this.quitting) return;
    const beforeQuit = new DoubleEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    this.quitting = true;
    for (const window of [...state.openWindows]) window.close();
    if (state.openWindows.length > 0) {
      this.quitting = false;
      return;
    }
    const willQuit = new DoubleEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) {
      this.quitting = false;
      return;
    }
    this.exitCode ??= 0;
    this.emit('quit', new DoubleEvent(), 0);
  }

  /** Ends at once: no events, windows torn down without asking. */
  exit(code = 0): void {
    this.exitCode = code;
  }

  reset(): void {
    this.removeAllListeners();
    this.isPackaged = false;
    this.version = '0.0.0-double';
    this.appPath = process.cwd();
    this.singleInstanceLock = true;
    this.quitting = false;
    this.exitCode = null;
    this.aboutPanelOptions = null;
    this.paths.clear();
    this.readiness = readinessPromise();
    this.ready = false;
  }
}

// ---------------------------------------------------------------------------------------------
// ipcMain and the renderer's side (ipcRenderer, contextBridge)

type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/** Who sends an invoke: a page's webContents, from the frame showing `frameUrl` (its own address unless given). */
export interface InvokeSource {
  sender: WebContentsDouble;
  frameUrl?: string;
  /** Sent from an iframe inside the page rather than its top frame. */
  subframe?: boolean;
  /** The frame navigated away or was destroyed before the message was handled (senderFrame is null). */
  frameGone?: boolean;
}

function invokeEvent(source: InvokeSource): IpcMainInvokeEvent {
  const top = { url: source.sender.getURL(), parent: null };
  const senderFrame = source.frameGone ? null : { url: source.frameUrl ?? source.sender.getURL(), parent: source.subframe ? top : null, top };
  return { sender: source.sender, senderFrame, processId: 1, frameId: source.subframe ? 2 : 1 } as unknown as IpcMainInvokeEvent;
}

class IpcMainDouble extends EventEmitter {
  readonly handlers = new Map<string, InvokeHandler>();

  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** What ipcRenderer.invoke from `source` does: the handler's answer, cloned, or Electron's rejection. */
  async invoke(source: InvokeSource, channel: string, ...args: unknown[]): Promise<unknown> {
    const cloned = structuredClone(args);
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    return structuredClone(await handler(invokeEvent(source), ...cloned));
  }

  reset(): void {
    this.handlers.clear();
    this.removeAllListeners();
  }
}

/** The preload's ipcRenderer: invokes go to ipcMain as if sent from `state.rendererSource`. */
class IpcRendererDouble extends EventEmitter {
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    if (!state.rendererSource) throw new Error('The double has no renderer: set rendererSource to the page the preload runs in');
    return ipcMain.invoke(state.rendererSource, channel, ...args);
  }
  /** The main process sends `channel` to the page (the listener gets Electron's event first). */
  deliver(channel: string, ...args: unknown[]): void {
    this.emit(channel, { sender: this }, ...args);
  }
}

// ---------------------------------------------------------------------------------------------
// dialog, Menu, screen, safeStorage, shell

class DialogDouble {
  readonly saveDialogs: Array<{ window: BrowserWindowDouble | null; options: SaveDialogOptions }> = [];
  readonly openDialogs: Array<{ window: BrowserWindowDouble | null; options: OpenDialogOptions }> = [];
  readonly messageBoxes: MessageBoxSyncOptions[] = [];
  readonly errorBoxes: Array<{ title: string; content: string }> = [];
  /** What the user answers to the next dialogs, in order; a dialog with no answer queued is cancelled. */
  readonly saveAnswers: SaveDialogReturnValue[] = [];
  readonly openAnswers: OpenDialogReturnValue[] = [];
  readonly messageBoxAnswers: number[] = [];

  showSaveDialog(first: BrowserWindowDouble | SaveDialogOptions, second?: SaveDialogOptions): Promise<SaveDialogReturnValue> {
    const [window, options] = first instanceof BrowserWindowDouble ? [first, second ?? {}] : [null, first];
    this.saveDialogs.push({ window, options });
    return Promise.resolve(this.saveAnswers.shift() ?? { canceled: true, filePath: '' });
  }
  showOpenDialog(first: BrowserWindowDouble | OpenDialogOptions, second?: OpenDialogOptions): Promise<OpenDialogReturnValue> {
    const [window, options] = first instanceof BrowserWindowDouble ? [first, second ?? {}] : [null, first];
    this.openDialogs.push({ window, options });
    return Promise.resolve(this.openAnswers.shift() ?? { canceled: true, filePaths: [] });
  }
  showMessageBoxSync(first: BrowserWindowDouble | MessageBoxSyncOptions, second?: MessageBoxSyncOptions): number {
    const options = first instanceof BrowserWindowDouble ? (second as MessageBoxSyncOptions) : first;
    this.messageBoxes.push(options);
    return this.messageBoxAnswers.shift() ?? options.cancelId ?? 0;
  }
  showErrorBox(title: string, content: string): void {
    this.errorBoxes.push({ title, content });
  }

  reset(): void {
    for (const list of [this.saveDialogs, this.openDialogs, this.messageBoxes, this.errorBoxes, this.saveAnswers, this.openAnswers, this.messageBoxAnswers]) {
      list.length = 0;
    }
  }
}

export class MenuDouble {
  constructor(readonly items: MenuItemConstructorOptions[]) {}
  static buildFromTemplate(template: MenuItemConstructorOptions[]): MenuDouble {
    return new MenuDouble(template);
  }
  static setApplicationMenu(menu: MenuDouble | null): void {
    state.applicationMenu = menu;
  }
  static getApplicationMenu(): MenuDouble | null {
    return state.applicationMenu;
  }
}

export interface DisplayDouble {
  id: number;
  bounds: Rectangle;
  workArea: Rectangle;
}

export function display(id: number, bounds: Rectangle): DisplayDouble {
  return { id, bounds, workArea: bounds };
}

function overlap(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

const screenDouble = {
  getAllDisplays: (): DisplayDouble[] => [...state.displays],
  getPrimaryDisplay: (): DisplayDouble => state.displays.find((shown) => shown.id === state.primaryDisplayId) ?? state.displays[0]!,
  /** The display a rectangle overlaps most (the primary one when it overlaps none), as Electron answers. */
  getDisplayMatching: (rectangle: Rectangle): DisplayDouble => {
    let best = screenDouble.getPrimaryDisplay();
    let bestArea = 0;
    for (const shown of state.displays) {
      const area = overlap(shown.bounds, rectangle);
      if (area > bestArea) [best, bestArea] = [shown, area];
    }
    return best;
  },
};

/** Reversible stand-in for the OS keychain: enough to see that what is stored is not the plain text. */
const safeStorageDouble = {
  isEncryptionAvailable: (): boolean => state.encryptionAvailable,
  encryptString(plainText: string): Buffer {
    if (!state.encryptionAvailable) throw new Error('Encryption is not available.');
    return Buffer.from(`double:${Buffer.from(plainText, 'utf8').reverse().toString('base64')}`, 'utf8');
  },
  decryptString(encrypted: Buffer): string {
    if (!state.encryptionAvailable) throw new Error('Decryption is not available.');
    const text = encrypted.toString('utf8');
    if (!text.startsWith('double:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(text.slice('double:'.length), 'base64').reverse().toString('utf8');
  },
};

const shellDouble = {
  openExternal(url: string): Promise<void> {
    state.openedExternally.push(url);
    return Promise.resolve();
  },
};

// ---------------------------------------------------------------------------------------------
// state shared by the parts, and the module's exports

const defaultDisplays = (): DisplayDouble[] => [display(1, { x: 0, y: 0, width: 1366, height: 768 })];

/** Everything the double knows; tests read it and set the world's answers here (displays, load failures…). */
export const state = {
  defaultSession: new SessionDouble(),
  /** Sessions made with session.fromPartition. */
  partitions: new Map<string, SessionDouble>(),
  openWindows: [] as BrowserWindowDouble[],
  /** Every window created since the last reset, closed ones too, in order. */
  createdWindows: [] as BrowserWindowDouble[],
  /** When set, every loadFile/loadURL rejects with it (a missing build). */
  loadFailure: null as Error | null,
  applicationMenu: null as MenuDouble | null,
  displays: defaultDisplays(),
  primaryDisplayId: 1,
  encryptionAvailable: true,
  openedExternally: [] as string[],
  /** The page the preload's ipcRenderer speaks for. */
  rendererSource: null as InvokeSource | null,
  /** What the preload put on the page's window with contextBridge. */
  exposedInMainWorld: new Map<string, unknown>(),
};

export const app = new AppDouble();
export const ipcMain = new IpcMainDouble();
export const ipcRenderer = new IpcRendererDouble();
export const dialog = new DialogDouble();
export const BrowserWindow = BrowserWindowDouble;
export const Menu = MenuDouble;
export const screen = screenDouble;
export const safeStorage = safeStorageDouble;
export const shell = shellDouble;
export const session = {
  get defaultSession(): SessionDouble {
    return state.defaultSession;
  },
  fromPartition(partition: string): SessionDouble {
    let found = state.partitions.get(partition);
    if (!found) {
      found = new SessionDouble();
      state.partitions.set(partition, found);
      app.emit('session-created', found);
    }
    return found;
  },
};
export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    if (state.exposedInMainWorld.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
    state.exposedInMainWorld.set(key, api);
  },
};

/** The shell's code is typed against Electron's classes; the double's objects stand in for them. */
export function asElectron<T = never>(value: unknown): T {
  return value as T;
}

/**
 * Back to a fresh Electron before each test: the windows are destroyed (so the shell's own
 * bookkeeping of them, kept on 'closed', empties), every registration is dropped, and the world's
 * answers (one 1366×768 display, loads succeed, encryption available) are back to their defaults.
 * The app's listeners go first, so no 'window-all-closed' reaches the code under test.
 */
export function resetElectron(): void {
  app.reset();
  app.quitting = true;
  for (const window of [...state.openWindows]) window.destroy();
  app.quitting = false;
  ipcMain.reset();
  ipcRenderer.removeAllListeners();
  dialog.reset();
  state.defaultSession = new SessionDouble();
  state.partitions.clear();
  state.createdWindows = [];
  state.loadFailure = null;
  state.applicationMenu = null;
  state.displays = defaultDisplays();
  state.primaryDisplayId = 1;
  state.encryptionAvailable = true;
  state.openedExternally = [];
  state.rendererSource = null;
  state.exposedInMainWorld.clear();
}

/** The double behind a value the shell returns typed as Electron's (a BrowserWindow from createMainWindow…). */
export function doubleOf(window: unknown): BrowserWindowDouble {
  if (!(window instanceof BrowserWindowDouble)) throw new Error('Not a window of the electron double');
  return window;
}
