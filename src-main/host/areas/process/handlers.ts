import type { processContract } from '../../../../shared/api/contracts/process';
import type { AreaContext, AreaHandlers } from '../../core/registry';
import {
  advanceMatter,
  backMatter,
  getMatterProcess,
  lockMatter,
  overrideMatter,
  processSettings,
  secondMatter,
  setSteps,
} from './service';
import { mergeWish, supportWish } from '../wishes/service';

export function processHandlers({ db, tx, now }: AreaContext): AreaHandlers<typeof processContract> {
  return {
    'process:get': ({ agendaItemId }) => getMatterProcess(db, agendaItemId),
    'process:advance': (input) => tx(() => advanceMatter(db, input, now())),
    'process:back': (input) => tx(() => backMatter(db, input, now())),
    'process:override': (input) => tx(() => overrideMatter(db, input, now())),
    'process:second': (input) => tx(() => secondMatter(db, input, now())),
    'process:lock': (input) => tx(() => lockMatter(db, input, now())),
    'process:settings': ({ councilId }) => processSettings(db, councilId),
    'council:setSteps': (input) => tx(() => setSteps(db, input)),
    'wish:merge': (input) => tx(() => mergeWish(db, input)),
    'wish:support': ({ wishId }) => tx(() => supportWish(db, wishId)),
  };
}
