/** Meetings and the matters (议题) on their agendas. */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, updatedAt } from '../../db/columns';
import { councils } from '../councils/schema';
import { people } from '../roster/schema';

export const meetings = sqliteTable(
  'meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    councilId: integer('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    date: text('date').notNull(),
    startTime: text('start_time').notNull(),
    place: text('place').notNull().default(''),
    /** When the notice (step 3, 公示通知) was posted on the board; null until it is. */
    noticePostedAt: text('notice_posted_at'),
    chairId: integer('chair_id').references(() => people.id, { onDelete: 'set null' }),
    secretaryId: integer('secretary_id').references(() => people.id, { onDelete: 'set null' }),
    status: text('status', { enum: ['planned', 'in_progress', 'closed', 'cancelled'] })
      .notNull()
      .default('planned'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('meetings_council_date').on(table.councilId, table.date)],
);

/**
 * Matters (议题) on a meeting's agenda. `stepIndex` is the step of the council's
 * six-step template (0..5) the matter has reached; the step history lives in its
 * own table when the step machine arrives.
 */
export const agendaItems = sqliteTable(
  'agenda_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    text: text('text').notNull().default(''),
    /** The proposal as amended in the meeting (the console's 修改后的议案); null while unchanged. */
    amendedText: text('amended_text'),
    stepIndex: integer('step_index').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('agenda_items_meeting_position').on(table.meetingId, table.position),
    check('agenda_items_step_range', sql`${table.stepIndex} BETWEEN 0 AND 5`),
  ],
);
