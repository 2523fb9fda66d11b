import type Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

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

/**
 * `VACUUM INTO` a `.partial` file (a consistent, compact copy taken inside one read
 * transaction, synchronous, so it can run before migrations), renamed into place
 * only when complete: a crash or SIGKILL mid-way leaves the earlier backups and the
 * database as they were, and no half-written file under a backup's name.
 */
export function createBackup(sqlite: Database.Database, folder: string, kind: BackupKind, now: Date): BackupFile {
  mkdirSync(folder, { recursive: true });
  const fileName = `courtyard-${stamp(now)}-${kind}.sqlite`;
  const finalPath = join(folder, fileName);
  const partialPath = `${finalPath}.partial`;
  rmSync(partialPath, { force: true });
  // Raw SQL: VACUUM INTO has no query-builder form, and this runs before migrations, on any schema.
  sqlite.prepare('VACUUM INTO ?').run(partialPath);
  renameSync(partialPath, finalPath);
  return parse(basename(finalPath), folder)!;
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
