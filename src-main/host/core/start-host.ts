/**
 * The host's one start-up, used by `npm run serve` and by the desktop app alike: the database taken
 * for this process (one writer per file) and opened, the server on loopback with the minutes'
 * signaling, and the LAN listeners following what the chair opened. What differs between the two
 * is given in the options, never decided here.
 */
import { DamagedDatabaseError } from '../db/client';
import { openOrRecover } from '../areas/backup/open-or-recover';
import type { BackupFile } from '../areas/backup/backups';
import { roomOpenedIn } from '../areas/minutes/opened-rooms';
import { LanSwitch } from '../areas/lan/lan';
import type { HostOptions } from './host';
import { SwitchableHost } from './recovery-host';
import { startBrowserHost, type BrowserHost } from './server';

export interface StartHostOptions extends Pick<HostOptions, 'databasePath' | 'host' | 'migrationsFolder' | 'version' | 'keyProtector'> {
  /** The built renderer the server hands to browsers (out/web for serve, out/renderer in the desktop app). */
  webRoot: string;
  /** 0: any free port. */
  port: number;
  /**
   * When the port is taken: 'fail' with EADDRINUSE (serve says so and the chair picks another), or
   * take 'any' free one (the desktop, which has no one to ask; its pages keep their storage, which
   * belongs to one origin, as long as the usual port is free).
   */
  portTaken?: 'fail' | 'any';
  /** `--lan`: listen on every interface from the start instead of only while the chair has the meeting open. */
  lanAlways?: boolean;
  /** Where the host says what it does with the LAN (serve prints it; the desktop logs it). */
  log?: (message: string) => void;
  /**
   * A damaged file: without this the host starts in recovery mode and the page offers the newest
   * backup (the browser host). With it the answer is asked before anything is served, and a "no"
   * (or no sound backup) ends the start with RestoreRefused; the damaged file stays as it is.
   */
  askToRestore?: (damage: DamagedDatabaseError, backup: BackupFile) => boolean;
  /** Runs on the opened host before the server listens (the demo courtyard is seeded here). */
  beforeServing?: (host: SwitchableHost) => void;
}

/** The damaged file was left as it is: no sound backup, or the user chose not to restore it. */
export class RestoreRefused extends Error {
  constructor(
    readonly damage: DamagedDatabaseError,
    readonly backup: BackupFile | null,
  ) {
    super(damage.message);
  }
}

export interface StartedHost {
  host: SwitchableHost;
  server: BrowserHost;
  /** http://127.0.0.1:<port>/ */
  url: string;
  /** http://127.0.0.1:<port>, the one origin the desktop window shows and talks to. */
  origin: string;
  /**
   * A new chair session for a browser this process controls (the desktop window): the token goes
   * into that browser's cookie store directly, never through a page or an address.
   */
  issueChairSession(): string;
  /** Stops the server (loopback and LAN) and the timers, closes the database and gives its lock back. */
  close(): Promise<void>;
}

const isDamage = (error: unknown): error is DamagedDatabaseError => error instanceof DamagedDatabaseError;
const neverDamage = (_error: unknown): _error is DamagedDatabaseError => false;

function openHost(options: StartHostOptions, lan: LanSwitch): SwitchableHost {
  const hostOptions = {
    databasePath: options.databasePath,
    host: options.host,
    migrationsFolder: options.migrationsFolder,
    version: options.version,
    keyProtector: options.keyProtector,
    lan,
  };
  const ask = options.askToRestore;
  if (!ask) return SwitchableHost.open(hostOptions, isDamage);
  return SwitchableHost.open(hostOptions, neverDamage, (open) => {
    const outcome = openOrRecover(options.databasePath, open, ask, () => new Date());
    if (outcome.kind === 'opened' || outcome.kind === 'restored') return outcome.host;
    throw new RestoreRefused(outcome.damage, outcome.kind === 'declined' ? outcome.backup : null);
  });
}

/**
 * Throws DatabaseInUseError (another program has the file), RestoreRefused, or the server's own
 * error (EADDRINUSE); in each case nothing is left open.
 */
export async function startHost(options: StartHostOptions): Promise<StartedHost> {
  const lan = new LanSwitch({ always: options.lanAlways ?? false, log: options.log });
  const host = openHost(options, lan);
  let server: BrowserHost;
  try {
    options.beforeServing?.(host);
    // Minutes signaling accepts only the rooms opened in this host's database (see opened-rooms.ts).
    const signaling = { roomOpened: roomOpenedIn(() => host.host?.database.db) };
    const serve = (port: number) => startBrowserHost({ host, webRoot: options.webRoot, port, bindAddress: options.lanAlways ? '0.0.0.0' : '127.0.0.1', signaling });
    server = await serve(options.port).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || options.portTaken !== 'any') throw error;
      return serve(0);
    });
  } catch (error) {
    host.close();
    throw error;
  }
  // The LAN listeners follow what the chair opened: a join code or residents' intake. Checked after
  // every change and once a minute (codes expire on their own).
  lan.attach(server);
  const syncLan = () => void lan.sync(host.access.lanWanted());
  const stopSyncing = host.subscribe(syncLan);
  const lanTimer = setInterval(syncLan, 60_000);
  lanTimer.unref();
  syncLan();

  const origin = new URL(server.url).origin;
  let closing: Promise<void> | null = null;
  return {
    host,
    server,
    url: server.url,
    origin,
    issueChairSession: () => {
      const token = host.chair.login(host.chair.loginKey);
      if (!token) throw new Error('the chair session could not be issued');
      return token;
    },
    close: () => {
      // The listening sockets close at once; the database right after, in the same turn, so a quit
      // that cannot wait still leaves the file closed and its lock given back.
      closing ??= (() => {
        clearInterval(lanTimer);
        stopSyncing();
        const stopped = server.close();
        host.close();
        return stopped;
      })();
      return closing;
    },
  };
}
