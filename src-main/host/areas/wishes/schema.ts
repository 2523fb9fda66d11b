import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { councils } from '../councils/schema';
import { agendaItems } from '../meetings/schema';

/**
 * Step 1, collect: matters raised by residents (微心愿, complaints, proposals), on
 * paper through the staff or on the public page. Vetting (step 2) accepts one onto
 * a meeting's agenda, merges duplicates, or declines it with a reason the resident sees.
 */
export const wishes = sqliteTable(
  'wishes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    councilId: integer('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    category: text('category').notNull().default(''),
    building: text('building').notNull().default(''),
    name: text('name').notNull().default(''),
    household: text('household').notNull().default(''),
    supporters: integer('supporters').notNull().default(0),
    source: text('source', { enum: ['public', 'staff'] }).notNull(),
    status: text('status', { enum: ['new', 'accepted', 'declined', 'merged'] }).notNull().default('new'),
    reason: text('reason').notNull().default(''),
    mergedIntoId: integer('merged_into_id'),
    agendaItemId: integer('agenda_item_id').references(() => agendaItems.id, { onDelete: 'set null' }),
    createdAt: text('created_at').notNull(),
  },
  (table) => [index('wishes_council_status').on(table.councilId, table.status)],
);

/**
 * Residents' "me too", one row each: a wish counts one support per browser (the random id the
 * public page keeps) and one per network address, so pressing again, another tab, or a script
 * sending new ids from the same phone adds nothing. The address is null for the chair's own
 * computer. These rows stay on this computer: an archive carries only the count (wishes.supporters).
 */
export const wishSupports = sqliteTable(
  'wish_supports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    wishId: integer('wish_id')
      .notNull()
      .references(() => wishes.id, { onDelete: 'cascade' }),
    browserId: text('browser_id').notNull(),
    address: text('address'),
    createdAt: text('created_at').notNull(),
  },
  (table) => [uniqueIndex('wish_supports_browser').on(table.wishId, table.browserId), uniqueIndex('wish_supports_address').on(table.wishId, table.address)],
);
