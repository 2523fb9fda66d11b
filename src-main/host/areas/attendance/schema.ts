/** Who came to a meeting, and whose vote is cast by whom (proxies). */
import { sql } from 'drizzle-orm';
import { blob, check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { meetings } from '../meetings/schema';
import { people } from '../roster/schema';

/**
 * Who came to a meeting. A person signs in once per meeting; leaving early sets
 * `leftAt` (quorum for later votes changes), and coming back clears it. Observers
 * (列席) are recorded but never counted.
 */
export const attendance = sqliteTable(
  'attendance',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    observer: integer('observer', { mode: 'boolean' }).notNull().default(false),
    arrivedAt: text('arrived_at').notNull(),
    leftAt: text('left_at'),
    /** PNG of the handwritten signature, when the council asks for one. */
    signaturePng: blob('signature_png', { mode: 'buffer' }),
    /**
     * Signed by hand on the printed sign-in sheet (纸上签到) and entered afterwards, with the time
     * written on the paper as `arrivedAt`: the paper is the record, the row says where it came from.
     */
    onPaper: integer('on_paper', { mode: 'boolean' }).notNull().default(false),
  },
  (table) => [uniqueIndex('attendance_meeting_person').on(table.meetingId, table.personId)],
);

/** A written authorisation (委托): the grantor's vote is cast by the holder at this meeting. */
export const proxies = sqliteTable(
  'proxies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    grantorId: integer('grantor_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    holderId: integer('holder_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    note: text('note').notNull().default(''),
    /** Whether the written authorisation (书面委托书) was handed in at the door. */
    writtenReceived: integer('written_received', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    revokedAt: text('revoked_at'),
  },
  (table) => [
    index('proxies_meeting_holder').on(table.meetingId, table.holderId),
    check('proxies_not_self', sql`${table.grantorId} <> ${table.holderId}`),
  ],
);
