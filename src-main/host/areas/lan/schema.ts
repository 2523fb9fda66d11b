/** Joining a meeting over the LAN: join codes and the participants who used them. */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { meetings } from '../meetings/schema';

export const joinCodes = sqliteTable(
  'join_codes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    /** SHA-256 hex of the code; the code itself is shown to the chair once and never stored. */
    codeHash: text('code_hash').notNull(),
    /** The role a person joining with this code gets: viewer | editor | door. */
    role: text('role', { enum: ['viewer', 'editor', 'door', 'counter'] }).notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
    /**
     * The code itself, kept only for a room code: one code for the whole room, shown on the
     * projector as a QR code for as long as the meeting lasts. A personal code is never kept.
     */
    shownCode: text('shown_code'),
  },
  (table) => [uniqueIndex('join_codes_hash').on(table.codeHash), index('join_codes_meeting').on(table.meetingId)],
);

export const participants = sqliteTable(
  'participants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    joinCodeId: integer('join_code_id').references(() => joinCodes.id, { onDelete: 'set null' }),
    /** SHA-256 hex of the session token held by the participant's browser. */
    tokenHash: text('token_hash').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['viewer', 'editor', 'door', 'counter'] }).notNull(),
    address: text('address').notNull().default(''),
    joinedAt: text('joined_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    removedAt: text('removed_at'),
  },
  (table) => [uniqueIndex('participants_token').on(table.tokenHash), index('participants_meeting').on(table.meetingId)],
);
