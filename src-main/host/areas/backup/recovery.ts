import Database from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { backupsFolder, listBackups, type BackupFile } from './backups';

function isSound(path: string): boolean {
  try {
    const sqlite = new Database(path, { readonly: true, fileMustExist: true });
    // A pragma on a file that may be damaged, opened on its own before any schema is trusted.
    const result = sqlite.pragma('quick_check', { simple: true });
    sqlite.close();
    return result === 'ok';
  } catch {
    return false;
  }
}

/** The newest backup that SQLite itself finds sound. */
export function latestGoodBackup(databasePath: string): BackupFile | null {
  return listBackups(backupsFolder(databasePath)).find((backup) => isSound(backup.path)) ?? null;
}

/**
 * Moves the damaged file (with its -wal and -shm) aside under a new name, so nothing
 * is ever overwritten or lost, then copies the backup into its place.
 */
export function restoreFromBackup(databasePath: string, backup: BackupFile, now: Date): { keptAs: string } {
  const keptAs = `${databasePath}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(databasePath + suffix)) renameSync(databasePath + suffix, keptAs + suffix);
  }
  copyFileSync(backup.path, `${databasePath}.restoring`);
  renameSync(`${databasePath}.restoring`, databasePath);
  return { keptAs };
}

/** A named backup from the folder, if it is one and SQLite finds it sound. */
export function soundBackupNamed(databasePath: string, fileName: string): BackupFile | null {
  const backup = listBackups(backupsFolder(databasePath)).find((file) => file.fileName === fileName);
  return backup && isSound(backup.path) ? backup : null;
}

/**
 * Puts a backup in place of a sound database that has just been closed (and backed up by the
 * caller): copied beside it first, then renamed over it, so a crash mid-way leaves either the old
 * file or the new one, never half of each. The old -wal and -shm go too: they belong to the old file.
 */
export function replaceWithBackup(databasePath: string, backup: BackupFile): void {
  const staging = `${databasePath}.restoring`;
  copyFileSync(backup.path, staging);
  for (const suffix of ['-wal', '-shm']) rmSync(databasePath + suffix, { force: true });
  renameSync(staging, databasePath);
}
