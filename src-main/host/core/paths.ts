import { homedir } from 'node:os';
import { join } from 'node:path';

export const appFolderName = 'courtyard-council';
export const databaseFileName = 'courtyard.sqlite';
/** Where the host listens unless told otherwise: the same for serve and the desktop, so members' links keep working whichever runs. */
export const defaultPort = 4820;

/**
 * The same folder Electron's app.getPath('userData') gives for this app, so the
 * desktop app and the browser host open one database by default.
 */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), appFolderName);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', appFolderName);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), appFolderName);
}

export function defaultDatabasePath(): string {
  return join(defaultUserDataDir(), databaseFileName);
}
