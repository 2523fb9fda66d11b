import { describe, expect, it } from 'vitest';
import { courtyardRows, databaseBefore, seedCourtyard } from './earlier-migrations';

describe('migration 0017_door_paper', () => {
  it('marks every sign-in as made at the door, every proxy as without a written authorisation on file, and no council as requiring one; every row kept', () => {
    const database = databaseBefore('0017_door_paper');
    const courtyard = seedCourtyard(database.sqlite);
    const at = '2026-10-10T11:31:00.000Z';
    database.sqlite
      .prepare('INSERT INTO attendance (meeting_id, person_id, observer, arrived_at, left_at) VALUES (?, ?, 0, ?, NULL)')
      .run(courtyard.meetingId, courtyard.people.何兆品, at);
    database.sqlite
      .prepare('INSERT INTO attendance (meeting_id, person_id, observer, arrived_at, left_at) VALUES (?, ?, 0, ?, ?)')
      .run(courtyard.meetingId, courtyard.people.王建国, at, '2026-10-10T12:40:00.000Z');
    database.sqlite
      .prepare('INSERT INTO proxies (meeting_id, grantor_id, holder_id, note, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(courtyard.meetingId, courtyard.people.李秀英, courtyard.people.何兆品, '书面委托书', at);
    database.sqlite
      .prepare('INSERT INTO council_settings (council_id, max_proxies_per_holder, require_signature, intake_open, seconds_required, notice_days) VALUES (?, ?, ?, ?, ?, ?)')
      .run(courtyard.councilId, 2, 1, 0, 3, 5);
    const before = courtyardRows(database);
    const attendanceBefore = database.rows('attendance');
    const proxiesBefore = database.rows('proxies');
    const settingsBefore = database.rows('council_settings');

    database.migrate();
    expect(courtyardRows(database)).toEqual(before);
    expect(database.rows('attendance')).toEqual(attendanceBefore.map((row) => ({ ...row, on_paper: 0 })));
    expect(database.rows('proxies')).toEqual(proxiesBefore.map((row) => ({ ...row, written_received: 0 })));
    expect(database.rows('council_settings')).toEqual(settingsBefore.map((row) => ({ ...row, require_written_proxy: 0 })));

    // A paper signature entered afterwards, and a council asking for the written authorisation.
    database.sqlite
      .prepare('INSERT INTO attendance (meeting_id, person_id, observer, arrived_at, on_paper) VALUES (?, ?, 0, ?, 1)')
      .run(courtyard.meetingId, courtyard.people.李秀英, '2026-10-10T11:35:00.000Z');
    database.sqlite.prepare('UPDATE council_settings SET require_written_proxy = 1 WHERE council_id = ?').run(courtyard.councilId);
    expect(database.rows('attendance').at(-1)).toMatchObject({ on_paper: 1, arrived_at: '2026-10-10T11:35:00.000Z' });
    expect(database.rows('council_settings')[0]).toMatchObject({ require_signature: 1, notice_days: 5, require_written_proxy: 1 });
  });
});
