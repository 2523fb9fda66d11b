import { describe, expect, it } from 'vitest';
import { courtyardRows, databaseBefore, schemaNames, seedCourtyard } from './earlier-migrations';

describe('migration 0014_audit_heads', () => {
  it('keeps the audit log as it was, adds an empty table of signed heads, and keeps it append-only', () => {
    const database = databaseBefore('0014_audit_heads');
    const courtyard = seedCourtyard(database.sqlite);
    const entry = database.sqlite.prepare('INSERT INTO audit_log (seq, at, kind, meeting_id, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)');
    entry.run(1, '2026-10-10T11:30:00.000Z', 'attendance.check-in', courtyard.meetingId, '{"personId":1}', '0'.repeat(64), 'a'.repeat(64));
    entry.run(2, '2026-10-10T11:31:00.000Z', 'attendance.check-in', courtyard.meetingId, '{"personId":2}', 'a'.repeat(64), 'b'.repeat(64));
    const before = { ...courtyardRows(database), audit_log: database.rows('audit_log') };

    database.migrate();
    const { sqlite } = database;
    expect({ ...courtyardRows(database), audit_log: database.rows('audit_log') }).toEqual(before);
    expect(database.rows('audit_heads')).toEqual([]);
    expect(schemaNames(sqlite, 'trigger')).toEqual(expect.arrayContaining(['audit_heads_no_update', 'audit_heads_no_delete']));

    sqlite
      .prepare('INSERT INTO audit_heads (seq, hash, council_id, key_fingerprint, reason, signed_at, signature) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(2, 'b'.repeat(64), courtyard.councilId, 'c'.repeat(64), 'shutdown', '2026-10-10T12:00:00.000Z', 'c2lnbmF0dXJl');
    expect(database.rows('audit_heads')).toEqual([
      { id: 1, seq: 2, hash: 'b'.repeat(64), council_id: courtyard.councilId, key_fingerprint: 'c'.repeat(64), reason: 'shutdown', signed_at: '2026-10-10T12:00:00.000Z', signature: 'c2lnbmF0dXJl' },
    ]);
    expect(() => sqlite.prepare('UPDATE audit_heads SET seq = 1').run()).toThrow('签署的链头不可修改');
    expect(() => sqlite.prepare('DELETE FROM audit_heads').run()).toThrow('签署的链头不可删除');
    // A head outlives its council: removing the council leaves the anchor.
    sqlite.prepare('DELETE FROM councils WHERE id = ?').run(courtyard.councilId);
    expect(database.rows('audit_heads')).toHaveLength(1);
  });
});
