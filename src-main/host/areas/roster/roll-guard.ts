/**
 * The roster waits for a running vote: while a vote of the council is open, or closed and not yet
 * locked, a change that vote counts (see shared/domain/roster/roll-changes.ts) is refused, naming it.
 */
import { and, eq, ne } from 'drizzle-orm';
import { changeThatMoves, rollChangeRefusal, type RollChange } from '../../../../shared/domain/roster/roll-changes';
import type { Db } from '../../db/client';
import { conflict } from '../../core/errors';
import { meetings } from '../meetings/schema';
import { votes } from '../voting/schema';

/** Why these changes must wait for a vote of the council, or null when no unlocked vote counts them. */
export function rollChangeBlocked(db: Db, councilId: number, changes: Iterable<RollChange>): string | null {
  const wanted = [...changes];
  if (wanted.length === 0) return null;
  const running = db
    .select({ title: votes.title, rule: votes.rule })
    .from(votes)
    .innerJoin(meetings, eq(votes.meetingId, meetings.id))
    .where(and(eq(meetings.councilId, councilId), ne(votes.status, 'locked')))
    .orderBy(votes.id)
    .all();
  for (const vote of running) {
    const change = changeThatMoves(vote.rule.voterBasis, wanted);
    if (change) return rollChangeRefusal({ title: vote.title, basis: vote.rule.voterBasis }, change);
  }
  return null;
}

export function assertRollMayChange(db: Db, councilId: number, changes: Iterable<RollChange>): void {
  const refusal = rollChangeBlocked(db, councilId, changes);
  if (refusal) throw conflict(refusal);
}
