import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { importRowLimit, previewIssueLimit, previewRowLimit } from '../../shared/api/areas/roster';
import { largeRosterRows, largeRosterXlsx } from './large-roster';
import { tempHost } from './temp-host';

const rows = largeRosterRows(importRowLimit);
const titleHolders = rows.filter((row) => row.titleHolder).length;
/** Row i of the file is spreadsheet row i + 2 (the header is row 1). */
const samples = [0, 1, 2, 7_777, 12_345, importRowLimit - 1];

describe('a large estate in one file', () => {
  it('imports 20,000 rows of 8,000 households from an .xlsx: the preview counts them and shows the first, the commit writes them all', async () => {
    const host = tempHost();
    const { id: councilId } = await host.ok('council:create', { name: '大型小区院落议事会' });
    const input = { councilId, fileName: '名册.xlsx', dataBase64: (await largeRosterXlsx(rows)).toString('base64') };

    const preview = await host.ok('roster:previewImport', input);
    expect(preview).toMatchObject({
      encoding: 'xlsx',
      rowCount: importRowLimit,
      issueCount: 0,
      issues: [],
      householdsNew: 8_000,
      householdsUpdated: 0,
      peopleNew: importRowLimit,
      titlesNew: titleHolders,
    });
    expect(preview.rows).toHaveLength(previewRowLimit);
    expect(preview.rows[1]).toEqual({
      row: 3,
      name: rows[1]!.name,
      householdCode: '1-1-101',
      areaCenti: 6000,
      tenure: 'owner',
      phone: rows[1]!.phone,
      roles: [],
      titleHolder: false,
      household: 'new',
    });

    const result = await host.ok('roster:commitImport', input);
    expect(result).toEqual({ householdsCreated: 8_000, householdsUpdated: 0, peopleCreated: importRowLimit });

    const people = await host.ok('person:list', { councilId });
    expect(people).toHaveLength(importRowLimit);
    const byPhone = new Map(people.map((person) => [person.phone, person]));
    for (const index of samples) {
      const row = rows[index]!;
      expect(byPhone.get(row.phone), `row ${index + 2}`).toMatchObject({
        name: row.name,
        householdCode: row.code,
        roles: row.representative ? ['representative'] : [],
      });
    }
    expect(byPhone.get(rows[0]!.phone)).toMatchObject({ name: '王秀秀', pinyinInitials: 'wxx', pinyinFull: 'wangxiuxiu' });

    const households = await host.ok('household:list', { councilId });
    expect(households).toHaveLength(8_000);
    const byCode = new Map(households.map((household) => [household.code, household]));
    for (const index of samples) {
      const row = rows[index]!;
      const household = byCode.get(row.code)!;
      expect(household, `row ${index + 2}`).toMatchObject({ areaCenti: row.areaCenti, tenure: row.tenure });
      const owner = rows.find((other) => other.code === row.code && other.titleHolder);
      expect(household.owners.map((person) => person.name)).toEqual(owner ? [owner.name] : []);
    }
    expect(households.reduce((sum, household) => sum + household.memberCount, 0)).toBe(importRowLimit);

    // The same file again: every person is already there. The preview counts all 20,000
    // problems and lists the first ones; the commit is refused whole.
    const again = await host.ok('roster:previewImport', input);
    expect(again).toMatchObject({ issueCount: importRowLimit, rowCount: 0 });
    expect(again.issues).toHaveLength(previewIssueLimit);
    expect(again.issues[0]).toEqual({ row: 2, column: '姓名', message: `名册中户号 1-1-101 已有“${rows[0]!.name}”，不能重复导入。` });
    const refused = await host.invoke('roster:commitImport', input);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: `名册有 ${importRowLimit} 处错误，没有导入任何数据。请改正后重新导入。` } });
    if (!refused.ok) expect(refused.error.issues).toHaveLength(previewIssueLimit);
    expect(await host.ok('person:list', { councilId })).toHaveLength(importRowLimit);
  }, 180_000);

  it('writes nothing when one row of 20,000 is wrong, and says which', async () => {
    const host = tempHost();
    const { id: councilId } = await host.ok('council:create', { name: '大型小区院落议事会' });
    const broken = rows.map((row, index) => (index === importRowLimit - 3 ? { ...row, areaCenti: 0 } : row));
    const input = { councilId, fileName: '名册.xlsx', dataBase64: (await largeRosterXlsx(broken)).toString('base64') };
    const preview = await host.ok('roster:previewImport', input);
    expect(preview.issues).toEqual([
      { row: importRowLimit - 1, column: '面积', message: '面积不能为 0：表决按面积计算时这一户会被漏掉。不知道面积请留空。' },
    ]);
    expect(preview.issueCount).toBe(1);
    const refused = await host.invoke('roster:commitImport', input);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await host.ok('person:list', { councilId })).toEqual([]);
    expect(await host.ok('household:list', { councilId })).toEqual([]);
  }, 180_000);

  it('names the first of many rows filled in from merged cells, and counts them', async () => {
    const host = tempHost();
    const { id: councilId } = await host.ok('council:create', { name: '大型小区院落议事会' });
    // One building's 25 rooms, its 楼栋 and 单元 written once as a merged cell saved to CSV leaves them.
    const lines = ['姓名,楼栋,单元,门牌', ...Array.from({ length: 25 }, (_, i) => (i === 0 ? `住户${i},3,2,${101 + i}` : `住户${i},,,${101 + i}`))];
    const preview = await host.ok('roster:previewImport', { councilId, fileName: 'r.csv', dataBase64: Buffer.from(lines.join('\n')).toString('base64') });
    expect(preview).toMatchObject({ issueCount: 0, rowCount: 25 });
    const rowsNamed = Array.from({ length: 20 }, (_, i) => i + 3).join('、');
    expect(preview.notes).toContain(`第 ${rowsNamed} 行等 24 行的楼栋或单元是空的，按合并单元格沿用了上一行。请核对预览。`);
  });

  it('a commit writes the file it is given, whichever file was previewed before', async () => {
    const host = tempHost();
    const { id: councilId } = await host.ok('council:create', { name: '大型小区院落议事会' });
    const csv = (text: string) => ({ councilId, fileName: 'r.csv', dataBase64: Buffer.from(text).toString('base64') });
    const previewed = csv('姓名,户号\n张三,1-1-101\n');
    const given = csv('姓名,户号\n李四,2-1-101\n王五,2-1-102\n');
    await host.ok('roster:previewImport', previewed);
    expect(await host.ok('roster:commitImport', given)).toEqual({ householdsCreated: 2, householdsUpdated: 0, peopleCreated: 2 });
    expect((await host.ok('person:list', { councilId })).map((person) => person.name).sort()).toEqual(['李四', '王五']);
    // The previewed file, committed after, is read and checked against the roster as it is now.
    expect(await host.ok('roster:commitImport', previewed)).toEqual({ householdsCreated: 1, householdsUpdated: 0, peopleCreated: 1 });
    await host.ok('roster:previewImport', given);
    expect(await host.invoke('roster:commitImport', given)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses an .xlsx that unpacks to more than a roster can be, before unpacking it', async () => {
    const host = tempHost();
    const { id: councilId } = await host.ok('council:create', { name: '大型小区院落议事会' });
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/worksheets/sheet1.xml', new Uint8Array(101 * 1024 * 1024));
    const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const input = { councilId, fileName: '名册.xlsx', dataBase64: data.toString('base64') };
    const preview = await host.ok('roster:previewImport', input);
    expect(preview.issues).toEqual([
      { row: 1, column: '', message: '这个 Excel 文件解压后有 101 MB，名册最多读取 100 MB。请只留下名册（最多 20000 行），删去其他工作表和内容后再导入。' },
    ]);
    expect(await host.invoke('roster:commitImport', input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  }, 60_000);
});
