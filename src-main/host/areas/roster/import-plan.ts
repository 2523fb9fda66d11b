/**
 * Reading and checking a roster file against the council's roster as it is: what the preview
 * shows and the commit writes. Each step is one pass over the rows, with the roster loaded in
 * one query per table, so a large estate's file (importRowLimit rows) costs what its size says.
 */
import { eq } from 'drizzle-orm';
import { importRowLimit, type ImportIssue, type ImportRowPreview } from '../../../../shared/api/areas/roster';
import { formatCentiArea, parseAreaToCenti } from '../../../../shared/domain/roster/floor-area';
import { BUILDING_SUFFIX, fromChineseNumeral, normaliseHouseholdCode, UNIT_SUFFIX } from '../../../../shared/domain/roster/household-code';
import { normalisePhones } from '../../../../shared/domain/roster/phone';
import { withImpliedRoles, type PersonRole, type Tenure } from '../../../../shared/domain/roster/roles';
import type { Db } from '../../db/client';
import { households, people } from './schema';
import type { RawTable } from './read-table';
import { readTitles, type TitleEntry } from './titles';
import {
  findHeaderRow,
  hasParts,
  householdParts,
  mapColumns,
  missingColumns,
  roleOf,
  roleWordsHint,
  splitRoles,
  tenureLabels,
  tenureOf,
  yesOrNo,
  type Columns,
  type Field,
} from './vocabulary';

/**
 * A row under the table that is not a person: the office's footer (制表人：…, 合计 60 户, 审核, 备注).
 * Read by its first filled cell; such rows are left out and the preview says so.
 */
const FOOTER = /^(制表|填表|填报|审核|审批|负责人|联系人|统计|合计|总计|小计|共计|备注|说明|注[:：]|日期[:：])/;
/** What a file that lost a character to GBK shows in its place (𠮷 saved as GBK becomes ?). */
const LOST_CHARACTER = /[?？\uFFFD]/;

export interface RowEntry {
  row: number;
  /** Empty for a row that only lists a household (the export writes one for an empty household). */
  name: string;
  /** Normalised household code; null only for an observer (列席) who lives elsewhere. */
  code: string | null;
  areaCenti: number | null;
  tenure: Tenure | null;
  phone: string;
  roles: PersonRole[];
  /** On the title of the household's unit: recorded as one of its owners. */
  titleHolder: boolean;
}

export type HouseholdRow = typeof households.$inferSelect;

export interface HouseholdPlan {
  code: string;
  /** What the file gives; null where it leaves the value as it is. */
  areaCenti: number | null;
  tenure: Tenure | null;
  existing: HouseholdRow | undefined;
  status: ImportRowPreview['household'];
}

export interface Plan {
  issues: ImportIssue[];
  /** What the preview should tell without refusing: columns read and left out, rows skipped or filled in, lost characters. */
  notes: string[];
  entries: RowEntry[];
  households: Map<string, HouseholdPlan>;
  /** Owners of units they do not live in (the sheet 产权). */
  titles: TitleEntry[];
  roster: Roster;
}

type Report = (row: number, field: Field, message: string) => void;

export const fileIssue = (message: string, column = '', row = 1): ImportIssue => ({ row, column, message });

/** A row's own checks; null when it reported a problem. */
function readRow(cells: string[], row: number, columns: Columns, report: Report): RowEntry | null {
  let problems = 0;
  const problem: Report = (...args) => {
    problems += 1;
    report(...args);
  };
  const cell = (field: Field) => (columns[field] === undefined ? '' : (cells[columns[field]] ?? ''));
  const [name, phoneText, rolesText] = [cell('name'), cell('phone'), cell('roles')];
  const [areaText, tenureText] = [cell('area'), cell('tenure')];

  if (!name && (phoneText || rolesText)) problem(row, 'name', '缺少姓名。');
  else if (name.length > 40) problem(row, 'name', '姓名不能超过 40 个字。');

  const roles = new Set<PersonRole>();
  for (const word of splitRoles(rolesText)) {
    const role = roleOf(word);
    if (role) roles.add(role);
    else problem(row, 'roles', `身份“${word}”无法识别，可填：${roleWordsHint}。`);
  }

  let code: string | null = null;
  const codeText = cell('household');
  if (codeText) {
    code = normaliseHouseholdCode(codeText);
    if (!code) problem(row, 'household', `户号“${codeText}”格式不对，应为 楼栋-单元-门牌，如 3-2-501。`);
  } else if (hasParts(columns) && householdParts.some((part) => cell(part))) {
    const building = fromChineseNumeral(cell('building').replace(BUILDING_SUFFIX, ''));
    const unit = fromChineseNumeral(cell('unit').replace(UNIT_SUFFIX, ''));
    const room = cell('room').replace(/[室号]$/, '');
    if (!building) problem(row, 'building', '缺少楼栋。');
    if (!unit) problem(row, 'unit', '缺少单元。');
    if (!room) problem(row, 'room', '缺少门牌。');
    if (building && unit && room) {
      code = normaliseHouseholdCode(`${building}-${unit}-${room}`);
      const given = householdParts.map((part) => cell(part)).join('/');
      if (!code) problem(row, 'room', `户号“${given}”格式不对：楼栋、单元、门牌只能是数字或字母，如 3、2、501。`);
    }
  } else if (!roles.has('observer')) {
    const field = columns.household === undefined ? 'building' : 'household';
    problem(row, field, '缺少户号（只有不住本院的列席人员可以不填）。');
  }

  const areaCenti = areaText ? parseAreaToCenti(areaText) : null;
  if (areaText && areaCenti === null) problem(row, 'area', `面积“${areaText}”不是有效数字（最多两位小数，单位㎡）。`);
  else if (areaCenti === 0) problem(row, 'area', '面积不能为 0：表决按面积计算时这一户会被漏掉。不知道面积请留空。');

  const tenure = tenureText ? (tenureOf(tenureText) ?? null) : null;
  if (tenureText && !tenure) problem(row, 'tenure', `产权“${tenureText}”无法识别，应填 业主（自有、自住）或 租户（出租、公房）。`);

  const phone = normalisePhones(phoneText);
  if (phone === null) problem(row, 'phone', `电话“${phoneText}”只能包含数字、空格、+、-、括号；一格里的几个号码用“、”隔开，最多三个。`);

  const titleText = cell('titleHolder');
  // Some offices write the holder's name in this column: the person's own name is a yes.
  const titleHolder = name && titleText.trim() === name ? true : yesOrNo(titleText);
  if (titleHolder === undefined) problem(row, 'titleHolder', `产权人“${titleText}”无法识别，应填 是 或 否（不是可留空）。`);
  else if (titleHolder && !name) problem(row, 'titleHolder', '标为产权人的行须填写姓名。');
  else if (titleHolder && !code) problem(row, 'titleHolder', '产权人须填写户号：登记为哪一户的产权人。');

  if (problems > 0) return null;
  // Roles keep the order the file gives them, so that export → import is exact; an officer is a member.
  return { row, name, code, areaCenti, tenure, phone: phone ?? '', roles: withImpliedRoles([...roles]), titleHolder: titleHolder === true };
}

export const personKey = (code: string | null, name: string) => `${code ?? ''}\u0000${name}`;

/** The council's roster as it is now: households by code, and who already lives where (by personKey, with their id). */
export interface Roster {
  byCode: Map<string, HouseholdRow>;
  peopleIds: Map<string, number>;
}

function loadRoster(db: Db, councilId: number): Roster {
  const rows = db.select().from(households).where(eq(households.councilId, councilId)).all();
  const byCode = new Map(rows.map((h) => [h.code, h]));
  const codeById = new Map(rows.map((h) => [h.id, h.code]));
  const residents = db
    .select({ id: people.id, name: people.name, householdId: people.householdId })
    .from(people)
    .where(eq(people.councilId, councilId))
    .orderBy(people.id)
    .all();
  const peopleIds = new Map<string, number>();
  for (const person of residents) {
    const key = personKey(person.householdId === null ? null : (codeById.get(person.householdId) ?? null), person.name);
    if (!peopleIds.has(key)) peopleIds.set(key, person.id);
  }
  return { byCode, peopleIds };
}

const noRoster = (): Roster => ({ byCode: new Map(), peopleIds: new Map() });

/** How many rows or names a note lists before it only counts: a note stays short for a large file. */
const noteListLimit = 20;

/** The first items joined by 、, then how many there are in all (“等 45 行”). */
function someOf(items: readonly string[], counter: string): string {
  const shown = items.slice(0, noteListLimit).join('、');
  return items.length > noteListLimit ? `${shown}等 ${items.length} ${counter}` : shown;
}

/** “第 3、4、5 行”, or for many rows “第 3、4、…、22 行等 45 行”. */
function rowsNamed(rows: readonly number[]): string {
  const named = `第 ${rows.slice(0, noteListLimit).join('、')} 行`;
  return rows.length > noteListLimit ? `${named}等 ${rows.length} 行` : named;
}

/** Checks between rows that are correct on their own: duplicates, and a household given two areas or tenures. */
function crossCheck(entries: RowEntry[], existingPeople: ReadonlyMap<string, number>, report: Report): RowEntry[] {
  const peopleSeen = new Map<string, number>();
  const areaSeen = new Map<string, { row: number; areaCenti: number }>();
  const tenureSeen = new Map<string, { row: number; tenure: Tenure }>();
  return entries.filter(({ row, name, code, areaCenti, tenure }) => {
    let ok = true;
    if (name) {
      const key = personKey(code, name);
      const first = peopleSeen.get(key);
      const where = code ? `户号 ${code} ` : '不住本院的人员';
      if (first !== undefined) report(row, 'name', `与第 ${first} 行重复：${where}中已有“${name}”。`);
      else if (existingPeople.has(key)) report(row, 'name', `名册中${where}已有“${name}”，不能重复导入。`);
      else peopleSeen.set(key, row);
      ok = first === undefined && !existingPeople.has(key);
    }
    if (code && areaCenti !== null) {
      const first = areaSeen.get(code);
      if (!first) areaSeen.set(code, { row, areaCenti });
      else if (first.areaCenti !== areaCenti) {
        const [was, now] = [formatCentiArea(first.areaCenti), formatCentiArea(areaCenti)];
        report(row, 'area', `户号 ${code} 在第 ${first.row} 行的面积是 ${was}㎡，这里是 ${now}㎡；同一户只能有一个面积。`);
        ok = false;
      }
    }
    if (code && tenure) {
      const first = tenureSeen.get(code);
      if (!first) tenureSeen.set(code, { row, tenure });
      else if (first.tenure !== tenure) {
        const [was, now] = [tenureLabels[first.tenure], tenureLabels[tenure]];
        report(row, 'tenure', `户号 ${code} 在第 ${first.row} 行是${was}，这里是${now}；同一户只能填一种。`);
        ok = false;
      }
    }
    return ok;
  });
}

/** Per household: 'new', 'updated' when the file gives an area or tenure that differs, else 'existing'. */
function planHouseholds(entries: RowEntry[], existing: Map<string, HouseholdRow>): Map<string, HouseholdPlan> {
  const plans = new Map<string, HouseholdPlan>();
  for (const entry of entries) {
    if (!entry.code) continue;
    const plan = plans.get(entry.code) ?? {
      code: entry.code,
      areaCenti: null,
      tenure: null,
      existing: existing.get(entry.code),
      status: 'new',
    };
    plan.areaCenti ??= entry.areaCenti;
    plan.tenure ??= entry.tenure;
    const was = plan.existing;
    const areaChanges = plan.areaCenti !== null && plan.areaCenti !== was?.areaCenti;
    const tenureChanges = plan.tenure !== null && plan.tenure !== was?.tenure;
    plan.status = was === undefined ? 'new' : areaChanges || tenureChanges ? 'updated' : 'existing';
    plans.set(entry.code, plan);
  }
  return plans;
}

/** Which columns the import reads, and which it leaves out, as the preview says them. */
function columnNotes(header: readonly string[], columns: Columns): string[] {
  const used = new Set(Object.values(columns));
  const named = (indexes: number[]) => indexes.map((index) => `“${header[index]!.trim()}”`).join('');
  const read = [...used].sort((a, b) => a - b);
  const ignored = header.map((text, index) => (text.trim() && !used.has(index) ? index : -1)).filter((index) => index >= 0);
  const notes = [`读取的列：${named(read)}。`];
  if (ignored.length) notes.push(`没有读取的列：${named(ignored)}（本程序不保存这些内容）。`);
  return notes;
}

/**
 * Merged cells saved as CSV (or read from a sheet) leave the cells under the first one empty: a 楼栋
 * or 单元 spanning the rows of a building. A row with a room but no building or unit takes them from
 * the row above, and the preview says which rows. A missing 户号 stays a mistake: a family's merged
 * 户号 cannot be told from a row someone forgot.
 */
function fillMergedCells(rows: Array<{ cells: string[]; row: number }>, columns: Columns, notes: string[]) {
  const filled: number[] = [];
  let previous: string[] | null = null;
  const result = rows.map(({ cells, row }) => {
    const copy = [...cells];
    const empty = (index: number | undefined) => index !== undefined && (copy[index] ?? '').trim() === '';
    let changed = false;
    if (previous && hasParts(columns) && !empty(columns.room)) {
      for (const part of ['building', 'unit'] as const) {
        const index = columns[part]!;
        if (empty(index) && (previous[index] ?? '') !== '') {
          copy[index] = previous[index]!;
          changed = true;
        }
      }
    }
    if (changed) filled.push(row);
    previous = copy;
    return { cells: copy, row };
  });
  if (filled.length) notes.push(`${rowsNamed(filled)}的楼栋或单元是空的，按合并单元格沿用了上一行。请核对预览。`);
  return result;
}

/** A plan that writes nothing and says why. */
export const refusedPlan = (issues: ImportIssue[]): Plan => ({ issues, notes: [], entries: [], households: new Map(), titles: [], roster: noRoster() });

const tooManyRows = (count: number, sheet = '') =>
  fileIssue(`${sheet}最多 ${importRowLimit} 行，这个文件有 ${count} 行。请分成几个文件分别导入。`);

/** Reads and checks the whole file against the council's current roster; writes nothing. */
export function planImport(db: Db, councilId: number, table: RawTable): Plan {
  const refused = refusedPlan;
  if (table.rows.length === 0) return refused([fileIssue('文件是空的，没有读到任何内容。')]);

  const headerIndex = findHeaderRow(table.rows);
  const header = table.rows[headerIndex]!;
  const columns = mapColumns(header);
  const headerRow = headerIndex + 1;
  const missing = missingColumns(columns);
  if (missing.length > 0) return refused(missing.map(({ column, message }) => fileIssue(message, column, headerRow)));

  const notes = columnNotes(header, columns);
  // A row with nothing in the columns we read is a spacer, not a mistake; the office's footer is not a person.
  const known = Object.values(columns);
  const footers: string[] = [];
  const dataRows = fillMergedCells(
    table.rows
      .map((cells, index) => ({ cells, row: index + 1 }))
      .filter(({ row, cells }) => row > headerRow && known.some((index) => (cells[index] ?? '') !== ''))
      .filter(({ row, cells }) => {
        const first = cells.find((cell) => cell.trim() !== '')?.trim() ?? '';
        if (!FOOTER.test(first)) return true;
        footers.push(`第 ${row} 行“${first.length > 20 ? `${first.slice(0, 20)}…` : first}”`);
        return false;
      }),
    columns,
    notes,
  );
  if (footers.length) notes.push(`${someOf(footers, '行')}是表尾，不是人员，没有导入。`);
  if (dataRows.length === 0) return refused([fileIssue('文件里只有表头，没有任何人员或住户。')]);
  if (dataRows.length > importRowLimit) return refused([tooManyRows(dataRows.length, '名册')]);
  if ((table.titles?.length ?? 0) > importRowLimit) return refused([tooManyRows(table.titles!.length, '产权表')]);

  const issues: Array<ImportIssue & { order: number }> = [];
  const report: Report = (row, field, message) => {
    issues.push({ row, column: header[columns[field]!] || field, message, order: columns[field] ?? 0 });
  };
  const roster = loadRoster(db, councilId);
  const ownChecked = dataRows
    .map(({ cells, row }) => readRow(cells, row, columns, report))
    .filter((entry): entry is RowEntry => entry !== null);
  const lost = ownChecked.filter((entry) => LOST_CHARACTER.test(entry.name));
  if (lost.length) {
    notes.push(
      `${someOf(lost.map((entry) => `第 ${entry.row} 行“${entry.name}”`), '人')}的姓名里有问号：文件存为 GBK 时生僻字会变成问号。导入后请在名册中改正，或把文件另存为 UTF-8 后重新导入。`,
    );
  }
  const entries = crossCheck(ownChecked, roster.peopleIds, report);

  issues.sort((a, b) => a.row - b.row || a.order - b.order);
  const households = planHouseholds(entries, roster.byCode);
  const newPeople = new Set(entries.filter((entry) => entry.name).map((entry) => personKey(entry.code, entry.name)));
  const titles = readTitles(table.titles ?? [], {
    hasUnit: (code) => households.has(code) || roster.byCode.has(code),
    hasPerson: (code, name) => newPeople.has(personKey(code, name)) || roster.peopleIds.has(personKey(code, name)),
  });
  return {
    // The main sheet's problems first, then the sheet 产权's.
    issues: [...issues.map(({ row, column, message }) => ({ row, column, message })), ...titles.issues],
    notes,
    entries,
    households,
    titles: titles.titles,
    roster,
  };
}

