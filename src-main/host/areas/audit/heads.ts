/**
 * Signing the head of the audit chain. The log is one chain for the whole database, so any
 * council's key can vouch for it. Which key:
 *
 * - At a vote's close and lock and at a seal, the key of the council concerned: the moment is
 *   that council's, its key is the one that seals its minutes (and is already in use), and its
 *   minutes print the same chain; a council's evidence then never depends on another council's key.
 * - On a clean shutdown no council is concerned, so every council signs (when the chain moved since
 *   its own last head): each council can vouch for the log with its own key alone, even after
 *   another council and its key leave the database (an archive moved elsewhere, a council removed).
 *
 * The signature covers the head's canonical JSON, not just the entry's hash, so the number, the
 * moment and the reason shown beside a head are as signed.
 */
import { createHash } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { canonicalJson } from '../../../../shared/domain/seals/canonical-json';
import type { Db } from '../../db/client';
import { councils } from '../councils/schema';
import { meetings } from '../meetings/schema';
import { activeSigningKey, signDigest, type KeyProtector } from '../seals/keys';
import { auditHead } from './audit-log';
import { auditHeads } from './schema';

export type HeadReason = 'vote.close' | 'vote.lock' | 'minutes.seal' | 'shutdown';

export const headFormat = 'courtyard-audit-head/1';

export interface HeadBody {
  seq: number;
  hash: string;
  councilId: number;
  reason: string;
  signedAt: string;
}

/** SHA-256 hex of what a head's signature covers. */
export function headDigest(head: HeadBody): string {
  const material = canonicalJson({ format: headFormat, seq: head.seq, hash: head.hash, councilId: head.councilId, reason: head.reason, signedAt: head.signedAt });
  return createHash('sha256').update(material, 'utf8').digest('hex');
}

function insertSignedHead(db: Db, councilId: number, head: { seq: number; hash: string }, reason: HeadReason, now: Date, keyProtector: KeyProtector | undefined): void {
  const key = activeSigningKey(db, councilId, now, keyProtector);
  const body: HeadBody = { seq: head.seq, hash: head.hash, councilId, reason, signedAt: now.toISOString() };
  db.insert(auditHeads)
    .values({ ...body, keyFingerprint: key.fingerprint, signature: signDigest(key.privateKey, headDigest(body)) })
    .run();
}

/**
 * Signs the chain's head as it stands now with the key of the council concerned (named directly or
 * by one of its meetings). Call it inside the transaction that appended the entries it anchors, after them.
 * The key protector is the host's (the desktop app's safeStorage): the head is signed with the same
 * key the minutes are sealed with, never a second plain one.
 */
export function signAuditHead(db: Db, concerning: { meetingId: number } | { councilId: number }, reason: HeadReason, now: Date, keyProtector?: KeyProtector): void {
  const councilId =
    'councilId' in concerning
      ? concerning.councilId
      : db.select({ councilId: meetings.councilId }).from(meetings).where(eq(meetings.id, concerning.meetingId)).get()?.councilId;
  const head = auditHead(db);
  if (councilId === undefined || head.seq === 0) return;
  insertSignedHead(db, councilId, head, reason, now, keyProtector);
}

/**
 * On a clean shutdown: every council signs the head, unless its own last head is this one already
 * (a start and stop with nothing recorded adds nothing). Never throws: closing must go on.
 */
export function signAuditHeadAtShutdown(db: Db, now: Date, keyProtector?: KeyProtector): void {
  const sqlite = db.$client;
  if (!sqlite.open || sqlite.readonly) return;
  // A file whose schema is older than the table of heads (a host opened on earlier migrations) has nothing to sign into.
  if (!sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit_heads'").pluck().get()) return;
  try {
    sqlite
      .transaction(() => {
        const head = auditHead(db);
        if (head.seq === 0) return;
        for (const { id } of db.select({ id: councils.id }).from(councils).all()) {
          const last = db
            .select({ seq: auditHeads.seq, hash: auditHeads.hash })
            .from(auditHeads)
            .where(eq(auditHeads.councilId, id))
            .orderBy(desc(auditHeads.id))
            .limit(1)
            .get();
          if (last?.seq === head.seq && last.hash === head.hash) continue;
          insertSignedHead(db, id, head, 'shutdown', now, keyProtector);
        }
      })
      .immediate();
  } catch (error) {
    console.error(`关闭时未能签署审计链头：${(error as Error).message}`);
  }
}
