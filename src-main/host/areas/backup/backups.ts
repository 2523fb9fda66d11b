import Database from 'better-sqlite3';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { makePrivate, privateEmptyFile, privateFolder } from '../../db/file-modes';

export const backupKinds = ['daily', 'manual', 'pre-migration', 'pre-restore'] as const;
export type BackupKind = (typeof backupKinds)[number];

export interface BackupFile {
  fileName: string;
  path: string;
  kind: BackupKind;
  createdAt: string;
  sizeBytes: number;
}

const namePattern = /^courtyard-(\d{8})-(\d{6})(\d{3})-(daily|manual|pre-migration|pre-restore)\.sqlite$/;

export function backupsFolder(databasePath: string): string {
  return join(dirname(databasePath), 'backups');
}

function stamp(now: Date): string {
  const iso = now.toISOString(); // 2026-11-22T19:05:03.123Z
  return `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}${iso.slice(20, 23)}`;
}

function parse(fileName: string, folder: string): BackupFile | null {
  const match = namePattern.exec(fileName);
  if (!match) return null;
  const [, day, time, millis, kind] = match as unknown as [string, string, string, string, BackupKind];
  const createdAt = `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}.${millis}Z`;
  const path = join(folder, fileName);
  return { fileName, path, kind, createdAt, sizeBytes: statSync(path).size };
}

/** Newest first. Files that are not finished backups (e.g. a `.partial` left by a crash) are not listed. */
export function listBackups(folder: string): BackupFile[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .map((name) => parse(name, folder))
    .filter((file): file is BackupFile => file !== null)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

function startPartial(folder: string, kind: BackupKind, now: Date): { finalPath: string; partialPath: string } {
  privateFolder(folder);
  const finalPath = join(folder, `courtyard-${stamp(now)}-${kind}.sqlite`);
  const partialPath = `${finalPath}.partial`;
  removePartial(partialPath);
  // Made empty and private first: the copy is written into a file no one else may read, from its first page.
  privateEmptyFile(partialPath);
  return { finalPath, partialPath };
}

function removePartial(partialPath: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(partialPath + suffix, { force: true });
}

function finish(partialPath: string, finalPath: string, folder: string): BackupFile {
  makePrivate(partialPath);
  renameSync(partialPath, finalPath);
  return parse(basename(finalPath), folder)!;
}

/**
 * A backup taken while the host keeps answering: better-sqlite3's online backup copies the database
 * into a `.partial` file a hundred pages at a time, giving the event loop back between steps (what
 * this connection writes meanwhile is copied too). The copy is renamed into place only when complete:
 * a crash or SIGKILL mid-way leaves the earlier backups and the database as they were, and no
 * half-written file under a backup's name (the stale `.partial` goes at the next start).
 */
export async function createBackup(sqlite: Database.Database, folder: string, kind: BackupKind, now: Date): Promise<BackupFile> {
  const { finalPath, partialPath } = startPartial(folder, kind, now);
  try {
    await sqlite.backup(partialPath);
    // The online backup copies the header as it is, WAL flag included; a backup is one self-contained file.
    const copy = new Database(partialPath);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    return finish(partialPath, finalPath, folder);
  } catch (error) {
    removePartial(partialPath);
    throw error;
  }
}

/**
 * A backup taken at once with `VACUUM INTO` (one consistent read, synchronous): before migrating,
 * when nothing is served yet, and just before a restore closes the database, when nothing written
 * between the copy and the close may be left out of it.
 */
export function createBackupNow(sqlite: Database.Database, folder: string, kind: BackupKind, now: Date): BackupFile {
  const { finalPath, partialPath } = startPartial(folder, kind, now);
  try {
    // Raw SQL: VACUUM INTO has no query-builder form, and this runs before migrations, on any schema.
    sqlite.prepare('VACUUM INTO ?').run(partialPath);
    return finish(partialPath, finalPath, folder);
  } catch (error) {
    removePartial(partialPath);
    throw error;
  }
}

/** Unfinished copies left by a crash or a kill: never listed as backups, removed at the next start. */
export function removeStalePartials(folder: string): string[] {
  if (!existsSync(folder)) return [];
  const stale = readdirSync(folder).filter((name) => /\.partial(-journal|-wal|-shm)?$/.test(name));
  for (const name of stale) rmSync(join(folder, name), { force: true });
  return stale;
}

/**
 * Which backups to keep: the newest of each of the last 7 days, 4 ISO-ish weeks and
 * 12 months, plus the 10 newest made before a migration or a restore, plus every
 * manual one from the last 30 days.
 */
export function backupsToKeep(files: BackupFile[], now: Date): Set<string> {
  const keep = new Set<string>();
  const newestPer = (key: (file: BackupFile) => string, limit: number, from: BackupFile[]) => {
    const seen = new Set<string>();
    for (const file of from) {
      const bucket = key(file);
      if (seen.has(bucket)) continue;
      if (seen.size >= limit) break;
      seen.add(bucket);
      keep.add(file.fileName);
    }
  };
  const scheduled = files.filter((f) => f.kind === 'daily');
  newestPer((f) => f.createdAt.slice(0, 10), 7, scheduled);
  newestPer((f) => String(Math.floor(Date.parse(f.createdAt) / (7 * 86_400_000))), 4, scheduled);
  newestPer((f) => f.createdAt.slice(0, 7), 12, scheduled);
  files.filter((f) => f.kind === 'pre-migration' || f.kind === 'pre-restore').slice(0, 10).forEach((f) => keep.add(f.fileName));
  files
    .filter((f) => f.kind === 'manual' && now.getTime() - Date.parse(f.createdAt) < 30 * 86_400_000)
    .forEach((f) => keep.add(f.fileName));
  return keep;
}

export function rotateBackups(folder: string, now: Date): string[] {
  const files = listBackups(folder);
  const keep = backupsToKeep(files, now);
  const removed = files.filter((file) => !keep.has(file.fileName));
  for (const file of removed) rmSync(file.path, { force: true });
  return removed.map((file) => file.fileName);
}

/** A daily backup is due when there is none from the same UTC day. */
export function dailyBackupDue(folder: string, now: Date): boolean {
  const today = now.toISOString().slice(0, 10);
  return !listBackups(folder).some((file) => file.kind === 'daily' && file.createdAt.startsWith(today));
}
