// Decides whether `npm start` can open the desktop app or must start the browser host.
// Plain Node, no side effects: it only reads files, and never calls require('electron'),
// whose index.js downloads the binary when it is missing.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The folder of the installed `electron` npm package (resolving package.json runs none of its code). */
export function electronPackageDir() {
  return dirname(require.resolve('electron/package.json'));
}

/**
 * Where the Electron executable is if it has already been downloaded, else null.
 * Mirrors node_modules/electron/index.js: `path.txt` (written after the download is
 * unpacked) names the executable inside `dist/`, or inside ELECTRON_OVERRIDE_DIST_PATH.
 *
 * @param {{ electronDir: string, env: Record<string, string | undefined>, fs: { existsSync(path: string): boolean, readFileSync(path: string, encoding: 'utf8'): string } }} options
 * @returns {string | null}
 */
export function electronBinaryPath({ electronDir, env, fs }) {
  const pathFile = join(electronDir, 'path.txt');
  let executable = '';
  try {
    if (fs.existsSync(pathFile)) executable = fs.readFileSync(pathFile, 'utf8').trim();
  } catch {
    executable = '';
  }
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const overridden = join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron');
    return fs.existsSync(overridden) ? overridden : null;
  }
  if (!executable) return null;
  const binary = join(electronDir, 'dist', executable);
  return fs.existsSync(binary) ? binary : null;
}

/**
 * On Linux and the BSDs a window needs an X11 or Wayland display; Windows and macOS always have one.
 *
 * @param {Record<string, string | undefined>} env
 * @param {string} platform
 */
export function hasDisplay(env, platform) {
  if (platform === 'win32' || platform === 'darwin') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * @param {{ env?: Record<string, string | undefined>, platform?: string, electronDir?: string, fs?: { existsSync(path: string): boolean, readFileSync(path: string, encoding: 'utf8'): string } }} [options]
 * @returns {{ desktop: true, binary: string } | { desktop: false, reason: 'no-electron-binary' | 'no-display' }}
 */
export function desktopAvailable(options = {}) {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const fs = options.fs ?? { existsSync, readFileSync };
  let electronDir = options.electronDir;
  if (!electronDir) {
    try {
      electronDir = electronPackageDir();
    } catch {
      return { desktop: false, reason: 'no-electron-binary' };
    }
  }
  const binary = electronBinaryPath({ electronDir, env, fs });
  if (!binary) return { desktop: false, reason: 'no-electron-binary' };
  if (!hasDisplay(env, platform)) return { desktop: false, reason: 'no-display' };
  return { desktop: true, binary };
}
