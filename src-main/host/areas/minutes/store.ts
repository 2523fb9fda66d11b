/**
 * The minutes' storage: one Yjs document per meeting kept as a snapshot (minutes_docs) plus the
 * updates since (minutes_updates), the way y-leveldb and y-indexeddb keep theirs. Every update is
 * appended as it arrives, in its own transaction (synchronous=FULL: once a push is answered, the
 * words are on disk); past a threshold, and when the host closes, the rows are folded into the
 * snapshot in one transaction.
 *
 * Every row carries the SHA-256 of its bytes. A row that fails its check (or that Yjs cannot read)
 * is skipped and reported in `problems`; it is never deleted, and compaction leaves it in place, so
 * the damage stays visible and the original bytes stay available for a repair.
 *
 * Raw SQL on the connection: the Yjs bytes are written on every keystroke batch and read back as
 * blobs with their hashes, and PersistedMinutes holds only the connection, not the drizzle Db.
 */
import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { MinutesProblem } from '../../../../shared/api/areas/minutes';
import type { minutesDocs, minutesUpdates } from './schema';

/** Origin of updates applied from storage, so a listener does not store them again. */
export const storageOrigin = Symbol('minutes-storage');

export const sha256Hex = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** The minutes_docs columns the store reads as its head (typed from minutes/schema.ts). */
export type MinutesHead = Pick<typeof minutesDocs.$inferSelect, 'meetingId' | 'snapshotSeq' | 'roomName' | 'roomPassword' | 'lockedAt'>;

export interface LoadedMinutes {
  doc: Y.Doc;
  /** The last row applied (or skipped as damaged): later rows are new. */
  lastSeq: number;
  /** Rows (seq) that failed their check: kept, skipped, reported. */
  damaged: Set<number>;
  problems: MinutesProblem[];
  /** True when nothing at all is stored yet (no snapshot, no rows). */
  empty: boolean;
}

export interface AppendInput {
  meetingId: number;
  data: Uint8Array;
  origin: string;
  at: string;
  amendmentId?: number | null;
}

type UpdateRow = Pick<typeof minutesUpdates.$inferSelect, 'seq' | 'data' | 'hash'>;

/** y-webrtc room names are public on the signaling server; the password (128+ bits) never is. */
function newRoom(): { name: string; password: string } {
  return { name: `minutes-${randomBytes(12).toString('base64url')}`, password: randomBytes(24).toString('base64url') };
}

export function readHead(sqlite: Database.Database, meetingId: number): MinutesHead | null {
  const row = sqlite
    .prepare(
      `SELECT meeting_id AS meetingId, snapshot_seq AS snapshotSeq, room_name AS roomName, room_password AS roomPassword, locked_at AS lockedAt
         FROM minutes_docs WHERE meeting_id = ?`,
    )
    .get(meetingId) as MinutesHead | undefined;
  return row ?? null;
}

/** The minutes_docs row with its room, created on first use. */
export function ensureHead(sqlite: Database.Database, meetingId: number, now: Date): MinutesHead {
  const existing = readHead(sqlite, meetingId);
  if (existing) return existing;
  const room = newRoom();
  sqlite
    .prepare('INSERT INTO minutes_docs (meeting_id, snapshot_seq, room_name, room_password, updated_at) VALUES (?, 0, ?, ?, ?)')
    .run(meetingId, room.name, room.password, now.toISOString());
  return readHead(sqlite, meetingId)!;
}

const problemText = {
  snapshot: '会议记录的快照校验失败,已跳过;其余修改已载入。损坏的数据已保留,请从备份恢复或联系技术人员。',
  row: (seq: number) => `第 ${seq} 条修改记录已损坏,已跳过;其余内容已载入。损坏的记录已保留,未被删除。`,
  unreadable: (seq: number) => `第 ${seq} 条修改记录无法读取,已跳过;其余内容已载入。该记录已保留,未被删除。`,
};

/**
 * Loads the document: the snapshot, then every row after it in order. Rows at or before the
 * snapshot are left-overs compaction kept on purpose (damaged rows, amendment records): the
 * damaged ones are reported again, the others are already in the snapshot.
 */
export function loadMinutes(sqlite: Database.Database, meetingId: number): LoadedMinutes {
  const doc = new Y.Doc({ gc: true });
  const problems: MinutesProblem[] = [];
  const damaged = new Set<number>();
  const head = sqlite
    .prepare('SELECT snapshot, snapshot_seq AS snapshotSeq, snapshot_hash AS snapshotHash FROM minutes_docs WHERE meeting_id = ?')
    .get(meetingId) as { snapshot: Buffer | null; snapshotSeq: number; snapshotHash: string | null } | undefined;
  const snapshotSeq = head?.snapshotSeq ?? 0;
  let empty = !head?.snapshot;
  if (head?.snapshot) {
    if (sha256Hex(head.snapshot) !== head.snapshotHash) {
      problems.push({ where: 'snapshot', message: problemText.snapshot });
    } else {
      try {
        Y.applyUpdate(doc, head.snapshot, storageOrigin);
      } catch {
        problems.push({ where: 'snapshot', message: problemText.snapshot });
      }
    }
  }
  const rows = sqlite.prepare('SELECT seq, data, hash FROM minutes_updates WHERE meeting_id = ? ORDER BY seq').all(meetingId) as UpdateRow[];
  let lastSeq = snapshotSeq;
  for (const row of rows) {
    empty = false;
    lastSeq = Math.max(lastSeq, row.seq);
    if (sha256Hex(row.data) !== row.hash) {
      damaged.add(row.seq);
      problems.push({ where: String(row.seq), message: problemText.row(row.seq) });
      continue;
    }
    if (row.seq <= snapshotSeq) continue;
    try {
      Y.applyUpdate(doc, row.data, storageOrigin);
    } catch {
      damaged.add(row.seq);
      problems.push({ where: String(row.seq), message: problemText.unreadable(row.seq) });
    }
  }
  return { doc, lastSeq, damaged, problems, empty };
}

/** Rows stored after `afterSeq` (written by another writer since the document was loaded). */
export function rowsAfter(sqlite: Database.Database, meetingId: number, afterSeq: number): UpdateRow[] {
  return sqlite.prepare('SELECT seq, data, hash FROM minutes_updates WHERE meeting_id = ? AND seq > ? ORDER BY seq').all(meetingId, afterSeq) as UpdateRow[];
}

/** Appends one update in its own transaction; returns its seq. */
export function appendUpdate(sqlite: Database.Database, input: AppendInput): number {
  const result = sqlite
    .prepare('INSERT INTO minutes_updates (meeting_id, data, hash, origin, amendment_id, at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(input.meetingId, Buffer.from(input.data), sha256Hex(input.data), input.origin, input.amendmentId ?? null, input.at);
  return Number(result.lastInsertRowid);
}

export interface RowStats {
  rows: number;
  bytes: number;
}

/** Rows after the snapshot that compaction could fold (good, not part of an amendment record). */
export function foldableStats(sqlite: Database.Database, meetingId: number): RowStats & { snapshotBytes: number } {
  const rows = sqlite
    .prepare(
      `SELECT count(*) AS rows, coalesce(sum(length(u.data)), 0) AS bytes, coalesce(length(d.snapshot), 0) AS snapshotBytes
         FROM minutes_docs d LEFT JOIN minutes_updates u ON u.meeting_id = d.meeting_id AND u.seq > d.snapshot_seq AND u.amendment_id IS NULL
        WHERE d.meeting_id = ?`,
    )
    .get(meetingId) as (RowStats & { snapshotBytes: number }) | undefined;
  return rows ?? { rows: 0, bytes: 0, snapshotBytes: 0 };
}

/**
 * Folds every row up to `throughSeq` into a new snapshot (the state of `doc`, which must contain
 * exactly those rows) and deletes the folded rows, in one transaction. Damaged rows and the rows of
 * an amendment stay where they are. Returns false when there was nothing to fold.
 */
export function compactMinutes(
  sqlite: Database.Database,
  meetingId: number,
  doc: Y.Doc,
  throughSeq: number,
  damaged: ReadonlySet<number>,
  now: Date,
): boolean {
  const head = readHead(sqlite, meetingId);
  if (!head || throughSeq <= head.snapshotSeq) return false;
  const snapshot = Y.encodeStateAsUpdate(doc);
  sqlite.transaction(() => {
    sqlite
      .prepare('UPDATE minutes_docs SET snapshot = ?, snapshot_seq = ?, snapshot_hash = ?, updated_at = ? WHERE meeting_id = ?')
      .run(Buffer.from(snapshot), throughSeq, sha256Hex(snapshot), now.toISOString(), meetingId);
    const remove = sqlite.prepare('DELETE FROM minutes_updates WHERE meeting_id = ? AND seq > ? AND seq <= ? AND amendment_id IS NULL');
    // Delete in ranges between damaged rows, so a damaged row is never folded away.
    let from = head.snapshotSeq;
    for (const seq of [...damaged].filter((value) => value > from && value <= throughSeq).sort((a, b) => a - b)) {
      remove.run(meetingId, from, seq - 1);
      from = seq;
    }
    remove.run(meetingId, from, throughSeq);
  })();
  return true;
}

/** Bytes the minutes of a meeting take in both tables (for the storage figures and the no-growth test). */
export function storedBytes(sqlite: Database.Database, meetingId: number): { snapshot: number; updates: number; rows: number } {
  const snapshot = sqlite.prepare('SELECT coalesce(length(snapshot), 0) FROM minutes_docs WHERE meeting_id = ?').pluck().get(meetingId) as number | undefined;
  const updates = sqlite
    .prepare('SELECT count(*) AS rows, coalesce(sum(length(data)), 0) AS bytes FROM minutes_updates WHERE meeting_id = ?')
    .get(meetingId) as { rows: number; bytes: number };
  return { snapshot: snapshot ?? 0, updates: updates.bytes, rows: updates.rows };
}

// What the signing area reads and sets: the document as stored, and the lock.

/** The minutes as stored now, read fresh from SQLite (damaged rows skipped). */
export function readMinutesDoc(sqlite: Database.Database, meetingId: number): Y.Doc {
  return loadMinutes(sqlite, meetingId).doc;
}

export function minutesLockedAt(sqlite: Database.Database, meetingId: number): string | null {
  return readHead(sqlite, meetingId)?.lockedAt ?? null;
}

/** Makes the minutes read-only: pushes and refreshes are refused from now on. */
export function lockMinutes(sqlite: Database.Database, meetingId: number, at: Date): void {
  ensureHead(sqlite, meetingId, at);
  sqlite.prepare('UPDATE minutes_docs SET locked_at = ?, updated_at = ? WHERE meeting_id = ?').run(at.toISOString(), at.toISOString(), meetingId);
}

/** Opens the signed minutes again for an amendment: later updates are stored as part of it. */
export function unlockMinutes(sqlite: Database.Database, meetingId: number, at: Date): void {
  ensureHead(sqlite, meetingId, at);
  sqlite.prepare('UPDATE minutes_docs SET locked_at = NULL, updated_at = ? WHERE meeting_id = ?').run(at.toISOString(), meetingId);
}

/**
 * The amendment an update belongs to: once a version of the minutes has been sealed, every later
 * change is part of the next version (the seals area signs it as an amendment). Null before that.
 */
export function currentAmendment(sqlite: Database.Database, meetingId: number): number | null {
  const latest = sqlite.prepare('SELECT max(version) FROM seals WHERE meeting_id = ?').pluck().get(meetingId) as number | null;
  return latest ? latest + 1 : null;
}
