import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupsFolder, backupsToKeep, createBackup, listBackups, rotateBackups, type BackupFile } from '../../src-main/host/areas/backup/backups';
import { createHost } from '../../src-main/host/core/host';
import { seedDemo } from '../../src-main/host/demo/seed';
import { earlierMigrations } from './migrations/earlier-migrations';
import { tempHost } from './temp-host';

function dump(path: string): string {
  const sqlite = new Database(path, { readonly: true });
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  const text = JSON.stringify(tables.map((table) => [table, sqlite.prepare(`SELECT * FROM "${table}"`).raw().all()]));
  sqlite.close();
  return text;
}

describe('backups', () => {
  it('a daily backup is made at start, and a backup holds exactly the database', async () => {
    const host = tempHost();
    expect(listBackups(backupsFolder(host.databasePath)).map((b) => b.kind)).toEqual(['daily']);
    seedDemo(host.database, new Date('2026-11-22T12:00:00Z'));
    const made = await host.ok('backup:create', {});
    expect(made.kind).toBe('manual');
    const listed = await host.ok('backup:list', {});
    expect(listed[0]).toEqual(made);
    expect(made.sizeBytes).toBeGreaterThan(10_000);
    host.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(dump(join(backupsFolder(host.databasePath), made.fileName))).toBe(dump(host.databasePath));
  });

  it('keeps 7 daily, 4 weekly and 12 monthly backups, and the newest of each', () => {
    const now = new Date('2026-11-22T03:00:00Z');
    const files: BackupFile[] = Array.from({ length: 400 }, (_, day) => {
      const createdAt = new Date(now.getTime() - day * 86_400_000).toISOString();
      return { fileName: `d${day}`, path: '', kind: 'daily', createdAt, sizeBytes: 1 };
    });
    const keep = backupsToKeep(files, now);
    expect(keep.size).toBeLessThanOrEqual(7 + 4 + 12);
    expect(keep.size).toBeGreaterThanOrEqual(12);
    for (let day = 0; day < 7; day += 1) expect(keep.has(`d${day}`)).toBe(true);
    expect(keep.has('d399')).toBe(false);
  });

  it('rotation removes old files from the folder and ignores unfinished ones', async () => {
    const host = tempHost();
    const folder = backupsFolder(host.databasePath);
    for (let day = 1; day <= 20; day += 1) {
      await createBackup(host.database.sqlite, folder, 'daily', new Date(Date.UTC(2026, 9, day, 2)));
    }
    writeFileSync(join(folder, 'courtyard-20261001-020000000-daily.sqlite.partial'), 'half');
    rotateBackups(folder, new Date(Date.UTC(2026, 9, 20, 3)));
    const left = listBackups(folder).filter((b) => b.createdAt.startsWith('2026-10'));
    expect(left.length).toBeLessThan(20);
    expect(left[0]!.createdAt).toBe('2026-10-20T02:00:00.000Z');
  });

  it('before a migration the old file is backed up, and rows written before it survive it', () => {
    const host = tempHost();
    host.close();
    // A database as the first release left it: only the first migration applied.
    const oldFolder = earlierMigrations(host.dir, (_, index) => index === 0);
    const path = join(host.dir, 'old.sqlite');
    const old = createHost({ databasePath: path, migrationsFolder: oldFolder, host: 'browser' });
    old.database.sqlite.prepare("INSERT INTO councils (name) VALUES ('老院落')").run();
    old.close();
    const before = listBackups(backupsFolder(path)).length;

    const upgraded = createHost({ databasePath: path, host: 'browser' });
    const backups = listBackups(backupsFolder(path));
    expect(backups.length).toBe(before + 1);
    expect(backups.some((b) => b.kind === 'pre-migration')).toBe(true);
    expect(upgraded.database.sqlite.prepare('SELECT name FROM councils').pluck().all()).toEqual(['老院落']);
    expect(upgraded.database.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'ballots'").pluck().get()).toBe(1);
    upgraded.close();
  });

  it('a SIGKILL during a backup leaves the database and the earlier backups intact', async () => {
    const host = tempHost();
    const folder = backupsFolder(host.databasePath);
    const { sqlite } = host.database;
    sqlite.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT)');
    const insert = sqlite.prepare('INSERT INTO filler (body) VALUES (?)');
    sqlite.transaction(() => {
      for (let i = 0; i < 300_000; i += 1) insert.run(`${i}:${'院落议事'.repeat(40)}`);
    })();
    const earlier = listBackups(folder);
    host.close();

    const script = `import Database from 'better-sqlite3';
      import { createBackup } from './src-main/host/areas/backup/backups.ts';
      const sqlite = new Database(${JSON.stringify(host.databasePath)});
      await createBackup(sqlite, ${JSON.stringify(folder)}, 'manual', new Date());`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: 'ignore' });
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        const partial = existsSync(folder) && readdirSync(folder).some((name) => name.endsWith('.partial'));
        if (partial || child.exitCode !== null) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        }
      }, 5);
    });
    await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));

    // Whether the kill landed mid-backup: then an unfinished .partial is left, never listed as a backup.
    const interrupted = readdirSync(folder).some((name) => name.endsWith('.partial'));
    if (interrupted) expect(listBackups(folder).length).toBe(earlier.length);
    console.log(`backup interrupted by SIGKILL: ${interrupted}`);
    const database = new Database(host.databasePath);
    expect(database.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(database.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(300_000);
    database.close();
    for (const backup of listBackups(folder)) {
      const copy = new Database(backup.path, { readonly: true });
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      copy.close();
    }
    expect(listBackups(folder).map((b) => b.fileName)).toEqual(expect.arrayContaining(earlier.map((b) => b.fileName)));
  }, 60_000);

  it('stale .partial files left by a crash are removed at start; finished backups stay', () => {
    const host = tempHost();
    const folder = backupsFolder(host.databasePath);
    host.close();
    const before = listBackups(folder).map((b) => b.fileName);
    writeFileSync(join(folder, 'courtyard-20261001-020000000-daily.sqlite.partial'), 'half');
    writeFileSync(join(folder, 'courtyard-20261002-020000000-manual.sqlite.partial-journal'), 'half');
    const again = host.reopen();
    const names = readdirSync(folder);
    expect(names.filter((name) => name.includes('.partial'))).toEqual([]);
    expect(listBackups(folder).map((b) => b.fileName)).toEqual(expect.arrayContaining(before));
    again.close();
  });

  it('calls keep answering while a backup of a large database runs (online backup, in steps)', async () => {
    const host = tempHost();
    const { sqlite } = host.database;
    sqlite.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT)');
    const insert = sqlite.prepare('INSERT INTO filler (body) VALUES (?)');
    sqlite.transaction(() => {
      for (let i = 0; i < 200_000; i += 1) insert.run(`${i}:${'院落议事'.repeat(40)}`);
    })();
    await host.ok('council:create', { name: '平安小区院落议事会' });

    const started = performance.now();
    let finished = false;
    const backup = host.invoke('backup:create', {}).finally(() => (finished = true));
    // Reads and writes made while the backup is under way: each is answered before the backup ends.
    const waits: number[] = [];
    let answeredDuring = 0;
    let writes = 0;
    while (!finished) {
      const asked = performance.now();
      const call = writes % 2 === 0 ? host.invoke('council:list', {}) : host.invoke('council:create', { name: `院落 ${writes}` });
      expect(await call).toMatchObject({ ok: true });
      writes += 1;
      waits.push(performance.now() - asked);
      if (!finished) answeredDuring += 1;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const result = await backup;
    const whole = performance.now() - started;
    expect(result).toMatchObject({ ok: true });
    console.log(`backup of ${sqlite.prepare('PRAGMA page_count').pluck().get()} pages: ${whole.toFixed(0)} ms, ${answeredDuring} calls answered meanwhile, longest wait ${Math.max(...waits).toFixed(1)} ms`);
    expect(answeredDuring).toBeGreaterThanOrEqual(5);
    // No call waited for the whole copy (a generous bound: a quarter of it).
    expect(Math.max(...waits)).toBeLessThan(whole / 4);
    // The copy is consistent, with what was written before it began.
    if (!result.ok) throw new Error('backup failed');
    const copy = new Database(join(backupsFolder(host.databasePath), (result.value as { fileName: string }).fileName), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(200_000);
    copy.close();
  }, 120_000);
});
