/**
 * When the disk is full (or the file cannot be written), SQLite rolls the transaction back and
 * nothing is stored; the user should hear exactly that, and what to do, not a generic error.
 */
import { HostError } from './errors';

const diskFull = new Set(['SQLITE_FULL']);
const cannotWrite = new Set(['SQLITE_IOERR', 'SQLITE_READONLY', 'SQLITE_CANTOPEN']);

export function storageError(error: unknown): HostError | null {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const base = code.split('_').slice(0, 2).join('_');
  if (diskFull.has(base) || (error as NodeJS.ErrnoException | null)?.code === 'ENOSPC') {
    return new HostError('internal', '电脑的磁盘已满，这次操作没有保存，数据没有改动。请清理磁盘空间（或请管理员帮忙）后再试。');
  }
  if (cannotWrite.has(base)) {
    return new HostError('internal', '数据文件现在无法写入，这次操作没有保存，数据没有改动。请检查磁盘后再试。');
  }
  return null;
}
