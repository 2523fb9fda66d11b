import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Host } from '../../../src-main/host/core/host';
import { app, ipcMain, resetElectron, state } from './electron';

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

// index.ts puts the database in the user-data folder it derives from XDG_CONFIG_HOME (Linux) or APPDATA (Windows).
const folder = mkdtempSync(join(tmpdir(), 'start-up-'));
vi.stubEnv('XDG_CONFIG_HOME', folder);
vi.stubEnv('APPDATA', folder);
vi.stubEnv('ELECTRON_RENDERER_URL', '');
const uncaughtBefore = process.listeners('uncaughtException');

afterAll(() => {
  for (const listener of process.listeners('uncaughtException')) {
    if (!uncaughtBefore.includes(listener)) process.off('uncaughtException', listener);
  }
  resetElectron();
  vi.unstubAllEnvs();
  rmSync(folder, { recursive: true, force: true });
});

describe('the desktop app’s start-up in plain Node (Electron replaced by a test double)', () => {
  it('opens the database once Electron is ready, opens the console securely, answers it over IPC, and closes the database on quit', async () => {
    resetElectron();
    await import('../../../src-main/index');
    expect(created).toHaveLength(0);
    expect(state.createdWindows).toHaveLength(0);

    app.becomeReady();
    await vi.waitFor(() => expect(state.createdWindows).toHaveLength(1));
    expect(created).toHaveLength(1);
    const [host] = created as [Host];
    expect(host.database.path).toBe(join(folder, 'courtyard-council', 'courtyard.sqlite'));

    const [consoleWindow] = state.createdWindows as [(typeof state.createdWindows)[number]];
    expect(consoleWindow.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(consoleWindow.webContents.navigate('https://example.org/')).toBe(false);
    expect(state.applicationMenu).not.toBeNull();
    await expect(ipcMain.invoke({ sender: consoleWindow.webContents }, 'app:info', {})).resolves.toMatchObject({ ok: true, value: { host: 'desktop' } });

    app.quit();
    expect(consoleWindow.isDestroyed()).toBe(true);
    expect(host.database.sqlite.open).toBe(false);
    expect(app.exitCode).toBe(0);
  });
});
