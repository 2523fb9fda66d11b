/** Backups of the database file, restoring one, and recovery when the file is damaged. */
import { z } from 'zod';
import { chairOnly, mutation, query, returns } from '../kit';

export interface BackupInfo {
  fileName: string;
  kind: 'daily' | 'manual' | 'pre-migration' | 'pre-restore';
  createdAt: string;
  sizeBytes: number;
}

export interface RestoreResult {
  restoredFrom: BackupInfo;
  /** The backup of the file as it was just before the restore. */
  savedBefore: BackupInfo;
}

export type RecoveryStatus =
  | { damaged: false }
  | { damaged: true; databasePath: string; reason: string; latestBackup: BackupInfo | null };

export interface RecoveryResult {
  restoredFrom: BackupInfo;
  keptAs: string;
}

export const backupFileNameSchema = z
  .string({ error: '请选择备份' })
  .regex(/^courtyard-\d{8}-\d{9}-(daily|manual|pre-migration|pre-restore)\.sqlite$/, '备份文件名不对');

const confirm = z.literal(true, { error: '恢复前需要确认' });

export const backupArea = {
  'backup:list': query(z.object({}), returns<BackupInfo[]>()),
  /** The online backup copies in steps between other calls (an await): no transaction can span it. */
  'backup:create': mutation(z.object({}), returns<BackupInfo>(), { transaction: 'handler' }),
  /** Closes the open database and copies the backup into its place: no transaction can span that. */
  'backup:restore': mutation(z.object({ fileName: backupFileNameSchema, confirm }), returns<RestoreResult>(), { transaction: 'handler' }),

  'recovery:status': query(z.object({}), returns<RecoveryStatus>()),
  'recovery:restoreLatest': mutation(z.object({ confirm }), returns<RecoveryResult>(), chairOnly),
} as const;
