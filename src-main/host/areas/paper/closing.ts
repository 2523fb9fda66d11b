/**
 * What the voting engine decides a written vote's matter on: the ballots the tellers read.
 * - A named round: every counted or invalid ballot's voter takes part; a counted ballot gives its
 *   mark for the matter (blank where left unmarked); an invalid ballot (废票) takes part as a blank
 *   ballot, neither for nor against.
 * - A secret round: no voter key exists, so the counts per choice (headcount, and area from each
 *   ballot's printed area), invalid ballots in the blank count.
 * The voting area (votes.ts) reads this as the vote's record while open and fixes it at close.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { ClosingRecord } from '../voting/schema';
import { paperBallots, paperMarks, paperRounds } from './schema';

type Choice = 'for' | 'against' | 'abstain' | 'blank';

export function paperClosingRecord(db: Db, voteId: number, roundId: number): ClosingRecord {
  const round = db.select({ secret: paperRounds.secret, tellers: paperRounds.tellers }).from(paperRounds).where(eq(paperRounds.id, roundId)).get();
  const read = db
    .select({ id: paperBallots.id, voterKey: paperBallots.voterKey, state: paperBallots.state, areaCenti: paperBallots.areaCenti })
    .from(paperBallots)
    .where(and(eq(paperBallots.roundId, roundId), inArray(paperBallots.state, ['counted', 'invalid'])))
    .orderBy(asc(paperBallots.countedAt), asc(paperBallots.id))
    .all();
  const marks = new Map(
    db
      .select({ ballotId: paperMarks.ballotId, choice: paperMarks.choice })
      .from(paperMarks)
      .innerJoin(paperBallots, eq(paperBallots.id, paperMarks.ballotId))
      .where(and(eq(paperMarks.voteId, voteId), eq(paperBallots.roundId, roundId)))
      .all()
      .map((mark) => [mark.ballotId, mark.choice as Choice]),
  );
  const choiceOf = (ballot: (typeof read)[number]): Choice => (ballot.state === 'invalid' ? 'blank' : (marks.get(ballot.id) ?? 'blank'));
  if (round?.secret) {
    const counts = {
      for: { headcount: 0, areaCenti: 0 },
      against: { headcount: 0, areaCenti: 0 },
      abstain: { headcount: 0, areaCenti: 0 },
      blank: { headcount: 0, areaCenti: 0 },
    };
    for (const ballot of read) {
      const tally = counts[choiceOf(ballot)];
      tally.headcount += 1;
      tally.areaCenti += ballot.areaCenti;
    }
    return { present: [], ballots: [], counts: { ...counts, enteredBy: `计票人：${(round.tellers ?? []).join('、')}` }, multipleVotes: [] };
  }
  const named = read.filter((ballot): ballot is typeof ballot & { voterKey: string } => ballot.voterKey !== null);
  return {
    present: named.map((ballot) => ballot.voterKey),
    ballots: named.map((ballot) => ({ voterKey: ballot.voterKey, choice: choiceOf(ballot), castById: null })),
    counts: null,
    multipleVotes: [],
  };
}
