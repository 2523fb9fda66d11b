import { describe, expect, it } from 'vitest';
import { databaseBefore, seedCourtyard } from './earlier-migrations';

describe('migration 0011_council_key_form', () => {
  it('keeps every council key as it was, marked as stored plain', () => {
    const database = databaseBefore('0011_council_key_form');
    const { councilId } = seedCourtyard(database.sqlite);
    const insert = database.sqlite.prepare('INSERT INTO council_keys (council_id, public_key, private_key, created_at, retired_at) VALUES (?, ?, ?, ?, ?)');
    insert.run(councilId, 'MCowBQYDK2VwAyEA', 'MC4CAQAwBQYDK2VwBCIEI', '2026-01-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z');
    insert.run(councilId, 'MCowBQYDK2VwAyEB', 'MC4CAQAwBQYDK2VwBCIEJ', '2026-06-01T00:00:00.000Z', null);
    const before = database.rows('council_keys');

    database.migrate();
    const after = database.rows('council_keys');
    expect(after).toEqual(before.map((row) => ({ ...row, private_key_form: 'plain' })));
    // New keys name their form; only the three known forms are written by the app.
    database.sqlite
      .prepare("INSERT INTO council_keys (council_id, public_key, private_key, private_key_form, created_at) VALUES (?, 'p', '', 'absent', 'now')")
      .run(councilId);
    expect(database.rows('council_keys').at(-1)).toMatchObject({ private_key: '', private_key_form: 'absent' });
  });
});
