import ExcelJS from 'exceljs';
import type { FilePayload } from '../../../../shared/api/kit';
import type { Person } from '../../../../shared/api/areas/roster';
import { formatCentiArea } from '../../../../shared/domain/roster/floor-area';
import type { Db } from '../../db/client';
import { getCouncil } from '../councils/service';
import { listHouseholds } from './households';
import { listPeople } from './people';
import { titlesSheetName } from './read-table';
import { titleColumns } from './titles';
import { roleLabels, tenureLabels } from './vocabulary';

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

/**
 * Text Excel (or a CSV saved from this file) could take for a formula gets Excel's
 * "this is text" apostrophe: =, +, -, @, tab, carriage return, NUL. A phone written
 * "+86 138..." is neutralised too. Text already starting with an apostrophe gets one
 * more, so that the import, which always removes exactly one leading apostrophe,
 * gives back every value unchanged.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r\0']/.test(text) ? `'${text}` : text;
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

/** A sheet of text cells (Excel keeps a phone from becoming 1.38E+10, a room from becoming a number) with a bold, frozen header. */
function addTextSheet(workbook: ExcelJS.Workbook, name: string, sheetColumns: ReadonlyArray<{ header: string; key: string; width: number }>, rows: ReadonlyArray<Record<string, string>>): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = sheetColumns.map((column) => ({ ...column, style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value === '' ? null : neutraliseFormula(value)])));
  }
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
  addTextSheet(workbook, '名册', columns, rows);
  if (titleRows.length > 0) {
    const titleSheetColumns = (['unit', 'owner', 'ownerHome'] as const).map((key) => ({ header: titleColumns[key], key, width: 14 }));
    addTextSheet(workbook, titlesSheetName, titleSheetColumns, titleRows);
  }

  const data = Buffer.from((await workbook.xlsx.writeBuffer()) as unknown as Uint8Array);
  return {
    fileName: `${safeFileName(council.name) || '议事会'} 名册 ${localDate(now)}.xlsx`,
    mimeType: XLSX_MIME,
    dataBase64: data.toString('base64'),
  };
}
