/** The six-step process per matter. Every transition is kept (who, when, from, to, note). */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { agendaItems } from '../meetings/schema';
import { people } from '../roster/schema';

export const stepTransitions = sqliteTable(
  'step_transitions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agendaItemId: integer('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    /** advance | back | override | lock | second (附议) … as the state machine names them. */
    action: text('action').notNull(),
    fromStep: integer('from_step').notNull(),
    toStep: integer('to_step').notNull(),
    personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
    /** The actor's name as shown at the time, kept even if the person is later removed. */
    actorName: text('actor_name').notNull().default(''),
    note: text('note').notNull().default(''),
    /** Filled only for a deliberate override of a refused move. */
    overrideReason: text('override_reason'),
    at: text('at').notNull(),
  },
  (table) => [index('step_transitions_item').on(table.agendaItemId, table.id)],
);

/** 六议 附议: members who second a matter. */
export const matterSeconds = sqliteTable(
  'matter_seconds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agendaItemId: integer('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    at: text('at').notNull(),
  },
  (table) => [index('matter_seconds_item').on(table.agendaItemId)],
);

/** Agenda items whose result is locked (no going back). */
export const matterLocks = sqliteTable('matter_locks', {
  agendaItemId: integer('agenda_item_id')
    .primaryKey()
    .references(() => agendaItems.id, { onDelete: 'cascade' }),
  lockedAt: text('locked_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});
