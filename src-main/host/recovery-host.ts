import type { Caller } from './caller';
import type { ApiResult } from '../../shared/api/result';
import type { RecoveryResult, RecoveryStatus } from '../../shared/api/types';
import { latestGoodBackup, restoreFromBackup } from './backup/recovery';
import type { DamagedDatabaseError } from './db/client';
import { toBackupInfo } from './handlers';
import { createHost, type ChangeListener, type Host, type HostOptions } from './host';

/**
 * What answers while the database file is damaged: the page learns why and is
 * offered the newest sound backup; every other call is refused, so nothing can write
 * to a damaged file. After a restore the real host takes over.
 */
export class SwitchableHost {
  private current: Host | null = null;

  constructor(
    private readonly options: HostOptions,
    private damage: DamagedDatabaseError | null,
  ) {}

  static open(options: HostOptions, isDamage: (error: unknown) => error is DamagedDatabaseError): SwitchableHost {
    try {
      const switchable = new SwitchableHost(options, null);
      switchable.current = createHost(options);
      return switchable;
    } catch (error) {
      if (isDamage(error)) return new SwitchableHost(options, error);
      throw error;
    }
  }

  get host(): Host | null {
    return this.current;
  }

  get damaged(): DamagedDatabaseError | null {
    return this.damage;
  }

  invoke = async (channel: string, input: unknown, caller?: Caller): Promise<ApiResult<unknown>> => {
    if (this.current) return this.current.invoke(channel, input, caller);
    if (channel === 'recovery:status') return { ok: true, value: this.status() };
    if (channel === 'recovery:restoreLatest') {
      if ((input as { confirm?: unknown } | null)?.confirm !== true) {
        return { ok: false, error: { code: 'invalid_input', message: '恢复前需要确认' } };
      }
      return this.restore();
    }
    return { ok: false, error: { code: 'damaged', message: '数据文件已损坏,请先从备份恢复。' } };
  };

  /** Changes come only from the real host; while damaged, nothing changes. */
  subscribe = (listener: ChangeListener): (() => void) => {
    let stop = this.current?.subscribe(listener) ?? (() => undefined);
    const pending = setInterval(() => {
      if (this.current) {
        stop = this.current.subscribe(listener);
        clearInterval(pending);
      }
    }, 1000);
    pending.unref();
    return () => {
      clearInterval(pending);
      stop();
    };
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
      return { ok: false, error: { code: 'not_found', message: '没有找到可用的备份。损坏的文件仍保留在原处,请联系管理员。' } };
    }
    const { keptAs } = restoreFromBackup(this.options.databasePath, backup, new Date());
    this.current = createHost(this.options);
    this.damage = null;
    return { ok: true, value: { restoredFrom: toBackupInfo(backup), keptAs } };
  }

  close(): void {
    this.current?.close();
  }
}
