/**
 * The council's files are this user's alone: the database, its -wal and -shm, the lock, every backup
 * (and the .partial it is written to) are 0600, the backups folder and the app's own data folder 0700.
 * Checked by mode and by reading as another OS user (nobody), in a folder others may enter (0755),
 * so only the files' own modes stand in the way.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupsFolder, createBackup, listBackups } from '../../src-main/host/areas/backup/backups';
import { SwitchableHost } from '../../src-main/host/core/recovery-host';
import { DamagedDatabaseError } from '../../src-main/host/db/client';

const isDamage = (error: unknown): error is DamagedDatabaseError => error instanceof DamagedDatabaseError;
const canSwitchUser = process.platform !== 'win32' && process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0;

const folders: string[] = [];
afterEach(() => {
  while (folders.length) rmSync(folders.pop()!, { recursive: true, force: true });
});

/** A folder anyone may enter and list, as a folder the user named with --db may be. */
function openFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'courtyard-modes-'));
  folders.push(dir);
  chmodSync(dir, 0o755);
  return dir;
}

const modeOf = (path: string) => statSync(path).mode & 0o777;

/** True when the OS user nobody can read the file. */
function nobodyReads(path: string): boolean {
  return spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'cat', path], { stdio: 'ignore' }).status === 0;
}

describe('file modes of the council’s records', () => {
  it('a new database, its -wal and -shm, the lock and backups are 0600, the backups folder 0700', async () => {
    const dir = openFolder();
    const databasePath = join(dir, 'council.sqlite');
    const host = SwitchableHost.open({ databasePath, host: 'browser' }, isDamage);
    try {
      expect(await host.invoke('council:create', { name: '平安小区院落议事会' })).toMatchObject({ ok: true });
      expect(await host.invoke('backup:create', {})).toMatchObject({ ok: true });
      const backups = listBackups(backupsFolder(databasePath));
      expect(backups.map((b) => b.kind).sort()).toEqual(['daily', 'manual']);
      const files = [databasePath, `${databasePath}-wal`, `${databasePath}-shm`, `${databasePath}.lock`, ...backups.map((b) => b.path)];
      for (const file of files) expect([file, modeOf(file)]).toEqual([file, 0o600]);
      expect(modeOf(backupsFolder(databasePath))).toBe(0o700);
      if (canSwitchUser) {
        // The control: a file with the usual mode in the same folder is readable by nobody.
        writeFileSync(join(dir, 'control.txt'), 'open', { mode: 0o644 });
        chmodSync(join(dir, 'control.txt'), 0o644);
        expect(nobodyReads(join(dir, 'control.txt'))).toBe(true);
        for (const file of files) expect([file, nobodyReads(file)]).toEqual([file, false]);
      }
    } finally {
      host.close();
    }
  });

  it('files and folders left looser by an earlier version are made private at start', () => {
    const dir = openFolder();
    // The app's own data folder (as in ~/.config/courtyard-council) is corrected; a folder the user named is left alone.
    const appFolder = join(dir, 'courtyard-council');
    mkdirSync(appFolder, { mode: 0o755 });
    chmodSync(appFolder, 0o755);
    const databasePath = join(appFolder, 'courtyard.sqlite');
    const first = SwitchableHost.open({ databasePath, host: 'browser' }, isDamage);
    first.close();
    const folder = backupsFolder(databasePath);
    const loose = [databasePath, ...readdirSync(folder).map((name) => join(folder, name))];
    for (const file of loose) chmodSync(file, 0o644);
    chmodSync(folder, 0o755);
    chmodSync(appFolder, 0o755);

    const again = SwitchableHost.open({ databasePath, host: 'browser' }, isDamage);
    try {
      for (const file of loose) expect([file, modeOf(file)]).toEqual([file, 0o600]);
      expect(modeOf(folder)).toBe(0o700);
      expect(modeOf(appFolder)).toBe(0o700);
      expect(modeOf(dir)).toBe(0o755);
      if (canSwitchUser) for (const file of loose) expect(nobodyReads(file)).toBe(false);
    } finally {
      again.close();
    }
  });

  it('a backup is written to a 0600 .partial file, and the finished backup is a plain (not WAL) database', async () => {
    const dir = openFolder();
    const databasePath = join(dir, 'big.sqlite');
    const sqlite = new Database(databasePath);
    sqlite.pragma('journal_mode = WAL');
    sqlite.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT)');
    const insert = sqlite.prepare('INSERT INTO filler (body) VALUES (?)');
    sqlite.transaction(() => {
      for (let i = 0; i < 60_000; i += 1) insert.run(`${i}:${'院落议事'.repeat(40)}`);
    })();
    const folder = backupsFolder(databasePath);
    const partialModes: number[] = [];
    const making = createBackup(sqlite, folder, 'manual', new Date());
    let done = false;
    void making.then(() => (done = true), () => (done = true));
    while (!done) {
      const partial = readdirSync(folder).find((name) => name.endsWith('.partial'));
      if (partial) {
        try {
          partialModes.push(modeOf(join(folder, partial)));
        } catch {
          // Renamed between the listing and the stat.
        }
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    const made = await making;
    sqlite.close();
    expect(partialModes.length).toBeGreaterThan(0);
    expect(new Set(partialModes)).toEqual(new Set([0o600]));
    expect(modeOf(made.path)).toBe(0o600);
    const copy = new Database(made.path, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(60_000);
    copy.close();
    expect(readdirSync(folder).filter((name) => !name.endsWith('.sqlite'))).toEqual([]);
  });
});
