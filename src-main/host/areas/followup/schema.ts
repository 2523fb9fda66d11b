/** Step 6 (落实公示) and step 3 notices: tasks, progress, report-back, ratings, public notices. */
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { councils } from '../councils/schema';
import { agendaItems, meetings } from '../meetings/schema';
import { households, people } from '../roster/schema';

export const tasks = sqliteTable(
  'tasks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agendaItemId: integer('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    ownerPersonId: integer('owner_person_id').references(() => people.id, { onDelete: 'set null' }),
    /** Owner as written (a person, the property company, the street office …). */
    ownerName: text('owner_name').notNull().default(''),
    /** YYYY-MM-DD */
    deadline: text('deadline'),
    status: text('status', { enum: ['open', 'in_progress', 'done'] }).notNull().default('open'),
    doneAt: text('done_at'),
    /** The later meeting at which the task was reported back, and when. */
    reportedMeetingId: integer('reported_meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    reportedAt: text('reported_at'),
    createdAt: text('created_at').notNull(),
  },
  (table) => [index('tasks_item').on(table.agendaItemId)],
);

export const taskNotes = sqliteTable(
  'task_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
    at: text('at').notNull(),
  },
  (table) => [index('task_notes_task').on(table.taskId)],
);

export const ratings = sqliteTable(
  'ratings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agendaItemId: integer('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    householdId: integer('household_id').references(() => households.id, { onDelete: 'set null' }),
    rating: text('rating', { enum: ['satisfied', 'basically', 'unsatisfied'] }).notNull(),
    at: text('at').notNull(),
  },
  (table) => [index('ratings_item').on(table.agendaItemId)],
);

/** A posted notice: the step-3 announcement of a meeting, or a step-6 notice of results. */
export const notices = sqliteTable(
  'notices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    councilId: integer('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    meetingId: integer('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: ['announce', 'results'] }).notNull(),
    postedAt: text('posted_at').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (table) => [
    index('notices_council').on(table.councilId, table.kind),
    check('notices_kind', sql`${table.kind} IN ('announce','results')`),
  ],
);
