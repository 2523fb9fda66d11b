/**
 * Opening the database in the desktop app, where there is no recovery page: a damaged file is
 * noticed by the quick_check at open, the newest sound backup is offered (the caller asks the
 * user, in Electron with a dialog), and on yes the damaged file is moved aside (kept, never
 * overwritten) and the backup opened in its place. Plain Node, so it is tested on real files.
 */
import { DamagedDatabaseError } from '../../db/client';
import { latestGoodBackup, restoreFromBackup } from './recovery';
import type { BackupFile } from './backups';

export type OpenOutcome<H> =
  | { kind: 'opened'; host: H }
  | { kind: 'restored'; host: H; backup: BackupFile; keptAs: string }
  | { kind: 'declined'; damage: DamagedDatabaseError; backup: BackupFile }
  | { kind: 'no-backup'; damage: DamagedDatabaseError };

export function openOrRecover<H>(
  databasePath: string,
  open: () => H,
  ask: (damage: DamagedDatabaseError, backup: BackupFile) => boolean,
  now: () => Date,
): OpenOutcome<H> {
  try {
    return { kind: 'opened', host: open() };
  } catch (error) {
    if (!(error instanceof DamagedDatabaseError)) throw error;
    const backup = latestGoodBackup(databasePath);
    if (!backup) return { kind: 'no-backup', damage: error };
    if (!ask(error, backup)) return { kind: 'declined', damage: error, backup };
    const { keptAs } = restoreFromBackup(databasePath, backup, now());
    return { kind: 'restored', host: open(), backup, keptAs };
  }
}

/** How a backup is named to the user: its time in Beijing time and what made it. */
export function describeBackup(backup: BackupFile): string {
  const kinds: Record<BackupFile['kind'], string> = { daily: '每日自动备份', manual: '手动备份', 'pre-migration': '升级前备份', 'pre-restore': '恢复前备份' };
  const local = new Date(new Date(backup.createdAt).getTime() + 8 * 3_600_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)} 的${kinds[backup.kind]}`;
}
