import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () => text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);
const updatedAt = () => text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

export const councils = sqliteTable('councils', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  community: text('community').notNull().default(''),
  address: text('address').notNull().default(''),
  /** Which six-step template the council follows; step names may be renamed later. */
  processTemplate: text('process_template').notNull().default('six-step'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const households = sqliteTable(
  'households',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    councilId: integer('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    building: text('building').notNull(),
    unit: text('unit').notNull(),
    room: text('room').notNull(),
    /** Normalised building-unit-room, e.g. 3-2-501. */
    code: text('code').notNull(),
    /** Exclusive floor area in hundredths of a m²; exact, never floating point. */
    areaCenti: integer('area_centi'),
    tenure: text('tenure', { enum: ['owner', 'tenant'] }).notNull().default('owner'),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('households_council_code').on(table.councilId, table.code),
    check('households_area_not_negative', sql`${table.areaCenti} IS NULL OR ${table.areaCenti} >= 0`),
  ],
);

export const people = sqliteTable(
  'people',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    councilId: integer('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    householdId: integer('household_id').references(() => households.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    pinyinInitials: text('pinyin_initials').notNull(),
    pinyinFull: text('pinyin_full').notNull(),
    phone: text('phone').notNull().default(''),
    /** JSON array of roles: chair, secretary, member, representative, supervisor, observer. */
    roles: text('roles', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('people_council_initials').on(table.councilId, table.pinyinInitials),
    index('people_household').on(table.householdId),
  ],
);

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
    stepIndex: integer('step_index').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('agenda_items_meeting_position').on(table.meetingId, table.position),
    check('agenda_items_step_range', sql`${table.stepIndex} BETWEEN 0 AND 5`),
  ],
);
