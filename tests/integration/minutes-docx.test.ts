/**
 * The Word minutes opened as a street office would: the XML inside the .docx, then the PDF
 * LibreOffice makes of it (text and images), with 宋体/仿宋/黑体/楷体 mapped to Noto CJK SC by a
 * fontconfig file as Word on a Chinese Windows would pick SimSun/FangSong/SimHei/KaiTi.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxToPdf, pdfText, pdfImageSizes, pdfFonts } from './libreoffice';
import { heldMeeting, signBoth } from './seals-fixture';
import { tempHost } from './temp-host';

let docx: Buffer;
let fileName: string;
let code: string;
let digest: string;
const work = mkdtempSync(join(tmpdir(), 'courtyard-docx-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(async () => {
  const held = await heldMeeting(tempHost());
  const status = await signBoth(held);
  code = status.seals[0]!.code;
  digest = status.seals[0]!.digest;
  const file = await held.host.ok('seals:export', { meetingId: held.meetingId, version: null });
  docx = Buffer.from(file.dataBase64, 'base64');
  fileName = file.fileName;
});

describe('the Word minutes', () => {
  it('hold every part the issue lists, in Chinese official typography', async () => {
    expect(fileName).toBe('院落议事会（12 月） 会议记录 2026年12月2日.docx');
    const zip = await JSZip.loadAsync(docx);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    // A4, GB/T 9704 margins, East Asian faces and language on the runs.
    expect(xml).toContain('w:pgSz w:w="11906" w:h="16838"');
    for (const face of ['方正小标宋简体', '仿宋', '黑体', '楷体']) expect(xml).toContain(`w:eastAsia="${face}"`);
    expect(xml).toContain('w:hint="eastAsia"');
    expect(xml).toContain('w:eastAsia="zh-CN"');
    expect(xml).toContain('<w:sz w:val="44"/>'); // title in 2号
    // Header block with names.
    for (const part of ['院落议事会（12 月）会议记录', '会议名称：', '时间：2026年12月2日', '主持人：王建国', '记录人：李秀英', '应到人数：7 人', '实到人数：5 人（王建国、李秀英、何兆品、张桂兰、刘德华）', '缺席人数：2 人（陈淑珍、赵卫东）', '列席人员：1 人（孙网格）', '陈淑珍（2-2-102）委托何兆品']) {
      expect(text).toContain(part);
    }
    // The minutes text: heading, marks, lists, the editor's table, a generated block; the generated header is not repeated.
    expect(text).toContain('议题一：增设电动车集中充电桩');
    expect(xml).toMatch(/<w:b\/>.*?20 个充电口/s);
    expect(xml).toMatch(/<w:i\/>.*?公共收益/s);
    expect(xml).toMatch(/<w:u w:val="single"\/>.*?杜绝飞线充电/s);
    expect(text).toContain('• 何兆品：支持，建议加装雨棚。');
    expect(text).toContain('2. 再由物业报价。');
    expect(text).toContain('集中充电桩');
    expect(text).toContain('36000');
    expect(text).toContain('多数意见支持阶梯收费。');
    expect(text).not.toContain('生成的页眉');
    // A table per vote: counts by headcount and area, rule, outcome and explanation.
    for (const part of ['三、表决情况', '表决选项', '同意', '反对', '弃权', '专有面积（㎡）', '适用规则', '业主共同决定一般事项', '表决结果', '结果说明', '记名表决']) {
      expect(text).toContain(part);
    }
    expect(text).toMatch(/通过要求/);
    // Resolutions and tasks, closing, signatures, the sign-in sheet and the verification block.
    for (const part of ['会议决议', '经表决通过', '任务分工', '散会。', '主持人（签字）：', '记录人（签字）：', '签字日期：', '附件：签到表', '孙网格（列席）', '3-2-501', '核验码：', code, digest]) {
      expect(text).toContain(part);
    }
    expect(xml).toContain('w:pageBreakBefore');
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(6 + 2 + 1); // six sign-ins, two handwritten signatures, the QR code
    const footer = await zip.file('word/footer1.xml')!.async('string');
    expect(footer).toContain(`核验码 ${code}`);
    expect(footer).toContain('PAGE');
    const seal = await zip.file('customXml/item1.xml')!.async('string');
    expect(seal).toContain(`<digest>${digest}</digest>`);
    expect(await zip.file('word/_rels/document.xml.rels')!.async('string')).toContain('../customXml/item1.xml');
  });

  it('converts with LibreOffice to a PDF showing the Chinese text, the signature images and the QR code', () => {
    const pdf = docxToPdf(work, 'minutes', docx);
    const text = pdfText(pdf);
    for (const part of ['会议记录', '主 持 人：王建国', '表决情况', '杜绝飞线充电', '附件：签到表', '何兆品', code]) expect(text).toContain(part);
    const images = pdfImageSizes(pdf);
    expect(images.filter((size) => size === '360 120')).toHaveLength(8); // 6 sign-in + 2 handwritten signatures
    expect(images.filter((size) => size === '240 240')).toHaveLength(1); // the QR code
    const fontsUsed = pdfFonts(pdf);
    expect(fontsUsed).toMatch(/NotoSerifCJK/);
    expect(fontsUsed).toMatch(/NotoSansCJK/);
  }, 180_000);
});
