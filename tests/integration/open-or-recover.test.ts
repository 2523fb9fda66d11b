/**
 * The desktop app's start on a damaged database (no recovery page there): the newest sound
 * backup is offered; yes restores it and keeps the damaged file; no and "no backup" touch nothing.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeBackup, openOrRecover } from '../../src-main/host/areas/backup/open-or-recover';
import { createHost } from '../../src-main/host/core/host';
import { damagedWithBackup, damagedWithoutBackup, tempHost } from './temp-host';

const openDesktop = (databasePath: string) => () => createHost({ databasePath, host: 'desktop' });

describe('desktop start on a damaged database', () => {
  it('offers the newest sound backup; yes restores it, keeps the damaged file aside and opens', async () => {
    const { host, garbage } = await damagedWithBackup();

    let offered = '';
    const outcome = openOrRecover(
      host.databasePath,
      openDesktop(host.databasePath),
      (damage, backup) => {
        offered = `${damage.message} ${describeBackup(backup)}`;
        return true;
      },
      () => new Date(),
    );
    expect(outcome.kind).toBe('restored');
    expect(offered).toMatch(/已损坏.*\d{4}-\d{2}-\d{2} \d{2}:\d{2} 的手动备份/);
    if (outcome.kind !== 'restored') throw new Error(outcome.kind);
    expect(await outcome.host.invoke('council:list', {})).toMatchObject({ ok: true, value: [{ name: '平安小区院落议事会' }] });
    outcome.host.close();
    expect(readFileSync(outcome.keptAs)).toEqual(garbage);
  });

  it('no: nothing is touched and the app can say so', async () => {
    const host = tempHost();
    host.close();
    writeFileSync(host.databasePath, 'garbage');
    const outcome = openOrRecover(host.databasePath, openDesktop(host.databasePath), () => false, () => new Date());
    expect(outcome.kind).toBe('declined');
    expect(readFileSync(host.databasePath, 'utf8')).toBe('garbage');
    expect(readdirSync(host.dir).some((name) => name.includes('.damaged-'))).toBe(false);
  });

  it('without a sound backup it is not asked, and the file stays as it is', () => {
    const host = damagedWithoutBackup();
    let asked = false;
    const outcome = openOrRecover(host.databasePath, openDesktop(host.databasePath), () => (asked = true), () => new Date());
    expect(outcome.kind).toBe('no-backup');
    expect(asked).toBe(false);
    expect(readFileSync(host.databasePath, 'utf8')).toBe('garbage');
  });

  it('a sound database simply opens', () => {
    const host = tempHost();
    host.close();
    const outcome = openOrRecover(host.databasePath, openDesktop(host.databasePath), () => true, () => new Date());
    expect(outcome.kind).toBe('opened');
    if (outcome.kind === 'opened') outcome.host.close();
  });

  it('an empty (0-byte) file with a sound backup beside it offers that backup too', async () => {
    const host = tempHost();
    await host.ok('council:create', { name: '平安小区院落议事会' });
    await host.ok('backup:create', {});
    host.close();
    for (const suffix of ['-wal', '-shm']) rmSync(host.databasePath + suffix, { force: true });
    writeFileSync(host.databasePath, '');
    let offered = '';
    const outcome = openOrRecover(
      host.databasePath,
      openDesktop(host.databasePath),
      (damage, backup) => {
        offered = `${damage.message} ${describeBackup(backup)}`;
        return true;
      },
      () => new Date(),
    );
    expect(offered).toMatch(/0 字节.*的手动备份/);
    if (outcome.kind !== 'restored') throw new Error(outcome.kind);
    expect(await outcome.host.invoke('council:list', {})).toMatchObject({ ok: true, value: [{ name: '平安小区院落议事会' }] });
    outcome.host.close();
    expect(readFileSync(outcome.keptAs).length).toBe(0);
  });
});
