import { describe, expect, it } from 'vitest';
import { courtyardRows, databaseBefore, schemaNames, seedCourtyard } from './earlier-migrations';

describe('migration 0001_attendance_audit', () => {
  it('keeps the roster and meetings, and adds sign-in, proxies, council settings and the audit log around them', () => {
    const database = databaseBefore('0001_attendance_audit');
    const courtyard = seedCourtyard(database.sqlite);
    const before = courtyardRows(database);

    database.migrate();
    const { sqlite } = database;
    expect(courtyardRows(database)).toEqual(before);
    expect(schemaNames(sqlite, 'table')).toEqual(expect.arrayContaining(['attendance', 'audit_log', 'council_settings', 'proxies']));
    // No council has settings yet: the app reads a missing row as the defaults.
    expect(database.rows('council_settings')).toEqual([]);

    const { meetingId, people } = courtyard;
    sqlite.prepare("INSERT INTO attendance (meeting_id, person_id, arrived_at) VALUES (?, ?, '2026-10-10T11:28:04.512Z')").run(meetingId, people.何兆品);
    expect(database.rows('attendance')).toEqual([
      { id: 1, meeting_id: meetingId, person_id: people.何兆品, observer: 0, arrived_at: '2026-10-10T11:28:04.512Z', left_at: null, signature_png: null },
    ]);
    expect(() =>
      sqlite.prepare("INSERT INTO attendance (meeting_id, person_id, arrived_at) VALUES (?, ?, '2026-10-10T11:30:00.000Z')").run(meetingId, people.何兆品),
    ).toThrow(/UNIQUE constraint failed: attendance.meeting_id, attendance.person_id/);
    // A person signed in is not removed from the roster under the sign-in sheet.
    expect(() => sqlite.prepare('DELETE FROM people WHERE id = ?').run(people.何兆品)).toThrow(/FOREIGN KEY constraint failed/);

    sqlite
      .prepare("INSERT INTO proxies (meeting_id, grantor_id, holder_id, note, created_at) VALUES (?, ?, ?, '出差，委托邻居', '2026-10-09T02:00:00.000Z')")
      .run(meetingId, people.赵六, people.王建国);
    expect(() =>
      sqlite.prepare("INSERT INTO proxies (meeting_id, grantor_id, holder_id, created_at) VALUES (?, ?, ?, '2026-10-09T02:00:00.000Z')").run(meetingId, people.李秀英, people.李秀英),
    ).toThrow(/proxies_not_self/);

    sqlite.prepare('INSERT INTO council_settings (council_id) VALUES (?)').run(courtyard.councilId);
    expect(database.rows('council_settings')).toEqual([{ council_id: courtyard.councilId, max_proxies_per_holder: null, require_signature: 0 }]);
    // Settings go with their council.
    sqlite.prepare('DELETE FROM proxies').run();
    sqlite.prepare('DELETE FROM attendance').run();
    sqlite.prepare('DELETE FROM councils WHERE id = ?').run(courtyard.councilId);
    expect(database.rows('council_settings')).toEqual([]);
  });
});
