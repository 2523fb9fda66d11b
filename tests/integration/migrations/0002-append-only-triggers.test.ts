import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { entryHash, genesisHash, verifyAuditChain } from '../../../src-main/host/areas/audit/audit-log';
import { databaseBefore, seedCourtyard } from './earlier-migrations';

/** Appends an entry chained as the app chains them, written with plain SQL. */
function append(sqlite: Database.Database, entry: { seq: number; at: string; kind: string; meetingId: number | null; payload: string }): void {
  const prevHash = (sqlite.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(entry.seq - 1) as string | undefined) ?? genesisHash;
  sqlite
    .prepare('INSERT INTO audit_log (seq, at, kind, meeting_id, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(entry.seq, entry.at, entry.kind, entry.meetingId, entry.payload, prevHash, entryHash({ ...entry, prevHash }));
}

describe('migration 0002_append_only_triggers', () => {
  it('keeps the audit entries written before it, their chain whole, and from then on refuses to change or remove any', () => {
    const database = databaseBefore('0002_append_only_triggers');
    const { meetingId, people } = seedCourtyard(database.sqlite);
    append(database.sqlite, { seq: 1, at: '2026-10-10T11:28:04.512Z', kind: 'attendance.check-in', meetingId, payload: JSON.stringify({ personId: people.何兆品 }) });
    append(database.sqlite, { seq: 2, at: '2026-10-10T11:29:41.003Z', kind: 'attendance.check-in', meetingId, payload: JSON.stringify({ personId: people.李秀英 }) });
    const before = database.rows('audit_log');
    // Before the migration nothing but the app stood in the way of an edit.
    database.sqlite.prepare('UPDATE audit_log SET kind = kind WHERE seq = 1').run();

    database.migrate();
    const { sqlite } = database;
    expect(database.rows('audit_log')).toEqual(before);
    expect(verifyAuditChain(sqlite)).toMatchObject({ ok: true, entries: 2 });
    expect(() => sqlite.prepare("UPDATE audit_log SET payload = '{}' WHERE seq = 1").run()).toThrow('审计日志不可修改');
    expect(() => sqlite.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow('审计日志不可删除');
    expect(() => sqlite.prepare('DELETE FROM audit_log').run()).toThrow('审计日志不可删除');
    expect(database.rows('audit_log')).toEqual(before);

    // Appending goes on as before.
    append(sqlite, { seq: 3, at: '2026-10-10T13:02:00.000Z', kind: 'attendance.leave', meetingId, payload: JSON.stringify({ personId: people.李秀英 }) });
    expect(verifyAuditChain(sqlite)).toMatchObject({ ok: true, entries: 3 });
  });
});
