import type { Caller } from './caller';
import type { ApiResult } from '../../../shared/api/errors';
import type { RecoveryResult, RecoveryStatus, RestoreResult } from '../../../shared/api/areas/backup';
import { backupsFolder, createBackupNow } from '../areas/backup/backups';
import { latestGoodBackup, replaceWithBackup, restoreFromBackup, soundBackupNamed } from '../areas/backup/recovery';
import type { AccessGate } from '../areas/lan/gate';
import { chairLogin, isChair } from '../areas/lan/gate';
import type { ChairSessions } from '../areas/lan/chair-sessions';
import { HostError } from './errors';
import type { DamagedDatabaseError } from '../db/client';
import { toBackupInfo } from '../areas/backup/handlers';
import { acquireDatabaseLock, type DatabaseLock } from '../db/lock';
import { chairSessionsFor, createHost, type ChangeListener, type Host, type HostOptions } from './host';

/**
 * What answers while the database file is damaged: the page learns why and is
 * offered the newest sound backup; every other call is refused, so nothing can write
 * to a damaged file. After a restore the real host takes over.
 */
export class SwitchableHost {
  private current: Host | null = null;
  private readonly listeners = new Set<ChangeListener>();
  private stopForwarding: () => void = () => undefined;
  private readonly options: HostOptions & { chair: ChairSessions };

  constructor(
    options: HostOptions,
    private damage: DamagedDatabaseError | null,
  ) {
    // One set of chair sessions for the file, whichever host is current: the chair logged in while
    // the file was damaged stays logged in after the restore.
    const chair = options.chair ?? chairSessionsFor(options.databasePath);
    this.options = { ...options, chair, restore: (fileName) => this.restoreNamed(fileName) };
  }

  /** The chair's login (its key is printed in the login address). */
  get chair(): ChairSessions {
    return this.options.chair;
  }

  /**
   * Takes the database file for this process first (one writer per file: a second host is refused
   * with DatabaseInUseError before anything is read or written), then opens it.
   */
  static open(
    options: HostOptions,
    isDamage: (error: unknown) => error is DamagedDatabaseError,
    /** How the first host is opened, with the lock held (the desktop offers a backup for a damaged file here). */
    opener: (open: () => Host) => Host = (open) => open(),
  ): SwitchableHost {
    const lock = options.databasePath === ':memory:' ? null : acquireDatabaseLock(options.databasePath, programName(options.host));
    // Made once, after the lock: the damaged host and the restored one share it.
    const shared = { ...options, chair: options.chair ?? chairSessionsFor(options.databasePath) };
    try {
      const switchable = new SwitchableHost(shared, null);
      switchable.lock = lock;
      switchable.use(opener(() => createHost(switchable.options)));
      return switchable;
    } catch (error) {
      if (isDamage(error)) {
        const damaged = new SwitchableHost(shared, error);
        damaged.lock = lock;
        return damaged;
      }
      lock?.release();
      throw error;
    }
  }

  private lock: DatabaseLock | null = null;

  /** Changes of whichever host is current reach the same listeners, across restores. */
  private use(host: Host): void {
    this.stopForwarding();
    this.current = host;
    this.stopForwarding = host.subscribe((change) => {
      for (const listener of this.listeners) listener(change);
    });
  }

  /** While damaged there are no participant sessions: only the chair is let in (to restore). */
  readonly access: AccessGate = {
    identify: (address, token) => this.current?.access.identify(address, token) ?? (isChair(this.chair, address, token) ? { kind: 'local' } : { kind: 'public' }),
    login: (address, key) => chairLogin(this.chair, address, key),
    stillValid: (participantId) => this.current?.access.stillValid(participantId) ?? false,
    lanWanted: () => this.current?.access.lanWanted() ?? false,
  };

  /**
   * backup:restore while running: the open file is backed up first (kind pre-restore), the host is
   * closed, the chosen backup copied into place, and a new host opened on it. Listeners see a change.
   */
  private restoreNamed(fileName: string): RestoreResult {
    const host = this.current;
    if (!host) throw new HostError('conflict', '数据文件已损坏，请用恢复页面恢复。');
    const backup = soundBackupNamed(this.options.databasePath, fileName);
    if (!backup) throw new HostError('not_found', '找不到这个备份，或者它已经损坏。当前数据没有改动。');
    // At once (not the online backup): nothing written between this copy and the close may be left out of it.
    const savedBefore = createBackupNow(host.database.sqlite, backupsFolder(this.options.databasePath), 'pre-restore', new Date());
    host.close();
    this.current = null;
    try {
      replaceWithBackup(this.options.databasePath, backup);
    } finally {
      // Whether or not the copy went through, a host opens on what is now in place.
      this.use(createHost(this.options));
      // The old host's own change event went to listeners that are gone: every screen reloads now.
      queueMicrotask(() => {
        for (const listener of this.listeners) listener({ channel: 'backup:restore', area: 'backup' });
      });
    }
    return { restoredFrom: toBackupInfo(backup), savedBefore: toBackupInfo(savedBefore) };
  }

  get host(): Host | null {
    return this.current;
  }

  get damaged(): DamagedDatabaseError | null {
    return this.damage;
  }

  invoke = async (channel: string, input: unknown, caller?: Caller, origin?: string): Promise<ApiResult<unknown>> => {
    if (this.current) return this.current.invoke(channel, input, caller, origin);
    if (caller && caller.kind !== 'local') return { ok: false, error: { code: 'damaged', message: '主机的数据文件正在恢复，请稍后再试。' } };
    if (channel === 'recovery:status') return { ok: true, value: this.status() };
    if (channel === 'recovery:restoreLatest') {
      if ((input as { confirm?: unknown } | null)?.confirm !== true) {
        return { ok: false, error: { code: 'invalid_input', message: '恢复前需要确认' } };
      }
      return this.restore();
    }
    return { ok: false, error: { code: 'damaged', message: '数据文件已损坏，请先从备份恢复。' } };
  };

  /** Changes come only from the real host; while damaged, nothing changes. */
  subscribe = (listener: ChangeListener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private status(): RecoveryStatus {
    const backup = latestGoodBackup(this.options.databasePath);
    return {
      damaged: true,
      databasePath: this.options.databasePath,
      reason: this.damage?.reason ?? '',
      latestBackup: backup ? toBackupInfo(backup) : null,
    };
  }

  private restore(): ApiResult<RecoveryResult> {
    const backup = latestGoodBackup(this.options.databasePath);
    if (!backup) {
      return { ok: false, error: { code: 'not_found', message: '没有找到可用的备份。损坏的文件仍保留在原处，请联系管理员。' } };
    }
    const { keptAs } = restoreFromBackup(this.options.databasePath, backup, new Date());
    this.use(createHost(this.options));
    this.damage = null;
    return { ok: true, value: { restoredFrom: toBackupInfo(backup), keptAs } };
  }

  close(): void {
    this.stopForwarding();
    this.current?.close();
    this.lock?.release();
  }
}

/** How the lock names this program to someone starting a second one. */
export function programName(host: HostOptions['host']): string {
  return host === 'desktop' ? '院落议事桌面程序' : '浏览器主机（npm run serve）';
}
