import { sql } from 'drizzle-orm';
import { blob, check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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
    /** When the notice (step 3, 公示通知) was posted on the board; null until it is. */
    noticePostedAt: text('notice_posted_at'),
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
    /** The proposal as amended in the meeting (the console's 修改后的议案); null while unchanged. */
    amendedText: text('amended_text'),
    stepIndex: integer('step_index').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('agenda_items_meeting_position').on(table.meetingId, table.position),
    check('agenda_items_step_range', sql`${table.stepIndex} BETWEEN 0 AND 5`),
  ],
);

/**
 * Who came to a meeting. A person signs in once per meeting; leaving early sets
 * `leftAt` (quorum for later votes changes), and coming back clears it. Observers
 * (列席) are recorded but never counted.
 */
export const attendance = sqliteTable(
  'attendance',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    observer: integer('observer', { mode: 'boolean' }).notNull().default(false),
    arrivedAt: text('arrived_at').notNull(),
    leftAt: text('left_at'),
    /** PNG of the handwritten signature, when the council asks for one. */
    signaturePng: blob('signature_png', { mode: 'buffer' }),
  },
  (table) => [uniqueIndex('attendance_meeting_person').on(table.meetingId, table.personId)],
);

/** A written authorisation (委托): the grantor's vote is cast by the holder at this meeting. */
export const proxies = sqliteTable(
  'proxies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    grantorId: integer('grantor_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    holderId: integer('holder_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull(),
    revokedAt: text('revoked_at'),
  },
  (table) => [
    index('proxies_meeting_holder').on(table.meetingId, table.holderId),
    check('proxies_not_self', sql`${table.grantorId} <> ${table.holderId}`),
  ],
);

/**
 * Append-only, hash-chained record of everything that decides a vote: check-ins,
 * ballots, results, corrections. Each entry's hash covers the previous one, so an
 * edit behind the app's back breaks the chain at that entry; triggers refuse
 * UPDATE and DELETE.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey(),
    at: text('at').notNull(),
    kind: text('kind').notNull(),
    meetingId: integer('meeting_id'),
    /** Canonical JSON of what happened. */
    payload: text('payload').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [index('audit_log_meeting').on(table.meetingId)],
);

/** Council-wide settings that the attendance and voting rules read. */
export const councilSettings = sqliteTable('council_settings', {
  councilId: integer('council_id')
    .primaryKey()
    .references(() => councils.id, { onDelete: 'cascade' }),
  /** How many proxies one person may hold at a meeting; null means no cap. */
  maxProxiesPerHolder: integer('max_proxies_per_holder'),
  requireSignature: integer('require_signature', { mode: 'boolean' }).notNull().default(false),
  /** Whether residents may raise matters on the public page now. */
  intakeOpen: integer('intake_open', { mode: 'boolean' }).notNull().default(false),
  /** The council's own names for the six steps (JSON array of 6 strings), or null for the template's. */
  stepNames: text('step_names'),
  /** 六议: how many seconds (附议) a matter needs to pass the second step. */
  secondsRequired: integer('seconds_required').notNull().default(3),
  /** The rule a new vote starts from (JSON of a VotingRule, as the council adjusted it), or null for the app's default. */
  defaultVoteRule: text('default_vote_rule'),
  /** How the room usually votes (hands, roll_call, secret), or null for a show of hands. */
  defaultVoteMode: text('default_vote_mode', { enum: ['hands', 'roll_call', 'secret'] }),
});

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
    ruleJson: text('rule_json').notNull(),
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
  outcomeJson: text('outcome_json').notNull(),
  explanation: text('explanation').notNull(),
  lockedAt: text('locked_at').notNull(),
  auditHash: text('audit_hash').notNull(),
});

/** A speaker's time until the chair sets another limit. */
export const defaultSpeakingLimitSeconds = 180;

/** What the room is shown for a meeting, and the chair's speaking limit. One row per meeting. */
export const meetingConsoles = sqliteTable('meeting_consoles', {
  meetingId: integer('meeting_id')
    .primaryKey()
    .references(() => meetings.id, { onDelete: 'cascade' }),
  currentAgendaItemId: integer('current_agenda_item_id').references(() => agendaItems.id, { onDelete: 'set null' }),
  screen: text('screen', { enum: ['meeting', 'blank', 'break'] }).notNull().default('meeting'),
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
