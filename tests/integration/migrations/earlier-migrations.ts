import Database from 'better-sqlite3';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { defaultMigrationsFolder, openDatabase } from '../../../src-main/host/db/client';

interface Journal {
  entries: Array<{ tag: string }>;
}

function committedJournal(): Journal {
  return JSON.parse(readFileSync(join(defaultMigrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;
}

/** The tags of the committed migrations, in the order they are applied (0000_foundation, …). */
export const migrationTags: readonly string[] = committedJournal().entries.map((entry) => entry.tag);

/**
 * A migrations folder with only the committed migrations whose tags `keep` accepts, in `dir`: a host
 * opened with it leaves a database as an earlier release did, to test the migrations after it.
 */
export function earlierMigrations(dir: string, keep: (tag: string, index: number) => boolean): string {
  const folder = join(dir, `migrations-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const journal = committedJournal();
  const entries = journal.entries.filter((entry, index) => keep(entry.tag, index));
  for (const entry of entries) cpSync(join(defaultMigrationsFolder, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`));
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  return folder;
}

export type Row = Record<string, unknown>;

/** A database file one migration behind, spoken to as any other SQLite client would. */
export interface DatabaseBefore {
  path: string;
  /**
   * A plain better-sqlite3 connection to the file (foreign keys on, as the app runs). migrate() closes
   * it and opens a new one: prepare statements again after it.
   */
  readonly sqlite: Database.Database;
  /** Applies the migration under test, and only it, the way the app does at start (openDatabase). */
  migrate(): void;
  /** Applies every committed migration still pending, as the app's start does. */
  migrateToLatest(): void;
  /** Every row of a table, in the order they were written. */
  rows(table: string): Row[];
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function connect(path: string): Database.Database {
  const sqlite = new Database(path);
  sqlite.pragma('foreign_keys = ON');
  return sqlite;
}

/**
 * A temporary SQLite file as the release before migration `tag` left it: every committed migration
 * before `tag` applied through openDatabase (for the first migration, an empty file). Removed after
 * the test.
 */
export function databaseBefore(tag: string): DatabaseBefore {
  const index = migrationTags.indexOf(tag);
  if (index < 0) throw new Error(`no committed migration ${tag}`);
  const dir = mkdtempSync(join(tmpdir(), 'courtyard-migration-'));
  const path = join(dir, 'council.sqlite');
  if (index > 0) openDatabase(path, { migrationsFolder: earlierMigrations(dir, (_, i) => i < index) }).close();
  let sqlite = connect(path);
  cleanups.push(() => {
    if (sqlite.open) sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const migrateThrough = (last: number) => {
    sqlite.close();
    const migrationsFolder = last === migrationTags.length - 1 ? defaultMigrationsFolder : earlierMigrations(dir, (_, i) => i <= last);
    openDatabase(path, { migrationsFolder }).close();
    sqlite = connect(path);
    // The migrations were applied, and left a sound file with every reference intact.
    expect(sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(last + 1);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
  };
  return {
    path,
    get sqlite() {
      return sqlite;
    },
    migrate() {
      migrateThrough(index);
    },
    migrateToLatest() {
      migrateThrough(migrationTags.length - 1);
    },
    rows(table) {
      return sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all() as Row[];
    },
  };
}

/** The names of the tables (or indexes, or triggers) in the file, sorted. */
export function schemaNames(sqlite: Database.Database, type: 'table' | 'index' | 'trigger'): string[] {
  return sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations' ORDER BY name")
    .pluck()
    .all(type) as string[];
}

export interface Courtyard {
  councilId: number;
  households: { '3-2-501': number; '3-2-502': number; '5-1-101': number };
  people: { 何兆品: number; 李秀英: number; 王建国: number; 赵六: number };
  meetingId: number;
  agenda: { 充电桩: number; 楼道堆物: number };
}

/**
 * A small courtyard in the tables of the first migration, as the app writes them: a council, three
 * households (areas in hundredths of a m², one rented, one with no area known), four people (赵六
 * owns a unit but lives elsewhere), a meeting with two matters.
 */
export function seedCourtyard(sqlite: Database.Database): Courtyard {
  const insert = (statement: string, ...values: unknown[]) => Number(sqlite.prepare(statement).run(...values).lastInsertRowid);
  const at = '2026-09-20T08:15:30.125Z';
  const councilId = insert(
    'INSERT INTO councils (name, community, address, process_template, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    '平安小区院落议事会',
    '平安社区',
    '朝阳区平安里3号',
    'six-step',
    at,
    at,
  );
  const household = (code: string, areaCenti: number | null, tenure: 'owner' | 'tenant', note = '') => {
    const [building, unit, room] = code.split('-');
    return insert(
      'INSERT INTO households (council_id, building, unit, room, code, area_centi, tenure, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      councilId,
      building,
      unit,
      room,
      code,
      areaCenti,
      tenure,
      note,
      at,
      at,
    );
  };
  const households = {
    '3-2-501': household('3-2-501', 8650, 'owner'),
    '3-2-502': household('3-2-502', 7233, 'tenant', '租户，房东在外地'),
    '5-1-101': household('5-1-101', null, 'owner'),
  };
  const person = (name: string, initials: string, full: string, householdId: number | null, roles: string[], phone = '') =>
    insert(
      'INSERT INTO people (council_id, household_id, name, pinyin_initials, pinyin_full, phone, roles, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      councilId,
      householdId,
      name,
      initials,
      full,
      phone,
      JSON.stringify(roles),
      at,
      at,
    );
  const people = {
    何兆品: person('何兆品', 'hzp', 'hezhaopin', households['3-2-501'], ['chair'], '13800138000'),
    李秀英: person('李秀英', 'lxy', 'lixiuying', households['3-2-501'], ['secretary', 'member']),
    王建国: person('王建国', 'wjg', 'wangjianguo', households['3-2-502'], ['representative']),
    赵六: person('赵六', 'zl', 'zhaoliu', null, []),
  };
  const meetingId = insert(
    'INSERT INTO meetings (council_id, title, date, start_time, place, chair_id, secretary_id, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    councilId,
    '十月院落议事会',
    '2026-10-10',
    '19:30',
    '3号楼架空层',
    people.何兆品,
    people.李秀英,
    'in_progress',
    at,
    at,
  );
  const matter = (position: number, title: string, text: string, stepIndex: number) =>
    insert(
      'INSERT INTO agenda_items (meeting_id, position, title, text, step_index, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      meetingId,
      position,
      title,
      text,
      stepIndex,
      at,
      at,
    );
  const agenda = {
    充电桩: matter(0, '电动车充电桩', '在3号楼北侧加装十个充电桩，费用由使用者分摊。', 4),
    楼道堆物: matter(1, '楼道堆物清理', '', 0),
  };
  return { councilId, households, people, meetingId, agenda };
}

/** Every row of the first migration's tables, to compare before and after a later migration. */
export function courtyardRows(database: DatabaseBefore): Record<string, Row[]> {
  return Object.fromEntries(['councils', 'households', 'people', 'meetings', 'agenda_items'].map((table) => [table, database.rows(table)]));
}
