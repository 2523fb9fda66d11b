import type { AppInfo } from '../../shared/api/types';
import { backupsFolder, createBackup, dailyBackupDue, rotateBackups } from './backup/backups';
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
  /** Listens for successful changes; returns the function that stops listening. */
  subscribe(listener: ChangeListener): () => void;
  close(): void;
}

export type ChangeListener = (change: { channel: string }) => void;

/** Everything the desktop app and the browser host share: the database and the contract's handlers. */
export function createHost(options: HostOptions): Host {
  const database = openDatabase(options.databasePath, { migrationsFolder: options.migrationsFolder });
  const schedule = options.databasePath === ':memory:' ? null : startBackupSchedule(database);
  const closers: Array<() => void | Promise<void>> = [];
  const handlers = createHandlers({
    database,
    version: options.version ?? appVersion,
    host: options.host,
    onClose: (close) => closers.push(close),
  });
  const listeners = new Set<ChangeListener>();
  const onChange = (channel: string) => {
    for (const listener of listeners) listener({ channel });
  };
  return {
    database,
    invoke: createDispatcher(handlers, { onChange }),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => {
      if (schedule) clearInterval(schedule);
      for (const close of closers.splice(0).reverse()) {
        try {
          void close();
        } catch (error) {
          console.error(error);
        }
      }
      database.close();
    },
  };
}

/** A daily backup at start when none was made today, then checked every hour; old ones rotated out. */
function startBackupSchedule(database: DatabaseHandle): NodeJS.Timeout {
  const folder = backupsFolder(database.path);
  const run = () => {
    try {
      const now = new Date();
      if (!database.sqlite.open || !dailyBackupDue(folder, now)) return;
      createBackup(database.sqlite, folder, 'daily', now);
      rotateBackups(folder, now);
    } catch (error) {
      console.error(`自动备份失败:${(error as Error).message}`);
    }
  };
  run();
  const timer = setInterval(run, 60 * 60 * 1000);
  timer.unref();
  return timer;
}
