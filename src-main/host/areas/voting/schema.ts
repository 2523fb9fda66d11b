/** Votes, roll-call ballots, entered counts and locked results. */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
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
    mode: text('mode', { enum: ['hands', 'roll_call', 'secret'] }).notNull(),
    /** The rule as applied, as canonical JSON (the same text the vote.open audit entry carries). */
    rule: jsonText<VotingRule>('rule_json', votingRuleSchema, (rule) => canonicalJson(rule as unknown as Json)).notNull(),
    status: text('status', { enum: ['open', 'closed', 'locked'] }).notNull().default('open'),
    openedAt: text('opened_at').notNull(),
    closedAt: text('closed_at'),
    replacesVoteId: integer('replaces_vote_id'),
    correctionReason: text('correction_reason'),
  },
  (table) => [index('votes_meeting').on(table.meetingId)],
);

/** A roll-call ballot: one per entitled voter per vote, never changed or removed. */
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
