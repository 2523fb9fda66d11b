import { describe, expect, it } from 'vitest';
import { courtyardRows, databaseBefore, seedCourtyard } from './earlier-migrations';

describe('migration 0018_room_code', () => {
  it('adds the room code column, empty for every code made before it, and leaves every row as it was', () => {
    const database = databaseBefore('0018_room_code');
    const courtyard = seedCourtyard(database.sqlite);
    database.sqlite
      .prepare("INSERT INTO join_codes (meeting_id, code_hash, role, created_at, expires_at) VALUES (?, 'ab12', 'viewer', '2027-01-16T11:00:00Z', '2027-01-16T17:00:00Z')")
      .run(courtyard.meetingId);
    const before = courtyardRows(database);
    const codesBefore = database.rows('join_codes');

    database.migrate();
    expect(database.rows('join_codes')).toEqual(codesBefore.map((row) => ({ ...row, shown_code: null })));
    expect(courtyardRows(database)).toEqual(before);
  });
});
