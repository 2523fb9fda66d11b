import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { a4Section, body, chineseDocument, heading1, packDocx, table, title, titleLines } from '../../src-main/host/exports/docx-style';
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
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toContain('会议纪要');
    // Page numbers in 宋体 on the outer side: odd pages right, even pages left.
    const footers = await Promise.all(['word/footer1.xml', 'word/footer2.xml'].map((name) => zip.file(name)!.async('string')));
    expect(footers.join('')).toContain('w:eastAsia="宋体"');
    expect(footers.map((footer) => /<w:jc w:val="(\w+)"/.exec(footer)?.[1]).sort()).toEqual(['left', 'right']);
    expect(await zip.file('word/settings.xml')!.async('string')).toContain('<w:evenAndOddHeaders/>');
  });

  it('lays the page on a grid of 22 lines, sets 3号 for 28 characters a line, and names each face with its fallback', async () => {
    const zip = await JSZip.loadAsync(await packDocx(chineseDocument([a4Section([title('会议纪要'), body('正文'), table([['甲'], ['1']], [1])])], { title: '会议纪要' })));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:docGrid w:type="lines" w:linePitch="579"/>');
    expect(xml).toMatch(/<w:spacing w:val="-5"\/><w:sz w:val="32"\/>/);
    // A table keeps its own line spacing, off the grid.
    expect(xml).toMatch(/<w:tc>.*<w:snapToGrid w:val="0"\/><w:jc/s);
    const fonts = await zip.file('word/fontTable.xml')!.async('string');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    for (const face of ['宋体', '仿宋', '黑体', '楷体']) expect(fonts).toContain(`<w:font w:name="${face}">`);
  });

  it('breaks a long title between words, into lines of near equal length', () => {
    expect(titleLines('院落议事会（12 月）会议记录')).toEqual(['院落议事会（12 月）会议记录']);
    const lines = titleLines('平安小区院落议事会关于第四季度决议落实情况的公示');
    expect(lines).toEqual(['平安小区院落议事会关于', '第四季度决议落实情况的公示']);
    const long = '平安小区院落议事会关于加装电梯费用分摊方案及一楼住户补偿办法征求意见情况和落实进度的公示';
    const broken = titleLines(long);
    expect(broken.join('')).toBe(long);
    expect(broken.length).toBe(3);
    for (const line of broken) expect(Array.from(line).length).toBeLessThanOrEqual(20);
    // No line starts with a closing mark.
    for (const line of titleLines('关于（一号楼）与（二号楼）之间绿化带、停车位和垃圾房位置调整的公示')) expect(line).not.toMatch(/^[，。、）】》”]/);
  });
});
