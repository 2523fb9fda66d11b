/**
 * The audit chain's head printed into signed minutes, against the database's chain. The head is
 * part of the sealed record, so it is as the council signed it; if the database's entry at that
 * number no longer has that hash (or is gone), the log was cut or recomputed after signing.
 * Read only from a file whose seal verified (seals/verify.ts), so the head is trusted.
 */
import type Database from 'better-sqlite3';
import JSZip from 'jszip';
import { auditHeadLabel } from '../seals/minutes-layout';
import { embeddedSeal } from '../seals/verify';

/** The head sealed into a Word file of the minutes, or null when it carries none (a draft, an older record). */
export async function sealedAuditHead(data: Buffer): Promise<{ seq: number; hash: string } | null> {
  try {
    const seal = await embeddedSeal(await JSZip.loadAsync(data));
    const head = seal?.canonical ? (JSON.parse(seal.canonical) as { auditHead?: { seq?: unknown; hash?: unknown } }).auditHead : undefined;
    return head && typeof head.seq === 'number' && typeof head.hash === 'string' && head.seq > 0 ? { seq: head.seq, hash: head.hash } : null;
  } catch {
    return null;
  }
}

export function compareMinutesHead(sqlite: Database.Database, head: { seq: number; hash: string }): { ok: boolean; message: string } {
  const printed = `审计链${auditHeadLabel(head)}`;
  const hash = sqlite.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(head.seq) as string | undefined;
  if (hash === head.hash) return { ok: true, message: `文件记载的${printed}与数据库中的审计记录一致。` };
  if (hash === undefined) {
    return { ok: false, message: `文件记载的${printed}与数据库中的审计记录不符：数据库中已没有第 ${head.seq} 条，审计记录在签署后被删减过。` };
  }
  return {
    ok: false,
    message: `文件记载的${printed}与数据库中的审计记录不符：数据库中第 ${head.seq} 条的哈希为 ${hash.slice(0, 12)}，审计记录在签署后被改动并重新计算过。`,
  };
}
