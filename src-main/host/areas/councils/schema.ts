/** Councils and the council-wide settings that the attendance, voting and process rules read. */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { votingRuleSchema } from '../../../../shared/api/areas/voting';
import { jsonText } from '../../db/json-column';
import { createdAt, updatedAt } from '../../db/columns';

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

/** Council-wide settings that the attendance and voting rules read. */
export const councilSettings = sqliteTable('council_settings', {
  councilId: integer('council_id')
    .primaryKey()
    .references(() => councils.id, { onDelete: 'cascade' }),
  /** How many proxies one person may hold at a meeting; null means no cap. */
  maxProxiesPerHolder: integer('max_proxies_per_holder'),
  requireSignature: integer('require_signature', { mode: 'boolean' }).notNull().default(false),
  /** Whether a proxy is accepted only with its written authorisation (书面委托书) in hand. */
  requireWrittenProxy: integer('require_written_proxy', { mode: 'boolean' }).notNull().default(false),
  /** Whether residents may raise matters on the public page now. */
  intakeOpen: integer('intake_open', { mode: 'boolean' }).notNull().default(false),
  /** The council's own names for the six steps (JSON array of 6 strings), or null for the template's. */
  stepNames: text('step_names'),
  /** 六议: how many seconds (附议) a matter needs to pass the second step. */
  secondsRequired: integer('seconds_required').notNull().default(3),
  /** How many days before the meeting its notice must be posted (公示) for deliberation to begin; 3 is common. */
  noticeDays: integer('notice_days').notNull().default(3),
  /**
   * The rule a new vote starts from (JSON of a VotingRule, as the council adjusted it), or null for the app's default.
   * One that no longer fits the rules' form (written by an older version, or edited by hand) reads as null.
   */
  defaultVoteRule: jsonText('default_vote_rule', votingRuleSchema.nullable().catch(null)),
  /** How the room usually votes (hands, roll_call, secret), or null for a show of hands. */
  defaultVoteMode: text('default_vote_mode', { enum: ['hands', 'roll_call', 'secret'] }),
});
