import { describe, expect, it } from 'vitest';
import { presets } from '../../../shared/domain/voting/rules';
import { databaseBefore, seedCourtyard } from './earlier-migrations';

describe('migration 0009_default_vote', () => {
  it('keeps the settings a council saved before it, with no default vote', () => {
    const database = databaseBefore('0009_default_vote');
    const courtyard = seedCourtyard(database.sqlite);
    const otherCouncil = Number(database.sqlite.prepare("INSERT INTO councils (name) VALUES ('老院落')").run().lastInsertRowid);
    const settings = database.sqlite.prepare(
      'INSERT INTO council_settings (council_id, max_proxies_per_holder, require_signature, intake_open, step_names, seconds_required) VALUES (?, ?, ?, ?, ?, ?)',
    );
    settings.run(courtyard.councilId, 3, 1, 1, JSON.stringify(['收集民意', '确定议题', '公示', '议事协商', '表决', '公开结果']), 5);
    settings.run(otherCouncil, null, 0, 0, null, 3);

    database.migrate();
    expect(database.rows('council_settings')).toEqual([
      {
        council_id: courtyard.councilId,
        max_proxies_per_holder: 3,
        require_signature: 1,
        intake_open: 1,
        step_names: JSON.stringify(['收集民意', '确定议题', '公示', '议事协商', '表决', '公开结果']),
        seconds_required: 5,
        default_vote_rule: null,
        default_vote_mode: null,
      },
      { council_id: otherCouncil, max_proxies_per_holder: null, require_signature: 0, intake_open: 0, step_names: null, seconds_required: 3, default_vote_rule: null, default_vote_mode: null },
    ]);

    database.sqlite
      .prepare("UPDATE council_settings SET default_vote_rule = ?, default_vote_mode = 'secret' WHERE council_id = ?")
      .run(JSON.stringify(presets['owners-ordinary-matter']), courtyard.councilId);
    expect(database.rows('council_settings')[0]).toMatchObject({ max_proxies_per_holder: 3, seconds_required: 5, default_vote_mode: 'secret' });
  });
});
