import type { appArea } from '../../../../shared/api/areas/app';
import type { AreaContext, AreaHandlers } from '../../core/registry';

export function appHandlers({ version, host, database }: AreaContext): AreaHandlers<typeof appArea> {
  return {
    'app:info': () => ({ version, databasePath: database.path, host }),
  };
}
