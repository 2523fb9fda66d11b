import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupInfo, RestoreResult } from '../../shared/api/areas/backup';
import type { Council } from '../../shared/api/areas/councils';
import type { Person } from '../../shared/api/areas/roster';
import { verifyAuditChain } from '../../src-main/host/areas/audit/audit-log';
import { DamagedDatabaseError } from '../../src-main/host/db/client';
import { seedDemo, seedFollowupDemo } from '../../src-main/host/demo/seed';
import { SwitchableHost } from '../../src-main/host/core/recovery-host';
import { dumpTables } from './access-fixture';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function openHost() {
  const dir = mkdtempSync(join(tmpdir(), 'courtyard-restore-'));
  const host = SwitchableHost.open({ databasePath: join(dir, 'council.sqlite'), host: 'browser' }, (error): error is DamagedDatabaseError => error instanceof DamagedDatabaseError);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => host.close());
  const ok = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = await host.invoke(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
  return { host, dir, ok, dump: () => dumpTables(host.host!.database.sqlite, []) };
}

describe('restoring a backup while running', () => {
  it('brings back every table exactly as backed up, after saving the current file as a backup first', async () => {
    const { host, ok, dump } = openHost();
    seedDemo(host.host!.database, new Date());
    seedFollowupDemo(host.host!.database, new Date());
    const backup = await ok<BackupInfo>('backup:create', {});
    const atBackup = dump();

    // Work after the backup: a new person, a check-in, a renamed council.
    const [council] = await ok<Council[]>('council:list', {});
    const person = await ok<Person>('person:create', { councilId: council!.id, name: '新来的' });
    await ok('attendance:checkIn', { meetingId: 3, personId: person.id });
    await ok('council:update', { councilId: council!.id, name: '改过名字的议事会' });
    const afterWork = dump();
    expect(afterWork).not.toBe(atBackup);

    const changes: string[] = [];
    host.subscribe((change) => changes.push(change.channel));
    expect(await host.invoke('backup:restore', { fileName: backup.fileName })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(dump()).toBe(afterWork);
    const restored = await ok<RestoreResult>('backup:restore', { fileName: backup.fileName, confirm: true });
    expect(restored.restoredFrom.fileName).toBe(backup.fileName);
    expect(restored.savedBefore.kind).toBe('pre-restore');
    expect(dump()).toBe(atBackup);
    expect(verifyAuditChain(host.host!.database.sqlite).ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(changes).toContain('backup:restore');

    // Nothing was lost: the work after the backup is in the pre-restore backup, and can be restored back.
    await ok('backup:restore', { fileName: restored.savedBefore.fileName, confirm: true });
    expect(dump()).toBe(afterWork);
    // The host keeps working after two swaps.
    expect((await ok<Council[]>('council:list', {}))[0]!.name).toBe('改过名字的议事会');
  });

  it('refuses a backup that is not there, and participants, changing nothing', async () => {
    const { host, ok, dump } = openHost();
    seedDemo(host.host!.database, new Date());
    await ok('backup:create', {});
    const before = dump();
    expect(await host.invoke('backup:restore', { fileName: 'courtyard-20260101-000000000-manual.sqlite', confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await host.invoke('backup:restore', { fileName: '../council.sqlite', confirm: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const viewer = { kind: 'participant', participantId: 1, meetingId: 3, role: 'viewer', name: 'x' } as const;
    const [backup] = await ok<BackupInfo[]>('backup:list', {});
    expect(await host.invoke('backup:restore', { fileName: backup!.fileName, confirm: true }, viewer)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dump()).toBe(before);
  });
});
