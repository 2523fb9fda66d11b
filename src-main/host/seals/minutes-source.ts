/**
 * Where the seals area reads and freezes the collaborative minutes. The minutes area (issue 6)
 * owns their storage; until its store module lands this reads the same tables the same way
 * (snapshot, then every update in order) and sets the same lock column.
 */
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import * as Y from 'yjs';

export function readMinutesForSeal(sqlite: Database.Database, meetingId: number): Y.Doc {
  const doc = new Y.Doc();
  const head = sqlite.prepare('SELECT snapshot, snapshot_seq AS snapshotSeq FROM minutes_docs WHERE meeting_id = ?').get(meetingId) as
    | { snapshot: Buffer | null; snapshotSeq: number }
    | undefined;
  if (head?.snapshot) Y.applyUpdate(doc, head.snapshot);
  const updates = sqlite
    .prepare('SELECT data FROM minutes_updates WHERE meeting_id = ? AND seq > ? ORDER BY seq')
    .all(meetingId, head?.snapshotSeq ?? 0) as Array<{ data: Buffer }>;
  for (const update of updates) {
    try {
      Y.applyUpdate(doc, update.data);
    } catch {
      // A damaged row is reported by the minutes area; the rest still loads.
    }
  }
  return doc;
}

export function minutesLockTime(sqlite: Database.Database, meetingId: number): string | null {
  const row = sqlite.prepare('SELECT locked_at AS lockedAt FROM minutes_docs WHERE meeting_id = ?').get(meetingId) as { lockedAt: string | null } | undefined;
  return row?.lockedAt ?? null;
}

/** Makes the minutes read-only (at) or editable again for an amendment (null). */
export function setMinutesLock(sqlite: Database.Database, meetingId: number, at: Date | null): void {
  const value = at ? at.toISOString() : null;
  const changed = sqlite.prepare('UPDATE minutes_docs SET locked_at = ? WHERE meeting_id = ?').run(value, meetingId).changes;
  if (changed === 0) {
    sqlite
      .prepare('INSERT INTO minutes_docs (meeting_id, room_name, room_password, locked_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(meetingId, `minutes-${randomBytes(12).toString('base64url')}`, randomBytes(24).toString('base64url'), value, new Date().toISOString());
  }
}
