import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DamagedDatabaseError } from '../../src-main/host/db/client';
import { SwitchableHost } from '../../src-main/host/core/recovery-host';
import { damagedWithBackup, damagedWithoutBackup, tempHost } from './temp-host';

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

  it('an empty (0-byte) file with sound backups beside it is damaged: the newest backup is offered and restores the council', async () => {
    const host = tempHost();
    await host.ok('council:create', { name: '平安小区院落议事会' });
    await host.ok('backup:create', {});
    host.close();
    for (const suffix of ['-wal', '-shm']) rmSync(host.databasePath + suffix, { force: true });
    writeFileSync(host.databasePath, '');

    const switchable = SwitchableHost.open({ databasePath: host.databasePath, host: 'browser' }, isDamage);
    expect(switchable.damaged?.reason).toContain('0 字节');
    expect(await switchable.invoke('recovery:status', {})).toMatchObject({ ok: true, value: { damaged: true, latestBackup: { kind: 'manual' } } });
    expect(await switchable.invoke('council:create', { name: '写入' })).toMatchObject({ ok: false, error: { code: 'damaged' } });
    expect(statSync(host.databasePath).size).toBe(0);
    expect(await switchable.invoke('recovery:restoreLatest', { confirm: true })).toMatchObject({ ok: true });
    expect(await switchable.invoke('council:list', {})).toMatchObject({ ok: true, value: [{ name: '平安小区院落议事会' }] });
    switchable.close();
  });

  it('an empty (0-byte) file without backups starts as a new database, as before', async () => {
    const host = tempHost();
    host.close();
    rmSync(join(host.dir, 'backups'), { recursive: true, force: true });
    for (const suffix of ['-wal', '-shm']) rmSync(host.databasePath + suffix, { force: true });
    writeFileSync(host.databasePath, '');
    const switchable = SwitchableHost.open({ databasePath: host.databasePath, host: 'browser' }, isDamage);
    expect(switchable.damaged).toBeNull();
    expect(await switchable.invoke('council:list', {})).toEqual({ ok: true, value: [] });
    switchable.close();
  });
});
