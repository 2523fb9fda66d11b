import { createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import type { Host } from '../../../src-main/host/core/host';
import { defaultPort } from '../../../src-main/host/core/paths';
import { startHost } from '../../../src-main/host/core/start-host';
import { shellChannels } from '../../../shared/api/bridge';
import { app, dialog, ipcMain, resetElectron, state } from './electron';
import { desktopUserData } from './user-data';

vi.mock('electron', () => import('./electron'));

/** The real host, with each one created kept for the test to look at. */
const created = vi.hoisted(() => [] as Host[]);
vi.mock(import('../../../src-main/host/core/host'), async (importOriginal) => {
  const real = await importOriginal();
  return {
    ...real,
    createHost: (options) => {
      const host = real.createHost(options);
      created.push(host);
      return host;
    },
  };
});

const { databasePath, folder } = desktopUserData('start-up-');

/** A contract call to the host over HTTP, as the window's page makes it, with the cookies it holds. */
async function call<T = unknown>(origin: string, channel: string, cookie: string, input: unknown = {}): Promise<{ ok: boolean; value?: T }> {
  const response = await fetch(`${origin}/api/call/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin },
    body: JSON.stringify({ input }),
  });
  return (await response.json()) as { ok: boolean; value?: T };
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** This computer's LAN addresses, where the host listens while the chair has a meeting open for joining. */
const lan = Object.values(networkInterfaces())
  .flat()
  .filter((entry) => entry?.family === 'IPv4' && !entry.internal)
  .map((entry) => entry!.address);

describe('the desktop app’s start-up in plain Node (Electron replaced by a test double)', () => {
  it('starts the host on loopback once Electron is ready and opens the console on it as the chair, securely; the LAN opens from the access page; quitting stops every listener and gives the database back', async () => {
    resetElectron();
    const usualPortFree = await portFree(defaultPort);
    await import('../../../src-main/index');
    expect(created).toHaveLength(0);
    expect(state.createdWindows).toHaveLength(0);

    app.becomeReady();
    await vi.waitFor(() => expect(state.createdWindows).toHaveLength(1));
    expect(created).toHaveLength(1);
    const [host] = created as [Host];
    expect(host.database.path).toBe(databasePath);

    // The console shows the host's own loopback address, with secure preferences.
    const [consoleWindow] = state.createdWindows as [(typeof state.createdWindows)[number]];
    const [load] = consoleWindow.loads;
    expect(load?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const origin = new URL(load!.url).origin;
    // The usual port while it is free, so the page's own storage stays with one origin across starts.
    if (usualPortFree) expect(new URL(origin).port).toBe(String(defaultPort));
    expect(consoleWindow.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(consoleWindow.webContents.navigate('https://example.org/')).toBe(false);
    expect(consoleWindow.webContents.navigate(`${origin}/#/roster`)).toBe(true);
    expect(state.applicationMenu).not.toBeNull();

    // The chair's session went into the window's cookie store for that origin only, before the page loaded.
    expect(state.defaultSession.cookiesSet).toEqual([
      expect.objectContaining({ url: `${origin}/`, name: 'courtyard_session', httpOnly: true, sameSite: 'strict', path: '/' }),
    ]);
    expect(state.defaultSession.cookiesSet[0]).not.toHaveProperty('domain');
    expect(load?.cookies).toEqual(state.defaultSession.cookiesSet);
    const chairCookie = `courtyard_session=${state.defaultSession.cookiesSet[0]!.value}`;

    // A real server answers there: the chair with the cookie, nobody without it.
    await expect(call(origin, 'app:info', chairCookie)).resolves.toMatchObject({ ok: true, value: { host: 'desktop' } });
    await expect(call(origin, 'app:info', '')).resolves.toMatchObject({ ok: false });
    // The contract no longer travels over IPC: the page talks to the host like every browser.
    await expect(ipcMain.invoke({ sender: consoleWindow.webContents }, 'app:info', {})).rejects.toThrow(/No handler registered/);
    // Only the shell's own channels are answered over IPC: the projector and the save and open dialogs.
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(shellChannels).sort());

    // The chair opens the meeting to the LAN from the desktop's access page: the host listens there too.
    const port = new URL(origin).port;
    for (const address of lan) await expect(fetch(`http://${address}:${port}/`)).rejects.toThrow();
    const council = await call<{ id: number }>(origin, 'council:create', chairCookie, { name: '平安小区院落议事会' });
    const meeting = await call<{ id: number }>(origin, 'meeting:create', chairCookie, { councilId: council.value!.id, title: '院落夜话', date: '2026-12-20', startTime: '19:00' });
    const opened = await call<{ code: string }>(origin, 'access:openLan', chairCookie, { meetingId: meeting.value!.id, role: 'viewer' });
    expect(opened).toMatchObject({ ok: true, value: { code: expect.any(String) } });
    for (const address of lan) {
      await vi.waitFor(() => expect(fetch(`http://${address}:${port}/`)).resolves.toBeDefined());
    }

    // A second start on the same database (a second copy of the app's code) is refused with its sentence.
    vi.resetModules();
    await import('../../../src-main/index');
    await vi.waitFor(() => expect(dialog.errorBoxes).toHaveLength(1));
    expect(dialog.errorBoxes[0]).toEqual({ title: '院落议事没有打开', content: expect.stringMatching(/正由院落议事桌面程序（进程号 \d+，.*）使用/) });
    expect(app.exitCode).toBe(1);
    expect(state.createdWindows).toHaveLength(1);
    await expect(call(origin, 'app:info', chairCookie)).resolves.toMatchObject({ ok: true });
    app.exitCode = null;

    app.quit();
    expect(consoleWindow.isDestroyed()).toBe(true);
    expect(host.database.sqlite.open).toBe(false);
    expect(app.exitCode).toBe(0);
    // Nothing is left open: the port refuses connections and the file is free for the next start.
    await expect(fetch(`${origin}/`)).rejects.toThrow();
    for (const address of lan) await expect(fetch(`http://${address}:${port}/`)).rejects.toThrow();
    const next = await startHost({ databasePath, host: 'browser', webRoot: folder, port: 0 });
    await next.close();
  });

});
