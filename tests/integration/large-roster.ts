/**
 * A large estate's roster as an office keeps it, generated with exceljs: households of
 * 3 and 2 people in turn (8,000 households for 20,000 rows), each with its area, tenure,
 * a phone, the first person a representative and on the title. Shared by the import test
 * and its bench, so both read the same kind of file.
 */
import ExcelJS from 'exceljs';

const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const given = ['秀英', '建国', '兆品', '桂兰', '志强', '海燕', '德华', '明', '静'];

export interface LargeRosterRow {
  name: string;
  code: string;
  areaCenti: number;
  tenure: 'owner' | 'tenant';
  phone: string;
  representative: boolean;
  titleHolder: boolean;
}

/** Household `h`'s code: buildings of 4 units of 25 rooms. */
const codeOf = (h: number) => `${1 + Math.floor(h / 100)}-${1 + (Math.floor(h / 25) % 4)}-${101 + (h % 25)}`;

export function largeRosterRows(rowCount: number): LargeRosterRow[] {
  const rows: LargeRosterRow[] = [];
  for (let h = 0; rows.length < rowCount; h += 1) {
    const areaCenti = 6000 + ((h * 7919) % 8000);
    const tenure = h % 10 === 9 ? 'tenant' : 'owner';
    for (let k = 0; k < (h % 2 === 0 ? 3 : 2) && rows.length < rowCount; k += 1) {
      // Members of one household differ by their given name.
      const name = surnames[(h * 3 + k) % surnames.length]! + given[(h + k) % given.length]!;
      const phone = `139${String(rows.length).padStart(8, '0')}`;
      rows.push({ name, code: codeOf(h), areaCenti, tenure, phone, representative: k === 0, titleHolder: k === 0 && tenure === 'owner' });
    }
  }
  return rows;
}

export const largeRosterHeader = ['姓名', '户号', '面积', '产权', '电话', '身份', '产权人'];

/** The rows as an .xlsx workbook with one sheet 名单. */
export async function largeRosterXlsx(rows: readonly LargeRosterRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名单');
  sheet.addRow(largeRosterHeader);
  for (const row of rows) {
    sheet.addRow([
      row.name,
      row.code,
      row.areaCenti / 100,
      row.tenure === 'owner' ? '业主' : '租户',
      row.phone,
      row.representative ? '居民代表' : '',
      row.titleHolder ? '是' : '',
    ]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
