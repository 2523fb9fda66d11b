import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { ImportIssue } from '../../shared/api/areas/roster';
import { seedDemo } from '../../src-main/host/demo/seed';
import { tempHost, type TempHost } from './temp-host';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
const utf8Bom = (text: string) => base64(`\uFEFF${text}`);

async function newCouncil(host: TempHost, name = '幸福里院落议事会') {
  return host.ok('council:create', { name });
}

function preview(host: TempHost, councilId: number, dataBase64: string, fileName = 'roster.csv') {
  return host.ok('roster:previewImport', { councilId, fileName, dataBase64 });
}

function commit(host: TempHost, councilId: number, dataBase64: string, fileName = 'roster.csv') {
  return host.ok('roster:commitImport', { councilId, fileName, dataBase64 });
}

/** What the roster screens show, to prove a refused import changed nothing. */
async function roster(host: TempHost, councilId: number) {
  return JSON.stringify([
    await host.ok('household:list', { councilId }),
    await host.ok('person:list', { councilId }),
  ]);
}

async function people(host: TempHost, councilId: number) {
  const list = await host.ok('person:list', { councilId });
  return list
    .map(({ name, householdCode, phone, roles }) => ({ name, householdCode, phone, roles }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** Who lives where is compared through person:list (householdCode), not Household.memberCount. */
async function households(host: TempHost, councilId: number) {
  const list = await host.ok('household:list', { councilId });
  return list.map(({ code, building, unit, room, areaCenti, tenure, owners }) => ({
    code,
    building,
    unit,
    room,
    areaCenti,
    tenure,
    owners: owners.map((owner) => owner.name),
  }));
}

const brief = (issues: ImportIssue[]) => issues.map(({ row, column, message }) => [row, column, message]);

describe('reading roster files', () => {
  it('the template an office downloads imports as it is: two households, three people, their roles, phones and owners', async () => {
    const host = tempHost();
    const council = await newCouncil(host);
    const template = await host.ok('roster:templateXlsx', {});
    expect(template.fileName).toBe('院落议事 名册模板.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(template.dataBase64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['名册', '填写说明']);
    // Every column the import reads is there.
    const header = (workbook.getWorksheet('名册')!.getRow(1).values as unknown[]).filter(Boolean);
    expect(header).toEqual(['户号', '楼栋', '单元', '门牌', '面积（㎡）', '产权', '姓名', '电话', '身份', '产权人']);
    const checked = await preview(host, council.id, template.dataBase64, template.fileName);
    expect(checked.issues).toEqual([]);
    expect(checked.notes.join('')).not.toContain('不读');
    expect(await commit(host, council.id, template.dataBase64, template.fileName)).toEqual({ householdsCreated: 2, householdsUpdated: 0, peopleCreated: 3 });
    const list = await host.ok('person:list', { councilId: council.id });
    expect(list.find((person) => person.name === '王建国')).toMatchObject({ roles: expect.arrayContaining(['chair', 'representative', 'party_member']), householdCode: '3-2-501' });
    expect(list.find((person) => person.name === '李秀英')).toMatchObject({ phone: '13900000002、0571-88000000' });
    const units = await host.ok('household:list', { councilId: council.id });
    expect(units.find((unit) => unit.code === '3-2-501')!.owners.map((owner) => owner.name).sort()).toEqual(['刘桂芳', '王建国']);
    expect(units.find((unit) => unit.code === '3-2-502')!.tenure).toBe('tenant');
  });

  it('imports a UTF-8 CSV with a BOM, with worded household numbers, areas and roles', async () => {
    const host = tempHost();
    const council = await newCouncil(host);
    const data = base64(fixture('roster-good.csv'));

    const result = await preview(host, council.id, data, 'roster-good.csv');
    expect(result).toMatchObject({ fileName: 'roster-good.csv', encoding: 'utf-8', issues: [], householdsNew: 4, householdsUpdated: 0, peopleNew: 5 });
    expect(result.rows[0]).toEqual({
      row: 2, name: '欧阳晓峰', householdCode: '6-1-101', areaCenti: 7850, tenure: 'owner', phone: '13912340001', roles: ['representative'], titleHolder: false, household: 'new',
    });
    expect(result.rows[3]).toMatchObject({ name: '马慧琳', householdCode: '6-2-301', areaCenti: 10525, roles: ['member', 'representative'] });
    expect(await host.ok('household:list', { councilId: council.id })).toEqual([]);

    expect(await commit(host, council.id, data)).toEqual({ householdsCreated: 4, householdsUpdated: 0, peopleCreated: 5 });
    expect(await households(host, council.id)).toEqual([
      { code: '6-1-101', building: '6', unit: '1', room: '101', areaCenti: 7850, tenure: 'owner', owners: [] },
      { code: '6-1-102', building: '6', unit: '1', room: '102', areaCenti: 9200, tenure: 'tenant', owners: [] },
      { code: '6-2-301', building: '6', unit: '2', room: '301', areaCenti: 10525, tenure: 'owner', owners: [] },
      { code: '7-1-201', building: '7', unit: '1', room: '201', areaCenti: null, tenure: 'owner', owners: [] },
    ]);
    const found = await host.ok('person:search', { councilId: council.id, query: 'oyxf' });
    expect(found.map((p) => p.name)).toEqual(['欧阳晓峰']);
    expect((await people(host, council.id)).find((p) => p.name === '马慧琳')?.phone).toBe('+86 139 1234 0004');
  });

  it('records the people marked 产权人 as owners of their unit, and says which marks it cannot read', async () => {
    const host = tempHost();
    const council = await newCouncil(host);
    const csv = [
      '姓名,户号,面积,产权人',
      '李长青,5-1-101,80,是',
      '王秀兰,5-1-101,,√',
      '李小军,5-1-101,,',
      '赵国强,5-1-102,60,赵国强',
      '钱七,5-1-201,70,否',
    ].join('\n');
    const result = await preview(host, council.id, utf8Bom(csv));
    expect(result.issues).toEqual([]);
    expect(result.rows.map((row) => [row.name, row.titleHolder])).toEqual([
      ['李长青', true],
      ['王秀兰', true],
      ['李小军', false],
      ['赵国强', true],
      ['钱七', false],
    ]);
    await commit(host, council.id, utf8Bom(csv));
    expect((await households(host, council.id)).map(({ code, owners }) => [code, owners])).toEqual([
      ['5-1-101', ['李长青', '王秀兰']],
      ['5-1-102', ['赵国强']],
      ['5-1-201', []],
    ]);

    const bad = ['姓名,户号,身份,产权人', '孙网格,,列席,是', '周八,5-2-101,,也许', ',5-2-102,,是'].join('\n');
    const before = await roster(host, council.id);
    const refused = await preview(host, council.id, utf8Bom(bad));
    expect(brief(refused.issues)).toEqual([
      [2, '产权人', '产权人须填写户号：登记为哪一户的产权人。'],
      [3, '产权人', '产权人“也许”无法识别，应填 是 或 否（不是可留空）。'],
      [4, '产权人', '标为产权人的行须填写姓名。'],
    ]);
    const failed = await host.invoke('roster:commitImport', { councilId: council.id, fileName: 'roster.csv', dataBase64: utf8Bom(bad) });
    expect(failed.ok).toBe(false);
    expect(await roster(host, council.id)).toBe(before);
  });

  it('decodes a GBK CSV saved by Excel on Chinese Windows, with 楼号/单元/房号 in separate columns', async () => {
    const host = tempHost();
    const council = await newCouncil(host);
    const data = base64(fixture('roster-gbk.csv'));
    const result = await preview(host, council.id, data, 'roster-gbk.csv');
    expect(result).toMatchObject({ encoding: 'gbk', issues: [], householdsNew: 2, peopleNew: 3 });
    expect(result.rows.map((row) => [row.name, row.householdCode, row.tenure, row.areaCenti])).toEqual([
      ['宋雨桐', '8-1-101', 'tenant', 8880],
      ['邝嘉怡', '8-1-101', 'tenant', 8880],
      ['樊志明', '8-2-202', 'owner', 7000],
    ]);
    await commit(host, council.id, data);
    expect(await people(host, council.id)).toContainEqual({
      name: '樊志明', householdCode: '8-2-202', phone: '0571-88886666', roles: ['supervisor', 'representative'],
    });
  });

  it('combines 楼栋，单元 and 门牌 columns, however they are written, and finds a header under a title row', async () => {
    const host = tempHost();
    const council = await newCouncil(host);
    const csv = [
      '平安小区居民名册(2026 年),,,,',
      'Name,楼栋,单元,门牌,备注',
      '孔令辉,3栋,2单元,501室,不认识的列被忽略',
      '',
      '裴雨晴,10,1,1201,',
    ].join('\n');
    const result = await preview(host, council.id, utf8Bom(csv));
    expect(result.issues).toEqual([]);
    expect(result.rows.map((row) => [row.row, row.name, row.householdCode])).toEqual([
      [3, '孔令辉', '3-2-501'],
      [5, '裴雨晴', '10-1-1201'],
    ]);
  });

  it('reads an XLSX made by Excel: numbers, rich text, formulas and float artefacts', async () => {
    const host = tempHost();
    const council = await newCouncil(host);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['姓名', '户号', '专有面积', '手机', '身份']);
    sheet.addRow([{ richText: [{ text: '蒋' }, { text: '文博', font: { bold: true } }] }, '5-1-101', 85.49999999999999, 13812345678, '主任，理事']);
    sheet.addRow(['  谭雅琪 ', '5-1-102', { formula: '60+12.5', result: 72.5 }, '', '记录人']);
    const data = base64(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));

    const result = await preview(host, council.id, data, 'roster.xlsx');
    expect(result).toMatchObject({ encoding: 'xlsx', issues: [] });
    expect(result.rows.map(({ name, areaCenti, phone, roles }) => ({ name, areaCenti, phone, roles }))).toEqual([
      { name: '蒋文博', areaCenti: 8550, phone: '13812345678', roles: ['chair', 'member'] },
      { name: '谭雅琪', areaCenti: 7250, phone: '', roles: ['secretary', 'member'] },
    ]);
  });
});

describe('checking a roster before anything is written', () => {
  it('lists each bad row of the fixture by row and column, and the commit writes nothing', async () => {
    const host = tempHost();
    const council = await newCouncil(host);
    const data = base64(fixture('roster-with-errors.csv'));
    const result = await preview(host, council.id, data, 'roster-with-errors.csv');
    expect(brief(result.issues)).toEqual([
      [3, '姓名', '缺少姓名。'],
      [4, '户号', '户号“3-2”格式不对，应为 楼栋-单元-门牌，如 3-2-501。'],
      [5, '面积', '面积“abc”不是有效数字（最多两位小数，单位㎡）。'],
    ]);
    expect(result.rows.map((row) => row.row)).toEqual([2, 6, 7]);

    const before = await roster(host, council.id);
    const refused = await host.invoke('roster:commitImport', { councilId: council.id, fileName: 'x.csv', dataBase64: data });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: '名册有 3 处错误，没有导入任何数据。请改正后重新导入。',
        issues: [
          { path: '第3行 姓名', message: '缺少姓名。' },
          { path: '第4行 户号', message: '户号“3-2”格式不对，应为 楼栋-单元-门牌，如 3-2-501。' },
          { path: '第5行 面积', message: '面积“abc”不是有效数字（最多两位小数，单位㎡）。' },
        ],
      },
    });
    expect(await roster(host, council.id)).toBe(before);
  });

  it('reads the roster an office keeps: Chinese-numbered buildings and units, merged building cells, its own tenure words, full-width and double phones, a footer', async () => {
    const host = tempHost();
    const council = await newCouncil(host);
    const csv = [
      '幸福里社区居民花名册,,,,,,,',
      '序号,楼号,单元,房号,姓名,房屋性质,联系电话,身份证号',
      '1,三号楼,一单元,101,欧阳晓峰,自有住房,１３９１２３４０００１,',
      '2,,,102,柴静怡,出租,13912340002、13912340003,',
      '3,,二单元,201,龚海涛,公房,13912340004 13912340005,',
      '4,A座,1单元,1201,韦嘉宁,自住,010-6512 3456,',
      // The footer, written where the office's template had room: under 楼号 and 姓名.
      ',合计：4 户,,,,,,',
      ',,,,制表人：李秀英　审核人：王建国,,,',
    ].join('\r\n');
    const result = await preview(host, council.id, utf8Bom(csv));
    expect(result.issues).toEqual([]);
    expect(result.rows.map((row) => [row.row, row.name, row.householdCode, row.tenure, row.phone])).toEqual([
      [3, '欧阳晓峰', '3-1-101', 'owner', '13912340001'],
      [4, '柴静怡', '3-1-102', 'tenant', '13912340002、13912340003'],
      [5, '龚海涛', '3-2-201', 'tenant', '13912340004、13912340005'],
      [6, '韦嘉宁', 'A-1-1201', 'owner', '010-6512 3456'],
    ]);
    expect(result.notes).toEqual([
      '读取的列：“楼号”“单元”“房号”“姓名”“房屋性质”“联系电话”。',
      '没有读取的列：“序号”“身份证号”（本程序不保存这些内容）。',
      '第 4、5 行的楼栋或单元是空的，按合并单元格沿用了上一行。请核对预览。',
      '第 7 行“合计：4 户”、第 8 行“制表人：李秀英　审核人：王建国”是表尾，不是人员，没有导入。',
    ]);
    await commit(host, council.id, utf8Bom(csv));
    expect((await people(host, council.id)).map((person) => [person.name, person.householdCode, person.phone])).toEqual([
      ['柴静怡', '3-1-102', '13912340002、13912340003'],
      ['龚海涛', '3-2-201', '13912340004、13912340005'],
      ['欧阳晓峰', '3-1-101', '13912340001'],
      ['韦嘉宁', 'A-1-1201', '010-6512 3456'],
    ]);
  });

  it('warns about a name that lost a character when the file was saved as GBK, and refuses an area of 0', async () => {
    const host = tempHost();
    const council = await newCouncil(host);
    // 姓名,户号,面积 / 郝?燕,1-1-101,80 / 王建国,1-1-102,90 in GBK: Excel wrote ? for a character GBK lacks.
    const gbk = Buffer.from('d0d5c3fb2cbba7bac52cc3e6bbfd0d0abac23fd1e02c312d312d3130312c38300d0acdf5bda8b9fa2c312d312d3130322c39300d0a', 'hex');
    const lost = await preview(host, council.id, base64(gbk));
    expect(lost).toMatchObject({ encoding: 'gbk', issues: [], peopleNew: 2 });
    expect(lost.notes).toContain('第 2 行“郝?燕”的姓名里有问号：文件存为 GBK 时生僻字会变成问号。导入后请在名册中改正，或把文件另存为 UTF-8 后重新导入。');

    const zero = await preview(host, council.id, utf8Bom(['姓名,户号,面积', '王建国,1-1-102,0'].join('\n')));
    expect(brief(zero.issues)).toEqual([[2, '面积', '面积不能为 0：表决按面积计算时这一户会被漏掉。不知道面积请留空。']]);
    expect(await host.invoke('household:create', { councilId: council.id, code: '1-1-103', area: '0' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('面积不能为 0') },
    });
  });

  it('finds duplicates in the file and in the database, conflicting areas, unknown words and bad phones', async () => {
    const host = tempHost();
    const council = await newCouncil(host);
    const household = await host.ok('household:create', { councilId: council.id, code: '3-2-501', area: '86.5' });
    await host.ok('person:create', { councilId: council.id, name: '何兆品', householdId: household.id });
    const csv = [
      '姓名,房号,面积(㎡),产权,手机,身份',
      '何兆品,3-2-501,,,,',
      '雷振东,3-2-502,70,业主,,',
      '雷振东,3-2-502,,,,',
      '雷振东,3-2-503,,,,',
      '姚丽君,3-2-502,75,待定,1380013800A,队长',
      '车晓光,,,,,',
      '凌霜,,,,,列席',
    ].join('\r\n');
    const result = await preview(host, council.id, utf8Bom(csv));
    expect(brief(result.issues)).toEqual([
      [2, '姓名', '名册中户号 3-2-501 已有“何兆品”，不能重复导入。'],
      [4, '姓名', '与第 3 行重复：户号 3-2-502 中已有“雷振东”。'],
      [6, '产权', '产权“待定”无法识别，应填 业主（自有、自住）或 租户（出租、公房）。'],
      [6, '手机', '电话“1380013800A”只能包含数字、空格、+、-、括号；一格里的几个号码用“、”隔开，最多三个。'],
      [6, '身份', '身份“队长”无法识别，可填：理事会主任、理事会副主任、记录人、理事会成员、户代表、监督员、列席、党员、楼栋长、单元长、网格员、户主。'],
      [7, '房号', '缺少户号（只有不住本院的列席人员可以不填）。'],
    ]);
    // The same household given two areas is caught between otherwise correct rows.
    const areas = ['姓名,户号,面积', '甲一,3-2-502,70', '乙二,3-2-502,70.00', '丙三,3-2-502,71'].join('\n');
    expect(brief((await preview(host, council.id, base64(areas))).issues)).toEqual([
      [4, '面积', '户号 3-2-502 在第 2 行的面积是 70.00㎡，这里是 71.00㎡；同一户只能有一个面积。'],
    ]);
    expect(result.rows.map((row) => [row.row, row.name, row.householdCode])).toEqual([
      [3, '雷振东', '3-2-502'],
      [5, '雷振东', '3-2-503'],
      [8, '凌霜', ''],
    ]);
  });

  it('says which column is missing, and refuses empty, header-only, oversized and unreadable files', async () => {
    const host = tempHost();
    const council = await newCouncil(host);
    const issuesOf = async (data: string) => brief((await preview(host, council.id, data)).issues);

    expect(await issuesOf(base64('姓名,电话\n张三,138\n'))).toEqual([
      [1, '户号', '缺少“户号”列。请加一列“户号”（如 3-2-501），或分成“楼栋”“单元”“门牌”三列。'],
    ]);
    expect(await issuesOf(base64('户号,楼栋,单元\n3-2-501,3,2\n'))).toEqual([
      [1, '姓名', '缺少“姓名”列。表头（第一行）应写列名，如：姓名、户号、面积、产权、电话、身份。'],
    ]);
    expect(await issuesOf(base64('姓名,楼栋,单元\n张三,3,2\n'))).toEqual([
      [1, '户号', '分列填写户号时需要“楼栋”“单元”“门牌”三列，缺少“门牌”列。'],
    ]);
    expect(await issuesOf(utf8Bom(''))).toEqual([[1, '', '文件是空的，没有读到任何内容。']]);
    expect(await issuesOf(base64('姓名,户号\r\n\r\n,,\r\n'))).toEqual([[1, '', '文件里只有表头，没有任何人员或住户。']]);
    const big = ['姓名,户号', ...Array.from({ length: 20_001 }, (_, i) => `居民${i},1-1-${i + 1}`)].join('\n');
    expect(await issuesOf(base64(big))).toEqual([
      [1, '', '名册最多 20000 行，这个文件有 20001 行。请分成几个文件分别导入。'],
    ]);
    expect(await issuesOf(base64(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))))
      .toEqual([[1, '', expect.stringContaining('旧版 Excel（.xls）')]]);
    expect(await issuesOf(base64(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))))
      .toEqual([[1, '', expect.stringContaining('无法读取这个 Excel 文件')]]);

    const missing = await host.invoke('roster:previewImport', { councilId: 999, fileName: 'x.csv', dataBase64: base64('姓名,户号\n') });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('marks households new, existing or updated, and updates only what the file gives', async () => {
    const host = tempHost();
    const council = await newCouncil(host);
    await host.ok('household:create', { councilId: council.id, code: '1-1-101', area: '80', tenure: 'tenant' });
    await host.ok('household:create', { councilId: council.id, code: '1-1-102', area: '90' });
    const csv = ['姓名,户号,面积,产权', '甘雨,1-1-101,,', '石磊,1-1-102,95.5,', '', '丁一,1-1-103,60,'].join('\n');
    const result = await preview(host, council.id, base64(csv));
    expect(result.rows.map((row) => [row.householdCode, row.household, row.areaCenti, row.tenure])).toEqual([
      ['1-1-101', 'existing', 8000, 'tenant'],
      ['1-1-102', 'updated', 9550, 'owner'],
      ['1-1-103', 'new', 6000, 'owner'],
    ]);
    expect(result).toMatchObject({ householdsNew: 1, householdsUpdated: 1, peopleNew: 3 });
    expect(await commit(host, council.id, base64(csv))).toEqual({ householdsCreated: 1, householdsUpdated: 1, peopleCreated: 3 });
    expect((await households(host, council.id)).map((h) => [h.code, h.areaCenti, h.tenure])).toEqual([
      ['1-1-101', 8000, 'tenant'],
      ['1-1-102', 9550, 'owner'],
      ['1-1-103', 6000, 'owner'],
    ]);
    expect((await people(host, council.id)).map((p) => [p.name, p.householdCode])).toEqual([
      ['丁一', '1-1-103'],
      ['甘雨', '1-1-101'],
      ['石磊', '1-1-102'],
    ]);
    // Importing the same file again would double everyone: refused.
    const again = await host.invoke('roster:commitImport', { councilId: council.id, fileName: 'r.csv', dataBase64: base64(csv) });
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('名册有 3 处错误') } });
  });

  it('is all or nothing: a write failing half-way leaves no household or person behind', async () => {
    // The dispatcher logs unexpected errors with the console.error it was created with: keep
    // the expected one out of the test output, and check that it was the trigger's.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const host = tempHost();
    const council = await newCouncil(host);
    // A real SQLite trigger makes the last insert fail after households and people were written.
    host.database.sqlite.exec(
      "CREATE TRIGGER refuse_last BEFORE INSERT ON people WHEN NEW.name = '最后一位' BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    const before = await roster(host, council.id);
    const csv = ['姓名,户号,面积', '第一位,2-1-101,50', '第二位,2-1-102,60', '最后一位,2-1-103,70'].join('\n');
    const input = { councilId: council.id, fileName: 'r.csv', dataBase64: base64(csv) };
    const result = await host.invoke('roster:commitImport', input);
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ message: 'disk full' }));
    logged.mockRestore();
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await roster(host, council.id)).toBe(before);
  });
});

describe('the fixtures the browser test uses', () => {
  it('fit the demo courtyard, whose export also imports back whole', async () => {
    const host = tempHost();
    seedDemo(host.database, new Date('2026-11-22T12:00:00Z'));
    const [demo] = await host.ok('council:list', {});
    const good = await preview(host, demo!.id, base64(fixture('roster-good.csv')));
    expect(good).toMatchObject({ issues: [], peopleNew: 5 });
    expect(good.rows).toHaveLength(5);
    const bad = await preview(host, demo!.id, base64(fixture('roster-with-errors.csv')));
    expect(bad.issues.map((issue) => issue.column)).toEqual(['姓名', '户号', '面积']);

    const file = await host.ok('roster:exportXlsx', { councilId: demo!.id });
    const empty = await newCouncil(host, '新院落');
    await commit(host, empty.id, file.dataBase64, file.fileName);
    expect(await households(host, empty.id)).toEqual(await households(host, demo!.id));
    expect(await people(host, empty.id)).toEqual(await people(host, demo!.id));
  });
});

describe('exporting the roster', () => {
  async function courtyard(host: TempHost) {
    const council = await newCouncil(host, '平安/小区\t议事会');
    const id = council.id;
    const a = await host.ok('household:create', { councilId: id, code: '3-2-501', area: '86.5' });
    const b = await host.ok('household:create', { councilId: id, code: '10-1-1201', area: '120', tenure: 'tenant' });
    const c = await host.ok('household:create', { councilId: id, code: '2-1-101' });
    const owner = await host.ok('person:create', { councilId: id, name: '何兆品', householdId: a.id, phone: '+86 138 0000 1111', roles: ['chair', 'representative'] });
    await host.ok('household:update', { householdId: a.id, code: '3-2-501', area: '86.5', ownerIds: [owner.id] });
    await host.ok('person:create', { councilId: id, name: '=HYPERLINK("http://x")', householdId: a.id, phone: '-1' });
    await host.ok('person:create', { councilId: id, name: "'引号开头", householdId: b.id, roles: ['member'] });
    const outsider = await host.ok('person:create', { councilId: id, name: '@孙网格', householdId: null, roles: ['observer'] });
    // Owners who live elsewhere: 何兆品 lets 10-1-1201; 2-1-101 belongs to someone outside the courtyard.
    await host.ok('household:update', { householdId: b.id, code: '10-1-1201', area: '120', tenure: 'tenant', ownerIds: [owner.id] });
    await host.ok('household:update', { householdId: c.id, code: '2-1-101', ownerIds: [outsider.id] });
    return council;
  }

  it('writes a sheet 名册 with a bold frozen header, text that looks like a formula marked as text (quotePrefix, no visible apostrophe), and a safe file name', async () => {
    const host = tempHost();
    const council = await courtyard(host);
    const file = await host.ok('roster:exportXlsx', { councilId: council.id });
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.fileName).toMatch(/^平安小区议事会 名册 \d{4}年\d{1,2}月\d{1,2}日\.xlsx$/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('名册')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    const values = sheet.getSheetValues().slice(1).map((row) => (row as ExcelJS.CellValue[]).slice(1));
    expect(values).toEqual([
      ['户号', '楼栋', '单元', '门牌', '面积（㎡）', '产权', '姓名', '电话', '身份', '产权人'],
      ['2-1-101', '2', '1', '101', undefined, '业主'],
      ['3-2-501', '3', '2', '501', '86.50', '业主', '何兆品', '+86 138 0000 1111', '理事会主任、户代表、理事会成员', '是'],
      ['3-2-501', '3', '2', '501', '86.50', '业主', '=HYPERLINK("http://x")', '-1'],
      ['10-1-1201', '10', '1', '1201', '120.00', '租户', "''引号开头", undefined, '理事会成员'],
      [undefined, undefined, undefined, undefined, undefined, undefined, '@孙网格', undefined, '列席'],
    ]);
    const titles = workbook.getWorksheet('产权')!.getSheetValues().slice(1).map((row) => (row as ExcelJS.CellValue[]).slice(1));
    expect(titles).toEqual([
      ['户号', '产权人', '产权人户号'],
      ['2-1-101', '@孙网格'],
      ['10-1-1201', '何兆品', '3-2-501'],
    ]);
    // Every cell that looks like a formula is a text cell (no formula anywhere) whose style says quotePrefix.
    const zip = await JSZip.loadAsync(Buffer.from(file.dataBase64, 'base64'));
    const xfs = (await zip.file('xl/styles.xml')!.async('string')).match(/<cellXfs[\s\S]*?<\/cellXfs>/)![0].match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)!;
    const quotedCells = async (path: string) => {
      const xml = await zip.file(path)!.async('string');
      expect(xml).not.toContain('<f>');
      return [...xml.matchAll(/<c r="([A-Z]+\d+)" s="(\d+)"/g)].filter((match) => xfs[Number(match[2])]!.includes('quotePrefix="1"')).map((match) => match[1]);
    };
    expect(await quotedCells('xl/worksheets/sheet1.xml')).toEqual(['H3', 'G4', 'H4', 'G6']);
    expect(await quotedCells('xl/worksheets/sheet2.xml')).toEqual(['B2']);
  });

  it('round-trips: importing the export into an empty council recreates the same households and people', async () => {
    const host = tempHost();
    const council = await courtyard(host);
    const file = await host.ok('roster:exportXlsx', { councilId: council.id });
    const empty = await newCouncil(host, '新院落');

    const result = await preview(host, empty.id, file.dataBase64, file.fileName);
    expect(result).toMatchObject({ encoding: 'xlsx', issues: [], householdsNew: 3, peopleNew: 4, titlesNew: 3 });
    await commit(host, empty.id, file.dataBase64, file.fileName);
    expect(await households(host, empty.id)).toEqual(await households(host, council.id));
    expect(await people(host, empty.id)).toEqual(await people(host, council.id));
  });

  it('says which rows of the sheet 产权 it cannot use, and writes nothing', async () => {
    const host = tempHost();
    const council = await newCouncil(host);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('名册').addRows([['姓名', '户号'], ['何兆品', '3-2-501'], ['', '3-2-502']]);
    workbook.addWorksheet('产权').addRows([
      ['户号', '产权人', '产权人户号'],
      ['3-2-502', '何兆品', '3-2-501'],
      ['3-2-503', '何兆品', '3-2-501'],
      ['3-2-502', '张三', ''],
      ['三栋', '何兆品', ''],
    ]);
    const data = base64(Buffer.from(await workbook.xlsx.writeBuffer()));
    const result = await preview(host, council.id, data, 'roster.xlsx');
    expect(brief(result.issues)).toEqual([
      [3, '产权表 户号', '名册中没有户号 3-2-503。'],
      [4, '产权表 产权人', '名册中不住本院的人员没有“张三”，请先把他（她）加入名册。'],
      [5, '产权表 户号', '户号“三栋”格式不对，应为 楼栋-单元-门牌，如 3-2-501。'],
    ]);
    const refused = await host.invoke('roster:commitImport', { councilId: council.id, fileName: 'roster.xlsx', dataBase64: data });
    expect(refused.ok).toBe(false);
    expect(await host.ok('household:list', { councilId: council.id })).toEqual([]);
  });
});
