import type { councilsArea } from '../../../../shared/api/areas/councils';
import type { AreaContext, AreaHandlers } from '../../core/registry';
import { getCouncilSettings, setDefaultVote, updateCouncilSettings } from '../attendance/service';
import { setSteps } from '../process/service';
import { councilElectorate } from './electorate';
import { councilSetup, createCouncil, listCouncils, updateCouncil } from './service';

export function councilsHandlers({ db, now }: AreaContext): AreaHandlers<typeof councilsArea> {
  return {
    'council:list': () => listCouncils(db),
    'council:setup': ({ councilId }) => councilSetup(db, councilId),
    'council:create': (input) => createCouncil(db, input),
    'council:update': (input) => updateCouncil(db, input, now()),
    'council:electorate': ({ councilId, voterBasis }) => councilElectorate(db, councilId, voterBasis),
    'council:getSettings': ({ councilId }) => getCouncilSettings(db, councilId),
    'council:updateSettings': (input) => updateCouncilSettings(db, input),
    'council:setDefaultVote': (input) => setDefaultVote(db, input, now()),
    'council:setSteps': (input) => setSteps(db, input),
  };
}
