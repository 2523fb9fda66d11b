/** The collaborative minutes, one Yjs document per meeting. */
import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { meetings } from '../meetings/schema';

export const minutesDocs = sqliteTable('minutes_docs', {
  meetingId: integer('meeting_id')
    .primaryKey()
    .references(() => meetings.id, { onDelete: 'cascade' }),
  /** Y.encodeStateAsUpdate of every update up to and including snapshotSeq; null before the first compaction. */
  snapshot: blob('snapshot', { mode: 'buffer' }),
  snapshotSeq: integer('snapshot_seq').notNull().default(0),
  /** SHA-256 hex of the snapshot bytes, checked when it is read. */
  snapshotHash: text('snapshot_hash'),
  /**
   * y-webrtc room name and its password (≥128 bits, base64url), given only to the chair and the
   * editors still in (minutes:open); both change when an editor is removed or joining closes.
   */
  roomName: text('room_name').notNull(),
  roomPassword: text('room_password').notNull(),
  /** Set when the minutes are signed: the document is read-only from then on; later changes are amendments. */
  lockedAt: text('locked_at'),
  updatedAt: text('updated_at').notNull(),
});

export const minutesUpdates = sqliteTable(
  'minutes_updates',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    data: blob('data', { mode: 'buffer' }).notNull(),
    /** SHA-256 hex of data: a damaged row is found and reported, the rest still load. */
    hash: text('hash').notNull(),
    /** Who sent it (participant name or "host"); informational only. */
    origin: text('origin').notNull().default(''),
    /** Part of an amendment after signing (the amendment's id), else null. */
    amendmentId: integer('amendment_id'),
    at: text('at').notNull(),
  },
  (table) => [index('minutes_updates_meeting').on(table.meetingId, table.seq)],
);
