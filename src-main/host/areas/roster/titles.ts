/**
 * The sheet 产权 of a roster workbook: owners of units they do not live in (a landlord, a co-owner
 * living elsewhere), one row per title: 户号, 产权人, 产权人户号 (where the owner lives, empty for
 * someone outside the courtyard). Owners who live in the unit they own are marked 产权人 on the
 * main sheet instead. Pure reading and checking; the import writes what it returns.
 */
import type { ImportIssue } from '../../../../shared/api/areas/roster';
import { normaliseHouseholdCode } from '../../../../shared/domain/roster/household-code';

export const titleColumns = { unit: '户号', owner: '产权人', ownerHome: '产权人户号' } as const;

export interface TitleEntry {
  row: number;
  /** The unit owned. */
  code: string;
  ownerName: string;
  /** Where the owner lives; null for someone with no household in the roster. */
  ownerCode: string | null;
}

export interface KnownRoster {
  /** Units in the roster or the file. */
  hasUnit: (code: string) => boolean;
  /** People in the roster or the file, by where they live and name. */
  hasPerson: (code: string | null, name: string) => boolean;
}

const sheetLabel = (column: string) => `产权表 ${column}`;

export function readTitles(rows: readonly string[][], known: KnownRoster): { titles: TitleEntry[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const headerIndex = rows.findIndex((cells) => cells.some((cell) => cell !== ''));
  if (headerIndex < 0) return { titles: [], issues };
  const header = rows[headerIndex]!;
  const column = (name: string) => header.findIndex((cell) => cell.replace(/\s+/g, '') === name);
  const [unitColumn, ownerColumn, homeColumn] = [column(titleColumns.unit), column(titleColumns.owner), column(titleColumns.ownerHome)];
  if (unitColumn < 0 || ownerColumn < 0) {
    issues.push({ row: headerIndex + 1, column: sheetLabel(''), message: '产权表的第一行应为列名：户号、产权人、产权人户号。' });
    return { titles: [], issues };
  }
  const titles: TitleEntry[] = [];
  const seen = new Set<string>();
  rows.forEach((cells, index) => {
    const row = index + 1;
    const cell = (at: number) => (at < 0 ? '' : (cells[at] ?? ''));
    const [unitText, ownerName, homeText] = [cell(unitColumn), cell(ownerColumn), cell(homeColumn)];
    if (index <= headerIndex || (!unitText && !ownerName && !homeText)) return;
    const problem = (columnName: string, message: string) => issues.push({ row, column: sheetLabel(columnName), message });
    const code = normaliseHouseholdCode(unitText);
    const ownerCode = homeText ? normaliseHouseholdCode(homeText) : null;
    if (!code) return problem(titleColumns.unit, unitText ? `户号“${unitText}”格式不对，应为 楼栋-单元-门牌，如 3-2-501。` : '缺少户号。');
    if (!ownerName) return problem(titleColumns.owner, '缺少产权人姓名。');
    if (homeText && !ownerCode) return problem(titleColumns.ownerHome, `户号“${homeText}”格式不对，应为 楼栋-单元-门牌，如 3-2-501。`);
    if (!known.hasUnit(code)) return problem(titleColumns.unit, `名册中没有户号 ${code}。`);
    if (!known.hasPerson(ownerCode, ownerName)) {
      return problem(titleColumns.owner, `名册中${ownerCode ? `户号 ${ownerCode} ` : '不住本院的人员'}没有“${ownerName}”，请先把他（她）加入名册。`);
    }
    const key = `${code}\u0000${ownerCode ?? ''}\u0000${ownerName}`;
    if (seen.has(key)) return;
    seen.add(key);
    titles.push({ row, code, ownerName, ownerCode });
  });
  return { titles, issues };
}
