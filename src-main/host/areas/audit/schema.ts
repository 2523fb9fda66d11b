import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Append-only, hash-chained record of everything that decides a vote: check-ins,
 * ballots, results, corrections. Each entry's hash covers the previous one, so an
 * edit behind the app's back breaks the chain at that entry; triggers refuse
 * UPDATE and DELETE.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey(),
    at: text('at').notNull(),
    kind: text('kind').notNull(),
    meetingId: integer('meeting_id'),
    /** Canonical JSON of what happened. */
    payload: text('payload').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [index('audit_log_meeting').on(table.meetingId)],
);
