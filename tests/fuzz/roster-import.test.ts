import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { seedDemo } from '../../src-main/host/demo/seed';
import { dumpTables } from '../integration/access-fixture';
import { tempHost } from '../integration/temp-host';
import { fuzz, fuzzTimeout, unclear } from './fuzz-kit';

const headers = ['姓名', '户号', '面积', '电话', '产权', '身份', '备注'];
const cell = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('3-2-501', '1-1-101', '85.5', '-1', '业主', '租户', '=HYPERLINK("x")', '', '１-２-３', '\u0000'));
const table = fc.array(fc.array(cell, { minLength: 0, maxLength: 8 }), { minLength: 0, maxLength: 12 });

function csv(rows: string[][]): string {
  return rows.map((row) => row.map((value) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)).join(',')).join('\n');
}

async function xlsx(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名单');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const files = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }).map((bytes) => ({ fileName: 'roster.csv', data: Buffer.from(bytes) })),
  fc.uint8Array({ maxLength: 2000 }).map((bytes) => ({ fileName: 'roster.xlsx', data: Buffer.from(bytes) })),
  fc.string({ maxLength: 2000 }).map((text) => ({ fileName: 'roster.csv', data: Buffer.from(text, 'utf8') })),
  fc.tuple(fc.boolean(), table).map(([withHeader, rows]) => ({ fileName: 'roster.csv', data: Buffer.from(csv(withHeader ? [headers, ...rows] : rows), 'utf8') })),
  fc.tuple(fc.boolean(), table).map(([withHeader, rows]) => ({ fileName: 'roster.xlsx', rows: withHeader ? [headers, ...rows] : rows })),
);

describe('fuzz: roster import', () => {
  it('arbitrary CSV and XLSX bytes: preview and commit answer clearly, and a refused commit stores nothing', async () => {
    const host = tempHost();
    seedDemo(host.database, new Date());
    let before = dumpTables(host.database.sqlite, []);
    await fuzz('roster-import', files, async (file) => {
      const data = 'rows' in file ? await xlsx(file.rows) : file.data;
      const input = { councilId: 1, fileName: file.fileName, dataBase64: data.toString('base64') || 'AA==' };
      const preview = await host.invoke('roster:previewImport', input);
      const afterPreview = dumpTables(host.database.sqlite, []);
      const previewChanged = afterPreview !== before;
      // Each step is judged against the data just before it, so one failure is reported once.
      before = afterPreview;
      const previewProblem = unclear(preview);
      if (previewProblem) return `preview ${file.fileName}: ${previewProblem}`;
      if (previewChanged) return 'preview changed stored data';
      const commit = await host.invoke('roster:commitImport', input);
      const after = dumpTables(host.database.sqlite, []);
      const changed = after !== before;
      before = after;
      const commitProblem = unclear(commit);
      if (commitProblem) return `commit ${file.fileName}: ${commitProblem}`;
      return !commit.ok && changed ? 'refused commit changed stored data' : null;
    });
  }, fuzzTimeout);
});
