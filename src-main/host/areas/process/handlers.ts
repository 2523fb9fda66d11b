import type { processArea } from '../../../../shared/api/areas/process';
import type { AreaContext, AreaHandlers } from '../../core/registry';
import { advanceMatter, backMatter, getMatterProcess, lockMatter, overrideMatter, processSettings, secondMatter } from './service';

export function processHandlers({ db, now }: AreaContext): AreaHandlers<typeof processArea> {
  return {
    'process:get': ({ agendaItemId }) => getMatterProcess(db, agendaItemId),
    'process:advance': (input) => advanceMatter(db, input, now()),
    'process:back': (input) => backMatter(db, input, now()),
    'process:override': (input) => overrideMatter(db, input, now()),
    'process:second': (input) => secondMatter(db, input, now()),
    'process:lock': (input) => lockMatter(db, input, now()),
    'process:settings': ({ councilId }) => processSettings(db, councilId),
  };
}
