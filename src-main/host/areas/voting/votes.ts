import { and, count, desc, eq } from 'drizzle-orm';
import type { ParsedInput } from '../../../../shared/api/contract';
import type { BallotChoice, BallotReceipt, ChoiceTotals, RollCallVoter, VoteState } from '../../../../shared/api/areas/voting';
import { canonicalJson, type Json } from '../../../../shared/domain/seals/canonical-json';
import { appendAudit } from '../audit/audit-log';
import { signAuditHead } from '../audit/heads';
import type { Db } from '../../db/client';
import { agendaItems } from '../meetings/schema';
import { ballots, voteCounts, voteResults, votes } from './schema';
import { HostError, conflict, notFound } from '../../core/errors';
import { getMeeting } from '../meetings/service';
import { decide, type Outcome, type Tally, type VoteInput } from '../../../../shared/domain/voting/tally';
import { entitledVoters, isPresent, presentVoterKeys, type EntitledVoter } from './electorate';
import { setCurrentMatter } from '../console/service';
import { lockMatterForVote, prepareVoteOnMatter } from '../process/service';

const choices: BallotChoice[] = ['for', 'against', 'abstain', 'blank'];

function voteRow(db: Db, voteId: number) {
  const row = db.select().from(votes).where(eq(votes.id, voteId)).get();
  if (!row) throw notFound('表决');
  return row;
}


const noArea = (headcount: number): Tally => ({ headcount, areaCenti: null });

/** What the rules engine needs, from the stored ballots or the latest entered counts. */
function voteInput(
  row: typeof votes.$inferSelect,
  electorate: EntitledVoter[],
  present: Set<string>,
  cast: Array<{ voterKey: string; choice: BallotChoice }>,
  entered: typeof voteCounts.$inferSelect | undefined,
): VoteInput | null {
  const presentVoters = electorate.filter((voter) => isPresent(voter, present));
  if (row.mode === 'roll_call') {
    return {
      kind: 'named',
      entitled: electorate.map((voter) => ({ voterId: voter.key, areaCenti: voter.areaCenti })),
      present: presentVoters.map((voter) => voter.key),
      ballots: cast.map((ballot) => ({ voterId: ballot.voterKey, choice: ballot.choice })),
    };
  }
  if (!entered) return null;
  const sum = (voters: EntitledVoter[]) => voters.reduce((total, voter) => total + voter.areaCenti, 0);
  return {
    kind: 'counts',
    entitled: { headcount: electorate.length, areaCenti: sum(electorate) },
    present: { headcount: presentVoters.length, areaCenti: sum(presentVoters) },
    counts: {
      for: noArea(entered.forCount),
      against: noArea(entered.againstCount),
      abstain: noArea(entered.abstainCount),
      blank: noArea(entered.blankCount),
    },
  };
}

export function getVote(db: Db, voteId: number): VoteState {
  const row = voteRow(db, voteId);
  const meeting = getMeeting(db, row.meetingId);
  const voterBasis = row.rule.voterBasis;
  const electorate = entitledVoters(db, meeting.councilId, voterBasis);
  const areaOf = new Map(electorate.map((voter) => [voter.key, voter.areaCenti]));
  const present = presentVoterKeys(db, row.meetingId);
  const totals = Object.fromEntries(choices.map((c) => [c, { headcount: 0, areaCenti: 0 }])) as Record<BallotChoice, ChoiceTotals>;
  const cast = db.select({ voterKey: ballots.voterKey, choice: ballots.choice }).from(ballots).where(eq(ballots.voteId, voteId)).all();
  for (const ballot of cast) {
    totals[ballot.choice].headcount += 1;
    totals[ballot.choice].areaCenti += areaOf.get(ballot.voterKey) ?? 0;
  }
  const entered = db.select().from(voteCounts).where(eq(voteCounts.voteId, voteId)).orderBy(desc(voteCounts.id)).limit(1).get();
  if (entered) {
    totals.for.headcount = entered.forCount;
    totals.against.headcount = entered.againstCount;
    totals.abstain.headcount = entered.abstainCount;
    totals.blank.headcount = entered.blankCount;
  }
  const rule = row.rule;
  const stored = db.select().from(voteResults).where(eq(voteResults.voteId, voteId)).get();
  let outcome: Outcome | null = stored?.outcome ?? null;
  let outcomeProblem: string | null = null;
  if (!stored) {
    const input = voteInput(row, electorate, present, cast, entered);
    const decided = input ? decide(rule, input) : { ok: false as const, error: '还没有录入票数。' };
    if (decided.ok) outcome = decided.value;
    else outcomeProblem = decided.error;
  }
  return {
    id: row.id,
    meetingId: row.meetingId,
    agendaItemId: row.agendaItemId,
    title: row.title,
    mode: row.mode,
    status: row.status,
    voterBasis,
    entitled: electorate.length,
    present: electorate.filter((voter) => isPresent(voter, present)).length,
    ballotsCast: entered ? entered.forCount + entered.againstCount + entered.abstainCount + entered.blankCount : cast.length,
    totals,
    openedAt: row.openedAt,
    closedAt: row.closedAt,
    replacesVoteId: row.replacesVoteId,
    correctionReason: row.correctionReason,
    rule,
    outcome,
    outcomeProblem,
    lockedAt: stored?.lockedAt ?? null,
  };
}

export function openVote(db: Db, input: ParsedInput<'vote:open'>, now: Date): VoteState {
  const meeting = getMeeting(db, input.meetingId);
  if (meeting.status === 'closed' || meeting.status === 'cancelled') throw conflict(`会议“${meeting.title}”已结束或取消,不能再表决。`);
  if (input.agendaItemId !== null) {
    const item = db.select().from(agendaItems).where(eq(agendaItems.id, input.agendaItemId)).get();
    if (!item || item.meetingId !== input.meetingId) throw new HostError('invalid_input', '所选议题不在本次会议议程中。');
  }
  const alreadyOpen = db.select().from(votes).where(and(eq(votes.meetingId, input.meetingId), eq(votes.status, 'open'))).get();
  if (alreadyOpen) throw conflict(`“${alreadyOpen.title}”的表决还没有结束,请先结束它再开始新的表决。`);
  // The step machine decides whether the matter may be voted on now (announced, vetted), and moves it to the vote step.
  if (input.agendaItemId !== null) prepareVoteOnMatter(db, input.agendaItemId, now);
  const at = now.toISOString();
  const row = db
    .insert(votes)
    .values({ meetingId: input.meetingId, agendaItemId: input.agendaItemId, title: input.title, mode: input.mode, rule: input.rule, openedAt: at })
    .returning()
    .get();
  appendAudit(db, { kind: 'vote.open', meetingId: input.meetingId, at, payload: { voteId: row.id, title: input.title, mode: input.mode, rule: canonicalJson(input.rule as Json) } });
  // The matter voted on is the matter on: the console and the projector move to it, and speaking stops.
  if (input.agendaItemId !== null) setCurrentMatter(db, { meetingId: input.meetingId, agendaItemId: input.agendaItemId }, now);
  return getVote(db, row.id);
}

/**
 * Records one roll-call ballot. The caller is told it is recorded only after the
 * transaction commits (synchronous=FULL); the unique index and the open-vote trigger
 * hold even if two calls race.
 */
export function castBallot(db: Db, input: ParsedInput<'vote:castBallot'>, now: Date): BallotReceipt {
  const row = voteRow(db, input.voteId);
  if (row.mode !== 'roll_call') throw new HostError('invalid_input', '举手表决和无记名投票只录入票数,不记录个人选择。');
  if (row.status !== 'open') throw conflict('表决已经结束,不能再投票。');
  const meeting = getMeeting(db, row.meetingId);
  const basis = row.rule.voterBasis;
  const voter = entitledVoters(db, meeting.councilId, basis).find((v) => v.key === input.voterKey);
  if (!voter) throw new HostError('invalid_input', '此人(户)没有本次表决的投票权。');
  // Refusals name the voter as the roll-call list does (with the household's people), which costs a read of the roster.
  const named = () => entitledVoters(db, meeting.councilId, basis, { residentNames: true }).find((v) => v.key === voter.key)!.label;
  if (!isPresent(voter, presentVoterKeys(db, row.meetingId))) throw conflict(`${named()} 没有签到,也没有到场的受托人,不能投票。`);
  const existing = db.select().from(ballots).where(and(eq(ballots.voteId, input.voteId), eq(ballots.voterKey, input.voterKey))).get();
  if (existing) throw conflict(`${named()} 已经投过票了。更正需要重新表决并说明理由。`);
  const at = now.toISOString();
  db.insert(ballots).values({ voteId: input.voteId, voterKey: input.voterKey, choice: input.choice, at }).run();
  appendAudit(db, { kind: 'vote.ballot', meetingId: row.meetingId, at, payload: { voteId: input.voteId, voter: input.voterKey, choice: input.choice } });
  const ballotsCast = db.select({ n: count() }).from(ballots).where(eq(ballots.voteId, input.voteId)).get()!.n;
  return { voteId: input.voteId, voterKey: input.voterKey, choice: input.choice, ballotsCast };
}

export function closeVote(db: Db, voteId: number, now: Date): VoteState {
  const row = voteRow(db, voteId);
  if (row.status !== 'open') throw conflict('表决已经结束。');
  const at = now.toISOString();
  db.update(votes).set({ status: 'closed', closedAt: at }).where(eq(votes.id, voteId)).run();
  appendAudit(db, { kind: 'vote.close', meetingId: row.meetingId, at, payload: { voteId } });
  signAuditHead(db, { meetingId: row.meetingId }, 'vote.close', now);
  return getVote(db, voteId);
}

/**
 * Counts for a show of hands (entered by the chair) or a secret ballot (by the
 * tellers). Each entry is kept; the latest one counts. Nothing links a person to a
 * choice. The counts cannot exceed the voters present.
 */
export function enterCounts(db: Db, input: ParsedInput<'vote:enterCounts'>, now: Date): VoteState {
  const row = voteRow(db, input.voteId);
  if (row.mode === 'roll_call') throw new HostError('invalid_input', '记名表决请逐个录入选票。');
  if (row.status !== 'open') throw conflict('表决已经结束,不能再修改票数。');
  const state = getVote(db, input.voteId);
  const total = input.for + input.against + input.abstain + input.blank;
  if (total > state.present) {
    throw new HostError('invalid_input', `票数合计 ${total} 超过了到会有表决权的 ${state.present} 票,请核对。`);
  }
  const at = now.toISOString();
  db.insert(voteCounts)
    .values({ voteId: input.voteId, forCount: input.for, againstCount: input.against, abstainCount: input.abstain, blankCount: input.blank, enteredBy: input.enteredBy, at })
    .run();
  appendAudit(db, {
    kind: 'vote.counts',
    meetingId: row.meetingId,
    at,
    payload: { voteId: input.voteId, for: input.for, against: input.against, abstain: input.abstain, blank: input.blank, enteredBy: input.enteredBy },
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

/** The roll-call list: every entitled voter, whether they can vote now, and their recorded choice. */
export function rollCallVoters(db: Db, voteId: number): RollCallVoter[] {
  const row = voteRow(db, voteId);
  if (row.mode !== 'roll_call') throw new HostError('invalid_input', '只有记名表决有逐人名单。');
  const meeting = getMeeting(db, row.meetingId);
  const present = presentVoterKeys(db, row.meetingId);
  const chosen = new Map(
    db.select({ voterKey: ballots.voterKey, choice: ballots.choice }).from(ballots).where(eq(ballots.voteId, voteId)).all().map((b) => [b.voterKey, b.choice]),
  );
  return entitledVoters(db, meeting.councilId, row.rule.voterBasis, { residentNames: true }).map((voter) => ({
    key: voter.key,
    label: voter.label,
    present: isPresent(voter, present),
    choice: chosen.get(voter.key) ?? null,
  }));
}

/**
 * Locks a closed vote: the outcome the rule gives is stored with its explanation and
 * the hash of its audit entry, and can never be changed. A correction is a re-vote.
 */
export function lockVote(db: Db, voteId: number, now: Date): VoteState {
  const row = voteRow(db, voteId);
  if (row.status === 'open') throw conflict('请先结束表决,再锁定结果。');
  if (row.status === 'locked') throw conflict('结果已经锁定。如需更正,请重新表决并说明理由。');
  const state = getVote(db, voteId);
  if (!state.outcome) throw new HostError('invalid_input', `无法得出结果:${state.outcomeProblem ?? ''}`);
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
  signAuditHead(db, { meetingId: row.meetingId }, 'vote.lock', now);
  return getVote(db, voteId);
}

/** A correction: a new vote on the same matter under the same rule, recording why; the old result stays. */
export function revote(db: Db, input: ParsedInput<'vote:revote'>, now: Date): VoteState {
  const row = voteRow(db, input.voteId);
  if (row.status !== 'locked') throw conflict('只有已锁定的结果才需要重新表决;表决中的请直接继续。');
  const opened = openVote(db, { meetingId: row.meetingId, agendaItemId: row.agendaItemId, title: row.title, mode: row.mode, rule: row.rule }, now);
  db.update(votes).set({ replacesVoteId: row.id, correctionReason: input.reason }).where(eq(votes.id, opened.id)).run();
  appendAudit(db, { kind: 'vote.correction', meetingId: row.meetingId, at: now.toISOString(), payload: { voteId: opened.id, replaces: row.id, reason: input.reason } });
  return getVote(db, opened.id);
}
