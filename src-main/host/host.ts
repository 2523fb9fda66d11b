import type { AppInfo } from '../../shared/api/types';
import { openDatabase, type DatabaseHandle } from './db/client';
import { createDispatcher, type Invoke } from './dispatch';
import { createHandlers } from './handlers';
import { appVersion } from './version';

export interface HostOptions {
  databasePath: string;
  migrationsFolder?: string;
  host: AppInfo['host'];
  /** The desktop app passes app.getVersion(); the browser host reads package.json. */
  version?: string;
}

export interface Host {
  database: DatabaseHandle;
  invoke: Invoke;
  close(): void;
}

/** Everything the desktop app and the browser host share: the database and the contract's handlers. */
export function createHost(options: HostOptions): Host {
  const database = openDatabase(options.databasePath, { migrationsFolder: options.migrationsFolder });
  const handlers = createHandlers({ database, version: options.version ?? appVersion, host: options.host });
  return { database, invoke: createDispatcher(handlers), close: () => database.close() };
}
