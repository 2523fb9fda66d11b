/**
 * Paper ballots (书面征求意见): the round, its printed ballots, the register of ballots issued and
 * returned, the marks counted, corrections a scrutineer confirms, the count record's signatures and
 * its seal. Each matter of a round is a `votes` row with mode 'paper' and `paper_round_id`.
 *
 * A secret round keeps voter keys in the register only: its ballots carry no voter key, no label and
 * no unit, get random serials and are inserted in a shuffled order, so nothing ties a person to a
 * choice. Once a round is sealed, triggers (migration 0019) refuse any change to what was counted.
 */
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { jsonText } from '../../db/json-column';
import { meetings } from '../meetings/schema';
import { councilKeys } from '../seals/schema';
import { votes } from '../voting/schema';

export const paperRounds = sqliteTable(
  'paper_rounds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    opensOn: text('opens_on').notNull(),
    deadline: text('deadline').notNull(),
    returnTo: text('return_to').notNull(),
    markingRules: text('marking_rules').notNull(),
    secret: integer('secret', { mode: 'boolean' }).notNull(),
    voterBasis: text('voter_basis', { enum: ['members', 'households', 'owners'] }).notNull(),
    /** The frozen electorate's size and area (let units no one may cast for included), as fixed at opening. */
    entitledHeadcount: integer('entitled_headcount').notNull().default(0),
    entitledAreaCenti: integer('entitled_area_centi').notNull().default(0),
    status: text('status', { enum: ['open', 'closed', 'counting', 'sealed'] }).notNull().default('open'),
    openedAt: text('opened_at').notNull(),
    closedAt: text('closed_at'),
    countStartedAt: text('count_started_at'),
    tellers: jsonText<string[]>('tellers_json', z.array(z.string())).notNull(),
    scrutineers: jsonText<string[]>('scrutineers_json', z.array(z.string())).notNull(),
    sealedAt: text('sealed_at'),
    postedOn: text('posted_on'),
    postedUntil: text('posted_until'),
  },
  (table) => [index('paper_rounds_meeting').on(table.meetingId)],
);

/** One printed ballot. A secret round's ballots have no voter key, label, units or building. */
export const paperBallots = sqliteTable(
  'paper_ballots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roundId: integer('round_id')
      .notNull()
      .references(() => paperRounds.id, { onDelete: 'restrict' }),
    serial: text('serial').notNull(),
    checkCode: text('check_code').notNull(),
    voterKey: text('voter_key'),
    label: text('label'),
    building: text('building'),
    units: jsonText<string[]>('units_json', z.array(z.string())).notNull(),
    /** For the ballot paper's order in a named round (the register's order); null for a secret round. */
    position: integer('position'),
    areaCenti: integer('area_centi').notNull(),
    state: text('state', { enum: ['uncounted', 'counted', 'invalid'] }).notNull().default('uncounted'),
    invalidReason: text('invalid_reason'),
    countedAt: text('counted_at'),
    countedBy: text('counted_by'),
  },
  (table) => [uniqueIndex('paper_ballots_serial').on(table.roundId, table.serial), index('paper_ballots_state').on(table.roundId, table.state)],
);

/** 发放回收登记册: one line per voter of the round; the only table of a secret round with voter keys. */
export const paperRegister = sqliteTable(
  'paper_register',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => paperRounds.id, { onDelete: 'restrict' }),
    voterKey: text('voter_key').notNull(),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    building: text('building'),
    units: jsonText<string[]>('units_json', z.array(z.string())).notNull(),
    areaCenti: integer('area_centi').notNull(),
    issuedAt: text('issued_at'),
    issuedHow: text('issued_how', { enum: ['in_person', 'door', 'mailbox'] }),
    issuedBy: text('issued_by'),
    returnedAt: text('returned_at'),
    returnedSignature: blob('returned_signature', { mode: 'buffer' }),
    returnedOnPaper: integer('returned_on_paper', { mode: 'boolean' }).notNull().default(false),
    returnedBox: text('returned_box'),
  },
  (table) => [
    primaryKey({ columns: [table.roundId, table.voterKey] }),
    index('paper_register_position').on(table.roundId, table.position),
    // Participation (issued, returned, their area) read without touching the rows and their signature images.
    index('paper_register_counts').on(table.roundId, table.issuedAt, table.returnedAt, table.areaCenti),
  ],
);

/** The choice read from a counted ballot for one matter ('blank': left unmarked). An invalid ballot has none. */
export const paperMarks = sqliteTable(
  'paper_marks',
  {
    ballotId: integer('ballot_id')
      .notNull()
      .references(() => paperBallots.id, { onDelete: 'restrict' }),
    voteId: integer('vote_id')
      .notNull()
      .references(() => votes.id, { onDelete: 'restrict' }),
    choice: text('choice', { enum: ['for', 'against', 'abstain', 'blank'] }).notNull(),
    /** The ballot's area, beside its choice, so a matter's running tally is one walk of an index. */
    areaCenti: integer('area_centi').notNull(),
  },
  (table) => [primaryKey({ columns: [table.ballotId, table.voteId] }), index('paper_marks_tally').on(table.voteId, table.choice, table.areaCenti)],
);

/** A correction of a counted ballot, asked for by a teller; applied only once a scrutineer confirms it. */
export const paperCorrections = sqliteTable(
  'paper_corrections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ballotId: integer('ballot_id')
      .notNull()
      .references(() => paperBallots.id, { onDelete: 'restrict' }),
    askedBy: text('asked_by').notNull(),
    askedAt: text('asked_at').notNull(),
    reason: text('reason').notNull(),
    /** The new marks by vote id (null when the correction makes the ballot invalid). */
    marks: jsonText<Record<string, string>>('marks_json', z.record(z.string(), z.string())),
    invalidReason: text('invalid_reason'),
    fromText: text('from_text').notNull(),
    toText: text('to_text').notNull(),
    confirmedBy: text('confirmed_by'),
    confirmedAt: text('confirmed_at'),
  },
  (table) => [index('paper_corrections_ballot').on(table.ballotId)],
);

/** A teller's or scrutineer's signature on the count record. Never changed. */
export const paperSignatures = sqliteTable(
  'paper_signatures',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => paperRounds.id, { onDelete: 'restrict' }),
    role: text('role', { enum: ['teller', 'scrutineer'] }).notNull(),
    name: text('name').notNull(),
    image: blob('image', { mode: 'buffer' }).notNull(),
    signedAt: text('signed_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.roundId, table.role, table.name] })],
);

/** The sealed count record: canonical JSON, its SHA-256, the council key's signature. Never changed. */
export const paperSeals = sqliteTable(
  'paper_seals',
  {
    roundId: integer('round_id')
      .primaryKey()
      .references(() => paperRounds.id, { onDelete: 'restrict' }),
    keyId: integer('key_id')
      .notNull()
      .references(() => councilKeys.id),
    canonical: text('canonical').notNull(),
    digest: text('digest').notNull(),
    signature: text('signature').notNull(),
    signedAt: text('signed_at').notNull(),
  },
  (table) => [index('paper_seals_digest').on(table.digest)],
);

/**
 * Each matter's running tally: how many counted ballots chose what, with their area. Kept by triggers on
 * paper_marks (migration 0020), so every write — the count, a confirmed correction, an import, another
 * SQLite client — moves it in the same transaction, and a public count answers without re-adding every
 * mark. The count record reads the marks themselves; the archive does not carry this table (its
 * triggers rebuild it as the marks come in).
 */
export const paperTally = sqliteTable(
  'paper_tally',
  {
    voteId: integer('vote_id')
      .notNull()
      .references(() => votes.id, { onDelete: 'cascade' }),
    choice: text('choice', { enum: ['for', 'against', 'abstain', 'blank'] }).notNull(),
    headcount: integer('headcount').notNull().default(0),
    areaCenti: integer('area_centi').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.voteId, table.choice] })],
);

/** How many of a round's ballots are uncounted, counted or invalid, with their area: kept by triggers on paper_ballots, as paper_tally. */
export const paperBallotTally = sqliteTable(
  'paper_ballot_tally',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => paperRounds.id, { onDelete: 'cascade' }),
    state: text('state', { enum: ['uncounted', 'counted', 'invalid'] }).notNull(),
    headcount: integer('headcount').notNull().default(0),
    areaCenti: integer('area_centi').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.roundId, table.state] })],
);
