import { describe, expect, it } from 'vitest';
import { databaseBefore, schemaNames, seedCourtyard } from './earlier-migrations';

describe('migration 0000_foundation', () => {
  it('makes the roster and meeting tables in a new file, with their defaults and the rules they keep', () => {
    const database = databaseBefore('0000_foundation');
    database.migrate();
    const { sqlite } = database;
    expect(schemaNames(sqlite, 'table')).toEqual(['agenda_items', 'councils', 'households', 'meetings', 'people']);
    expect(schemaNames(sqlite, 'index')).toEqual([
      'agenda_items_meeting_position',
      'households_council_code',
      'meetings_council_date',
      'people_council_initials',
      'people_household',
    ]);

    const courtyard = seedCourtyard(sqlite);
    expect(database.rows('households').map((row) => [row.code, row.area_centi, row.tenure])).toEqual([
      ['3-2-501', 8650, 'owner'],
      ['3-2-502', 7233, 'tenant'],
      ['5-1-101', null, 'owner'],
    ]);

    // What the columns say when a writer leaves them out.
    const councilId = Number(sqlite.prepare("INSERT INTO councils (name) VALUES ('幸福里院落议事会')").run().lastInsertRowid);
    expect(sqlite.prepare('SELECT * FROM councils WHERE id = ?').get(councilId)).toMatchObject({ community: '', address: '', process_template: 'six-step' });
    expect(sqlite.prepare('SELECT created_at FROM councils WHERE id = ?').pluck().get(councilId)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    sqlite.prepare("INSERT INTO households (council_id, building, unit, room, code) VALUES (?, '3', '2', '501', '3-2-501')").run(councilId);
    expect(sqlite.prepare('SELECT tenure, note, area_centi FROM households WHERE council_id = ?').get(councilId)).toEqual({ tenure: 'owner', note: '', area_centi: null });
    sqlite.prepare("INSERT INTO people (council_id, name, pinyin_initials, pinyin_full) VALUES (?, '单立军', 'slj', 'shanlijun')").run(councilId);
    expect(sqlite.prepare('SELECT phone, roles, household_id FROM people WHERE council_id = ?').get(councilId)).toEqual({ phone: '', roles: '[]', household_id: null });
    const meetingId = Number(
      sqlite.prepare("INSERT INTO meetings (council_id, title, date, start_time) VALUES (?, '十一月议事会', '2026-11-14', '09:00')").run(councilId).lastInsertRowid,
    );
    expect(sqlite.prepare('SELECT status, place, chair_id FROM meetings WHERE id = ?').get(meetingId)).toEqual({ status: 'planned', place: '', chair_id: null });
    sqlite.prepare("INSERT INTO agenda_items (meeting_id, position, title) VALUES (?, 0, '垃圾分类')").run(meetingId);
    expect(sqlite.prepare('SELECT text, step_index FROM agenda_items WHERE meeting_id = ?').get(meetingId)).toEqual({ text: '', step_index: 0 });

    // A household number once per council (another council may use it), no negative area, six steps only.
    expect(() =>
      sqlite.prepare("INSERT INTO households (council_id, building, unit, room, code) VALUES (?, '3', '2', '501', '3-2-501')").run(courtyard.councilId),
    ).toThrow(/UNIQUE constraint failed: households.council_id, households.code/);
    expect(() => sqlite.prepare('UPDATE households SET area_centi = -1 WHERE id = ?').run(courtyard.households['3-2-501'])).toThrow(/households_area_not_negative/);
    expect(() => sqlite.prepare('UPDATE agenda_items SET step_index = 6 WHERE id = ?').run(courtyard.agenda.充电桩)).toThrow(/agenda_items_step_range/);
    // A household with people in it is not removed under them; a meeting's matters go with it.
    expect(() => sqlite.prepare('DELETE FROM households WHERE id = ?').run(courtyard.households['3-2-502'])).toThrow(/FOREIGN KEY constraint failed/);
    // Removing a person who chairs a meeting leaves the meeting without a chair.
    sqlite.prepare('UPDATE meetings SET chair_id = ? WHERE id = ?').run(courtyard.people.赵六, courtyard.meetingId);
    sqlite.prepare('DELETE FROM people WHERE id = ?').run(courtyard.people.赵六);
    expect(sqlite.prepare('SELECT chair_id FROM meetings WHERE id = ?').pluck().get(courtyard.meetingId)).toBeNull();
    sqlite.prepare('DELETE FROM meetings WHERE id = ?').run(courtyard.meetingId);
    expect(sqlite.prepare('SELECT count(*) FROM agenda_items WHERE meeting_id = ?').pluck().get(courtyard.meetingId)).toBe(0);
  });
});
