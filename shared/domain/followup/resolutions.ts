/**
 * Which matters became resolutions (决议). A matter may be voted on more than once: a
 * correction is a re-vote that replaces the earlier one (votes.replaces_vote_id), and a
 * matter may be put to the vote again later. The vote that speaks for the matter is its
 * latest one (highest id). The matter is a resolution when that vote has finished (closed
 * or locked, never while still open) and its outcome passed. A closed vote whose result was
 * not yet locked still counts, but is marked provisional so the page can say so.
 */
export interface VoteOnMatter {
  id: number;
  agendaItemId: number | null;
  status: 'open' | 'closed' | 'locked';
  passed: boolean | null;
}

export interface MatterDecision {
  agendaItemId: number;
  voteId: number;
  passed: boolean;
  /** The result was not locked yet: the count may still be corrected. */
  provisional: boolean;
}

export function decideMatters(votes: readonly VoteOnMatter[]): Map<number, MatterDecision> {
  const latest = new Map<number, VoteOnMatter>();
  for (const vote of votes) {
    if (vote.agendaItemId === null) continue;
    const current = latest.get(vote.agendaItemId);
    if (!current || vote.id > current.id) latest.set(vote.agendaItemId, vote);
  }
  const decisions = new Map<number, MatterDecision>();
  for (const [agendaItemId, vote] of latest) {
    if (vote.status === 'open' || vote.passed === null) continue;
    decisions.set(agendaItemId, { agendaItemId, voteId: vote.id, passed: vote.passed, provisional: vote.status !== 'locked' });
  }
  return decisions;
}

/** The agenda items that are resolutions: their latest finished vote passed. */
export function resolutionIds(votes: readonly VoteOnMatter[]): Set<number> {
  return new Set([...decideMatters(votes).values()].filter((decision) => decision.passed).map((decision) => decision.agendaItemId));
}
