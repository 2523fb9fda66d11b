/**
 * Chinese official-document typography for every Word file the app writes (minutes, notices,
 * compacts), after GB/T 9704: A4, margins 37/35/28/26 mm, a document grid of 22 lines of 28
 * characters, title in 2号 (22 pt) 方正小标宋简体 broken between words, body in 3号 (16 pt)
 * FangSong with a two-character first-line indent, level-1 headings in 3号 Hei, level-2 in 3号
 * Kai, page numbers "— 1 —" in 4号 (14 pt) Song on the outer side (odd pages right, even left).
 * The font table names each face with its fallback, so a computer without 方正小标宋简体 uses 宋体.
 *
 * Every run names its East Asian face (w:eastAsia) and hints eastAsia, with language zh-CN, so
 * Word and WPS pick the Chinese face instead of falling back to a Latin one.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
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
import JSZip from 'jszip';

export const faces = {
  /** The title face of official documents; the font table falls back to 宋体 where it is missing. */
  xiaobiaosong: '方正小标宋简体',
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

/**
 * Chinese text as Word writes it for a Chinese document: East Asian text in zh-CN, Latin text
 * (digits, times, codes) in en-US. With zh-CN for the Latin text too, LibreOffice broke a line
 * inside a number (2026年12月1 / 5日).
 */
const zh = { value: 'en-US', eastAsia: 'zh-CN' };

export interface RunStyle {
  face?: Face;
  sizePt?: number;
  bold?: boolean;
  /** Marks people give text in the minutes editor. */
  italics?: boolean;
  underline?: boolean;
  strike?: boolean;
  /** Extra space after each character, in twentieths of a point (negative: condensed). */
  spacingTwips?: number;
}

/**
 * 28 characters of 3号 on a 156 mm line: each is set 0.25 pt narrower (16 pt × 28 is 158 mm). Word
 * would do this through a character grid, but LibreOffice (and what reads the file through it) gives
 * a character wider than its grid cell two cells, 14 a line; condensing gives 28 in both.
 */
const bodyCondensing = (sizePt: number) => (sizePt === sizes.san ? -5 : 0);

/** One run of Chinese text on one line. */
export function run(text: string, style: RunStyle = {}, breakBefore = false): TextRun {
  const { face = 'fangsong', sizePt = sizes.san, bold = false, italics, underline, strike, spacingTwips = bodyCondensing(sizePt) } = style;
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
    ...(spacingTwips ? { characterSpacing: spacingTwips } : {}),
  });
}

/**
 * A label spread over `width` characters (时间 as wide as 会议名称), as 时间 padded with ideographic spaces looks but with no
 * spaces in the text: the space goes between the characters, none after the last.
 */
export function spreadRuns(text: string, width: number, style: RunStyle = {}): TextRun[] {
  const chars = Array.from(text);
  if (chars.length < 2 || chars.length >= width) return [run(text, style)];
  const sizePt = style.sizePt ?? sizes.san;
  const gap = Math.round(((width - chars.length) * sizePt * 20) / (chars.length - 1)) + bodyCondensing(sizePt);
  return [run(chars.slice(0, -1).join(''), { ...style, spacingTwips: gap }), run(chars[chars.length - 1]!, style)];
}

/** Runs for text that may hold line breaks: each further line starts with a break. */
export function runs(text: string, style: RunStyle = {}): TextRun[] {
  return text.split('\n').map((line, index) => run(line, style, index > 0));
}

/** Fixed 28-pt line spacing: 22 lines to an A4 page at 3号, as GB/T 9704 asks. */
const bodySpacing = { line: 560, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

/** Characters of 2号 on one line of the 156 mm text width. */
export const titleCharsPerLine = 20;

const opening = /^[（(“‘「《〈【]+$/;
const closing = /^[，。、；：？！）)”’」》〉】…—]+/;
/** A Latin letter, digit or space takes half the width of a Chinese character. */
const widthOf = (text: string) => Array.from(text).reduce((sum, char) => sum + (/[\u0020-\u007e]/.test(char) ? 0.5 : 1), 0);

/** Words after which a title reads well broken (关于… / …的 / …和): the line keeps its sense whole. */
const goodBreakAfter = /(的|之|和|及|与|关于|对于|就)$/;
const goodBreakBefore = /^(关于|对于)/;

/**
 * A title too long for one line, broken between words (GB/T 9704: 回行时词意完整，排列对称):
 * as few lines as fit, each as near the same length as it can be, preferring breaks after 的,
 * 和, 关于 and the like over a break inside a phrase (第四|季度), never a line that starts with a
 * closing mark or ends with an opening one. Words come from the runtime's Chinese word segmenter
 * (ICU's dictionary), not from a list of our own.
 */
export function titleLines(text: string, perLine = titleCharsPerLine): string[] {
  if (widthOf(text) <= perLine) return [text];
  const words: string[] = [];
  for (const { segment } of new Intl.Segmenter('zh-CN', { granularity: 'word' }).segment(text)) {
    const last = words[words.length - 1];
    // Marks stay with the word they belong to: a closing one with the word before, an opening one with the word after.
    if (last !== undefined && (closing.test(segment) || opening.test(last))) words[words.length - 1] = last + segment;
    else if (widthOf(segment) > perLine) words.push(...(Array.from(segment).join('\u0000').split('\u0000')));
    else words.push(segment);
  }
  const lineCount = Math.ceil(widthOf(text) / perLine);
  const target = widthOf(text) / lineCount;
  const breakCost = (index: number) =>
    goodBreakAfter.test(words[index - 1]!) || goodBreakBefore.test(words[index]!) ? 0 : 6;
  // Least cost of laying words[from..] out in `lines` lines: squared distance from the even length, plus each break's cost.
  const memo = new Map<string, { cost: number; breaks: number[] }>();
  const best = (from: number, lines: number): { cost: number; breaks: number[] } => {
    const key = `${from}:${lines}`;
    const known = memo.get(key);
    if (known) return known;
    let result = { cost: Infinity, breaks: [] as number[] };
    let width = 0;
    for (let to = from + 1; to <= words.length; to += 1) {
      width += widthOf(words[to - 1]!);
      if (width > perLine) break;
      const here = (width - target) ** 2;
      if (to === words.length) {
        if (lines === 1 && here < result.cost) result = { cost: here, breaks: [] };
        break;
      }
      if (lines > 1) {
        const rest = best(to, lines - 1);
        const cost = here + breakCost(to) + rest.cost;
        if (cost < result.cost) result = { cost, breaks: [to, ...rest.breaks] };
      }
    }
    memo.set(key, result);
    return result;
  };
  let plan = best(0, lineCount);
  for (let lines = lineCount + 1; plan.cost === Infinity && lines <= words.length; lines += 1) plan = best(0, lines);
  const edges = [0, ...plan.breaks, words.length];
  return edges.slice(1).map((end, index) => words.slice(edges[index], end).join(''));
}

/**
 * The document's title: 2号 小标宋, centred, broken between words when long. The signed minutes
 * pass `breakLines: false`: their layout decides the lines, since a verifier compares them.
 */
export function title(text: string, options: Partial<IParagraphOptions> = {}, breakLines = true): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 560, line: 700, lineRule: LineRuleType.EXACT },
    ...options,
    children: runs(breakLines ? titleLines(text).join('\n') : text, { face: 'xiaobiaosong', sizePt: sizes.er }),
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
 * Page numbers "— 1 —" at the foot of each page on the outer side, one character in from the
 * edge of the text (GB/T 9704: 单页码居右空一字，双页码居左空一字); an optional note (e.g. the
 * minutes' verification code) in 5号 Song on a line below, on the same side.
 */
export function pageNumberFooters(note?: string): { default: Footer; even: Footer } {
  return { default: pageNumberFooter('odd', note), even: pageNumberFooter('even', note) };
}

const oneCharacterOfSi = sizes.si * 20;

function pageNumberFooter(side: 'odd' | 'even', note?: string): Footer {
  const place =
    side === 'odd'
      ? { alignment: AlignmentType.RIGHT, indent: { right: oneCharacterOfSi } }
      : { alignment: AlignmentType.LEFT, indent: { left: oneCharacterOfSi } };
  return new Footer({
    children: [
      new Paragraph({
        ...place,
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: fontOf('song'),
            size: sizes.si * 2,
            language: zh,
          }),
        ],
      }),
      ...(note ? [new Paragraph({ ...place, children: [run(note, { face: 'song', sizePt: sizes.wu })] })] : []),
    ],
  });
}

/** 225 mm of text at 22 lines a page, in twentieths of a point: the document grid's lines (the 28 characters come from the runs). */
const linePitch = Math.floor(mm(225) / 22);

/** An A4 portrait section with the official margins, the 22-line document grid and the page-number footers. */
export function a4Section(children: ISectionOptions['children'], extra: Partial<ISectionOptions> = {}): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: 11906, height: 16838 },
        margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(20) },
      },
      grid: { type: DocumentGridType.LINES, linePitch },
    },
    footers: pageNumberFooters(),
    ...extra,
    children,
  };
}

/** A document with Chinese defaults (FangSong 3号, zh-CN) so even unstyled runs render in a Chinese face. */
export function chineseDocument(sections: ISectionOptions[], meta: { title: string; creator?: string }): Document {
  return new Document({
    title: meta.title,
    // Odd and even pages carry their page numbers on their own outer side.
    evenAndOddHeaderAndFooters: true,
    creator: meta.creator ?? '院落议事',
    styles: {
      default: {
        document: {
          run: { font: fontOf('fangsong'), size: sizes.san * 2, language: zh, characterSpacing: bodyCondensing(sizes.san) },
          paragraph: { spacing: bodySpacing },
        },
      },
    },
    sections,
  });
}

interface FontEntry {
  name: string;
  /** What Word and WPS use where the face is not installed. */
  altName: string;
  panose: string;
  family: 'roman' | 'modern' | 'swiss' | 'script';
  pitch: 'variable' | 'fixed';
}

/** Every face the documents name, GB2312 character set (86), with the face to use where it is missing. */
const fontTable: FontEntry[] = [
  { name: faces.xiaobiaosong, altName: faces.song, panose: '02000000000000000000', family: 'script', pitch: 'variable' },
  { name: faces.song, altName: 'SimSun', panose: '02010600030101010101', family: 'modern', pitch: 'fixed' },
  { name: faces.fangsong, altName: 'FangSong', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  { name: faces.hei, altName: 'SimHei', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  { name: faces.kai, altName: 'KaiTi', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
];

const fontTableXml = () =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  fontTable
    .map(
      (font) =>
        `<w:font w:name="${font.name}"><w:altName w:val="${font.altName}"/><w:panose1 w:val="${font.panose}"/>` +
        `<w:charset w:val="86"/><w:family w:val="${font.family}"/><w:pitch w:val="${font.pitch}"/></w:font>`,
    )
    .join('') +
  '</w:fonts>';

const noSnap = '<w:snapToGrid w:val="0"/>';
/** Where snapToGrid goes in a paragraph's properties (the schema orders them): before the first of these. */
const afterSnap = /<w:(spacing|ind|contextualSpacing|mirrorIndents|suppressOverlap|jc|textDirection|textAlignment|textboxTightWrap|outlineLvl|divId|cnfStyle|rPr|sectPr|pPrChange)\b/;

/**
 * Table cells keep their own tighter line spacing instead of snapping to the page's line grid
 * (docx has no option for it): a vote's table at 4号 would otherwise take a grid line per text line.
 */
export function tablesOffGrid(documentXml: string): string {
  return documentXml.replace(/<w:tc(?=[\s>])[\s\S]*?<\/w:tc>/g, (cell) =>
    cell
      .replace(/<w:pPr>([\s\S]*?)<\/w:pPr>/g, (_, inner: string) => {
        const at = inner.search(afterSnap);
        return `<w:pPr>${at < 0 ? inner + noSnap : inner.slice(0, at) + noSnap + inner.slice(at)}</w:pPr>`;
      })
      .replace(/<w:p>(?!<w:pPr>)/g, `<w:p><w:pPr>${noSnap}</w:pPr>`),
  );
}

/** The .docx bytes, with the font table filled in (docx writes it empty) and tables off the line grid. */
export async function packDocx(document: Document): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await Packer.toBuffer(document));
  zip.file('word/fontTable.xml', fontTableXml());
  const body = zip.file('word/document.xml');
  if (body) zip.file('word/document.xml', tablesOffGrid(await body.async('string')));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

export const docxMimeType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
