/**
 * Word files through LibreOffice, as a person would open them: converted to PDF with the CJK
 * fonts the Debian machine has (宋体/仿宋/楷体 mapped to Noto Serif CJK, 黑体 to Noto Sans CJK, as
 * Word on a Chinese Windows would use its own faces), then read back with poppler's tools.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const fontMap: Array<[string, string]> = [
  ['方正小标宋简体', 'Noto Serif CJK SC'],
  ['宋体', 'Noto Serif CJK SC'],
  ['仿宋', 'Noto Serif CJK SC'],
  ['楷体', 'Noto Serif CJK SC'],
  ['黑体', 'Noto Sans CJK SC'],
];

/** Converts `<work>/<name>.docx` (written from `docx`) to `<work>/<name>.pdf` and returns its path. */
export function docxToPdf(work: string, name: string, docx: Buffer): string {
  const fonts = join(work, 'fonts.conf');
  const rules = fontMap
    .map(([from, to]) => `<match target="pattern"><test name="family"><string>${from}</string></test><edit name="family" mode="assign" binding="strong"><string>${to}</string></edit></match>`)
    .join('');
  writeFileSync(fonts, `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>${rules}</fontconfig>`);
  const input = join(work, `${name}.docx`);
  writeFileSync(input, docx);
  execFileSync('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', work, input], {
    env: { ...process.env, FONTCONFIG_FILE: fonts },
    timeout: 120_000,
    stdio: 'pipe',
  });
  if (!readdirSync(work).includes(`${name}.pdf`)) throw new Error(`LibreOffice made no ${name}.pdf`);
  return join(work, `${name}.pdf`);
}

/** Opens `docx` in LibreOffice and saves it again as .docx, as an office re-saving a file would; returns the new file. */
export function resaveDocx(work: string, name: string, docx: Buffer): Buffer {
  const input = join(work, 'in');
  const output = join(work, 'out');
  mkdirSync(input, { recursive: true });
  mkdirSync(output, { recursive: true });
  writeFileSync(join(input, `${name}.docx`), docx);
  execFileSync('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', '--convert-to', 'docx', '--outdir', output, join(input, `${name}.docx`)], {
    timeout: 120_000,
    stdio: 'pipe',
  });
  return readFileSync(join(output, `${name}.docx`));
}

/** The PDF's text in reading layout. */
export function pdfText(pdf: string): string {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}

/** The images placed in the PDF, as their `width height` in pixels. */
export function pdfImageSizes(pdf: string): string[] {
  return execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => /^\s*\d+\s+\d+\s+image\s/.test(line))
    .map((line) => {
      const [, , , width, height] = line.trim().split(/\s+/);
      return `${width} ${height}`;
    });
}

/** The fonts the PDF embeds (pdffonts' table). */
export function pdfFonts(pdf: string): string {
  return execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
}

export function pdfPages(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
}

/** Renders every page to `<work>/<prefix>-N.png` (60 dpi) for a person to look at; returns the file names. */
export function pdfToPngs(work: string, pdf: string, prefix: string): string[] {
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(work, prefix)]);
  return readdirSync(work).filter((name) => new RegExp(`^${prefix}-\\d+\\.png$`).test(name));
}
