/**
 * The votes a compact can be adopted by: votes on matters of the council's meetings, with their
 * outcome from the votes service (stored for a locked vote, decided by the rule for a closed one).
 */
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { AdoptionCandidate, CompactAdoption } from '../../../../shared/api/areas/compacts';
import type { VoteState } from '../../../../shared/api/areas/voting';
import { matterProblem, voteProblem, type AdoptionVote } from '../../../../shared/domain/compacts/adoption';
import type { Db } from '../../db/client';
import { agendaItems, meetings } from '../meetings/schema';
import { votes } from '../voting/schema';
import { getVote } from '../voting/votes';

interface VoteContext {
  state: VoteState;
  agendaTitle: string;
  agendaText: string;
  meetingId: number;
  meetingTitle: string;
  meetingDate: string;
  councilId: number;
  superseded: boolean;
}

function contextRows(db: Db, where: ReturnType<typeof and>) {
  return db
    .select({
      id: votes.id,
      agendaItemId: votes.agendaItemId,
      agendaTitle: agendaItems.title,
      agendaText: agendaItems.text,
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      meetingDate: meetings.date,
      councilId: meetings.councilId,
    })
    .from(votes)
    .innerJoin(meetings, eq(votes.meetingId, meetings.id))
    .leftJoin(agendaItems, eq(votes.agendaItemId, agendaItems.id))
    .where(where)
    .orderBy(desc(votes.id))
    .all();
}

function latestVoteOnMatter(db: Db, agendaItemId: number): number | undefined {
  return db.select({ id: votes.id }).from(votes).where(eq(votes.agendaItemId, agendaItemId)).orderBy(desc(votes.id)).limit(1).get()?.id;
}

export function voteContext(db: Db, voteId: number): VoteContext | null {
  const row = contextRows(db, and(eq(votes.id, voteId)))[0];
  if (!row) return null;
  return {
    state: getVote(db, voteId),
    agendaTitle: row.agendaTitle ?? '',
    agendaText: row.agendaText ?? '',
    meetingId: row.meetingId,
    meetingTitle: row.meetingTitle,
    meetingDate: row.meetingDate,
    councilId: row.councilId,
    superseded: row.agendaItemId !== null && latestVoteOnMatter(db, row.agendaItemId) !== voteId,
  };
}

export function adoptionVote(context: VoteContext): AdoptionVote {
  const { state } = context;
  return {
    id: state.id,
    agendaItemId: state.agendaItemId,
    status: state.status,
    passed: state.outcome ? state.outcome.passed : null,
    superseded: context.superseded,
    matter: `${context.agendaTitle}\n${context.agendaText}`,
  };
}

function counts(state: VoteState) {
  return { votesFor: state.totals.for.headcount, votesAgainst: state.totals.against.headcount, votesAbstain: state.totals.abstain.headcount };
}

export function adoptionView(db: Db, row: { adoptedAgendaItemId: number | null; adoptedVoteId: number | null; adoptedAt: string }): CompactAdoption {
  const context = row.adoptedVoteId === null ? null : voteContext(db, row.adoptedVoteId);
  if (!context) {
    // The vote was deleted with its meeting; the adoption stands (it is in the audit log).
    return {
      agendaItemId: row.adoptedAgendaItemId,
      agendaTitle: '',
      meetingId: null,
      meetingTitle: '（表决记录已删除）',
      meetingDate: row.adoptedAt.slice(0, 10),
      voteId: null,
      votesFor: 0,
      votesAgainst: 0,
      votesAbstain: 0,
      ruleName: '',
      explanation: '',
      passed: true,
      adoptedAt: row.adoptedAt,
    };
  }
  const { state } = context;
  return {
    agendaItemId: state.agendaItemId,
    agendaTitle: context.agendaTitle,
    meetingId: context.meetingId,
    meetingTitle: context.meetingTitle,
    meetingDate: context.meetingDate,
    voteId: state.id,
    ...counts(state),
    ruleName: state.outcome?.ruleName ?? state.rule.name,
    explanation: state.outcome?.explanation ?? '',
    passed: state.outcome?.passed ?? false,
    adoptedAt: row.adoptedAt,
  };
}

/**
 * The latest vote on each matter of the council's meetings, newest first; earlier votes on a matter
 * were replaced. With a compact's title, a matter that does not name it says so.
 */
export function adoptionCandidates(db: Db, councilId: number, compactTitle: string | null): AdoptionCandidate[] {
  const seen = new Set<number>();
  const out: AdoptionCandidate[] = [];
  for (const row of contextRows(db, and(eq(meetings.councilId, councilId), isNotNull(votes.agendaItemId)))) {
    if (seen.has(row.agendaItemId!)) continue;
    seen.add(row.agendaItemId!);
    const state = getVote(db, row.id);
    const context: VoteContext = { state, agendaTitle: row.agendaTitle ?? '', agendaText: row.agendaText ?? '', meetingId: row.meetingId, meetingTitle: row.meetingTitle, meetingDate: row.meetingDate, councilId, superseded: false };
    out.push({
      voteId: row.id,
      agendaItemId: row.agendaItemId!,
      agendaTitle: context.agendaTitle,
      meetingId: row.meetingId,
      meetingTitle: row.meetingTitle,
      meetingDate: row.meetingDate,
      status: state.status,
      passed: state.outcome ? state.outcome.passed : null,
      ...counts(state),
      ruleName: state.outcome?.ruleName ?? state.rule.name,
      problem: voteProblem(adoptionVote(context)) ?? (compactTitle === null ? null : matterProblem(compactTitle, adoptionVote(context).matter)),
    });
  }
  return out;
}
