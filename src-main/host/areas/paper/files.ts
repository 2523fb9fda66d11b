/**
 * The Word files of a written vote (ballots, register sheets, 催告 notice, count record) and the
 * check of a count record's Word file. The documents are laid out in docx.ts (paper-docs branch);
 * until it is merged these calls say so.
 */
import type { FilePayload } from '../../../../shared/api/kit';
import type { VerifyReport } from '../../../../shared/api/areas/seals';
import type { Db } from '../../db/client';
import { HostError } from '../../core/errors';

const notYet = (): never => {
  throw new HostError('conflict', '导出 Word 文件的功能还没有装好（表决票、登记册、催告和计票记录的排版尚在完成中）。请先用屏幕上的名单和结果。');
};

export function ballotsFile(_db: Db, _roundId: number, _building: string | null): Promise<FilePayload> {
  return Promise.resolve().then(notYet);
}
export function registerFile(_db: Db, _roundId: number, _building: string | null): Promise<FilePayload> {
  return Promise.resolve().then(notYet);
}
export function reminderFile(_db: Db, _roundId: number, _building: string | null): Promise<FilePayload> {
  return Promise.resolve().then(notYet);
}
export function recordFile(_db: Db, _roundId: number): Promise<FilePayload> {
  return Promise.resolve().then(notYet);
}
export function verifyRecordFile(_db: Db, _data: Buffer): Promise<VerifyReport> {
  return Promise.resolve().then(notYet);
}
