import { and, asc, count, desc, eq, inArray, ne } from 'drizzle-orm';
import type { ParsedInput } from '../../../../shared/api/contract';
import type { BallotChoice, BallotReceipt, ChoiceTotals, RollCallVoter, VoteState } from '../../../../shared/api/areas/voting';
import { canonicalJson, type Json } from '../../../../shared/domain/seals/canonical-json';
import { emptyElectorateReason } from '../../../../shared/domain/voting/explain';
import { participationOf, ruleUsesArea } from '../../../../shared/domain/voting/rules';
import { decide, type Outcome, type OutcomeNotes, type Tally, type VoteInput } from '../../../../shared/domain/voting/tally';
import { appendAudit } from '../audit/audit-log';
import { signAuditHead } from '../audit/heads';
import type { KeyProtector } from '../seals/keys';
import type { Db } from '../../db/client';
import { agendaItems } from '../meetings/schema';
import { people } from '../roster/schema';
import { ballots, voteCounts, voteResults, votes, type ClosingRecord } from './schema';
import { HostError, conflict, notFound } from '../../core/errors';
import { getMeeting } from '../meetings/service';
import { castersFor, roomPresence } from '../attendance/presence';
import { entitledVoters, noOneToCast, type EntitledVoter } from './electorate';
import { closingHash, electorateHash, freezeElectorate, frozenElectorate, frozenVoter } from './frozen';
import { checkEnteredAreas } from '../../../../shared/domain/voting/entered-area';
import { setCurrentMatter } from '../console/service';
import { lockMatterForVote, prepareVoteOnMatter } from '../process/service';
import { paperClosingRecord } from '../paper/closing';

const choices: BallotChoice[] = ['for', 'against', 'abstain', 'blank'];
const paperOnly = '书面表决的事项在计票记录由计票人、监票人签字封存时一并结束并锁定，不能单独操作。';
type VoteRow = typeof votes.$inferSelect;

function voteRow(db: Db, voteId: number): VoteRow {
  const row = db.select().from(votes).where(eq(votes.id, voteId)).get();
  if (!row) throw notFound('表决');
  return row;
}

/** The electorate a vote is decided on: fixed at opening (for a vote opened before that was kept, the roster now). */
function electorateOf(db: Db, row: VoteRow): EntitledVoter[] {
  return frozenElectorate(db, row.id) ?? entitledVoters(db, getMeeting(db, row.meetingId).councilId, row.rule.voterBasis);
}

/** The people named by id, for who cast which ballot. */
function namesOf(db: Db, ids: number[]): Map<number, string> {
  if (!ids.length) return new Map();
  return new Map(db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, [...new Set(ids)])).all().map((p) => [p.id, p.name]));
}

/** Who takes part as the room and the ballots are now: what closeVote fixes, and what an open vote shows. */
function currentRecord(db: Db, row: VoteRow, electorate: EntitledVoter[]): ClosingRecord {
  // A written vote's matter: who took part and how is what the tellers read from the returned ballots.
  if (row.mode === 'paper' && row.paperRoundId !== null) return paperClosingRecord(db, row.id, row.paperRoundId);
  const room = roomPresence(db, row.meetingId);
  const present = electorate.filter((voter) => room.present(voter.castThrough)).map((voter) => voter.key);
  const cast = db
    .select({ voterKey: ballots.voterKey, choice: ballots.choice, castById: ballots.castById })
    .from(ballots)
    .where(eq(ballots.voteId, row.id))
    .orderBy(asc(ballots.id))
    .all();
  const entered = db.select().from(voteCounts).where(eq(voteCounts.voteId, row.id)).orderBy(desc(voteCounts.id)).limit(1).get();
  const counts: ClosingRecord['counts'] = entered
    ? {
        for: { headcount: entered.forCount, areaCenti: entered.forAreaCenti },
        against: { headcount: entered.againstCount, areaCenti: entered.againstAreaCenti },
        abstain: { headcount: entered.abstainCount, areaCenti: entered.abstainAreaCenti },
        blank: { headcount: entered.blankCount, areaCenti: entered.blankAreaCenti },
        enteredBy: entered.enteredBy,
      }
    : null;
  const perCaster = new Map<number, number>();
  for (const ballot of cast) if (ballot.castById !== null) perCaster.set(ballot.castById, (perCaster.get(ballot.castById) ?? 0) + 1);
  const several = [...perCaster].filter(([, votes]) => votes > 1);
  const names = namesOf(db, several.map(([personId]) => personId));
  const multipleVotes = several.map(([personId, votes]) => ({ personId, name: names.get(personId) ?? '', votes }));
  return { present, ballots: cast, counts, multipleVotes };
}

/** Who took part: fixed at close; while open (and for a vote closed before that was kept), as it is now. */
function recordOf(db: Db, row: VoteRow, electorate: EntitledVoter[]): ClosingRecord {
  return row.closingRecord ?? currentRecord(db, row, electorate);
}

const sumArea = (voters: readonly EntitledVoter[]) => voters.reduce((total, voter) => total + voter.areaCenti, 0);

/** What the rules engine needs, from the record: named ballots, or the entered counts. */
function voteInput(row: VoteRow, electorate: EntitledVoter[], record: ClosingRecord): VoteInput | null {
  if (row.mode === 'roll_call' || (row.mode === 'paper' && !record.counts)) {
    return {
      kind: 'named',
      entitled: electorate.map((voter) => ({ voterId: voter.key, areaCenti: voter.areaCenti })),
      present: record.present,
      ballots: record.ballots.map((ballot) => ({ voterId: ballot.voterKey, choice: ballot.choice })),
    };
  }
  if (!record.counts) return null;
  const { enteredBy: _enteredBy, ...counts } = record.counts;
  const presentKeys = new Set(record.present);
  const inRoom = electorate.filter((voter) => presentKeys.has(voter.key));
  const cast = choices.map((choice) => counts[choice]).reduce<Tally>(
    (sum, tally) => ({ headcount: sum.headcount + tally.headcount, areaCenti: sum.areaCenti === null || tally.areaCenti === null ? null : sum.areaCenti + tally.areaCenti }),
    { headcount: 0, areaCenti: 0 },
  );
  return {
    kind: 'counts',
    entitled: { headcount: electorate.length, areaCenti: sumArea(electorate) },
    // Taking part under 民法典第二百七十八条 is casting a ballot: the ballots returned, not the people in the room.
    // A written vote has no room: taking part is returning a ballot, whatever the rule says of presence.
    present: participationOf(row.rule) === 'ballot' || row.mode === 'paper' ? cast : { headcount: inRoom.length, areaCenti: sumArea(inRoom) },
    counts,
  };
}

/** What the explanation adds from the record: units no one votes for, the present who cast nothing, multiple votes. */
function notesOf(row: VoteRow, electorate: EntitledVoter[], record: ClosingRecord): OutcomeNotes {
  const voted = new Set(record.ballots.map((ballot) => ballot.voterKey));
  const present = new Set([...record.present, ...voted]);
  return {
    unvoicedUnits: row.rule.voterBasis === 'owners' ? electorate.filter(noOneToCast).length : 0,
    presentNotVoting: row.mode === 'roll_call' ? { present: present.size, notVoted: present.size - voted.size } : undefined,
    multipleVotes: record.multipleVotes.map(({ name, votes: held }) => ({ name, votes: held })),
  };
}

export function getVote(db: Db, voteId: number): VoteState {
  const row = voteRow(db, voteId);
  const electorate = electorateOf(db, row);
  const record = recordOf(db, row, electorate);
  const areaOf = new Map(electorate.map((voter) => [voter.key, voter.areaCenti]));
  const totals = Object.fromEntries(choices.map((c) => [c, { headcount: 0, areaCenti: 0 }])) as Record<BallotChoice, ChoiceTotals>;
  for (const ballot of record.ballots) {
    totals[ballot.choice].headcount += 1;
    totals[ballot.choice].areaCenti += areaOf.get(ballot.voterKey) ?? 0;
  }
  if (record.counts) {
    for (const choice of choices) totals[choice] = { headcount: record.counts[choice].headcount, areaCenti: record.counts[choice].areaCenti ?? 0 };
  }
  const stored = db.select().from(voteResults).where(eq(voteResults.voteId, voteId)).get();
  let outcome: Outcome | null = stored?.outcome ?? null;
  let outcomeProblem: string | null = null;
  if (!stored) {
    const input = voteInput(row, electorate, record);
    const decided = input ? decide(row.rule, input, notesOf(row, electorate, record)) : { ok: false as const, error: '还没有录入票数。' };
    if (decided.ok) outcome = decided.value;
    else outcomeProblem = decided.error;
  }
  const voted = new Set(record.ballots.map((ballot) => ballot.voterKey));
  return {
    id: row.id,
    meetingId: row.meetingId,
    agendaItemId: row.agendaItemId,
    title: row.title,
    mode: row.mode,
    status: row.status,
    voterBasis: row.rule.voterBasis,
    entitled: electorate.length,
    present: record.present.length,
    ballotsCast: record.counts ? choices.reduce((sum, choice) => sum + record.counts![choice].headcount, 0) : record.ballots.length,
    totals,
    openedAt: row.openedAt,
    closedAt: row.closedAt,
    replacesVoteId: row.replacesVoteId,
    correctionReason: row.correctionReason,
    rule: row.rule,
    outcome,
    outcomeProblem,
    lockedAt: stored?.lockedAt ?? null,
    unvoicedUnits: row.rule.voterBasis === 'owners' ? electorate.filter(noOneToCast).length : 0,
    notVoted: row.mode === 'roll_call' ? record.present.filter((key) => !voted.has(key)).length : null,
  };
}

/**
 * Opens a vote and fixes its electorate: every entitled voter with the units, owners and area
 * behind the vote and who may cast it. Refused when the way of voting cannot give a result under
 * the rule (a show of hands cannot weigh area), or when no one is entitled.
 */
export function openVote(
  db: Db,
  input: Omit<ParsedInput<'vote:open'>, 'mode'> & { mode: VoteRow['mode'] },
  now: Date,
  paper?: { roundId: number },
): VoteState {
  if ((input.mode === 'paper') !== (paper !== undefined)) throw new HostError('invalid_input', '书面表决请在“书面表决”里发起。');
  const meeting = getMeeting(db, input.meetingId);
  if (meeting.status === 'closed' || meeting.status === 'cancelled') throw conflict(`会议“${meeting.title}”已结束或取消，不能再表决。`);
  if (input.agendaItemId !== null) {
    const item = db.select().from(agendaItems).where(eq(agendaItems.id, input.agendaItemId)).get();
    if (!item || item.meetingId !== input.meetingId) throw new HostError('invalid_input', '所选议题不在本次会议议程中。');
  }
  if (input.mode === 'hands' && ruleUsesArea(input.rule)) {
    throw new HostError(
      'invalid_input',
      `“${input.rule.name}”要按专有部分面积计算，举手表决数不出每一票的面积，得不出结果。请改用记名表决（逐户记录，面积按名单计算）；书面表决将在以后提供。`,
    );
  }
  // A written vote runs for days beside the room's votes: only a vote in the room stops another one in the room.
  const alreadyOpen = paper
    ? undefined
    : db.select().from(votes).where(and(eq(votes.meetingId, input.meetingId), eq(votes.status, 'open'), ne(votes.mode, 'paper'))).get();
  if (alreadyOpen) throw conflict(`“${alreadyOpen.title}”的表决还没有结束，请先结束它再开始新的表决。`);
  const electorate = entitledVoters(db, meeting.councilId, input.rule.voterBasis);
  if (electorate.length === 0) throw new HostError('invalid_input', emptyElectorateReason(input.rule.voterBasis));
  // The step machine decides whether the matter may be voted on now (announced, vetted), and moves it to the vote step.
  if (input.agendaItemId !== null) prepareVoteOnMatter(db, input.agendaItemId, now);
  const at = now.toISOString();
  const row = db
    .insert(votes)
    .values({
      meetingId: input.meetingId,
      agendaItemId: input.agendaItemId,
      title: input.title,
      mode: input.mode,
      rule: input.rule,
      openedAt: at,
      paperRoundId: paper?.roundId ?? null,
    })
    .returning()
    .get();
  freezeElectorate(db, row.id, electorate);
  appendAudit(db, {
    kind: 'vote.open',
    meetingId: input.meetingId,
    at,
    payload: {
      voteId: row.id,
      title: input.title,
      mode: input.mode,
      ...(paper ? { paperRoundId: paper.roundId } : {}),
      rule: canonicalJson(input.rule as Json),
      entitled: electorate.length,
      electorateHash: electorateHash(electorate),
    },
  });
  // The matter voted on is the matter on: the console and the projector move to it, and speaking stops.
  if (input.agendaItemId !== null) setCurrentMatter(db, { meetingId: input.meetingId, agendaItemId: input.agendaItemId }, now);
  return getVote(db, row.id);
}

/** The entitled voter a ballot names, from the frozen electorate (a vote opened before that was kept: the roster now). */
function ballotVoter(db: Db, row: VoteRow, key: string): EntitledVoter {
  const found = frozenVoter(db, row.id, key);
  const voter =
    found === 'not-frozen' ? entitledVoters(db, getMeeting(db, row.meetingId).councilId, row.rule.voterBasis).find((v) => v.key === key) : found === 'not-entitled' ? undefined : found;
  if (!voter) throw new HostError('invalid_input', '此人（户）没有本次表决的投票权。');
  return voter;
}

/**
 * Records one roll-call ballot, with who cast it: the voter, a co-owner of a joint unit, or the
 * holder of a written proxy, in the room. Checked against the frozen electorate and the people in
 * the room for this one voter, so a ballot stays cheap however large the estate. The caller is
 * told it is recorded only after the transaction commits (synchronous=FULL); the unique index and
 * the open-vote trigger hold even if two calls race.
 */
export function castBallot(db: Db, input: ParsedInput<'vote:castBallot'>, now: Date): BallotReceipt {
  const row = voteRow(db, input.voteId);
  if (row.mode === 'paper') throw new HostError('invalid_input', '书面表决的选择由计票人扫描表决票录入。');
  if (row.mode !== 'roll_call') throw new HostError('invalid_input', '举手表决和无记名投票只录入票数，不记录个人选择。');
  if (row.status !== 'open') throw conflict('表决已经结束，不能再投票。');
  const voter = ballotVoter(db, row, input.voterKey);
  if (noOneToCast(voter)) throw conflict(`${voter.label}：这套房屋未登记产权人，没有人可以代为表决。`);
  const casters = castersFor(db, row.meetingId, voter.castThrough);
  if (!casters.length) {
    const needsProxy = row.rule.voterBasis === 'owners' && voter.ownerIds.length > 0;
    throw conflict(`${voter.label} 没有签到，也没有到场的受托人，不能投票。${needsProxy ? '家属或租户须持有业主的书面委托，才能代业主表决。' : ''}`);
  }
  const caster = input.castById === null ? casters[0]! : casters.find((c) => c.personId === input.castById);
  if (!caster) {
    throw conflict(`所选的人不能投 ${voter.label} 这一票：可以投的是 ${casters.map((c) => c.name).join('、')}（本人、共有业主或到场的受托人）。`);
  }
  const existing = db.select().from(ballots).where(and(eq(ballots.voteId, input.voteId), eq(ballots.voterKey, input.voterKey))).get();
  if (existing) throw conflict(`${voter.label} 已经投过票了。更正需要重新表决并说明理由。`);
  const at = now.toISOString();
  db.insert(ballots).values({ voteId: input.voteId, voterKey: input.voterKey, castById: caster.personId, choice: input.choice, at }).run();
  appendAudit(db, {
    kind: 'vote.ballot',
    meetingId: row.meetingId,
    at,
    payload: { voteId: input.voteId, voter: input.voterKey, choice: input.choice, castBy: caster.personId, asProxy: caster.asProxy },
  });
  const ballotsCast = db.select({ n: count() }).from(ballots).where(eq(ballots.voteId, input.voteId)).get()!.n;
  return { voteId: input.voteId, voterKey: input.voterKey, choice: input.choice, ballotsCast };
}

/**
 * Closes a vote and fixes who took part: the voters present now, a roll call's ballots with who
 * cast each, a counted vote's latest counts. From here on the outcome is decided from this record
 * and the frozen electorate only. The close audit entry carries both hashes.
 */
export function closeVote(db: Db, voteId: number, now: Date, keyProtector?: KeyProtector, fromPaperCount = false): VoteState {
  const row = voteRow(db, voteId);
  if (row.status !== 'open') throw conflict('表决已经结束。');
  if (row.mode === 'paper' && !fromPaperCount) throw conflict(paperOnly);
  const electorate = electorateOf(db, row);
  const record = currentRecord(db, row, electorate);
  const at = now.toISOString();
  db.update(votes).set({ status: 'closed', closedAt: at, closingRecord: record }).where(eq(votes.id, voteId)).run();
  appendAudit(db, {
    kind: 'vote.close',
    meetingId: row.meetingId,
    at,
    payload: {
      voteId,
      electorateHash: electorateHash(electorate),
      closingHash: closingHash(record),
      entitled: electorate.length,
      present: record.present.length,
      ballots: record.ballots.length,
    },
  });
  signAuditHead(db, { meetingId: row.meetingId }, 'vote.close', now, keyProtector);
  return getVote(db, voteId);
}

/** The entered counts; the areas may be left out where the rule does not weigh area (the demo's own votes). */
type CountsInput = Omit<ParsedInput<'vote:enterCounts'>, 'areaCenti'> & Partial<Pick<ParsedInput<'vote:enterCounts'>, 'areaCenti'>>;

/**
 * Counts for a show of hands (entered by the chair) or a secret ballot (by the tellers). Each
 * entry is kept; the latest one counts. Nothing links a person to a choice. The counts cannot
 * exceed the voters present; under a rule that weighs area, each choice carries its area, which
 * must be one that so many of the present voters can hold.
 */
export function enterCounts(db: Db, input: CountsInput, now: Date): VoteState {
  const row = voteRow(db, input.voteId);
  if (row.mode === 'roll_call') throw new HostError('invalid_input', '记名表决请逐个录入选票。');
  if (row.mode === 'paper') throw new HostError('invalid_input', '书面表决的票数由计票人扫描表决票录入。');
  if (row.status !== 'open') throw conflict('表决已经结束，不能再修改票数。');
  const electorate = electorateOf(db, row);
  const room = roomPresence(db, row.meetingId);
  const present = electorate.filter((voter) => room.present(voter.castThrough));
  const total = input.for + input.against + input.abstain + input.blank;
  if (total > present.length) {
    throw new HostError('invalid_input', `票数合计 ${total} 超过了到会有表决权的 ${present.length} 票，请核对。`);
  }
  if (ruleUsesArea(row.rule) && !input.areaCenti) throw new HostError('invalid_input', `“${row.rule.name}”按专有部分面积计算，请填写每一项的面积（㎡）。`);
  if (input.areaCenti) {
    const problem = checkEnteredAreas(
      present.map((voter) => voter.areaCenti),
      Object.fromEntries(choices.map((choice) => [choice, { headcount: input[choice], areaCenti: input.areaCenti![choice] }])) as Record<BallotChoice, ChoiceTotals>,
    );
    if (problem) throw new HostError('invalid_input', problem);
  }
  const areas = input.areaCenti ?? null;
  const at = now.toISOString();
  db.insert(voteCounts)
    .values({
      voteId: input.voteId,
      forCount: input.for,
      againstCount: input.against,
      abstainCount: input.abstain,
      blankCount: input.blank,
      forAreaCenti: areas?.for ?? null,
      againstAreaCenti: areas?.against ?? null,
      abstainAreaCenti: areas?.abstain ?? null,
      blankAreaCenti: areas?.blank ?? null,
      enteredBy: input.enteredBy,
      at,
    })
    .run();
  appendAudit(db, {
    kind: 'vote.counts',
    meetingId: row.meetingId,
    at,
    payload: {
      voteId: input.voteId,
      for: input.for,
      against: input.against,
      abstain: input.abstain,
      blank: input.blank,
      enteredBy: input.enteredBy,
      ...(areas ? { areaCenti: { ...areas } } : {}),
    },
  });
  return getVote(db, input.voteId);
}

export function listVotes(db: Db, meetingId: number): VoteState[] {
  getMeeting(db, meetingId);
  return db
    .select({ id: votes.id })
    .from(votes)
    .where(eq(votes.meetingId, meetingId))
    .orderBy(votes.id)
    .all()
    .map(({ id }) => getVote(db, id));
}

/**
 * The roll-call list: every entitled voter of the frozen electorate, whether someone may cast the
 * vote (now while open, at close once closed), who may cast it and how many votes each of them
 * holds (more than one is marked for the chair), the recorded choice and who cast it.
 */
export function rollCallVoters(db: Db, voteId: number): RollCallVoter[] {
  const row = voteRow(db, voteId);
  if (row.mode !== 'roll_call') throw new HostError('invalid_input', '只有记名表决有逐人名单。');
  const electorate = electorateOf(db, row);
  const open = row.status === 'open';
  const room = open ? roomPresence(db, row.meetingId) : null;
  const record = recordOf(db, row, electorate);
  const present = new Set(record.present);
  const casters = new Map(electorate.map((voter) => [voter.key, room ? room.casters(voter.castThrough) : []]));
  const held = new Map<number, number>();
  for (const list of casters.values()) for (const caster of list) held.set(caster.personId, (held.get(caster.personId) ?? 0) + 1);
  const ballotOf = new Map(record.ballots.map((ballot) => [ballot.voterKey, ballot]));
  const names = namesOf(db, record.ballots.flatMap((ballot) => (ballot.castById === null ? [] : [ballot.castById])));
  return electorate.map((voter) => {
    const ballot = ballotOf.get(voter.key);
    const isPresent = present.has(voter.key);
    return {
      key: voter.key,
      label: voter.label,
      present: isPresent,
      choice: ballot?.choice ?? null,
      noOneToCast: noOneToCast(voter),
      casters: (casters.get(voter.key) ?? []).map((caster) => ({ ...caster, votes: held.get(caster.personId) ?? 1 })),
      castBy: ballot?.castById != null ? (names.get(ballot.castById) ?? null) : null,
      notVoted: !open && isPresent && !ballot,
    };
  });
}

/**
 * Locks a closed vote: the outcome decided from the frozen record is stored with its explanation
 * and the hash of its audit entry, and can never be changed. A correction is a re-vote.
 */
export function lockVote(db: Db, voteId: number, now: Date, keyProtector?: KeyProtector, fromPaperCount = false): VoteState {
  const row = voteRow(db, voteId);
  if (row.mode === 'paper' && !fromPaperCount) throw conflict(paperOnly);
  if (row.status === 'open') throw conflict('请先结束表决，再锁定结果。');
  if (row.status === 'locked') throw conflict('结果已经锁定。如需更正，请重新表决并说明理由。');
  const state = getVote(db, voteId);
  if (!state.outcome) throw new HostError('invalid_input', `无法得出结果：${state.outcomeProblem ?? ''}`);
  const at = now.toISOString();
  const entry = appendAudit(db, {
    kind: 'vote.result',
    meetingId: row.meetingId,
    at,
    payload: { voteId, passed: state.outcome.passed, explanation: state.outcome.explanation, rule: state.outcome.ruleName },
  });
  db.insert(voteResults)
    .values({
      voteId,
      passed: state.outcome.passed,
      outcome: state.outcome,
      explanation: state.outcome.explanation,
      lockedAt: at,
      auditHash: entry.hash,
    })
    .run();
  db.update(votes).set({ status: 'locked' }).where(eq(votes.id, voteId)).run();
  // The matter's result is locked with it: it can move on to 落实公示 and never back.
  if (row.agendaItemId !== null) lockMatterForVote(db, row.agendaItemId, now);
  signAuditHead(db, { meetingId: row.meetingId }, 'vote.lock', now, keyProtector);
  return getVote(db, voteId);
}

/** A correction: a new vote on the same matter under the same rule, recording why; the old result stays. */
export function revote(db: Db, input: ParsedInput<'vote:revote'>, now: Date): VoteState {
  const row = voteRow(db, input.voteId);
  if (row.status !== 'locked') throw conflict('只有已锁定的结果才需要重新表决；表决中的请直接继续。');
  if (row.mode === 'paper') throw conflict('书面表决的事项不能在会上重新表决。如需更正，请重新发起一次书面表决。');
  const opened = openVote(db, { meetingId: row.meetingId, agendaItemId: row.agendaItemId, title: row.title, mode: row.mode, rule: row.rule }, now);
  db.update(votes).set({ replacesVoteId: row.id, correctionReason: input.reason }).where(eq(votes.id, opened.id)).run();
  appendAudit(db, { kind: 'vote.correction', meetingId: row.meetingId, at: now.toISOString(), payload: { voteId: opened.id, replaces: row.id, reason: input.reason } });
  return getVote(db, opened.id);
}
