import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMigrationsFolder } from '../../../src-main/host/db/client';
import { courtyardRows, databaseBefore, migrationTags, seedCourtyard } from './earlier-migrations';

describe('the committed migrations', () => {
  it('each have a test here, named after the migration, that migrates a file with rows in it', () => {
    const sqlFiles = readdirSync(defaultMigrationsFolder).filter((name) => name.endsWith('.sql'));
    expect(sqlFiles.map((name) => name.replace(/\.sql$/, ''))).toEqual([...migrationTags]);
    const untested = migrationTags.filter((tag) => !existsSync(join(import.meta.dirname, `${tag.replaceAll('_', '-')}.test.ts`)));
    expect(untested).toEqual([]);
  });

  it('bring a courtyard written by the first release up to the latest in one start, every row kept', () => {
    // A file as the first release left it: only the first migration applied.
    const database = databaseBefore(migrationTags[1]!);
    seedCourtyard(database.sqlite);
    const before = courtyardRows(database);

    database.migrateToLatest();
    expect(courtyardRows(database)).toEqual({
      ...before,
      meetings: before.meetings!.map((meeting) => ({ ...meeting, notice_posted_at: null })),
      agenda_items: before.agenda_items!.map((matter) => ({ ...matter, amended_text: null })),
      // The chair stored without 'member' is a member from 0013_officers_are_members on.
      people: before.people!.map((person) => (person.roles === '["chair"]' ? { ...person, roles: '["chair","member"]' } : person)),
    });
  });
});
