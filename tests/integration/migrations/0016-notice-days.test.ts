import { describe, expect, it } from 'vitest';
import { courtyardRows, databaseBefore, seedCourtyard } from './earlier-migrations';

describe('migration 0016_notice_days', () => {
  it('gives every council’s settings the usual 3 days of notice and leaves every row as it was', () => {
    const database = databaseBefore('0016_notice_days');
    const courtyard = seedCourtyard(database.sqlite);
    const otherCouncil = Number(database.sqlite.prepare("INSERT INTO councils (name) VALUES ('老院落')").run().lastInsertRowid);
    const settings = database.sqlite.prepare(
      'INSERT INTO council_settings (council_id, max_proxies_per_holder, require_signature, intake_open, step_names, seconds_required, default_vote_mode) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    settings.run(courtyard.councilId, 3, 1, 1, null, 5, 'roll_call');
    settings.run(otherCouncil, null, 0, 0, null, 3, null);
    const before = courtyardRows(database);
    const settingsBefore = database.rows('council_settings');

    database.migrate();
    expect(database.rows('council_settings')).toEqual(settingsBefore.map((row) => ({ ...row, notice_days: 3 })));
    expect(courtyardRows(database)).toEqual(before);
    // A council may ask for another number of days.
    database.sqlite.prepare('UPDATE council_settings SET notice_days = 7 WHERE council_id = ?').run(courtyard.councilId);
    expect(database.rows('council_settings')[0]).toMatchObject({ seconds_required: 5, notice_days: 7 });
  });
});
