/** A council's whole record as one file, to move it to another computer. */
import { z } from 'zod';
import { base64FileSchema, chairOnly, id, mutation, query, requiredText, returns, type FilePayload } from '../kit';
import type { Council } from './councils';

export interface ArchiveImportResult {
  council: Council;
  /** Rows brought in, per table. */
  rows: Record<string, number>;
}

export const archiveArea = {
  'archive:export': query(z.object({ councilId: id }), returns<FilePayload>()),
  'archive:import': mutation(
    z.object({ fileName: requiredText(200, '文件名'), dataBase64: base64FileSchema }),
    returns<ArchiveImportResult>(),
    chairOnly,
  ),
} as const;
