/** The announcement notice through LibreOffice: it opens, shows the Chinese text, the agenda and the QR code. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
    const fonts = join(work, 'fonts.conf');
    const map = (from: string, to: string) =>
      `<match target="pattern"><test name="family"><string>${from}</string></test><edit name="family" mode="assign" binding="strong"><string>${to}</string></edit></match>`;
    writeFileSync(
      fonts,
      `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>${map('宋体', 'Noto Serif CJK SC')}${map('仿宋', 'Noto Serif CJK SC')}${map('楷体', 'Noto Serif CJK SC')}${map('黑体', 'Noto Sans CJK SC')}</fontconfig>`,
    );
    const input = join(work, 'notice.docx');
    writeFileSync(input, Buffer.from(file.dataBase64, 'base64'));
    execFileSync('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', work, input], {
      env: { ...process.env, FONTCONFIG_FILE: fonts },
      timeout: 120_000,
      stdio: 'pipe',
    });
    expect(readdirSync(work)).toContain('notice.pdf');
    const pdf = join(work, 'notice.pdf');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const part of ['关于召开院落议事会(12月)的通知', '各位居民朋友', '一、会议时间', '平安小区活动室', '三、会议议题', '小广场地面重新铺装', '增设电动车集中充电桩', '一户多车阶梯停车收费', '5栋顶楼漏水维修费用分摊', '扫描下方二维码', '特此通知', '平安小区院落议事会']) {
      expect(text).toContain(part);
    }
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => /^\s*\d+\s+\d+\s+image\s/.test(line));
    expect(images.filter((line) => /\s300\s+300\s/.test(line))).toHaveLength(1); // the QR code
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeLessThanOrEqual(2);
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(work, 'notice')]);
    expect(readdirSync(work).some((name) => /^notice-\d+\.png$/.test(name))).toBe(true);
  }, 180_000);
});
