import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import { canonicalJson, type Json } from '../../../../shared/domain/seals/canonical-json';
import type { Db } from '../../db/client';
import { preparedOnce } from '../../db/prepared';
import { auditLog } from './schema';

export const genesisHash = '0'.repeat(64);

export interface AuditEntry {
  seq: number;
  at: string;
  kind: string;
  meetingId: number | null;
  payload: string;
  prevHash: string;
  hash: string;
}

export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const material = canonicalJson({
    seq: entry.seq,
    at: entry.at,
    kind: entry.kind,
    meetingId: entry.meetingId,
    payload: entry.payload,
    prevHash: entry.prevHash,
  });
  return createHash('sha256').update(material, 'utf8').digest('hex');
}

// Every change of every area writes here: both statements are compiled once per database.
const headQuery = preparedOnce((db) => db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1).prepare());
const insertEntry = preparedOnce((db) =>
  db
    .insert(auditLog)
    .values({
      seq: sql.placeholder('seq'),
      at: sql.placeholder('at'),
      kind: sql.placeholder('kind'),
      meetingId: sql.placeholder('meetingId'),
      payload: sql.placeholder('payload'),
      prevHash: sql.placeholder('prevHash'),
      hash: sql.placeholder('hash'),
    })
    .prepare(),
);

export function auditHead(db: Db): { seq: number; hash: string } {
  return headQuery(db).get() ?? { seq: 0, hash: genesisHash };
}

/**
 * Appends one entry chained to the current head. Call it inside the transaction
 * that makes the change it records, so the change and its record commit together.
 */
export function appendAudit(db: Db, record: { kind: string; meetingId: number | null; payload: Json; at: string }): AuditEntry {
  const head = auditHead(db);
  const entry = {
    seq: head.seq + 1,
    at: record.at,
    kind: record.kind,
    meetingId: record.meetingId,
    payload: canonicalJson(record.payload),
    prevHash: head.hash,
  };
  const full = { ...entry, hash: entryHash(entry) };
  insertEntry(db).run(full);
  return full;
}

export type ChainReport =
  | { ok: true; entries: number; headHash: string }
  | { ok: false; entries: number; brokenAt: number; reason: string };

/** Walks the whole chain and names the first entry that does not follow from the one before. */
export function verifyAuditChain(sqlite: Database.Database): ChainReport {
  let previous = { seq: 0, hash: genesisHash };
  let count = 0;
  // Raw SQL: the chain is checked on a read-only connection (verify-audit) and walked row by row, never loaded whole.
  const rows = sqlite
    .prepare('SELECT seq, at, kind, meeting_id AS meetingId, payload, prev_hash AS prevHash, hash FROM audit_log ORDER BY seq')
    .iterate() as IterableIterator<AuditEntry>;
  for (const entry of rows) {
    count += 1;
    if (entry.seq !== previous.seq + 1) {
      return { ok: false, entries: count, brokenAt: previous.seq + 1, reason: `第 ${previous.seq + 1} 条记录缺失。` };
    }
    if (entry.prevHash !== previous.hash) {
      return { ok: false, entries: count, brokenAt: entry.seq, reason: `第 ${entry.seq} 条记录与前一条接不上，前面的记录被改动过。` };
    }
    if (entryHash(entry) !== entry.hash) {
      return { ok: false, entries: count, brokenAt: entry.seq, reason: `第 ${entry.seq} 条记录的内容被改动过。` };
    }
    previous = entry;
  }
  return { ok: true, entries: count, headHash: previous.hash };
}
