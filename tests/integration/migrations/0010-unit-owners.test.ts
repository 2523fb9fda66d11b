import { describe, expect, it } from 'vitest';
import { courtyardRows, databaseBefore, schemaNames, seedCourtyard } from './earlier-migrations';

describe('migration 0010_unit_owners', () => {
  it('keeps households and people with no owners recorded, and records owners, jointly or of several units', () => {
    const database = databaseBefore('0010_unit_owners');
    const { households, people } = seedCourtyard(database.sqlite);
    const before = courtyardRows(database);

    database.migrate();
    const { sqlite } = database;
    expect(courtyardRows(database)).toEqual(before);
    expect(schemaNames(sqlite, 'index')).toContain('unit_owners_person');
    // Without owners recorded, the app counts one vote per owner-occupied unit, as before.
    expect(database.rows('unit_owners')).toEqual([]);

    const own = sqlite.prepare('INSERT INTO unit_owners (household_id, person_id) VALUES (?, ?)');
    own.run(households['3-2-501'], people.何兆品);
    own.run(households['3-2-501'], people.李秀英);
    own.run(households['3-2-502'], people.赵六);
    own.run(households['5-1-101'], people.赵六);
    expect(() => own.run(households['3-2-501'], people.何兆品)).toThrow(/UNIQUE constraint failed: unit_owners.household_id, unit_owners.person_id/);
    // An owner removed from the roster is no longer an owner of anything; the units stay.
    sqlite.prepare('DELETE FROM people WHERE id = ?').run(people.赵六);
    expect(database.rows('unit_owners')).toEqual([
      { household_id: households['3-2-501'], person_id: people.何兆品 },
      { household_id: households['3-2-501'], person_id: people.李秀英 },
    ]);
    expect(database.rows('households').map((row) => row.code)).toEqual(['3-2-501', '3-2-502', '5-1-101']);
  });
});
