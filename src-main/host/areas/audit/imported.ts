/**
 * What came into this database with a council archive. An import appends the source's entries to
 * this chain as one block, just before its `archive-import` entry (whose payload counts them), with
 * new meeting ids but the source's ids in their payloads; the sealed minutes it brings name the
 * source's chain. Checks against this chain leave those out (the import itself is a recorded step).
 */
import type Database from 'better-sqlite3';

export interface Imported {
  /** Meetings whose entries came in with an archive. */
  meetings: Set<number>;
  /** The entries that came in with an archive, as [first, last] numbers. */
  ranges: Array<[number, number]>;
}

export function importedFromArchives(sqlite: Database.Database): Imported {
  const imports = sqlite.prepare("SELECT seq, payload FROM audit_log WHERE kind = 'archive-import' ORDER BY seq").all() as Array<{ seq: number; payload: string }>;
  const meetings = new Set<number>();
  const ranges: Array<[number, number]> = [];
  const meetingsIn = sqlite.prepare('SELECT DISTINCT meeting_id FROM audit_log WHERE seq >= ? AND seq < ? AND meeting_id IS NOT NULL').pluck();
  for (const entry of imports) {
    let moved = 0;
    try {
      const rows = (JSON.parse(entry.payload) as { rows?: { audit_log?: unknown } }).rows;
      moved = typeof rows?.audit_log === 'number' ? rows.audit_log : 0;
    } catch {
      // Unreadable: the chain walk names the entry.
    }
    if (moved <= 0) continue;
    ranges.push([entry.seq - moved, entry.seq - 1]);
    for (const id of meetingsIn.all(entry.seq - moved, entry.seq) as number[]) meetings.add(id);
  }
  return { meetings, ranges };
}
