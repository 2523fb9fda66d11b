/**
 * Chinese official-document typography for every Word file the app writes (minutes, notices,
 * compacts), after GB/T 9704: A4, margins 37/35/28/26 mm, title in 2号 (22 pt) Song bold,
 * body in 3号 (16 pt) FangSong with a two-character first-line indent, level-1 headings in
 * 3号 Hei, level-2 in 3号 Kai, page numbers "— 1 —" in 4号 (14 pt) Song.
 *
 * Every run names its East Asian face (w:eastAsia) and hints eastAsia, with language zh-CN, so
 * Word and WPS pick the Chinese face instead of falling back to a Latin one.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
  type ISectionOptions,
} from 'docx';

export const faces = {
  song: '宋体',
  fangsong: '仿宋',
  hei: '黑体',
  kai: '楷体',
} as const;
export type Face = keyof typeof faces;

/** Point sizes of the Chinese size names used in official documents. */
export const sizes = { er: 22, san: 16, si: 14, xiaosi: 12, wu: 10.5 } as const;

const mm = (value: number) => Math.round((value / 25.4) * 1440);

export function fontOf(face: Face) {
  const name = faces[face];
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' as const };
}

const zh = { value: 'zh-CN', eastAsia: 'zh-CN' };

export interface RunStyle {
  face?: Face;
  sizePt?: number;
  bold?: boolean;
  /** Marks people give text in the minutes editor. */
  italics?: boolean;
  underline?: boolean;
  strike?: boolean;
}

/** One run of Chinese text on one line. */
export function run(text: string, style: RunStyle = {}, breakBefore = false): TextRun {
  const { face = 'fangsong', sizePt = sizes.san, bold = false, italics, underline, strike } = style;
  return new TextRun({
    text,
    font: fontOf(face),
    size: Math.round(sizePt * 2),
    bold,
    language: zh,
    ...(italics ? { italics: true } : {}),
    ...(underline ? { underline: {} } : {}),
    ...(strike ? { strike: true } : {}),
    ...(breakBefore ? { break: 1 } : {}),
  });
}

/** Runs for text that may hold line breaks: each further line starts with a break. */
export function runs(text: string, style: RunStyle = {}): TextRun[] {
  return text.split('\n').map((line, index) => run(line, style, index > 0));
}

/** Fixed 28-pt line spacing: 22 lines to an A4 page at 3号, as GB/T 9704 asks. */
const bodySpacing = { line: 560, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

export function title(text: string, options: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 560, line: 700, lineRule: LineRuleType.EXACT },
    ...options,
    children: [run(text, { face: 'song', sizePt: sizes.er, bold: true })],
  });
}

export function heading1(text: string): Paragraph {
  return new Paragraph({
    spacing: bodySpacing,
    indent: { firstLine: 640 },
    keepNext: true,
    children: [run(text, { face: 'hei' })],
  });
}

export function heading2(text: string): Paragraph {
  return new Paragraph({
    spacing: bodySpacing,
    indent: { firstLine: 640 },
    keepNext: true,
    children: [run(text, { face: 'kai', bold: true })],
  });
}

/** A body paragraph: FangSong 3号, indented two characters. */
export function body(text: string | TextRun[], options: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    spacing: bodySpacing,
    indent: { firstLine: 640 },
    ...options,
    children: typeof text === 'string' ? runs(text) : text,
  });
}

/** A paragraph without indent, e.g. a right-aligned signature line or date. */
export function plain(text: string | TextRun[], options: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    spacing: bodySpacing,
    ...options,
    children: typeof text === 'string' ? runs(text) : text,
  });
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
export const tableBorders = { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin };

export type Cell = string | Paragraph[] | { children: Paragraph[]; columnSpan?: number };

/**
 * A bordered table in 4号 FangSong (tables are denser than body text). The first row is the
 * header, repeated on every page. Widths are fractions of the text width (sum to 1).
 */
export function table(rows: Cell[][], widths: number[], { sizePt = sizes.si }: { sizePt?: number } = {}): Table {
  const textWidth = 11906 - mm(28) - mm(26);
  const columnWidths = widths.map((fraction) => Math.floor(fraction * textWidth));
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths,
    borders: tableBorders,
    rows: rows.map(
      (cells, rowIndex) =>
        new TableRow({
          tableHeader: rowIndex === 0,
          cantSplit: true,
          children: cells.map((cell, cellIndex) => {
            const children =
              typeof cell === 'string'
                ? [
                    new Paragraph({
                      alignment: AlignmentType.CENTER,
                      children: [run(cell, { sizePt, bold: rowIndex === 0, face: rowIndex === 0 ? 'hei' : 'fangsong' })],
                    }),
                  ]
                : Array.isArray(cell)
                  ? cell
                  : cell.children;
            const columnSpan = typeof cell === 'object' && !Array.isArray(cell) ? cell.columnSpan : undefined;
            return new TableCell({
              children,
              verticalAlign: VerticalAlign.CENTER,
              margins: { top: 60, bottom: 60, left: 80, right: 80 },
              width: { size: columnWidths[cellIndex] ?? 0, type: WidthType.DXA },
              ...(columnSpan ? { columnSpan } : {}),
            });
          }),
        }),
    ),
  });
}

/**
 * Page numbers "— 1 —" centred at the foot of each page, as official documents have them;
 * an optional note (e.g. the minutes' verification code) in 5号 Song on a line below.
 */
export function pageNumberFooter(note?: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: fontOf('song'),
            size: sizes.si * 2,
            language: zh,
          }),
        ],
      }),
      ...(note ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(note, { face: 'song', sizePt: sizes.wu })] })] : []),
    ],
  });
}

/** An A4 portrait section with the official margins and page-number footer. */
export function a4Section(children: ISectionOptions['children'], extra: Partial<ISectionOptions> = {}): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: 11906, height: 16838 },
        margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(20) },
      },
    },
    footers: { default: pageNumberFooter() },
    ...extra,
    children,
  };
}

/** A document with Chinese defaults (FangSong 3号, zh-CN) so even unstyled runs render in a Chinese face. */
export function chineseDocument(sections: ISectionOptions[], meta: { title: string; creator?: string }): Document {
  return new Document({
    title: meta.title,
    creator: meta.creator ?? '院落议事',
    styles: {
      default: {
        document: {
          run: { font: fontOf('fangsong'), size: sizes.san * 2, language: zh },
          paragraph: { spacing: bodySpacing },
        },
      },
    },
    sections,
  });
}

export function packDocx(document: Document): Promise<Buffer> {
  return Packer.toBuffer(document);
}

export const docxMimeType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
