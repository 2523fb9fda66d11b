import { describe, expect, it } from 'vitest';
import { courtyardRows, databaseBefore, seedCourtyard } from './earlier-migrations';

describe('migration 0006_wishes', () => {
  it('keeps each council’s door rules with intake closed, and adds residents’ wishes', () => {
    const database = databaseBefore('0006_wishes');
    const courtyard = seedCourtyard(database.sqlite);
    database.sqlite.prepare('INSERT INTO council_settings (council_id, max_proxies_per_holder, require_signature) VALUES (?, 2, 1)').run(courtyard.councilId);
    const before = courtyardRows(database);

    database.migrate();
    const { sqlite } = database;
    expect(courtyardRows(database)).toEqual(before);
    expect(database.rows('council_settings')).toEqual([{ council_id: courtyard.councilId, max_proxies_per_holder: 2, require_signature: 1, intake_open: 0 }]);

    sqlite
      .prepare("INSERT INTO wishes (council_id, text, category, building, name, household, source, created_at) VALUES (?, ?, '环境卫生', '3', '王建国', '3-2-502', 'public', '2026-09-28T01:12:45.000Z')")
      .run(courtyard.councilId, '楼道里的纸箱堆了一个月，希望统一清理。');
    sqlite.prepare("INSERT INTO wishes (council_id, text, source, created_at) VALUES (?, '加装电动车充电桩', 'staff', '2026-09-29T03:00:00.000Z')").run(courtyard.councilId);
    expect(database.rows('wishes').map((row) => [row.source, row.status, row.supporters, row.reason, row.merged_into_id, row.agenda_item_id])).toEqual([
      ['public', 'new', 0, '', null, null],
      ['staff', 'new', 0, '', null, null],
    ]);
    // A wish put on the agenda outlives the matter being taken off it.
    sqlite.prepare("UPDATE wishes SET status = 'accepted', agenda_item_id = ? WHERE id = 2").run(courtyard.agenda.充电桩);
    sqlite.prepare('DELETE FROM agenda_items WHERE id = ?').run(courtyard.agenda.充电桩);
    expect(database.rows('wishes')[1]).toMatchObject({ status: 'accepted', agenda_item_id: null, text: '加装电动车充电桩' });
  });
});
