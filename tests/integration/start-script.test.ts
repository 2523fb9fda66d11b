import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { desktopAvailable, electronPackageDir, type FileReader } from '../../scripts/start-decision.mjs';

const electronDir = '/project/node_modules/electron';

/** A stand-in for node:fs holding only the files named, so each case says what is on disk. */
function filesOnDisk(files: Record<string, string>): FileReader {
  return {
    existsSync: (path) => path in files,
    readFileSync: (path) => {
      const content = files[path];
      if (content === undefined) throw new Error(`ENOENT: ${path}`);
      return content;
    },
  };
}

const downloadedElectron = filesOnDisk({
  [join(electronDir, 'path.txt')]: 'electron',
  [join(electronDir, 'dist', 'electron')]: '',
});

describe('npm start: desktop app or browser host', () => {
  it('starts the browser host on Linux without a display, even when Electron is downloaded', () => {
    const decision = desktopAvailable({ env: {}, platform: 'linux', electronDir, fs: downloadedElectron });
    expect(decision).toEqual({ desktop: false, reason: 'no-display' });
  });

  it('opens the desktop app on Linux with an X11 or a Wayland display', () => {
    for (const env of [{ DISPLAY: ':0' }, { WAYLAND_DISPLAY: 'wayland-0' }]) {
      const decision = desktopAvailable({ env, platform: 'linux', electronDir, fs: downloadedElectron });
      expect(decision).toEqual({ desktop: true, binary: join(electronDir, 'dist', 'electron') });
    }
  });

  it('needs no DISPLAY on Windows or macOS', () => {
    const windows = filesOnDisk({
      [join(electronDir, 'path.txt')]: 'electron.exe',
      [join(electronDir, 'dist', 'electron.exe')]: '',
    });
    expect(desktopAvailable({ env: {}, platform: 'win32', electronDir, fs: windows }).desktop).toBe(true);
  });

  it('starts the browser host when the Electron binary was never downloaded', () => {
    const decision = desktopAvailable({ env: { DISPLAY: ':0' }, platform: 'linux', electronDir, fs: filesOnDisk({}) });
    expect(decision).toEqual({ desktop: false, reason: 'no-electron-binary' });
  });

  it('starts the browser host when a download was interrupted (path.txt without the executable)', () => {
    const interrupted = filesOnDisk({ [join(electronDir, 'path.txt')]: 'electron' });
    const decision = desktopAvailable({ env: { DISPLAY: ':0' }, platform: 'linux', electronDir, fs: interrupted });
    expect(decision).toEqual({ desktop: false, reason: 'no-electron-binary' });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as electron itself does', () => {
    const override = filesOnDisk({ [join('/opt/electron', 'electron')]: '' });
    const env = { DISPLAY: ':0', ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' };
    expect(desktopAvailable({ env, platform: 'linux', electronDir, fs: override })).toEqual({
      desktop: true,
      binary: join('/opt/electron', 'electron'),
    });
  });

  // On a machine where Electron was downloaded (a developer's desktop) there is nothing to check here.
  const pathFile = join(electronPackageDir(), 'path.txt');
  it.skipIf(existsSync(pathFile))(
    'chooses the browser host on this machine, where the Electron binary was never downloaded, and downloads nothing',
    () => {
      const decision = desktopAvailable({ env: { ...process.env, DISPLAY: ':0' } });
      expect(decision).toEqual({ desktop: false, reason: 'no-electron-binary' });
      expect(existsSync(pathFile)).toBe(false);
    },
  );
});
