import { describe, expect, it } from 'vitest';
import { courtyardRows, databaseBefore, seedCourtyard } from './earlier-migrations';

describe('migration 0008_amended_text', () => {
  it('keeps every matter’s text and gives it no amended text', () => {
    const database = databaseBefore('0008_amended_text');
    const courtyard = seedCourtyard(database.sqlite);
    const { agenda_items: matters, ...others } = courtyardRows(database);

    database.migrate();
    const { agenda_items: mattersAfter, ...othersAfter } = courtyardRows(database);
    expect(othersAfter).toEqual(others);
    expect(mattersAfter).toEqual(matters!.map((matter) => ({ ...matter, amended_text: null })));
    expect(mattersAfter![0]).toMatchObject({ title: '电动车充电桩', text: '在3号楼北侧加装十个充电桩，费用由使用者分摊。', step_index: 4, amended_text: null });

    database.sqlite.prepare('UPDATE agenda_items SET amended_text = ? WHERE id = ?').run('在3号楼北侧加装八个充电桩，费用由使用者分摊，物业代收。', courtyard.agenda.充电桩);
    expect(database.rows('agenda_items')[0]).toMatchObject({ text: '在3号楼北侧加装十个充电桩，费用由使用者分摊。', amended_text: '在3号楼北侧加装八个充电桩，费用由使用者分摊，物业代收。' });
  });
});
