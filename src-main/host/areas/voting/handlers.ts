import type { votingArea } from '../../../../shared/api/areas/voting';
import type { AreaContext, AreaHandlers } from '../../core/registry';
import { sealExtras } from '../seals/keys';
import { castBallot, closeVote, enterCounts, getVote, listVotes, lockVote, openVote, revote, rollCallVoters } from './votes';

export function votingHandlers(context: AreaContext): AreaHandlers<typeof votingArea> {
  const { db, now } = context;
  // A closed or locked vote signs the audit chain's head with the council's key, kept as the seals keep it.
  const { keyProtector } = sealExtras(context);
  return {
    'vote:open': (input) => openVote(db, input, now()),
    'vote:get': ({ voteId }) => getVote(db, voteId),
    'vote:list': ({ meetingId }) => listVotes(db, meetingId),
    'vote:voters': ({ voteId }) => rollCallVoters(db, voteId),
    'vote:castBallot': (input) => castBallot(db, input, now()),
    'vote:enterCounts': (input) => enterCounts(db, input, now()),
    'vote:close': ({ voteId }) => closeVote(db, voteId, now(), keyProtector),
    'vote:lock': ({ voteId }) => lockVote(db, voteId, now(), keyProtector),
    'vote:revote': (input) => revote(db, input, now()),
  };
}
