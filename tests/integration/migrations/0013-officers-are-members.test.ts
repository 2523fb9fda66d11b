import { describe, expect, it } from 'vitest';
import { courtyardRows, databaseBefore, seedCourtyard } from './earlier-migrations';

describe('migration 0013_officers_are_members', () => {
  it('adds member to a chair, vice chair or secretary stored without it, and leaves every other row as it was', () => {
    const database = databaseBefore('0013_officers_are_members');
    const { councilId, people } = seedCourtyard(database.sqlite);
    const insert = database.sqlite.prepare(
      "INSERT INTO people (council_id, household_id, name, pinyin_initials, pinyin_full, phone, roles, created_at, updated_at) VALUES (?, NULL, ?, '', '', '', ?, '2026-09-20T08:15:30.125Z', '2026-09-20T08:15:30.125Z')",
    );
    const vice = Number(insert.run(councilId, '张桂兰', JSON.stringify(['representative', 'vice_chair'])).lastInsertRowid);
    const member = Number(insert.run(councilId, '陈淑珍', JSON.stringify(['member', 'chair'])).lastInsertRowid);
    const before = courtyardRows(database);

    database.migrate();
    const roles = (id: number) => database.rows('people').find((row) => row.id === id)!.roles;
    expect(roles(people.何兆品)).toBe('["chair","member"]');
    expect(roles(vice)).toBe('["representative","vice_chair","member"]');
    // Already a member, a secretary with member, someone with no office, someone with no roles: unchanged.
    expect(roles(member)).toBe('["member","chair"]');
    expect(roles(people.李秀英)).toBe('["secretary","member"]');
    expect(roles(people.王建国)).toBe('["representative"]');
    expect(roles(people.赵六)).toBe('[]');
    const changed = new Set([people.何兆品, vice]);
    const after = courtyardRows(database);
    expect({ ...after, people: after.people!.filter((row) => !changed.has(row.id as number)) }).toEqual({
      ...before,
      people: before.people!.filter((row) => !changed.has(row.id as number)),
    });
    expect(after.people!.filter((row) => changed.has(row.id as number)).map(({ roles: _roles, ...rest }) => rest)).toEqual(
      before.people!.filter((row) => changed.has(row.id as number)).map(({ roles: _roles, ...rest }) => rest),
    );
  });
});
