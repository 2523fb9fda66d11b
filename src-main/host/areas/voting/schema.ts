/** Votes, roll-call ballots, entered counts and locked results. */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { votingRuleSchema } from '../../../../shared/api/areas/voting';
import { canonicalJson, type Json } from '../../../../shared/domain/seals/canonical-json';
import type { Outcome } from '../../../../shared/domain/voting/tally';
import type { VotingRule } from '../../../../shared/domain/voting/rules';
import { jsonText } from '../../db/json-column';
import { agendaItems, meetings } from '../meetings/schema';
import { people } from '../roster/schema';

const tallySchema = z.object({ headcount: z.number(), areaCenti: z.number().nullable() });
const requirementSchema = z.object({
  label: z.string(),
  whole: tallySchema,
  needed: tallySchema,
  actual: tallySchema,
  headcountMet: z.boolean(),
  areaMet: z.boolean().nullable(),
  met: z.boolean(),
});

/** A locked outcome as lockVote stored it (the tally's own Outcome; extra keys are kept as they are). */
const storedOutcomeSchema = z.looseObject({
  ruleId: z.string(),
  ruleName: z.string(),
  legalBasis: z.string().nullable(),
  entitled: tallySchema,
  present: tallySchema,
  counts: z.object({ for: tallySchema, against: tallySchema, abstain: tallySchema, blank: tallySchema }),
  quorum: requirementSchema.nullable(),
  quorate: z.boolean(),
  threshold: requirementSchema,
  tie: z.boolean(),
  passed: z.boolean(),
  explanation: z.string(),
}) satisfies z.ZodType<Outcome>;

const choiceTallySchema = z.object({ headcount: z.number().int().min(0), areaCenti: z.number().int().min(0).nullable() });

/**
 * Who took part, fixed when the vote closes: the outcome shown at close, on the projector, at lock
 * and in the minutes is decided from this and the frozen electorate only, so leaving the room or
 * editing the roster afterwards changes nothing. Its hash is in the vote.close audit entry.
 */
export const closingRecordSchema = z.object({
  /** Voter keys present at close: in person, or through a proxy holder in the room. */
  present: z.array(z.string()),
  /** A roll call's ballots, in the order cast, with who cast each (the voter, a co-owner, a proxy holder). */
  ballots: z.array(
    z.object({
      voterKey: z.string(),
      choice: z.enum(['for', 'against', 'abstain', 'blank']),
      castById: z.number().int().nullable(),
    }),
  ),
  /** A show of hands' or secret ballot's latest counts (area per choice where the rule weighs it). */
  counts: z
    .object({ for: choiceTallySchema, against: choiceTallySchema, abstain: choiceTallySchema, blank: choiceTallySchema, enteredBy: z.string() })
    .nullable(),
  /** People who cast more than one ballot, named as they were at close. */
  multipleVotes: z.array(z.object({ personId: z.number().int(), name: z.string(), votes: z.number().int() })),
});
export type ClosingRecord = z.infer<typeof closingRecordSchema>;

/**
 * A vote on a matter. The rule is stored as applied (a copy of the council's preset
 * with its adjustments) so a later change of preset never changes a past result. A
 * correction is a new vote that `replacesVoteId` the old one, with a reason.
 */
export const votes = sqliteTable(
  'votes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'restrict' }),
    agendaItemId: integer('agenda_item_id').references(() => agendaItems.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    mode: text('mode', { enum: ['hands', 'roll_call', 'secret', 'paper'] }).notNull(),
    /** The rule as applied, as canonical JSON (the same text the vote.open audit entry carries). */
    rule: jsonText<VotingRule>('rule_json', votingRuleSchema, (rule) => canonicalJson(rule as unknown as Json)).notNull(),
    status: text('status', { enum: ['open', 'closed', 'locked'] }).notNull().default('open'),
    openedAt: text('opened_at').notNull(),
    closedAt: text('closed_at'),
    replacesVoteId: integer('replaces_vote_id'),
    correctionReason: text('correction_reason'),
    /** Who took part, as canonical JSON, set once when the vote closes (null while open, and for votes closed before it was kept). */
    closingRecord: jsonText<ClosingRecord>('closing_json', closingRecordSchema, (record) => canonicalJson(record as unknown as Json)),
    /** A matter of a written vote (mode 'paper'): its round (paper_rounds.id; not declared as a key here, to keep the schemas acyclic). */
    paperRoundId: integer('paper_round_id'),
  },
  (table) => [index('votes_meeting').on(table.meetingId)],
);

/**
 * The electorate of a vote, fixed when it opens: each entitled voter with the units, owners and
 * area behind the vote and who may cast it. A ballot is checked against this row alone, never the
 * roster as it is now; a let unit with no owner on record is here too (in the law's totals), with
 * no one who may cast it. Never changed (triggers).
 */
export const voteElectorate = sqliteTable(
  'vote_electorate',
  {
    voteId: integer('vote_id')
      .notNull()
      .references(() => votes.id, { onDelete: 'restrict' }),
    /** The voter's place in the roll-call list. */
    position: integer('position').notNull(),
    /** What a ballot names: `person:<id>` or `household:<id>`. */
    voterKey: text('voter_key').notNull(),
    /** Who this is, as the list read at opening: the member; the household with its people; the owners with their units. */
    label: text('label').notNull(),
    areaCenti: integer('area_centi').notNull(),
    /** The units behind the vote (households basis: the household; owners: every unit of the same owners). */
    unitIds: jsonText<number[]>('unit_ids_json', z.array(z.number().int())).notNull(),
    /** The owners on the title (owners' votes with owners recorded). */
    ownerIds: jsonText<number[]>('owner_ids_json', z.array(z.number().int())).notNull(),
    /**
     * Who may cast the vote: `person:<id>` (that person in the room, or their proxy holder) and
     * `household:<id>` (anyone of the household in the room, or a proxy holder of one of them).
     * Empty when no one may: a let unit without an owner on record.
     */
    castThrough: jsonText<string[]>('cast_through_json', z.array(z.string())).notNull(),
  },
  (table) => [primaryKey({ columns: [table.voteId, table.voterKey] }), index('vote_electorate_position').on(table.voteId, table.position)],
);

/** A roll-call ballot: one per entitled voter per vote, never changed or removed; cast_by_id is who cast it. */
export const ballots = sqliteTable(
  'ballots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    voteId: integer('vote_id')
      .notNull()
      .references(() => votes.id, { onDelete: 'restrict' }),
    /** Who the vote belongs to: `person:12` or `household:5`, by the rule's voter basis. */
    voterKey: text('voter_key').notNull(),
    /** Who cast it: the voter or their proxy holder. */
    castById: integer('cast_by_id').references(() => people.id, { onDelete: 'restrict' }),
    choice: text('choice', { enum: ['for', 'against', 'abstain', 'blank'] }).notNull(),
    at: text('at').notNull(),
  },
  (table) => [uniqueIndex('ballots_vote_voter').on(table.voteId, table.voterKey)],
);

/**
 * Counts entered by the chair (show of hands) or the tellers (secret ballot). No
 * name is ever stored with a choice here. Each entry is kept; the latest counts.
 */
export const voteCounts = sqliteTable('vote_counts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  voteId: integer('vote_id')
    .notNull()
    .references(() => votes.id, { onDelete: 'restrict' }),
  forCount: integer('for_count').notNull(),
  againstCount: integer('against_count').notNull(),
  abstainCount: integer('abstain_count').notNull(),
  blankCount: integer('blank_count').notNull().default(0),
  /** The floor area behind each choice, entered by the tellers under a rule that weighs area; null otherwise. */
  forAreaCenti: integer('for_area_centi'),
  againstAreaCenti: integer('against_area_centi'),
  abstainAreaCenti: integer('abstain_area_centi'),
  blankAreaCenti: integer('blank_area_centi'),
  enteredBy: text('entered_by').notNull().default(''),
  at: text('at').notNull(),
});

/** The locked result of a vote, with the explanation the room saw. Never changed. */
export const voteResults = sqliteTable('vote_results', {
  voteId: integer('vote_id')
    .primaryKey()
    .references(() => votes.id, { onDelete: 'restrict' }),
  passed: integer('passed', { mode: 'boolean' }).notNull(),
  /** The outcome as canonical JSON. */
  outcome: jsonText<Outcome>('outcome_json', storedOutcomeSchema, (outcome) => canonicalJson(outcome as unknown as Json)).notNull(),
  explanation: text('explanation').notNull(),
  lockedAt: text('locked_at').notNull(),
  auditHash: text('audit_hash').notNull(),
});
