import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { backupsFolder, createBackupNow, removeStalePartials } from '../areas/backup/backups';
import { latestGoodBackup } from '../areas/backup/recovery';
import { privateEmptyFile, privateFolderMode, securePrivateFiles } from './file-modes';
import { schema, type Schema } from './schema';

/** The file is not an SQLite database, or SQLite finds it damaged. Never overwritten: see recovery.ts. */
export class DamagedDatabaseError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`数据文件 ${path} 已损坏或不是院落议事的数据文件（${reason}）。`);
  }
}

/** `PRAGMA quick_check` at every start: a damaged file is reported before anything reads or writes it. */
function assertSound(sqlite: Database.Database, path: string): void {
  let result: unknown;
  try {
    result = sqlite.pragma('quick_check', { simple: true });
  } catch (error) {
    throw new DamagedDatabaseError(path, (error as Error).message);
  }
  if (result !== 'ok') throw new DamagedDatabaseError(path, String(result));
}

const sizeOf = (path: string) => (existsSync(path) ? statSync(path).size : 0);

/**
 * A database file of 0 bytes (and no write-ahead log) where backups lie beside it: something emptied
 * it (a full disk, a sync tool, a copy gone wrong), since the app never leaves its own file empty.
 * Opening it would start a new, empty council over the records; it is damaged, and the newest sound
 * backup is offered instead. Without backups an empty file is simply a new database.
 */
function assertNotEmptied(path: string): void {
  if (!existsSync(path) || sizeOf(path) > 0 || sizeOf(`${path}-wal`) > 0) return;
  if (latestGoodBackup(path)) throw new DamagedDatabaseError(path, '文件大小为 0 字节，里面没有任何数据，旁边有备份');
}

/**
 * Before SQLite opens the file: the folder made (0700 when the app makes it), the file itself made
 * private and empty when new, unfinished backups of a crash removed, and files an earlier version
 * left readable by others corrected.
 */
function prepareFiles(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: privateFolderMode });
  assertNotEmptied(path);
  privateEmptyFile(path);
  removeStalePartials(backupsFolder(path));
  securePrivateFiles(path, backupsFolder(path));
}

/** True when the file is behind the committed migrations (raw SQL: drizzle's bookkeeping table, read before migrating). */
function pendingMigrations(sqlite: Database.Database, migrationsFolder: string): boolean {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  const applied = sqlite
    .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .pluck()
    .get() as number;
  if (applied === 0) return journal.entries.length > 0;
  return (sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() as number) < journal.entries.length;
}

/** Raw SQL: asked of sqlite_master before the schema is known to exist. */
function hasData(sqlite: Database.Database): boolean {
  return (sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'councils'").pluck().get() as number) > 0;
}

/** The database as every area's queries see it: typed from every area's tables, with the connection under it. */
export type Db = BetterSQLite3Database<Schema> & { $client: Database.Database };

export interface DatabaseHandle {
  path: string;
  sqlite: Database.Database;
  db: Db;
  close(): void;
}

/** Where the committed drizzle-kit migrations live when running from source. */
export const defaultMigrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export interface OpenOptions {
  migrationsFolder?: string;
}

/**
 * Opens (creating if needed) the council's SQLite file and brings its schema up to
 * date before anything else touches it. synchronous=FULL because a vote or a word of
 * the minutes that the UI was told is saved must survive a power cut, and WAL with
 * NORMAL may lose the last commits.
 */
export function openDatabase(path: string, options: OpenOptions = {}): DatabaseHandle {
  if (path !== ':memory:') prepareFiles(path);
  const sqlite = new Database(path);
  try {
    assertSound(sqlite, path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const db = drizzle(sqlite, { schema });
    const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder;
    if (path !== ':memory:' && pendingMigrations(sqlite, migrationsFolder) && hasData(sqlite)) {
      // A migration that goes wrong must never cost the council its records.
      createBackupNow(sqlite, backupsFolder(path), 'pre-migration', new Date());
    }
    migrate(db, { migrationsFolder });
    // The -wal and -shm SQLite has just made take the database's mode; an older pair is corrected here.
    if (path !== ':memory:') securePrivateFiles(path, backupsFolder(path));
    return {
      path,
      sqlite,
      db,
      close: () => {
        if (sqlite.open) sqlite.close();
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
