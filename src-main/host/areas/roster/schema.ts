/** The roster: households (units), the people in them, and who owns each unit. */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, updatedAt } from '../../db/columns';
import { councils } from '../councils/schema';

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

/**
 * Who holds the title to a unit (household). Several rows for a jointly owned unit; one person on
 * several units is one owner with several units. Owners' votes (民法典第二百七十八条) count from
 * these; a unit with none recorded counts as one vote of its own if it is owner-occupied.
 */
export const unitOwners = sqliteTable(
  'unit_owners',
  {
    householdId: integer('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.householdId, table.personId] }), index('unit_owners_person').on(table.personId)],
);
