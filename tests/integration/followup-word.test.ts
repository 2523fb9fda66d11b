/** The announcement notice through LibreOffice: it opens, shows the Chinese text, the agenda and the QR code. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docxToPdf, pdfText, pdfImageSizes, pdfPages, pdfToPngs } from './libreoffice';
import { followupDemo } from './followup-fixture';

const work = mkdtempSync(join(tmpdir(), 'courtyard-notice-'));
afterAll(() => {
  // Keep the files for a person to look at when asked to (KEEP_NOTICE_PDF=1).
  if (!process.env.KEEP_NOTICE_PDF) rmSync(work, { recursive: true, force: true });
  else console.log(`notice files kept in ${work}`);
});

describe('announcement notice in LibreOffice', () => {
  it('converts to a PDF with the title, time, place, agenda and the QR image', async () => {
    const { host, planned } = await followupDemo();
    const file = await host.ok('followup:exportNotice', { meetingId: planned.id, publicBaseUrl: 'http://192.168.1.10:5173' });
    const pdf = docxToPdf(work, 'notice', Buffer.from(file.dataBase64, 'base64'));
    const text = pdfText(pdf).replace(/\s+/g, '');
    for (const part of ['关于召开院落议事会（12月）的通知', '各位居民朋友', '一、会议时间', '平安小区活动室', '三、会议议题', '小广场地面重新铺装', '增设电动车集中充电桩', '一户多车阶梯停车收费', '5栋顶楼漏水维修费用分摊', '扫描下方二维码', '特此通知', '平安小区院落议事会']) {
      expect(text).toContain(part);
    }
    const images = pdfImageSizes(pdf);
    expect(images.filter((size) => size === '300 300')).toHaveLength(1); // the QR code
    expect(pdfPages(pdf)).toBeLessThanOrEqual(2);
    expect(pdfToPngs(work, pdf, 'notice').length).toBeGreaterThan(0);
  }, 180_000);
});
