import type { votingArea } from '../../../../shared/api/areas/voting';
import type { AreaContext, AreaHandlers } from '../../core/registry';
import { castBallot, closeVote, enterCounts, getVote, listVotes, lockVote, openVote, revote, rollCallVoters } from './votes';

export function votingHandlers({ db, now }: AreaContext): AreaHandlers<typeof votingArea> {
  return {
    'vote:open': (input) => openVote(db, input, now()),
    'vote:get': ({ voteId }) => getVote(db, voteId),
    'vote:list': ({ meetingId }) => listVotes(db, meetingId),
    'vote:voters': ({ voteId }) => rollCallVoters(db, voteId),
    'vote:castBallot': (input) => castBallot(db, input, now()),
    'vote:enterCounts': (input) => enterCounts(db, input, now()),
    'vote:close': ({ voteId }) => closeVote(db, voteId, now()),
    'vote:lock': ({ voteId }) => lockVote(db, voteId, now()),
    'vote:revote': (input) => revote(db, input, now()),
  };
}
