/**
 * The minutes' storage: one Yjs document per meeting kept as a snapshot (minutes_docs) plus the
 * updates since (minutes_updates), the way y-leveldb and y-indexeddb keep theirs. Every update is
 * appended as it arrives, in its own transaction (synchronous=FULL: once a push is answered, the
 * words are on disk); past a threshold, and when the host closes, the rows are folded into the
 * snapshot in one transaction, from what is on disk (see compactMinutes): the file is the truth,
 * a process's copy in memory only follows it, so a second writer on the same file (refused by the
 * one-writer lock in normal use) can never make a row disappear.
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
import { movedRoomName } from '../../../../shared/collab/minutes-room';
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
  /** The hash of the snapshot loaded: another writer's compaction changes it. */
  snapshotHash: string | null;
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

/**
 * Gives the meeting's room a new name and password, so that whoever knew the old ones (an editor
 * the chair removed) cannot find or read the room again; the editors still in learn the new room
 * from the host (minutes:open) and follow. Minutes never opened have no room: nothing to move.
 */
export function moveRoom(sqlite: Database.Database, meetingId: number, now: Date): boolean {
  const head = readHead(sqlite, meetingId);
  if (!head) return false;
  const fresh = newRoom();
  sqlite
    .prepare('UPDATE minutes_docs SET room_name = ?, room_password = ?, updated_at = ? WHERE meeting_id = ?')
    .run(movedRoomName(head.roomName, randomBytes(12).toString('base64url')), fresh.password, now.toISOString(), meetingId);
  return true;
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

export const problemText = {
  snapshot: '会议记录的快照校验失败，已跳过；其余修改已载入。损坏的数据已保留，请从备份恢复或联系技术人员。',
  row: (seq: number) => `第 ${seq} 条修改记录已损坏，已跳过；其余内容已载入。损坏的记录已保留，未被删除。`,
  unreadable: (seq: number) => `第 ${seq} 条修改记录无法读取，已跳过；其余内容已载入。该记录已保留，未被删除。`,
};

/**
 * Loads the document: the snapshot, then every row after it in order. Rows at or before the
 * snapshot are left-overs compaction kept on purpose (damaged rows, amendment records): the
 * damaged ones are reported again, the others are already in the snapshot.
 */
export function loadMinutes(sqlite: Database.Database, meetingId: number): LoadedMinutes {
  // One read transaction: the snapshot and the rows as of one moment, even while another writer folds rows.
  return sqlite.transaction(() => loadWithin(sqlite, meetingId))();
}

function loadWithin(sqlite: Database.Database, meetingId: number): LoadedMinutes {
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
  return { doc, lastSeq, damaged, problems, empty, snapshotHash: head?.snapshotHash ?? null };
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

export interface Compacted {
  /** The highest row the new snapshot accounts for (merged, or skipped as damaged). */
  throughSeq: number;
  /** Rows merged into the snapshot. */
  merged: number;
  /** Rows that failed their check or could not be read: left in place, not merged. */
  damaged: number[];
}

/**
 * Folds what is on disk, and only that: the stored snapshot and every row after it, read inside
 * one immediate transaction (no other writer can add or fold rows meanwhile), are merged into a
 * new snapshot, and exactly the rows merged are deleted. Nothing is taken from a process's memory,
 * so rows another process wrote are folded in too, never dropped.
 *
 * Merged by applying to a fresh document and encoding its state, as y-leveldb's own
 * `mergeUpdates` does: unlike `Y.mergeUpdates` on the bytes, the fresh document garbage-collects
 * deleted text (the snapshot does not grow with everything ever deleted) and finds rows Yjs
 * cannot read. Damaged rows and the rows of an amendment record stay where they are (the
 * amendment rows are in the snapshot too; the seals area reads them as the amendment's record).
 * Returns null when there was nothing to fold, or when the stored snapshot fails its check (it
 * is never replaced: that would hide what was lost).
 */
export function compactMinutes(sqlite: Database.Database, meetingId: number, now: Date): Compacted | null {
  return sqlite.transaction((): Compacted | null => {
    const head = sqlite
      .prepare('SELECT snapshot, snapshot_seq AS snapshotSeq, snapshot_hash AS snapshotHash FROM minutes_docs WHERE meeting_id = ?')
      .get(meetingId) as { snapshot: Buffer | null; snapshotSeq: number; snapshotHash: string | null } | undefined;
    if (!head) return null;
    if (head.snapshot && sha256Hex(head.snapshot) !== head.snapshotHash) return null;
    const rows = sqlite
      .prepare('SELECT seq, data, hash, amendment_id AS amendmentId FROM minutes_updates WHERE meeting_id = ? AND seq > ? ORDER BY seq')
      .all(meetingId, head.snapshotSeq) as Array<UpdateRow & { amendmentId: number | null }>;
    if (rows.length === 0) return null;
    const doc = new Y.Doc({ gc: true });
    const damaged: number[] = [];
    const merged: typeof rows = [];
    try {
      if (head.snapshot) Y.applyUpdate(doc, head.snapshot, storageOrigin);
    } catch {
      doc.destroy();
      return null;
    }
    for (const row of rows) {
      if (sha256Hex(row.data) !== row.hash) {
        damaged.push(row.seq);
        continue;
      }
      try {
        Y.applyUpdate(doc, row.data, storageOrigin);
        merged.push(row);
      } catch {
        damaged.push(row.seq);
      }
    }
    if (merged.length === 0) {
      doc.destroy();
      return null;
    }
    const snapshot = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    const throughSeq = rows.at(-1)!.seq;
    sqlite
      .prepare('UPDATE minutes_docs SET snapshot = ?, snapshot_seq = ?, snapshot_hash = ?, updated_at = ? WHERE meeting_id = ?')
      .run(Buffer.from(snapshot), throughSeq, sha256Hex(snapshot), now.toISOString(), meetingId);
    const remove = sqlite.prepare('DELETE FROM minutes_updates WHERE meeting_id = ? AND seq = ?');
    for (const row of merged) if (row.amendmentId === null) remove.run(meetingId, row.seq);
    return { throughSeq, merged: merged.length, damaged };
  }).immediate();
}

/** The snapshot's place and hash, without its bytes: enough to see whether another writer folded rows. */
export function snapshotMark(sqlite: Database.Database, meetingId: number): { snapshotSeq: number; snapshotHash: string | null } | null {
  const row = sqlite.prepare('SELECT snapshot_seq AS snapshotSeq, snapshot_hash AS snapshotHash FROM minutes_docs WHERE meeting_id = ?').get(meetingId) as
    | { snapshotSeq: number; snapshotHash: string | null }
    | undefined;
  return row ?? null;
}

/** The stored snapshot's bytes and hash. */
export function readSnapshot(sqlite: Database.Database, meetingId: number): { snapshot: Buffer | null; snapshotHash: string | null } | null {
  const row = sqlite.prepare('SELECT snapshot, snapshot_hash AS snapshotHash FROM minutes_docs WHERE meeting_id = ?').get(meetingId) as
    | { snapshot: Buffer | null; snapshotHash: string | null }
    | undefined;
  return row ?? null;
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
