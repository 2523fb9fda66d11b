/**
 * What the access area needs beyond the common AreaContext: the network side (absent only where a
 * host is made without a server, as in tests) and the restore hook of the host that can swap its
 * database (SwitchableHost). createHost puts them on the handler context it builds.
 */
import type { BackupInfo, RestoreResult } from '../../../../shared/api/areas/backup';
import type { LanInfo } from './lan';

export interface AccessExtras {
  lan?: LanInfo;
  /** Restores the named backup in place of the open database; set only where the host can be swapped. */
  restore?: (fileName: string) => RestoreResult;
}

export function accessExtras(context: object): AccessExtras {
  return context as AccessExtras;
}

export type { BackupInfo };
