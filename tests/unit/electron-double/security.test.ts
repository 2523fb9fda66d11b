import { beforeEach, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../../shared/api/content-security-policy';
import { WebContentsDouble, doubleOf, resetElectron, session, state, type Permission, type SessionDouble } from './electron';

vi.mock('electron', () => import('./electron'));

const { setupSecurity } = await import('../../../src-main/security');
const { createMainWindow, openProjectorWindow, showHost } = await import('../../../src-main/windows');

/** The host index.ts starts; our windows show its page. */
const host = 'http://127.0.0.1:4820';

const everyPermission: Permission[] = ['media', 'notifications', 'geolocation', 'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'fullscreen', 'openExternal', 'pointerLock', 'midiSysex', 'hid', 'serial', 'usb', 'idle-detection', 'window-management', 'local-fonts', 'storage-access', 'unknown'];

/** The console and the projector, opened the way the app opens them, after setupSecurity as in index.ts. */
function ourWindows() {
  setupSecurity();
  const consoleWindow = doubleOf(createMainWindow());
  openProjectorWindow(2);
  return { consoleWindow, projectorWindow: state.createdWindows[1]!, page: consoleWindow.webContents.getURL() };
}

beforeEach(async () => {
  resetElectron();
  await showHost(host, 'chair-session-token');
});

describe('navigation (Electron replaced by a test double)', () => {
  it('keeps each of our windows on our own page: links, location changes and redirects elsewhere are refused', () => {
    const { consoleWindow, projectorWindow, page } = ourWindows();
    for (const contents of [consoleWindow.webContents, projectorWindow.webContents]) {
      for (const foreign of ['https://example.org/', 'http://127.0.0.1:4821/', 'http://192.168.1.5:4820/', `${host}/login?key=x`, 'file:///etc/passwd', `${host}/assets/x.html`, 'javascript:alert(1)', 'data:text/html,<p>hi']) {
        expect(contents.navigate(foreign), `will-navigate ${foreign}`).toBe(false);
        expect(contents.navigateFrame(foreign), `will-frame-navigate ${foreign}`).toBe(false);
        expect(contents.navigateFrame(foreign, false), `subframe ${foreign}`).toBe(false);
        expect(contents.redirect(foreign), `will-redirect ${foreign}`).toBe(false);
      }
      expect(isOnOurPage(contents, page)).toBe(true);
    }
  });

  it('lets our page move between its own routes', () => {
    const { consoleWindow, page } = ourWindows();
    expect(consoleWindow.webContents.navigate(`${page}#/meetings/3/console`)).toBe(true);
    expect(consoleWindow.webContents.getURL()).toBe(`${page}#/meetings/3/console`);
  });

  it('guards every web page Electron creates, not only the windows the shell opened (devtools, a page opened by a library)', () => {
    setupSecurity();
    const other = new WebContentsDouble();
    expect(other.navigate('https://example.org/')).toBe(false);
    expect(other.openWindow('https://example.org/')).toEqual({ action: 'deny' });
    expect(other.attachWebview()).toBe(false);
  });
});

function isOnOurPage(contents: WebContentsDouble, page: string): boolean {
  return contents.getURL().split('#')[0] === page.split('#')[0];
}

describe('new windows and webviews (Electron replaced by a test double)', () => {
  it('denies window.open, target=_blank links and middle clicks, to anywhere, our own page included', () => {
    const { consoleWindow, projectorWindow, page } = ourWindows();
    for (const contents of [consoleWindow.webContents, projectorWindow.webContents]) {
      for (const url of ['https://example.org/', page, `${page}#/projector/2`, 'about:blank']) {
        for (const disposition of ['new-window', 'foreground-tab', 'background-tab'] as const) {
          expect(contents.openWindow(url, disposition)).toEqual({ action: 'deny' });
        }
      }
    }
    expect(state.openedExternally).toEqual([]);
    expect(state.createdWindows).toHaveLength(2);
  });

  it('refuses to attach any <webview>', () => {
    const { consoleWindow, page } = ourWindows();
    expect(consoleWindow.webContents.attachWebview({ src: 'https://example.org/' })).toBe(false);
    expect(consoleWindow.webContents.attachWebview({ src: page })).toBe(false);
  });
});

describe('permissions and requests (Electron replaced by a test double)', () => {
  async function expectNothingGranted(target: SessionDouble, contents: WebContentsDouble) {
    for (const permission of everyPermission) {
      await expect(target.requestPermission(contents, permission), permission).resolves.toBe(false);
      expect(target.checkPermission(contents, permission), permission).toBe(false);
      expect(target.checkPermission(null, permission), permission).toBe(false);
    }
    for (const device of ['hid', 'serial', 'usb'] as const) expect(target.checkDevicePermission(device, host)).toBe(false);
  }

  it('grants our pages no permission: camera, microphone, notifications, clipboard reads, full screen, devices', async () => {
    const { consoleWindow } = ourWindows();
    await expectNothingGranted(state.defaultSession, consoleWindow.webContents);
  });

  it('guards a session made later (a partition) the same way', async () => {
    setupSecurity();
    const later = session.fromPartition('persist:other');
    await expectNothingGranted(later, new WebContentsDouble(later));
    expect(later.allowsRequest('https://example.org/')).toBe(false);
  });

  it('lets no request leave for the network: only the host on loopback, its signaling and in-memory data', () => {
    ourWindows();
    const target = state.defaultSession;
    expect(target.allowsRequest(`${host}/assets/index.js`)).toBe(true);
    expect(target.allowsRequest(`${host}/api/call/council:list`)).toBe(true);
    expect(target.allowsRequest('ws://127.0.0.1:4820/signal')).toBe(true);
    expect(target.allowsRequest('data:font/woff2;base64,AAAA')).toBe(true);
    for (const url of ['https://example.org/x.js', 'http://127.0.0.1:4821/', 'http://192.168.1.5:4820/', 'ws://192.168.1.5:4444/', 'file:///etc/passwd', 'ftp://example.org/']) {
      expect(target.allowsRequest(url), url).toBe(false);
    }
  });

  it('sends our content security policy with every response, in place of any policy the response brought', () => {
    ourWindows();
    const headers = state.defaultSession.receiveHeaders(`${host}/`, {
      'content-security-policy': ["default-src *; script-src 'unsafe-inline'"],
      'Content-Type': ['text/html'],
    });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [contentSecurityPolicy] });
  });
});
