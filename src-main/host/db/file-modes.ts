/**
 * The council's files are this OS user's alone: the database holds every resident's phone number and
 * the council's signing key, so the database, its -wal and -shm, the lock, the backups and their
 * .partial files are 0600, and the backups folder and the app's own data folder 0700. Set when a file
 * or folder is made, and corrected at every start where an earlier version left one looser.
 *
 * A folder the user named with --db (their Documents, /tmp) is theirs: it is made 0700 when the app
 * creates it, but never changed afterwards; the files in it are private by their own modes.
 * Windows has no such modes (files there inherit the profile folder's ACL): nothing is done.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { appFolderName } from '../core/paths';

export const privateFileMode = 0o600;
export const privateFolderMode = 0o700;

const enforced = process.platform !== 'win32';

/** Takes away what group and others may do with an existing file or folder; nothing when it is absent. */
export function makePrivate(path: string): void {
  if (!enforced) return;
  let mode: number;
  try {
    mode = statSync(path).mode & 0o777;
  } catch {
    return;
  }
  if ((mode & 0o077) !== 0) chmodSync(path, mode & 0o700);
}

/** A folder only this user may enter, made (with its parents) if needed. */
export function privateFolder(path: string): void {
  mkdirSync(path, { recursive: true, mode: privateFolderMode });
  makePrivate(path);
}

/** An empty file only this user may read, made if it is not there yet (SQLite then fills it). */
export function privateEmptyFile(path: string): void {
  try {
    closeSync(openSync(path, 'wx', privateFileMode));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  makePrivate(path);
}

/** The files beside the database that belong to it (SQLite gives -wal and -shm the database's own mode). */
export const companionSuffixes = ['-wal', '-shm', '-journal', '.lock'] as const;

/**
 * At start: the database, its companions, the backups folder and every file in it made private; the
 * data folder too when it is the app's own (…/courtyard-council).
 */
export function securePrivateFiles(databasePath: string, backups: string): void {
  if (!enforced) return;
  for (const path of [databasePath, ...companionSuffixes.map((suffix) => databasePath + suffix)]) makePrivate(path);
  if (basename(dirname(databasePath)) === appFolderName) makePrivate(dirname(databasePath));
  if (!existsSync(backups)) return;
  makePrivate(backups);
  for (const name of readdirSync(backups)) makePrivate(join(backups, name));
}
