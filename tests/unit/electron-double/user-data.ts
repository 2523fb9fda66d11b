/**
 * A user-data folder of its own for a test file that runs src-main/index.ts: index.ts derives it
 * from XDG_CONFIG_HOME (Linux) or APPDATA (Windows). After the file, the folder is removed, the
 * double reset and the uncaught-error listener index.ts added taken off again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, vi } from 'vitest';
import { resetElectron } from './electron';

export function desktopUserData(prefix: string, beforeRemoving: () => void = () => undefined): { folder: string; databasePath: string } {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  vi.stubEnv('XDG_CONFIG_HOME', folder);
  vi.stubEnv('APPDATA', folder);
  const uncaughtBefore = process.listeners('uncaughtException');
  afterAll(() => {
    beforeRemoving();
    for (const listener of process.listeners('uncaughtException')) {
      if (!uncaughtBefore.includes(listener)) process.off('uncaughtException', listener);
    }
    resetElectron();
    vi.unstubAllEnvs();
    rmSync(folder, { recursive: true, force: true });
  });
  return { folder, databasePath: join(folder, 'courtyard-council', 'courtyard.sqlite') };
}
