/**
 * A large estate's roster imported in one file: 20,000 rows, 8,000 households, an .xlsx made
 * with exceljs (tests/integration/large-roster.ts). Figures:
 * - import-20000-rows: seconds for roster:previewImport then roster:commitImport through the
 *   real dispatcher, into a council with an empty roster;
 * - import-20000-ratio: that time divided by its floor measured in the same run: exceljs reading
 *   the same file (every cell's value) plus one bare better-sqlite3 transaction inserting the
 *   same households and people into plain tables, with the app's pragmas (WAL, synchronous=FULL).
 * Each is the median of three rounds, the import and its floor taken in turn so that a busy
 * machine slows both alike.
 */
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Channel, Input, Output } from '../../../shared/api/contract';
import { createHost, type Host } from '../../../src-main/host/core/host';
import { largeRosterRows, largeRosterXlsx, type LargeRosterRow } from '../../integration/large-roster';
import { percentile } from '../floor';
import type { Report } from '../run';

const rowCount = 20_000;
const rounds = 3;

async function ok<C extends Channel>(host: Host, channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await host.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as Output<C>;
}

/** Preview and commit into a fresh council, in seconds. */
async function importThroughHost(host: Host, dataBase64: string, round: number): Promise<number> {
  const { id: councilId } = await ok(host, 'council:create', { name: `大型小区院落议事会${round}` });
  const input = { councilId, fileName: '名册.xlsx', dataBase64 };
  const started = performance.now();
  const preview = await ok(host, 'roster:previewImport', input);
  if (preview.issueCount > 0 || preview.rowCount !== rowCount) throw new Error(`preview: ${JSON.stringify(preview.issues.slice(0, 3))}`);
  const result = await ok(host, 'roster:commitImport', input);
  const seconds = (performance.now() - started) / 1000;
  if (result.peopleCreated !== rowCount) throw new Error(`commit wrote ${result.peopleCreated} people`);
  return seconds;
}

/** The floor: exceljs reads the file's values, one transaction inserts its rows into plain tables; in seconds. */
async function floor(dir: string, data: Buffer, rows: readonly LargeRosterRow[], round: number): Promise<number> {
  const sqlite = new Database(join(dir, `floor-${round}.sqlite`));
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.exec('CREATE TABLE households (id INTEGER PRIMARY KEY, code TEXT NOT NULL, area_centi INTEGER, tenure TEXT NOT NULL)');
    sqlite.exec('CREATE TABLE people (id INTEGER PRIMARY KEY, household_id INTEGER, name TEXT NOT NULL, phone TEXT NOT NULL, roles TEXT NOT NULL)');
    const insertHousehold = sqlite.prepare('INSERT INTO households (code, area_centi, tenure) VALUES (?, ?, ?)');
    const insertPerson = sqlite.prepare('INSERT INTO people (household_id, name, phone, roles) VALUES (?, ?, ?, ?)');
    const started = performance.now();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(data as unknown as ExcelJS.Buffer);
    let cells = 0;
    book.worksheets[0]!.eachRow((row) => {
      row.eachCell(() => (cells += 1));
    });
    if (cells < rowCount) throw new Error('floor read too few cells');
    sqlite.transaction(() => {
      const ids = new Map<string, number>();
      for (const row of rows) {
        let id = ids.get(row.code);
        if (id === undefined) ids.set(row.code, (id = Number(insertHousehold.run(row.code, row.areaCenti, row.tenure).lastInsertRowid)));
        insertPerson.run(id, row.name, row.phone, row.representative ? '["representative"]' : '[]');
      }
    })();
    return (performance.now() - started) / 1000;
  } finally {
    sqlite.close();
  }
}

export default async function importBench(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'courtyard-bench-import-'));
  const host = createHost({ databasePath: join(dir, 'estate.sqlite'), host: 'browser' });
  try {
    const rows = largeRosterRows(rowCount);
    const data = await largeRosterXlsx(rows);
    const dataBase64 = data.toString('base64');
    const imports: number[] = [];
    const floors: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      imports.push(await importThroughHost(host, dataBase64, round));
      floors.push(await floor(dir, data, rows, round));
    }
    const seconds = percentile(imports, 0.5);
    report('import-20000-rows', seconds, 's');
    report('import-20000-ratio', seconds / percentile(floors, 0.5), 'x');
  } finally {
    host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
