import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { importRowLimit } from '../../../../shared/api/areas/roster';

/**
 * Turns the bytes of a roster file into a plain table of trimmed strings. The format
 * is decided by content, not by the file name: offices rename files freely.
 * `rows[i]` is spreadsheet row `i + 1`, blank rows included, so that an error can
 * name the row the user sees in Excel (a multi-line quoted CSV cell is one row there too).
 */
export interface RawTable {
  encoding: 'utf-8' | 'gbk' | 'xlsx';
  rows: string[][];
  /**
   * The sheet 产权 of a workbook, as our export writes it: owners of units they do not live in
   * (户号, 产权人, 产权人户号). Absent for CSV files and workbooks without that sheet.
   */
  titles?: string[][];
}

/** The sheet our export writes for owners who do not live in the unit they own. */
export const titlesSheetName = '产权';

/** A file that cannot be read as a table at all; the message is shown to the user. */
export class UnreadableFile extends Error {}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // "PK": an .xlsx is a zip archive
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, index) => bytes[index] === byte);
}

export async function readTable(bytes: Uint8Array): Promise<RawTable> {
  if (startsWith(bytes, ZIP_MAGIC)) return readXlsx(bytes);
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new UnreadableFile('这是旧版 Excel（.xls）文件，无法直接读取。请在 Excel 中“另存为” .xlsx 或 CSV 后再导入。');
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new UnreadableFile('这是 UTF-16（“Unicode 文本”）文件，无法读取。请在 Excel 中“另存为” CSV UTF-8 或 .xlsx 后再导入。');
  }
  return readCsv(bytes);
}

/**
 * Excel on Chinese Windows saves "CSV" in GBK; newer versions offer "CSV UTF-8" with a
 * BOM. Chinese text in GBK is practically never valid UTF-8, so a strict UTF-8 decode
 * that fails means GBK.
 */
function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gbk' } {
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(body), encoding: 'gbk' };
  }
}

function dropBlankTail(rows: string[][]): string[][] {
  while (rows.length > 0 && rows.at(-1)!.every((cell) => cell === '')) rows.pop();
  return rows;
}

function readCsv(bytes: Uint8Array): RawTable {
  const { text, encoding } = decodeText(bytes);
  const parsed = Papa.parse<unknown[]>(text, { skipEmptyLines: false });
  const broken = parsed.errors.find((error) => error.type === 'Quotes');
  if (broken) {
    const row = (broken.row ?? 0) + 1;
    throw new UnreadableFile(`第 ${row} 行的引号没有配对，文件无法读取。请在 Excel 中打开并重新保存后再导入。`);
  }
  const rows = parsed.data.map((record) => record.map((cell) => cleanCell(String(cell ?? ''))));
  return { encoding, rows: dropBlankTail(rows) };
}

/**
 * What an .xlsx may hold unpacked. A 20,000-row roster of seven columns is about 7 MB; a
 * workbook far past this is not a roster, and unpacking it could exhaust the host's memory
 * before any row is counted.
 */
const maxUnpackedBytes = 100 * 1024 * 1024;
/** Columns read from a sheet: a roster has a dozen; a stray cell far to the right must not make every row that wide. */
const maxColumns = 256;

/**
 * The sum of the sizes a zip archive declares for its files unpacked, from its central
 * directory at the end; null when there is none to read (exceljs then says the file is broken).
 * Zip64 archives mark sizes past 4 GB with 0xFFFFFFFF, which counts as too large.
 */
export function unpackedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let end = bytes.length - 22; end >= lowest; end -= 1) {
    if (view.getUint32(end, true) !== 0x06054b50) continue;
    const entries = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    let total = 0;
    for (let entry = 0; entry < entries; entry += 1) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
      total += view.getUint32(at + 24, true);
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return total;
  }
  return null;
}

async function readXlsx(bytes: Uint8Array): Promise<RawTable> {
  const unpacked = unpackedSize(bytes);
  if (unpacked !== null && unpacked > maxUnpackedBytes) {
    const megabytes = Math.round(unpacked / 1024 / 1024);
    throw new UnreadableFile(
      `这个 Excel 文件解压后有 ${megabytes} MB，名册最多读取 ${maxUnpackedBytes / 1024 / 1024} MB。请只留下名册（最多 ${importRowLimit} 行），删去其他工作表和内容后再导入。`,
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw new UnreadableFile('无法读取这个 Excel 文件，它可能已损坏，或不是 .xlsx 格式。');
  }
  // Our own export writes the sheet 名册; any other workbook is read from its first sheet.
  const sheet = workbook.getWorksheet('名册') ?? workbook.worksheets[0];
  if (!sheet) return { encoding: 'xlsx', rows: [] };
  const titles = workbook.getWorksheet(titlesSheetName);
  return { encoding: 'xlsx', rows: sheetRows(sheet), ...(titles && titles !== sheet ? { titles: sheetRows(titles) } : {}) };
}

function sheetRows(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  const width = Math.min(sheet.columnCount, maxColumns);
  for (let rowNumber = 1; rowNumber <= sheet.rowCount; rowNumber += 1) {
    const row = sheet.getRow(rowNumber);
    const cells: string[] = [];
    for (let column = 1; column <= width; column += 1) cells.push(cellText(row.getCell(column).value));
    rows.push(cells);
  }
  return dropBlankTail(rows);
}

/**
 * A leading apostrophe is Excel's "treat as text" marker, and our export puts one in
 * front of any text Excel could take for a formula (=, +, -, @ ..., e.g. a phone
 * "+86 138..."), or that itself starts with an apostrophe. Removing exactly one here
 * makes export → import give back the original text.
 */
function cleanCell(text: string): string {
  const trimmed = text.trim();
  return trimmed.startsWith("'") ? trimmed.slice(1).trim() : trimmed;
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value) || Number.isInteger(value)) return String(value);
  // Binary floating point stores an area typed as 85.5 as 85.49999999999999 at times.
  return String(Number(value.toFixed(10)));
}

/** Any exceljs cell value (number, rich text, formula with its result, link, date) as trimmed text. */
export function cellText(value: ExcelJS.CellValue): string {
  return cleanCell(rawCellText(value));
}

function rawCellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || result === null) return '';
    if (typeof result === 'object' && !(result instanceof Date)) return result.error;
    return rawCellText(result);
  }
  if ('hyperlink' in value) return rawCellText(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return '';
}
