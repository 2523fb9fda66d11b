/**
 * What the paper-round Word files share: a compact A4 page (forms are filled in by hand, not read
 * as a notice, so they take narrower margins and smaller type than the official body text),
 * paragraphs at a given size with their own line spacing (the document default is the notices'
 * 28-pt lines), bordered tables on that page's text width, and the way areas and times are written.
 */
import {
  AlignmentType,
  BorderStyle,
  Header,
  LineRuleType,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import { formatCentiArea } from '../../../../shared/domain/roster/floor-area';
import { chineseDate, chineseWeekday } from '../../../../shared/domain/followup/dates';
import { pageNumberFooters, run, tableBorders, type Face } from '../../exports/docx-style';

export const mm = (value: number) => Math.round((value / 25.4) * 1440);

/** A4 with 18 mm margins left and right: 174 mm of text. */
export const formMargins = { top: mm(16), bottom: mm(16), left: mm(18), right: mm(18), footer: mm(8), header: mm(8) };
export const formTextWidth = 11906 - formMargins.left - formMargins.right;

export function formSection(children: ISectionOptions['children'], { pageNumbers = false, landscape = false } = {}): ISectionOptions {
  return {
    properties: {
      page: {
        // docx swaps width and height itself for a landscape page.
        size: { width: 11906, height: 16838, ...(landscape ? { orientation: PageOrientation.LANDSCAPE } : {}) },
        margin: formMargins,
      },
    },
    ...(pageNumbers ? { footers: pageNumberFooters() } : {}),
    children,
  };
}

export interface LineStyle {
  face?: Face;
  sizePt?: number;
  bold?: boolean;
  align?: 'left' | 'center' | 'right' | 'both';
  /** Space before and after, in points. */
  before?: number;
  after?: number;
  /** Line height as a multiple of the type size (exact). */
  leading?: number;
  pageBreakBefore?: boolean;
  keepNext?: boolean;
  indentChars?: number;
  firstLineChars?: number;
}

const alignments = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, both: AlignmentType.BOTH } as const;

/** A first line indented (positive) or hanging out to the left (negative). */
const firstLine = (twips: number) => (twips < 0 ? { hanging: -twips } : { firstLine: twips });

/** A paragraph of text (or runs) at one size, with exact line spacing of its own. */
export function line(text: string | ParagraphChild[], style: LineStyle = {}): Paragraph {
  const { face = 'song', sizePt = 12, bold = false, align = 'left', before = 0, after = 0, leading = 1.5 } = style;
  const children = typeof text === 'string' ? text.split('\n').map((piece, index) => run(piece, { face, sizePt, bold }, index > 0)) : text;
  return new Paragraph({
    alignment: alignments[align],
    spacing: { line: Math.round(sizePt * 20 * leading), lineRule: LineRuleType.EXACT, before: before * 20, after: after * 20 },
    ...(style.pageBreakBefore ? { pageBreakBefore: true } : {}),
    ...(style.keepNext ? { keepNext: true } : {}),
    ...(style.indentChars || style.firstLineChars
      ? { indent: { left: Math.round((style.indentChars ?? 0) * sizePt * 20), ...firstLine(Math.round((style.firstLineChars ?? 0) * sizePt * 20)) } }
      : {}),
    children,
  });
}

/** A paragraph holding a picture: its line grows to the picture. */
export function pictureLine(children: ParagraphChild[], align: 'left' | 'center' | 'right' = 'center', before = 2, after = 2): Paragraph {
  return new Paragraph({
    alignment: alignments[align],
    spacing: { line: 240, lineRule: LineRuleType.AUTO, before: before * 20, after: after * 20 },
    children,
  });
}

export interface FormCell {
  children: Paragraph[];
  span?: number;
  rowSpan?: number;
  shade?: boolean;
  /** Cell top-aligned instead of centred. */
  top?: boolean;
}

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };

/**
 * A table on the form's text width. Widths are fractions (sum to 1); `header` rows repeat on each
 * page; `minHeightPt` gives every body row at least that height (room to write by hand).
 */
export function formTable(
  rows: FormCell[][],
  widths: number[],
  { header = 0, minHeightPt = 0, borders = true, width = formTextWidth }: { header?: number; minHeightPt?: number; borders?: boolean; width?: number } = {},
): Table {
  const columnWidths = widths.map((fraction) => Math.floor(fraction * width));
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths,
    borders: borders ? tableBorders : noBorders,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    rows: rows.map((cells, rowIndex) => {
      let column = 0;
      return new TableRow({
        tableHeader: rowIndex < header,
        cantSplit: true,
        ...(minHeightPt && rowIndex >= header ? { height: { value: minHeightPt * 20, rule: 'atLeast' as const } } : {}),
        children: cells.map((cell) => {
          const span = cell.span ?? 1;
          const cellWidth = columnWidths.slice(column, column + span).reduce((sum, value) => sum + value, 0);
          column += span;
          return new TableCell({
            children: cell.children,
            verticalAlign: cell.top ? VerticalAlign.TOP : VerticalAlign.CENTER,
            width: { size: cellWidth, type: WidthType.DXA },
            ...(span > 1 ? { columnSpan: span } : {}),
            ...(cell.rowSpan ? { rowSpan: cell.rowSpan } : {}),
            ...(cell.shade ? { shading: { fill: 'EDEDED', type: 'clear', color: 'auto' } } : {}),
          });
        }),
      });
    }),
  });
}

/** A cell of one line of text. */
export function textCell(text: string, style: LineStyle & Omit<FormCell, 'children'> = {}): FormCell {
  const { span, rowSpan, shade, top, ...lineStyle } = style;
  return { children: [line(text, { align: 'center', leading: 1.25, ...lineStyle })], span, rowSpan, shade, top };
}

/** 12345 → 123.45㎡ */
export function areaText(centi: number): string {
  return `${formatCentiArea(centi, { grouping: true })}㎡`;
}

/** 2026-12-20 → 2026年12月20日（星期日） */
export function dateWithWeekday(date: string): string {
  return `${chineseDate(date)}（${chineseWeekday(date)}）`;
}

/**
 * A stored moment (ISO text) as the forms write it: 12月6日 20:14. Without a zone, in the zone of
 * the machine that writes the file (the council's own computer); a sealed record passes its zone,
 * so laying it out again elsewhere gives the same text.
 */
export function shortMoment(iso: string | null, timeZone?: string): string {
  if (!iso) return '';
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return iso;
  if (!timeZone) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${moment.getMonth() + 1}月${moment.getDate()}日 ${pad(moment.getHours())}:${pad(moment.getMinutes())}`;
  }
  const parts = Object.fromEntries(momentFormat(timeZone).formatToParts(moment).map((part) => [part.type, part.value]));
  return `${parts.month}月${parts.day}日 ${parts.hour}:${parts.minute}`;
}

/** Formatters by zone, made once: making one costs more than formatting a thousand moments. */
const formats = new Map<string, Intl.DateTimeFormat>();
function momentFormat(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formats.set(zone, format);
  }
  return format;
}

export const issueHowText = { in_person: '当面', door: '上门', mailbox: '信报箱' } as const;

/** Register lines by building, buildings in their natural order (2 before 10), the unknown last. */
export function byBuilding<T extends { building: string | null }>(lines: T[]): Array<{ building: string | null; lines: T[] }> {
  const groups = new Map<string | null, T[]>();
  for (const entry of lines) {
    const list = groups.get(entry.building) ?? [];
    list.push(entry);
    groups.set(entry.building, list);
  }
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : collator.compare(a, b)))
    .map(([building, list]) => ({ building, lines: list }));
}

/** 3 → 3号楼; a building already named (北区3栋) stays as it is. */
export function buildingName(building: string | null): string {
  if (building === null) return '未登记楼栋';
  return /^\d+[A-Za-z]?$/.test(building) ? `${building}号楼` : building;
}

/** The register's label without the units it ends with (王芳（3-2-501）→ 王芳), where a table has a column for the units. */
export function ownerName(entry: { label: string; units: string[] }): string {
  const suffix = `（${entry.units.join('、')}）`;
  return entry.units.length && entry.label.endsWith(suffix) && entry.label.length > suffix.length ? entry.label.slice(0, -suffix.length) : entry.label;
}

/** A running head for every page of a section (odd and even pages alike). */
export function runningHeads(text: string): { default: Header; even: Header } {
  const head = () => new Header({ children: [line(text, { face: 'song', sizePt: 9, align: 'right' })] });
  return { default: head(), even: head() };
}

export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
