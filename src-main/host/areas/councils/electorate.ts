import type { Electorate } from '../../../../shared/api/areas/councils';
import type { VoterBasis } from '../../../../shared/api/areas/voting';
import type { Db } from '../../db/client';
import { entitledVoters } from '../voting/electorate';
import { getCouncil } from './service';

/** Who a vote opened now would entitle, worked out exactly as vote:open works it out. */
export function councilElectorate(db: Db, councilId: number, voterBasis: VoterBasis): Electorate {
  getCouncil(db, councilId);
  const voters = entitledVoters(db, councilId, voterBasis).map(({ key, label, areaCenti }) => ({ key, label, areaCenti }));
  return { voterBasis, count: voters.length, areaCenti: voters.reduce((sum, voter) => sum + voter.areaCenti, 0), voters };
}
