/** Courtyard compacts (院落公约): articles, versions, adoption, household signatures. */
import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { jsonText } from '../../db/json-column';
import { councils } from '../councils/schema';
import { agendaItems } from '../meetings/schema';
import { households } from '../roster/schema';
import { votes } from '../voting/schema';

export const compacts = sqliteTable('compacts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  councilId: integer('council_id')
    .notNull()
    .references(() => councils.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  createdAt: text('created_at').notNull(),
});

export const compactVersions = sqliteTable(
  'compact_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    compactId: integer('compact_id')
      .notNull()
      .references(() => compacts.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** JSON array of article texts, in order (第一条, 第二条 …). */
    articles: jsonText('articles', z.array(z.string())).notNull(),
    note: text('note').notNull().default(''),
    /** The matter and vote that adopted this version; null while a draft. */
    adoptedAgendaItemId: integer('adopted_agenda_item_id').references(() => agendaItems.id, { onDelete: 'set null' }),
    adoptedVoteId: integer('adopted_vote_id').references(() => votes.id, { onDelete: 'set null' }),
    adoptedAt: text('adopted_at'),
    createdAt: text('created_at').notNull(),
  },
  (table) => [uniqueIndex('compact_versions_number').on(table.compactId, table.version)],
);

export const compactSignatures = sqliteTable(
  'compact_signatures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    versionId: integer('version_id')
      .notNull()
      .references(() => compactVersions.id, { onDelete: 'cascade' }),
    householdId: integer('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    signerName: text('signer_name').notNull(),
    /** PNG of the signature, or null when signed on paper. */
    image: blob('image', { mode: 'buffer' }),
    onPaper: integer('on_paper', { mode: 'boolean' }).notNull().default(false),
    /** YYYY-MM-DD the household signed. */
    signedOn: text('signed_on').notNull(),
    recordedAt: text('recorded_at').notNull(),
  },
  (table) => [
    uniqueIndex('compact_signatures_household').on(table.versionId, table.householdId),
    index('compact_signatures_version').on(table.versionId),
  ],
);
