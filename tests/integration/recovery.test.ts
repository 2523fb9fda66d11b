import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DamagedDatabaseError } from '../../src-main/host/db/client';
import { SwitchableHost } from '../../src-main/host/core/recovery-host';
import { damagedWithBackup, damagedWithoutBackup } from './temp-host';

const isDamage = (error: unknown): error is DamagedDatabaseError => error instanceof DamagedDatabaseError;

describe('a damaged database at start', () => {
  it('a garbage file is reported, nothing can write to it, and the newest sound backup replaces it while the file is kept', async () => {
    const { host, garbage } = await damagedWithBackup();

    const switchable = SwitchableHost.open({ databasePath: host.databasePath, host: 'browser' }, isDamage);
    expect(switchable.damaged).not.toBeNull();
    const status = await switchable.invoke('recovery:status', {});
    expect(status).toMatchObject({ ok: true, value: { damaged: true, latestBackup: { kind: 'manual' } } });
    expect(await switchable.invoke('council:create', { name: '写入' })).toMatchObject({ ok: false, error: { code: 'damaged' } });
    expect(await switchable.invoke('recovery:restoreLatest', {})).toMatchObject({ ok: false });

    const restored = await switchable.invoke('recovery:restoreLatest', { confirm: true });
    expect(restored.ok).toBe(true);
    const councils = await switchable.invoke('council:list', {});
    expect(councils).toMatchObject({ ok: true, value: [{ name: '平安小区院落议事会' }] });
    const kept = readdirSync(host.dir).find((name) => name.includes('.damaged-'))!;
    expect(readFileSync(join(host.dir, kept))).toEqual(garbage);
    switchable.close();
  });

  it('without a backup it says so and keeps the file untouched', async () => {
    const host = damagedWithoutBackup();
    const switchable = SwitchableHost.open({ databasePath: host.databasePath, host: 'browser' }, isDamage);
    expect(await switchable.invoke('recovery:status', {})).toMatchObject({ ok: true, value: { damaged: true, latestBackup: null } });
    expect(await switchable.invoke('recovery:restoreLatest', { confirm: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(readFileSync(host.databasePath, 'utf8')).toBe('garbage');
    expect(existsSync(host.databasePath)).toBe(true);
  });
});
