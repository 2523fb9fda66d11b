import type { archiveArea } from '../../../../shared/api/areas/archive';
import type { AreaContext, AreaHandlers } from '../../core/registry';
import { getCouncil } from '../councils/service';
import { exportCouncilArchive, importCouncilArchive } from './archive';

export function archiveHandlers({ db, sqlite, now }: AreaContext): AreaHandlers<typeof archiveArea> {
  return {
    'archive:export': ({ councilId }) => exportCouncilArchive(sqlite, councilId, now()),
    'archive:import': ({ dataBase64 }) => {
      const { councilId, rows } = importCouncilArchive(sqlite, db, dataBase64, now());
      return { council: getCouncil(db, councilId), rows };
    },
  };
}
