/** What the benches compare against, measured in the same run: the disk's commit, and percentiles. */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** The value at `share` (0.5, 0.95) of the sorted values. */
export const percentile = (values: number[], share: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;
};

/** One row per transaction into a bare table, with the app's pragmas (WAL, synchronous=FULL): what a commit costs on this disk, in ms each. */
export function fsyncFloor(dir: string, rows: number): number[] {
  const sqlite = new Database(join(dir, 'floor.sqlite'));
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, key TEXT NOT NULL, value TEXT NOT NULL)');
    const insert = sqlite.prepare('INSERT INTO t (key, value) VALUES (?, ?)');
    const times: number[] = [];
    for (let i = 0; i < rows; i += 1) {
      const started = performance.now();
      insert.run(`household:${i}`, new Date().toISOString());
      times.push(performance.now() - started);
    }
    return times;
  } finally {
    sqlite.close();
  }
}
