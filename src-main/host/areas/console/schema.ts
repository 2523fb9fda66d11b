/** The chair's console: what the room is shown, and the speakers' queue of each matter. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { agendaItems, meetings } from '../meetings/schema';
import { people } from '../roster/schema';

/** A speaker's time until the chair sets another limit. */
export const defaultSpeakingLimitSeconds = 180;

/** What the room is shown for a meeting, and the chair's speaking limit. One row per meeting. */
export const meetingConsoles = sqliteTable('meeting_consoles', {
  meetingId: integer('meeting_id')
    .primaryKey()
    .references(() => meetings.id, { onDelete: 'cascade' }),
  currentAgendaItemId: integer('current_agenda_item_id').references(() => agendaItems.id, { onDelete: 'set null' }),
  screen: text('screen', { enum: ['meeting', 'blank', 'break', 'join'] }).notNull().default('meeting'),
  speakingLimitSeconds: integer('speaking_limit_seconds').notNull().default(defaultSpeakingLimitSeconds),
});

/** The speakers' queue of a matter, and the record of who spoke, for how long, and their view. */
export const speakers = sqliteTable(
  'speakers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agendaItemId: integer('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    position: integer('position').notNull(),
    status: text('status', { enum: ['waiting', 'speaking', 'done'] }).notNull().default('waiting'),
    startedAt: text('started_at'),
    endedAt: text('ended_at'),
    view: text('view', { enum: ['for', 'against', 'suggestion'] }),
    note: text('note').notNull().default(''),
  },
  (table) => [index('speakers_item_position').on(table.agendaItemId, table.position)],
);
