import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { FilePayload } from '../../../../shared/api/kit';
import type { Person } from '../../../../shared/api/areas/roster';
import { formatCentiArea } from '../../../../shared/domain/roster/floor-area';
import type { Db } from '../../db/client';
import { getCouncil } from '../councils/service';
import { listHouseholds } from './households';
import { listPeople } from './people';
import { titlesSheetName } from './read-table';
import { titleColumns } from './titles';
import { roleLabels, roleWordsHint, tenureLabels, tenureWordsHint } from './vocabulary';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const columns = [
  { header: '户号', key: 'code', width: 12 },
  { header: '楼栋', key: 'building', width: 8 },
  { header: '单元', key: 'unit', width: 8 },
  { header: '门牌', key: 'room', width: 8 },
  { header: '面积（㎡）', key: 'area', width: 12 },
  { header: '产权', key: 'tenure', width: 8 },
  { header: '姓名', key: 'name', width: 14 },
  { header: '电话', key: 'phone', width: 18 },
  { header: '身份', key: 'roles', width: 30 },
  { header: '产权人', key: 'titleHolder', width: 8 },
] as const;
type Row = Record<(typeof columns)[number]['key'], string>;

/** Text Excel could take for a formula: it starts with =, +, -, @, a tab, a carriage return or NUL (a phone "+86 138…" too). */
export const looksLikeFormula = (text: string) => /^[=+\-@\t\r\0]/.test(text);

/**
 * A cell's text as written: unchanged, except that text starting with an apostrophe gets one
 * more, since the import removes exactly one leading apostrophe (Excel's old "this is text"
 * mark, which earlier exports wrote). Text that looks like a formula is kept as it is and
 * marked as text by the cell's style instead (quotePrefix: Excel shows no apostrophe).
 */
export function cellText(text: string): string {
  return text.startsWith("'") ? `'${text}` : text;
}

/**
 * One row per person: "产权人" says whether they are on the title of the unit they live in. Owners of
 * a unit they do not live in are on the sheet 产权 instead.
 */
function personCells(person: Person | undefined, ownerIds: ReadonlySet<number> = new Set()): Pick<Row, 'name' | 'phone' | 'roles' | 'titleHolder'> {
  if (!person) return { name: '', phone: '', roles: '', titleHolder: '' };
  return {
    name: person.name,
    phone: person.phone,
    roles: person.roles.map((role) => roleLabels[role]).join('、'),
    titleHolder: ownerIds.has(person.id) ? '是' : '',
  };
}

/**
 * A sheet of text cells (Excel keeps a phone from becoming 1.38E+10, a room from becoming a number)
 * with a bold, frozen header. Returns the addresses (A5) of the cells that look like a formula.
 */
function addTextSheet(workbook: ExcelJS.Workbook, name: string, sheetColumns: ReadonlyArray<{ header: string; key: string; width: number }>, rows: ReadonlyArray<Record<string, string>>): string[] {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = sheetColumns.map((column) => ({ ...column, style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  const formulaLike: string[] = [];
  for (const row of rows) {
    const added = sheet.addRow(Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value === '' ? null : cellText(value)])));
    added.eachCell((cell) => {
      if (typeof cell.value === 'string' && looksLikeFormula(cell.value)) formulaLike.push(cell.address);
    });
  }
  return formulaLike;
}

/**
 * The workbook's bytes, with the cells that look like a formula marked quotePrefix (Excel's "this is
 * text" without a visible apostrophe; ExcelJS cannot write it): each such cell gets a copy of its
 * style with quotePrefix="1". `marked` lists the cells per sheet, in the order the sheets were added.
 */
async function withQuotePrefix(workbook: ExcelJS.Workbook, marked: string[][]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(Buffer.from((await workbook.xlsx.writeBuffer()) as unknown as Uint8Array));
  if (marked.every((cells) => cells.length === 0)) return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  const stylesPath = 'xl/styles.xml';
  let styles = await zip.file(stylesPath)!.async('string');
  const cellXfs = /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/.exec(styles)!;
  const xfs: string[] = [...(cellXfs[2]!.match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g) ?? [])];
  const quoted = new Map<string, number>();
  const quotedStyle = (style: string): number => {
    const known = quoted.get(style);
    if (known !== undefined) return known;
    const xf = (xfs[Number(style)] ?? '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>').replace(/^<xf\b/, '<xf quotePrefix="1"');
    xfs.push(xf);
    quoted.set(style, xfs.length - 1);
    return xfs.length - 1;
  };
  for (const [index, cells] of marked.entries()) {
    const path = `xl/worksheets/sheet${index + 1}.xml`;
    const file = zip.file(path);
    if (!file || cells.length === 0) continue;
    const wanted = new Set(cells);
    const xml = (await file.async('string')).replace(/<c r="([A-Z]+\d+)"(?: s="(\d+)")?/g, (whole, address: string, style: string | undefined) =>
      wanted.has(address) ? `<c r="${address}" s="${quotedStyle(style ?? '0')}"` : whole,
    );
    zip.file(path, xml);
  }
  styles = styles.replace(cellXfs[0], `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>`);
  zip.file(stylesPath, styles);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Today on this computer, written as every file name of the app writes dates: 2026年12月4日. */
function localDate(now: Date): string {
  return `${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日`;
}

/** Path separators, characters Windows forbids in file names, and control characters go. */
function safeFileName(text: string): string {
  return text.replace(/[\\/:*?"<>|\p{Cc}\p{Cf}]/gu, '').trim();
}

/** The roster as a spreadsheet, one row per person; a household nobody lives in gets a row of its own. */
export async function exportRosterXlsx(db: Db, councilId: number, now: Date): Promise<FilePayload> {
  const council = getCouncil(db, councilId);
  const everyone = listPeople(db, councilId);
  const byHousehold = new Map<number | null, Person[]>();
  for (const person of [...everyone].sort((a, b) => a.id - b.id)) {
    const list = byHousehold.get(person.householdId) ?? [];
    list.push(person);
    byHousehold.set(person.householdId, list);
  }

  const rows: Row[] = [];
  const units = listHouseholds(db, councilId);
  for (const household of units) {
    const residents = byHousehold.get(household.id) ?? [undefined];
    const ownerIds = new Set(household.owners.map((owner) => owner.id));
    for (const person of residents) {
      rows.push({
        code: household.code,
        building: household.building,
        unit: household.unit,
        room: household.room,
        area: household.areaCenti === null ? '' : formatCentiArea(household.areaCenti),
        tenure: tenureLabels[household.tenure],
        ...personCells(person, ownerIds),
      });
    }
  }
  for (const person of byHousehold.get(null) ?? []) {
    rows.push({ code: '', building: '', unit: '', room: '', area: '', tenure: '', ...personCells(person) });
  }

  // Owners who do not live in the unit they own: the sheet 产权 (see titles.ts).
  const homeOf = new Map(everyone.map((person) => [person.id, person.householdCode ?? '']));
  const titleRows = units.flatMap((household) =>
    household.owners
      .filter((owner) => homeOf.get(owner.id) !== household.code)
      .map((owner) => ({ unit: household.code, owner: owner.name, ownerHome: homeOf.get(owner.id) ?? '' })),
  );

  const workbook = new ExcelJS.Workbook();
  workbook.creator = '院落议事';
  const marked = [addTextSheet(workbook, '名册', columns, rows)];
  if (titleRows.length > 0) {
    const titleSheetColumns = (['unit', 'owner', 'ownerHome'] as const).map((key) => ({ header: titleColumns[key], key, width: 14 }));
    marked.push(addTextSheet(workbook, titlesSheetName, titleSheetColumns, titleRows));
  }

  const data = await withQuotePrefix(workbook, marked);
  return {
    fileName: `${safeFileName(council.name) || '议事会'} 名册 ${localDate(now)}.xlsx`,
    mimeType: XLSX_MIME,
    dataBase64: data.toString('base64'),
  };
}

/** Two households as an office would fill them in: an owner's family, and a tenant. */
const templateRows: Row[] = [
  { code: '3-2-501', building: '3', unit: '2', room: '501', area: '89.50', tenure: '业主', name: '王建国', phone: '13800000001', roles: '理事会主任、户代表、党员', titleHolder: '是' },
  { code: '3-2-501', building: '3', unit: '2', room: '501', area: '89.50', tenure: '业主', name: '刘桂芳', phone: '', roles: '', titleHolder: '是' },
  { code: '3-2-502', building: '3', unit: '2', room: '502', area: '76.20', tenure: '租户', name: '李秀英', phone: '13900000002、0571-88000000', roles: '记录人、户代表', titleHolder: '' },
];

/** What each column of the template means and which words it takes: the same words the import reads. */
const templateNotes = [
  { column: '户号', note: '楼栋-单元-门牌，如 3-2-501；也可以不填户号，只填后面三列（三号楼、一单元也认得）。同一户的每个人各占一行，户号相同。' },
  { column: '楼栋 / 单元 / 门牌', note: '可以只填户号；合并的单元格会按上一行补齐，导入时会说明。' },
  { column: '面积（㎡）', note: '房屋专有部分面积，如 89.50；业主共同决定按面积计票时使用。不知道可以不填，不能填 0。' },
  { column: '产权', note: `业主可写：${tenureWordsHint('owner')}；租户可写：${tenureWordsHint('tenant')}。` },
  { column: '姓名', note: '必填。' },
  { column: '电话', note: '手机或座机，最多 3 个，用“、”隔开。' },
  { column: '身份', note: `可写：${roleWordsHint}，几个身份用“、”隔开；普通居民不填。` },
  { column: '产权人', note: '这个人登记在这户的房产证上，写“是”；不是就不填。' },
];

/**
 * The file an office fills in for its first import: every column the import reads, two example
 * households (to be replaced), and a sheet 填写说明 with the words each column takes.
 */
export async function rosterTemplateXlsx(): Promise<FilePayload> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '院落议事';
  addTextSheet(workbook, '名册', columns, templateRows);
  addTextSheet(workbook, '填写说明', [{ header: '列', key: 'column', width: 18 }, { header: '怎么填', key: 'note', width: 90 }], templateNotes);
  const data = Buffer.from((await workbook.xlsx.writeBuffer()) as unknown as Uint8Array);
  return { fileName: '院落议事 名册模板.xlsx', mimeType: XLSX_MIME, dataBase64: data.toString('base64') };
}
