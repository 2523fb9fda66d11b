/**
 * The contract calls a query a channel that changes nothing. Every query, on every record of the
 * full demo council, leaves the database file's rows exactly as they were. (A fuzz run once found
 * console:get storing the console's first state.) The minutes are opened beforehand: opening them
 * the first time lays out their skeleton, which is the one write a query is allowed.
 */
import { describe, expect, it } from 'vitest';
import { type Channel, channels, contract } from '../../shared/api/contract';
import { seedDemo, seedFollowupDemo } from '../../src-main/host/demo/seed';
import { seedOwnersDemo } from '../../src-main/host/demo/owners';
import { dumpTables } from './access-fixture';
import { tempHost } from './temp-host';

const queries = channels.filter((channel) => contract[channel].kind === 'query');

describe('queries store nothing', () => {
  it('every query channel, on every record of the demo, leaves the stored rows as they were', async () => {
    const host = tempHost();
    const now = new Date();
    seedDemo(host.database, now);
    seedFollowupDemo(host.database, now);
    seedOwnersDemo(host.database);
    const sqlite = host.database.sqlite;
    const column = (sql: string) => (sqlite.prepare(sql).pluck().all() as number[]).slice(0, 6);
    const ids = {
      councilId: column('SELECT id FROM councils'),
      meetingId: column('SELECT id FROM meetings'),
      voteId: column('SELECT id FROM votes'),
      agendaItemId: column('SELECT id FROM agenda_items'),
      compactId: column('SELECT id FROM compacts'),
      versionId: column('SELECT id FROM compact_versions'),
      signatureId: column('SELECT id FROM compact_signatures'),
    };
    for (const meetingId of ids.meetingId) await host.ok('minutes:open', { meetingId });
    const roster = await host.ok('roster:exportXlsx', { councilId: ids.councilId[0]! });
    const files: Array<Record<string, unknown>> = [{ councilId: ids.councilId[0], fileName: roster.fileName, dataBase64: roster.dataBase64 }];
    if (ids.versionId.length) {
      const compact = await host.ok('compacts:export', { versionId: ids.versionId[0]! });
      files.push({ councilId: ids.councilId[0], fileName: compact.fileName, dataBase64: compact.dataBase64 });
    }

    /** Inputs for a channel: one per record of each id its input names, plus the other fields it needs. */
    const inputsFor = (channel: Channel): unknown[] => {
      const shape = (contract[channel].input as { shape?: Record<string, unknown> }).shape ?? {};
      if ('dataBase64' in shape) return files;
      const base: Record<string, unknown> = { query: 'w', publicBaseUrl: 'http://127.0.0.1:4180' };
      const named = Object.keys(shape).filter((key): key is keyof typeof ids => key in ids);
      if (!named.length) return [base];
      return named.flatMap((key) => ids[key].map((value) => ({ ...base, ...Object.fromEntries(named.map((other) => [other, ids[other][0]])), [key]: value })));
    };

    expect(ids.meetingId.length).toBeGreaterThan(1);
    expect(ids.voteId.length).toBeGreaterThan(0);
    const changedBy: string[] = [];
    let answered = 0;
    const answeredFiles = new Set<string>();
    for (const channel of queries) {
      for (const input of inputsFor(channel)) {
        const before = dumpTables(sqlite, []);
        const result = await host.invoke(channel, input);
        if (result.ok) answered += 1;
        if (result.ok && (input as { dataBase64?: string }).dataBase64) answeredFiles.add(channel);
        if (dumpTables(sqlite, []) !== before) changedBy.push(`${channel} ${JSON.stringify(input).slice(0, 80)}`);
      }
    }
    expect(changedBy).toEqual([]);
    // The sweep reached the records: most calls were answered, not refused for a bad input.
    expect(answered).toBeGreaterThan(queries.length);
    // The queries that read a file (the roster preview, a seal check, a count record check) were given one they answer.
    expect([...answeredFiles].sort()).toEqual(['paper:verifyRecord', 'roster:previewImport', 'seals:verify']);
  }, 60_000);
});
