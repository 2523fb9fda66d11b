import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DamagedDatabaseError } from '../../src-main/host/db/client';
import { SwitchableHost } from '../../src-main/host/recovery-host';
import { tempHost } from './temp-host';

const isDamage = (error: unknown): error is DamagedDatabaseError => error instanceof DamagedDatabaseError;

describe('a damaged database at start', () => {
  it('a garbage file is reported, nothing can write to it, and the newest sound backup replaces it while the file is kept', async () => {
    const host = tempHost();
    await host.ok('council:create', { name: '平安小区院落议事会' });
    await host.ok('backup:create', {});
    host.close();
    writeFileSync(host.databasePath, 'this is not a database, just some words '.repeat(200));
    const garbage = readFileSync(host.databasePath);

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
    const host = tempHost();
    host.close();
    const backups = join(host.dir, 'backups');
    for (const name of readdirSync(backups)) writeFileSync(join(backups, name), 'broken backup');
    writeFileSync(host.databasePath, 'garbage');
    const switchable = SwitchableHost.open({ databasePath: host.databasePath, host: 'browser' }, isDamage);
    expect(await switchable.invoke('recovery:status', {})).toMatchObject({ ok: true, value: { damaged: true, latestBackup: null } });
    expect(await switchable.invoke('recovery:restoreLatest', { confirm: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(readFileSync(host.databasePath, 'utf8')).toBe('garbage');
    expect(existsSync(host.databasePath)).toBe(true);
  });
});
