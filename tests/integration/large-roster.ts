/**
 * A large estate's roster as an office keeps it, generated with exceljs: households of
 * 3 and 2 people in turn (8,000 households for 20,000 rows), each with its area, tenure,
 * a phone, distinct names, the first person a representative and, in an owner-occupied
 * household, on the title. Shared by the import test and its bench, so both read the
 * same kind of file.
 */
import ExcelJS from 'exceljs';

const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const givenCharacters = [...'秀英建国兆品桂兰志强海燕德华明静丽娟伟芳敏军洋勇艳杰涛斌超霞平刚辉玲婷雪梅琳鹏飞宇浩然晨欣怡佳慧颖博文凯'];

/** The n-th person's name: the first 20 × 52² all differ, as names in an estate mostly do, so each is spelled in pinyin anew. */
function nameOf(n: number): string {
  const g = givenCharacters.length;
  return surnames[Math.floor(n / (g * g)) % surnames.length]! + givenCharacters[n % g]! + givenCharacters[Math.floor(n / g) % g]!;
}

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
      const name = nameOf(rows.length);
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
