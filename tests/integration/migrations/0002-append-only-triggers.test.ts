import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { databaseBefore, seedCourtyard } from './earlier-migrations';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('migration 0002_append_only_triggers', () => {
  it('keeps the audit entries written before it, and from then on refuses to change or remove any', () => {
    const database = databaseBefore('0002_append_only_triggers');
    const courtyard = seedCourtyard(database.sqlite);
    const append = database.sqlite.prepare('INSERT INTO audit_log (seq, at, kind, meeting_id, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const first = { seq: 1, at: '2026-10-10T11:28:04.512Z', kind: 'attendance.arrive', payload: JSON.stringify({ personId: courtyard.people.何兆品, name: '何兆品' }) };
    const firstHash = sha256(JSON.stringify(first));
    append.run(first.seq, first.at, first.kind, courtyard.meetingId, first.payload, '0'.repeat(64), firstHash);
    const second = { seq: 2, at: '2026-10-10T11:29:41.003Z', kind: 'attendance.arrive', payload: JSON.stringify({ personId: courtyard.people.李秀英, name: '李秀英' }) };
    append.run(second.seq, second.at, second.kind, courtyard.meetingId, second.payload, firstHash, sha256(firstHash + JSON.stringify(second)));
    const before = database.rows('audit_log');
    // Before the migration nothing but the app stood in the way of an edit.
    database.sqlite.prepare("UPDATE audit_log SET kind = kind WHERE seq = 1").run();

    database.migrate();
    const { sqlite } = database;
    expect(database.rows('audit_log')).toEqual(before);
    expect(() => sqlite.prepare("UPDATE audit_log SET payload = '{}' WHERE seq = 1").run()).toThrow('审计日志不可修改');
    expect(() => sqlite.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow('审计日志不可删除');
    expect(() => sqlite.prepare('DELETE FROM audit_log').run()).toThrow('审计日志不可删除');
    expect(database.rows('audit_log')).toEqual(before);

    // Appending goes on as before.
    sqlite
      .prepare('INSERT INTO audit_log (seq, at, kind, meeting_id, payload, prev_hash, hash) VALUES (3, ?, ?, ?, ?, ?, ?)')
      .run('2026-10-10T11:31:00.000Z', 'attendance.leave', courtyard.meetingId, '{}', before[1]!.hash, sha256('third'));
    expect(database.rows('audit_log')).toHaveLength(3);
  });
});
