/**
 * The minutes as a Word file (docx 9): official typography from ./docx-style.ts, laid out by
 * ./minutes/layout.ts from the sealed record, images by hash. A sealed export also carries
 * the seal itself in a custom XML part (customXml/item1.xml, which Word and WPS keep on save):
 * the canonical record, its digest, the Ed25519 signature and which key made it. The verifier
 * reads that part, checks the signature against the council's registered keys, and compares
 * the visible text and images with a fresh layout of the record.
 */
import { AlignmentType, ImageRun, LineRuleType, Paragraph, type Table, type TextRun } from 'docx';
import { customXmlPartPath, embedCustomXml } from '../../exports/custom-xml';
import { a4Section, body, chineseDocument, heading1, heading2, packDocx, pageNumberFooters, plain, run, sizes, spreadRuns, table, title, type Cell as StyleCell } from '../../exports/docx-style';
import { layoutImages, minutesLayoutOf, type Cell, type ImageRef, type LayoutBlock, type Run, type SealMark } from './minutes-layout';
import { sha256Hex, type SealedRecord } from './record';

export interface SealPart {
  digest: string;
  code: string;
  signature: string;
  keyFingerprint: string;
  /** The canonical JSON that was hashed, byte for byte. */
  canonical: string;
  qrPng: Buffer;
}

export const sealPartPath = customXmlPartPath;
export const sealNamespace = 'urn:courtyard-council:minutes-seal:1';

/** Width and height of a PNG from its header. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 24 || png.readUInt32BE(12) !== 0x49484452) return { width: 300, height: 100 };
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function imageRun(ref: ImageRef, images: Map<string, Buffer>): ImageRun {
  const png = images.get(ref.hash);
  if (!png) throw new Error(`missing image ${ref.hash}`);
  const { width, height } = pngSize(png);
  const scale = Math.min(ref.maxWidth / width, ref.maxHeight / height, 1);
  return new ImageRun({ type: 'png', data: png, transformation: { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) } });
}

function textRuns(runs: Run[], sizePt: number = sizes.san): TextRun[] {
  return runs.flatMap((piece) => {
    const style = { sizePt, bold: piece.bold ?? false, italics: piece.italic, underline: piece.underline, strike: piece.strike };
    if (piece.spreadTo) return spreadRuns(piece.text, piece.spreadTo, style);
    return piece.text.split('\n').map((line, index) => run(line, style, index > 0));
  });
}

/** Lines holding an image size to it: the body's exact 28-pt spacing would clip it. */
const imageSpacing = { spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 60, after: 60 } };

function cellParagraphs(cell: Cell, images: Map<string, Buffer>, sizePt: number): Paragraph[] {
  const paragraphs = cell.lines.map(
    (line) =>
      new Paragraph({
        alignment: cell.alignLeft ? AlignmentType.LEFT : AlignmentType.CENTER,
        ...(sizePt < sizes.san ? { spacing: { line: 400, lineRule: LineRuleType.EXACT } } : {}),
        children: cell.header
          ? line.map((piece) => run(piece.text, { face: 'hei', sizePt, bold: true }))
          : textRuns(line, sizePt),
      }),
  );
  if (cell.image) paragraphs.push(new Paragraph({ alignment: AlignmentType.CENTER, ...imageSpacing, children: [imageRun(cell.image, images)] }));
  return paragraphs.length ? paragraphs : [new Paragraph({ children: [] })];
}

const charIndent = (chars: number) => ({ indent: { left: chars * 320 } });

function toWord(block: LayoutBlock, images: Map<string, Buffer>): Paragraph | Table {
  switch (block.kind) {
    case 'title':
      return title(block.text, {}, false);
    case 'subtitle':
      return plain([run(block.text, { face: 'kai' })], { alignment: AlignmentType.CENTER });
    case 'heading1': {
      const paragraph = heading1(block.text);
      return block.pageBreakBefore ? new Paragraph({ pageBreakBefore: true, keepNext: true, children: [run(block.text, { face: 'hei' })] }) : paragraph;
    }
    case 'heading2':
      return heading2(block.text);
    case 'body':
      return body(textRuns(block.runs), { keepNext: block.keepNext ?? false });
    case 'plain':
      return plain(textRuns(block.runs, block.tiny ? sizes.wu : block.small ? sizes.si : sizes.san), {
        keepNext: block.keepNext ?? false,
        ...(block.tiny ? { spacing: { line: 320, lineRule: LineRuleType.EXACT } } : {}),
        ...(block.align === 'right' ? { alignment: AlignmentType.RIGHT } : block.align === 'center' ? { alignment: AlignmentType.CENTER } : {}),
        ...(block.indentChars ? charIndent(block.indentChars) : {}),
      });
    case 'signature':
      return new Paragraph({
        keepNext: block.keepNext ?? false,
        ...charIndent(2),
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 240, after: 0 },
        children: [run(block.label), imageRun(block.image, images), ...textRuns([{ text: block.after }])],
      });
    case 'image':
      return new Paragraph({ ...imageSpacing, children: [imageRun(block.image, images)] });
    case 'table': {
      const sizePt = block.small ? sizes.si : sizes.san;
      const rows: StyleCell[][] = block.rows.map((cells) =>
        cells.map((cell) => ({ children: cellParagraphs(cell, images, sizePt), ...(cell.span ? { columnSpan: cell.span } : {}) })),
      );
      return table(rows, block.widths, { sizePt });
    }
  }
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function sealXml(record: SealedRecord, seal: SealPart): string {
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    `<courtyardSeal xmlns="${sealNamespace}">`,
    `<meeting>${record.meeting.id}</meeting>`,
    `<version>${record.version}</version>`,
    `<digest>${seal.digest}</digest>`,
    `<code>${escapeXml(seal.code)}</code>`,
    `<key>${seal.keyFingerprint}</key>`,
    `<signature>${seal.signature}</signature>`,
    `<record encoding="base64">${Buffer.from(seal.canonical, 'utf8').toString('base64')}</record>`,
    '</courtyardSeal>',
  ].join('');
}

/** Adds the seal as a custom XML data part, related from the main document so Word keeps it. */
function embedSeal(docx: Buffer, record: SealedRecord, seal: SealPart): Promise<Buffer> {
  return embedCustomXml(docx, { xml: sealXml(record, seal), namespace: sealNamespace, itemId: '{6B1F3C2A-5E0D-4C8B-9A1E-2D7F4B6C8E10}' });
}

export interface MinutesDocxInput {
  record: SealedRecord;
  /** null for a draft: no seal, no verification block. */
  seal: SealPart | null;
  /** PNGs by SHA-256 hex: the handwritten signatures and the sign-in images the record names. */
  images: Map<string, Buffer>;
}

export async function minutesDocx({ record, seal, images }: MinutesDocxInput): Promise<Buffer> {
  const all = new Map(images);
  let mark: SealMark | null = null;
  if (seal) {
    const qrHash = sha256Hex(seal.qrPng);
    all.set(qrHash, seal.qrPng);
    mark = { digest: seal.digest, code: seal.code, qrHash };
  }
  const layout = minutesLayoutOf(record, mark);
  for (const hash of layoutImages(layout)) {
    if (!all.has(hash)) throw new Error(`签名图片缺失（${hash.slice(0, 12)}），无法导出。`);
  }
  const footerNote = mark ? `核验码 ${mark.code}` : '草稿 · 尚未签署';
  const document = chineseDocument([a4Section(layout.map((block) => toWord(block, all)), { footers: pageNumberFooters(footerNote) })], {
    title: `${record.meeting.title} 会议记录`,
  });
  const packed = await packDocx(document);
  return seal ? embedSeal(packed, record, seal) : packed;
}
