import type { backupArea } from '../../../../shared/api/areas/backup';
import type { AreaContext, AreaHandlers } from '../../core/registry';
import { conflict } from '../../core/errors';
import { accessExtras } from '../lan/extras';
import { backupsFolder, createBackup, listBackups, type BackupFile } from './backups';

export function backupHandlers(context: AreaContext): AreaHandlers<typeof backupArea> {
  const { database, sqlite, now } = context;
  const extras = accessExtras(context);
  return {
    'backup:list': () => listBackups(backupsFolder(database.path)).map(toBackupInfo),
    'backup:create': async () => toBackupInfo(await createBackup(sqlite, backupsFolder(database.path), 'manual', now())),
    'backup:restore': ({ fileName }) => {
      if (!extras.restore) throw conflict('这个窗口不能在运行中恢复备份，请关闭程序后联系管理员。');
      return extras.restore(fileName);
    },

    // The damaged host (core/recovery-host.ts) answers these while the file cannot be opened.
    'recovery:status': () => ({ damaged: false }),
    'recovery:restoreLatest': () => {
      throw conflict('数据文件完好，不需要恢复。');
    },
  };
}

export function toBackupInfo({ fileName, kind, createdAt, sizeBytes }: BackupFile) {
  return { fileName, kind, createdAt, sizeBytes };
}
