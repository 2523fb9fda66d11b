/**
 * The page of every Word file the app writes, as LibreOffice sets it: 28 characters of 3号 on a
 * line, page numbers on the outer side (odd pages right, even pages left), and a long title broken
 * between words.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { a4Section, body, chineseDocument, packDocx, title } from '../../src-main/host/exports/docx-style';
import { docxToPdf } from './libreoffice';
import { execFileSync } from 'node:child_process';

const work = mkdtempSync(join(tmpdir(), 'courtyard-page-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const pageText = (pdf: string, page: number) => execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });

describe('the page', () => {
  it('holds 28 characters a line and numbers odd pages on the right, even pages on the left', async () => {
    const sentence = '院落居民就公共事务充分协商形成共识按照议事规则表决通过并公示落实情况接受监督';
    const paragraphs = Array.from({ length: 30 }, () => body(sentence.repeat(3)));
    const docx = await packDocx(chineseDocument([a4Section([title('平安小区院落议事会关于第四季度决议落实情况的公示'), ...paragraphs])], { title: '测试' }));
    const pdf = docxToPdf(work, 'page', docx);
    const lines = pageText(pdf, 1)
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => /^[\u4e00-\u9fff]+$/.test(line));
    // Lines inside a paragraph (not its indented first line, not its short last line) are full: 28 characters.
    const full = lines.filter((line) => line.length >= 20);
    expect(full.length).toBeGreaterThan(8);
    expect(new Set(full.map((line) => Array.from(line).length)).size).toBeLessThanOrEqual(2);
    expect(full.filter((line) => Array.from(line).length === 28).length).toBeGreaterThan(8);
    // The title in two lines, broken after 关于.
    expect(pageText(pdf, 1)).toMatch(/平安小区院落议事会关于\s*\n\s*第四季度决议落实情况的公示/);
    // Page numbers: "— 1 —" far right on page 1, "— 2 —" at the left on page 2.
    // Where on the page (in points from the left) each page's number stands, read from the PDF's word boxes.
    const numberX = (page: number) => {
      const boxes = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
      const box = [...boxes.matchAll(/<word xMin="([\d.]+)"[^>]*>(\S+)<\/word>/g)].find((match) => match[2] === String(page));
      return Number(box![1]);
    };
    const a4Width = 595;
    expect(numberX(1)).toBeGreaterThan(a4Width * 0.75);
    expect(numberX(2)).toBeLessThan(a4Width * 0.25);
  }, 180_000);

  it('never breaks a line inside a number (Latin text is en-US, Chinese zh-CN)', async () => {
    // At 3号 with a two-character indent, this line ends just inside 15 when digits break as Chinese does.
    const sentence = '为共商院落事务，平安小区院落议事会定于2026年12月15日（星期二）晚上 19:00在平安小区活动室召开院落议事会（12 月），欢迎各位居民（户代表）准时参加。';
    const docx = await packDocx(chineseDocument([a4Section([body(sentence)])], { title: '测试' }));
    const text = pageText(docxToPdf(work, 'digits', docx), 1);
    expect(text).toMatch(/15\s*日/);
    expect(text).not.toMatch(/1\s*\n\s*5\s*日/);
  }, 180_000);
});
