import { contract, isChannel } from '../../../shared/api/contract';
import type { HostChange } from '../../../shared/api/changes';
import type { AppInfo } from '../../../shared/api/areas/app';
import type { ParticipantScope } from '../../../shared/api/kit';
import { backupsFolder, createBackup, createBackupNow, dailyBackupDue, rotateBackups } from '../areas/backup/backups';
import { openDatabase, type DatabaseHandle } from '../db/client';
import { createDispatcher, type Invoke } from './dispatch';
import { forgetCouncilTotals } from '../areas/attendance/sheet';

/** The areas whose changes leave every council's roster as it was (the attendance counts keep its totals). */
const sheetOnlyAreas: ReadonlySet<string> = new Set(['attendance', 'proxy', 'vote', 'paper']);
import { createHandlers, type HandlerContext } from './registry';
import { appVersion } from './version';
import { storageError } from './storage-errors';
import { createAccessGate, type AccessGate } from '../areas/lan/gate';
import type { AccessExtras } from '../areas/lan/extras';
import type { LanInfo } from '../areas/lan/lan';
import type { KeyProtector, SealExtras } from '../areas/seals/keys';
import { authorizeCall, councilOfMeeting } from './policy';
import { AccessSessions } from '../areas/lan/sessions';
import { ChairSessions, chairSessionsPathOf } from '../areas/lan/chair-sessions';
import type { Caller } from './caller';

export interface HostOptions {
  databasePath: string;
  migrationsFolder?: string;
  host: AppInfo['host'];
  /** The desktop app passes app.getVersion(); the browser host reads package.json. */
  version?: string;
  /** The server's network side (LAN addresses, port), from startHost; absent in a host without a server (tests). */
  lan?: LanInfo;
  /** Restores a named backup in place of this host's database (SwitchableHost sets it). */
  restore?: AccessExtras['restore'];
  /** Encrypts the council's private signing key with the system's key store (the desktop app's safeStorage). */
  keyProtector?: KeyProtector;
  /** The chair's sessions; SwitchableHost keeps one for every host it opens on the file (and while it is damaged). */
  chair?: ChairSessions;
}

/** The chair's sessions of a database: kept beside the file, or in memory for a database in memory. */
export function chairSessionsFor(databasePath: string, now?: () => Date): ChairSessions {
  return new ChairSessions(databasePath === ':memory:' ? null : chairSessionsPathOf(databasePath), now);
}

export interface Host {
  database: DatabaseHandle;
  invoke: Invoke;
  /** Who a browser request is, and whether a participant may stay connected. */
  access: AccessGate;
  /** The chair's login for the browser host (its key is printed in the login address). */
  chair: ChairSessions;
  /** Listens for successful changes; returns the function that stops listening. */
  subscribe(listener: ChangeListener): () => void;
  close(): void;
}

export type ChangeListener = (change: HostChange) => void;

/** Everything the desktop app and the browser host share: the database and the contract's handlers. */
export function createHost(options: HostOptions): Host {
  const database = openDatabase(options.databasePath, { migrationsFolder: options.migrationsFolder });
  const schedule = options.databasePath === ':memory:' ? null : startBackupSchedule(database);
  const closers: Array<() => void | Promise<void>> = [];
  const context: HandlerContext & AccessExtras & SealExtras = {
    database,
    version: options.version ?? appVersion,
    host: options.host,
    onClose: (close) => closers.push(close),
    lan: options.lan,
    restore: options.restore,
    keyProtector: options.keyProtector,
  };
  const handlers = createHandlers(context);
  const sessions = new AccessSessions(database.db, () => new Date());
  const chair = options.chair ?? chairSessionsFor(options.databasePath);
  const sqlite = () => (database.sqlite.open ? database.sqlite : null);
  const dispatch = createDispatcher(handlers, {
    transaction: (work) => database.sqlite.transaction(work).immediate(),
    onChange: (change) => onChange(change),
    authorize: (channel, input, caller) => authorizeCall(sqlite, channel, input, caller),
    explain: storageError,
  });
  const listeners = new Set<ChangeListener>();
  const onChange = (change: HostChange) => {
    if (!sheetOnlyAreas.has(change.area)) forgetCouncilTotals(database.db);
    for (const listener of listeners) listener(change);
  };
  return {
    database,
    invoke: async (channel, input, caller, origin) => {
      const result = await dispatch(channel, input, caller, origin);
      return result.ok && caller?.kind === 'participant' ? { ok: true, value: participantView(database, channel, result.value, caller) } : result;
    },
    access: createAccessGate(() => (database.sqlite.open ? database.db : null), () => (database.sqlite.open ? sessions : null), chair),
    chair,
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

/** What a participant sees of an answer, where the call's declaration narrows it (e.g. only their own council). */
function participantView(database: DatabaseHandle, channel: string, value: unknown, caller: Extract<Caller, { kind: 'participant' }>): unknown {
  const view = isChannel(channel) ? (contract[channel].access.participantView as ((value: unknown, scope: ParticipantScope) => unknown) | undefined) : undefined;
  return view ? view(value, { councilId: councilOfMeeting(database.sqlite, caller.meetingId), role: caller.role }) : value;
}

/**
 * A daily backup at start when none was made today, then checked every hour; old ones rotated out.
 * The one at start is taken at once, before anything is served (so it is there when the host is); the
 * hourly ones while serving use the online backup, which lets calls through between its steps.
 */
function startBackupSchedule(database: DatabaseHandle): NodeJS.Timeout {
  const folder = backupsFolder(database.path);
  const due = (now: Date) => database.sqlite.open && dailyBackupDue(folder, now);
  const failed = (error: unknown) => {
    // A backup cut short by the database closing is not a failure to report.
    if (database.sqlite.open) console.error(`自动备份失败：${(error as Error).message}`);
  };
  try {
    const now = new Date();
    if (due(now)) {
      createBackupNow(database.sqlite, folder, 'daily', now);
      rotateBackups(folder, now);
    }
  } catch (error) {
    failed(error);
  }
  const hourly = async () => {
    const now = new Date();
    if (!due(now)) return;
    await createBackup(database.sqlite, folder, 'daily', now);
    rotateBackups(folder, now);
  };
  const timer = setInterval(() => void hourly().catch(failed), 60 * 60 * 1000);
  timer.unref();
  return timer;
}
