/** The compact through LibreOffice: it opens, shows the Chinese text in a Chinese face, and the drawn signatures. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docxToPdf, pdfText, pdfImageSizes, pdfFonts, pdfToPngs } from './libreoffice';
import { adoptedCompact, padSignature, secondDraft } from './compacts-fixture';

const work = mkdtempSync(join(tmpdir(), 'courtyard-compact-'));
afterAll(() => {
  // Keep the files for a person to look at (KEEP_COMPACT_PDF=1).
  if (!process.env.KEEP_COMPACT_PDF) rmSync(work, { recursive: true, force: true });
  else console.log(`compact files kept in ${work}`);
});

describe('compact in LibreOffice', () => {
  it('converts to a PDF with the title, adoption line, articles, signature table and the two drawn signatures', async () => {
    const { host, councilId, version2, passed } = await adoptedCompact();
    await host.ok('compacts:adopt', { versionId: version2.id, voteId: passed.voteId });
    const households = await host.ok('household:list', { councilId });
    const id = (code: string) => households.find((h) => h.code === code)!.id;
    await host.ok('compacts:sign', { versionId: version2.id, householdId: id('1-1-101'), signerName: '何兆品', mode: 'pad', signaturePngBase64: padSignature(3), signedOn: null });
    await host.ok('compacts:sign', { versionId: version2.id, householdId: id('1-1-202'), signerName: '张桂兰', mode: 'pad', signaturePngBase64: padSignature(4), signedOn: null });
    await host.ok('compacts:sign', { versionId: version2.id, householdId: id('1-1-301'), signerName: '王建国', mode: 'paper', signaturePngBase64: null, signedOn: '2026-01-03' });
    const file = await host.ok('compacts:export', { versionId: version2.id });
    const pdf = docxToPdf(work, 'compact', Buffer.from(file.dataBase64, 'base64'));

    const text = pdfText(pdf).replace(/\s+/g, '');
    for (const part of ['平安小区文明公约', '（第2版）', '表决通过（同意5票，反对0票，弃权0票', '第一条', '第四条', '住户签字', '户号户代表签字日期', '1-1-301王建国已在纸面签字2026年1月3日', '平安小区院落议事会']) {
      expect(text).toContain(part);
    }
    for (const article of secondDraft) expect(text).toContain(article.replace(/\s+/g, ''));
    const fonts = pdfFonts(pdf);
    // 仿宋 and 宋体 came out in the serif face (unmapped they fall back to Noto Sans CJK). LibreOffice names a
    // subset from a .ttc collection after its first face (…CJKjp…) whichever face it used, so the name says no more.
    expect(fonts).toMatch(/NotoSerifCJK/);
    expect(fonts).toMatch(/NotoSansCJK/); // 黑体 for the article numbers and the table header
    const images = pdfImageSizes(pdf);
    expect(images.filter((size) => size === '360 120')).toHaveLength(2); // the two signatures, at their own size
    expect(pdfToPngs(work, pdf, 'compact').length).toBeGreaterThanOrEqual(2);
  }, 180_000);
});
