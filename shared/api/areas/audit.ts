/** The audit log: an append-only hash chain of what was recorded, checked on demand. */
import { z } from 'zod';
import { query, returns } from '../kit';

export type AuditReport =
  | { ok: true; entries: number; headHash: string; message: string }
  | { ok: false; entries: number; brokenAt: number; message: string };

export const auditArea = {
  'audit:verify': query(z.object({}), returns<AuditReport>()),
} as const;
