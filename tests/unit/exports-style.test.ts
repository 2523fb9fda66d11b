import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { a4Section, body, chineseDocument, heading1, packDocx, table, title } from '../../src-main/host/exports/docx-style';
import { dirname, join } from 'node:path';
import { proposedSavePath, safeFileName } from '../../src-main/host/exports/file-name';

describe('safeFileName', () => {
  it('keeps the Chinese title and date', () => {
    expect(safeFileName(['院落议事会（12 月）', '2026-12-05'], 'docx')).toBe('院落议事会（12 月） 2026-12-05.docx');
  });
  it('removes path separators, control characters and leading dots', () => {
    const name = safeFileName(['../../etc/passwd\u0000\n', '会议'], 'docx');
    expect(['/', '\\', '\u0000', '\n'].some((bad) => name.includes(bad))).toBe(false);
    expect(name.startsWith('.')).toBe(false);
    expect(name.endsWith('.docx')).toBe(true);
  });
  it('never returns an empty or device name', () => {
    expect(safeFileName(['///'], 'docx')).toBe('导出.docx');
    expect(safeFileName(['CON'], 'pdf')).toBe('导出 CON.pdf');
  });
});

describe('proposedSavePath (the desktop save dialog)', () => {
  const folder = join('/home', '居委会', '文档');
  it('puts the Chinese name in the chosen folder', () => {
    expect(proposedSavePath(folder, '院落议事会（12 月） 2026-12-05 会议记录.docx')).toBe(join(folder, '院落议事会（12 月） 2026-12-05 会议记录.docx'));
  });
  it('never leaves the folder, whatever the name says', () => {
    for (const name of ['../../etc/passwd.docx', '..\\..\\Windows\\system.ini', '/etc/cron.d/x.docx', '..', '', 'CON.docx', 'a\u0000b.docx']) {
      const path = proposedSavePath(folder, name);
      expect(dirname(path)).toBe(folder);
      const file = path.slice(folder.length + 1);
      expect(file).not.toMatch(/^\.|[\\/]/);
      expect(file.includes('\u0000')).toBe(false);
    }
  });
});

describe('docx style', () => {
  it('names East Asian faces on every run', async () => {
    const doc = chineseDocument([a4Section([title('会议纪要'), heading1('一、议题'), body('正文'), table([['甲', '乙'], ['1', '2']], [0.5, 0.5])])], {
      title: '会议纪要',
    });
    const zip = await JSZip.loadAsync(await packDocx(doc));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('w:eastAsia="宋体"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toContain('会议纪要');
  });
});
