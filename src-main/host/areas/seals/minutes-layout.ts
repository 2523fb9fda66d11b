/**
 * The minutes as a street office expects them, laid out from the sealed record alone: a list of
 * paragraphs, tables and images, no Word in sight. The Word writer (../minutes-docx.ts) turns
 * each block into exactly one Word paragraph (a table: one per cell line), and the verifier
 * (../../seals/verify.ts) lays out the same record again and compares paragraph by paragraph
 * with what a file shows, so what people read is what was signed.
 */
import type { FactsBlock } from '../../../../shared/collab/doc-shape';
import { chineseDate } from '../../../../shared/domain/followup/dates';
import type { InlineText, MinutesBlock } from './minutes-blocks';
import { titleLines } from '../../exports/docx-style';
import type { RecordVote, SealedRecord } from './record';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  /** Spread over this many characters' width (labels of one width without padding spaces). */
  spreadTo?: number;
}

/** An image by the SHA-256 of its PNG bytes; the writer looks the bytes up. */
export interface ImageRef {
  hash: string;
  /** Box to fit the image into, in pixels at 96 dpi. */
  maxWidth: number;
  maxHeight: number;
}

export interface Cell {
  lines: Run[][];
  image?: ImageRef;
  span?: number;
  header?: boolean;
  /** Long text (an explanation) reads better from the left; short cells are centred. */
  alignLeft?: boolean;
}

export type LayoutBlock =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'heading1'; text: string; pageBreakBefore?: boolean }
  | { kind: 'heading2'; text: string }
  /** keepNext: printed on the same page as the block after it (散会 and the signatures stay together). */
  | { kind: 'body'; runs: Run[]; keepNext?: boolean }
  | { kind: 'plain'; runs: Run[]; align?: 'right' | 'center'; small?: boolean; tiny?: boolean; indentChars?: number; keepNext?: boolean }
  | { kind: 'table'; widths: number[]; rows: Cell[][]; small?: boolean }
  /** A handwritten signature: label, image and name on one line. */
  | { kind: 'signature'; label: string; image: ImageRef; after: string; keepNext?: boolean }
  | { kind: 'image'; image: ImageRef };

export interface SealMark {
  digest: string;
  code: string;
  /** SHA-256 of the QR code PNG. */
  qrHash: string;
}

const chineseNumbers = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export function chineseOrdinal(n: number): string {
  if (n <= 10) return chineseNumbers[n - 1]!;
  if (n < 20) return `十${chineseNumbers[n - 11]!}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${chineseNumbers[tens - 1]!}十${ones ? chineseNumbers[ones - 1]! : ''}`;
}

export { chineseDate };

/** An ISO instant as date and time in the record's time zone (fixed at signing, so every verifier lays it out alike). */
export function localTime(iso: string, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

const plainRuns = (text: string): Run[] => [{ text }];
const names = (list: string[]) => (list.length ? list.join('、') : '无');
const text = (value: string): Cell => ({ lines: [plainRuns(value)] });
const head = (value: string): Cell => ({ lines: [plainRuns(value)], header: true });

function inlineRuns(content: InlineText[]): Run[] {
  return content.map((piece) => {
    const run: Run = { text: piece.text };
    for (const mark of piece.marks ?? []) run[mark] = true;
    return run;
  });
}

const modeLabel: Record<RecordVote['mode'], string> = { hands: '举手表决', roll_call: '记名表决', secret: '无记名投票', paper: '书面表决' };

function documentTitle(record: SealedRecord): string {
  const title = record.meeting.title;
  return /记录|纪要/.test(title) ? title : `${title}会议记录`;
}

/**
 * What changed in the layout from one record format to the next. A record is laid out as its
 * format was signed, so every file signed before still verifies.
 */
interface Edition {
  /** Format 2 on: the audit chain's head is printed. */
  auditHead: boolean;
  /** Format 3 on: each vote's explanation once, no empty heading, title broken between words, labels spread to one width. */
  tidy: boolean;
}

function editionOf(record: SealedRecord): Edition {
  return { auditHead: record.format !== 'courtyard-minutes/1', tidy: record.format !== 'courtyard-minutes/1' && record.format !== 'courtyard-minutes/2' };
}

/** Header labels: spread to four characters (format 3) or padded with spaces as format 1 and 2 printed them. */
const paddedLabels: Record<string, string> = { 时间: '时　　间', 地点: '地　　点', 主持人: '主 持 人', 记录人: '记 录 人' };

function headerBlocks(record: SealedRecord, edition: Edition): LayoutBlock[] {
  const { meeting, attendance } = record;
  const line = (label: string, value: string): LayoutBlock => ({
    kind: 'plain',
    runs: edition.tidy
      ? [{ text: label, bold: true, spreadTo: 4 }, { text: '：', bold: true }, { text: value }]
      : [{ text: `${paddedLabels[label] ?? label}：`, bold: true }, { text: value }],
  });
  const blocks = [
    line('会议名称', meeting.title),
    line('时间', `${chineseDate(meeting.date)} ${meeting.startTime}`),
    line('地点', meeting.place || '—'),
    line('主持人', meeting.chair ?? '—'),
    line('记录人', meeting.secretary ?? '—'),
    line('应到人数', `${attendance.entitled.length} 人（理事会成员：${names(attendance.entitled)}）`),
    line('实到人数', `${attendance.present.length} 人（${names(attendance.present)}）`),
    line('缺席人数', `${attendance.absent.length} 人（${names(attendance.absent)}）`),
    line('列席人员', `${attendance.attending.length} 人（${names(attendance.attending)}）`),
  ];
  if (attendance.proxies.length) {
    blocks.push(
      line('委托代投', attendance.proxies.map((p) => `${p.grantor}${p.household ? `（${p.household}）` : ''}委托${p.holder}`).join('；')),
    );
  }
  return blocks;
}

/** A matter's generated block without its vote's result: the vote is laid out once, in 表决情况. */
function withoutVotes(facts: FactsBlock): FactsBlock {
  return { ...facts, parts: (facts.parts ?? []).filter((part) => !part.caption?.startsWith('表决：')).map(withoutVotes) };
}

function factsBlocks(facts: FactsBlock): LayoutBlock[] {
  const out: LayoutBlock[] = [];
  if (facts.caption) out.push({ kind: 'heading2', text: facts.caption });
  for (const [label, value] of facts.pairs ?? []) out.push({ kind: 'plain', runs: [{ text: `${label}：`, bold: true }, { text: value }], indentChars: 2 });
  if (facts.table && facts.table.columns.length) {
    const columns = facts.table.columns.length;
    out.push({
      kind: 'table',
      widths: facts.table.columns.map(() => 1 / columns),
      rows: [facts.table.columns.map(head), ...facts.table.rows.map((row) => facts.table!.columns.map((_, i) => text(row[i] ?? '')))],
      small: true,
    });
  }
  for (const note of facts.notes ?? []) out.push({ kind: 'body', runs: plainRuns(note) });
  for (const part of facts.parts ?? []) out.push(...factsBlocks(part));
  return out;
}

/** Sections the header lays out from the sealed data; the editor's generated copies would repeat them. */
const sectionsInHeader = new Set(['header', 'attendance', 'agenda']);

/** How the minutes body is laid out: format 3 leaves out the editor's copy of the title and the votes' results. */
interface BodyOptions {
  tidy: boolean;
  /** Headings that only repeat the document's title. */
  titles: Set<string>;
}

const headingRank = (block: LayoutBlock) => (block.kind === 'heading1' ? 1 : block.kind === 'heading2' ? 2 : 0);

/** A heading stays only when something other than a heading of its rank or above follows it. */
function withoutEmptyHeadings(blocks: LayoutBlock[]): LayoutBlock[] {
  return blocks.filter((block, index) => {
    const rank = headingRank(block);
    if (!rank) return true;
    for (const next of blocks.slice(index + 1)) {
      const nextRank = headingRank(next);
      if (!nextRank) return true;
      if (nextRank <= rank) return false;
    }
    return false;
  });
}

function minutesLayout(blocks: MinutesBlock[], options: BodyOptions, depth = 0): LayoutBlock[] {
  const out: LayoutBlock[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'heading': {
        const text = block.content.map((piece) => piece.text).join('');
        if (options.tidy && options.titles.has(text.trim())) break;
        out.push({ kind: block.level <= 1 ? 'heading1' : 'heading2', text });
        break;
      }
      case 'paragraph':
        if (block.content.some((piece) => piece.text.trim())) {
          out.push(depth ? { kind: 'plain', runs: inlineRuns(block.content), indentChars: 2 + depth * 2 } : { kind: 'body', runs: inlineRuns(block.content) });
        }
        break;
      case 'bulletList':
      case 'orderedList':
        block.items.forEach((item, index) => {
          const marker = block.type === 'orderedList' ? `${block.start + index}. ` : '• ';
          const [first, ...rest] = item;
          if (first?.type === 'paragraph') {
            out.push({ kind: 'plain', runs: [{ text: marker }, ...inlineRuns(first.content)], indentChars: 2 + depth * 2 });
            out.push(...minutesLayout(rest, options, depth + 1));
          } else {
            out.push({ kind: 'plain', runs: [{ text: marker }], indentChars: 2 + depth * 2 });
            out.push(...minutesLayout(item, options, depth + 1));
          }
        });
        break;
      case 'table': {
        const width = Math.max(1, ...block.rows.map((row) => row.cells.length));
        out.push({
          kind: 'table',
          widths: Array.from({ length: width }, () => 1 / width),
          small: true,
          rows: block.rows.map((row) =>
            Array.from({ length: width }, (_, i) => {
              const cell = row.cells[i];
              const lines = (cell?.content ?? []).flatMap(cellLines);
              return { lines: lines.length ? lines : [[{ text: '' }]], header: cell?.header ?? false };
            }),
          ),
        });
        break;
      }
      case 'blockquote':
        out.push(...minutesLayout(block.content, options, depth + 1));
        break;
      case 'rule':
        break;
      case 'facts':
        if (!sectionsInHeader.has(block.section)) out.push(...factsBlocks(options.tidy ? withoutVotes(block.facts) : block.facts));
        break;
    }
  }
  return out;
}

/** A cell holds lines of text: nested lists and paragraphs flattened, marks kept. */
function cellLines(block: MinutesBlock): Run[][] {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return [inlineRuns(block.content)];
    case 'bulletList':
    case 'orderedList':
      return block.items.flatMap((item, index) => {
        const marker = block.type === 'orderedList' ? `${block.start + index}. ` : '• ';
        const lines = item.flatMap(cellLines);
        const [first = [], ...rest] = lines;
        return [[{ text: marker }, ...first], ...rest];
      });
    case 'blockquote':
      return block.content.flatMap(cellLines);
    case 'table':
      return block.rows.map((row) => [{ text: row.cells.map((cell) => cell.content.flatMap(cellLines).map((l) => l.map((r) => r.text).join('')).join(' ')).join(' | ') }]);
    case 'facts':
      return [[{ text: [block.facts.caption, ...(block.facts.notes ?? [])].filter(Boolean).join(' ') }]];
    case 'rule':
      return [];
  }
}

function voteBlocks(vote: RecordVote, index: number): LayoutBlock[] {
  const out: LayoutBlock[] = [{ kind: 'heading2', text: `（${chineseOrdinal(index)}）${vote.title}` }];
  const count = (c: RecordVote['counts']['for']) => [text(`${c.headcount}`), ...(vote.usesArea ? [text(c.area ?? '—')] : [])];
  const columns = vote.usesArea ? 3 : 2;
  const wide = (label: string, value: string): Cell[] => [head(label), { lines: [plainRuns(value)], span: columns - 1, alignLeft: true }];
  const outcome = vote.passed === null ? '尚无结果' : vote.passed ? '通过' : '未通过';
  const rows: Cell[][] = [
    [head('表决选项'), head(vote.usesArea ? '人数（户/人）' : '票数'), ...(vote.usesArea ? [head('专有面积（㎡）')] : [])],
    [head('同意'), ...count(vote.counts.for)],
    [head('反对'), ...count(vote.counts.against)],
    [head('弃权'), ...count(vote.counts.abstain)],
    ...(vote.counts.blank.headcount ? [[head('废票'), ...count(vote.counts.blank)]] : []),
    wide('表决方式', `${modeLabel[vote.mode]}；应参加 ${vote.entitled}，到会 ${vote.present}，投票 ${vote.ballotsCast}`),
    wide('适用规则', `${vote.ruleName}${vote.legalBasis ? `（${vote.legalBasis}）` : ''}`),
    ...(vote.quorum ? [wide('到会要求', vote.quorum)] : []),
    ...(vote.threshold ? [wide('通过要求', vote.threshold)] : []),
    wide('表决结果', outcome),
    wide('结果说明', vote.explanation || '—'),
  ];
  if (vote.matter && vote.matter !== vote.title) out.push({ kind: 'plain', runs: [{ text: '所属议题：', bold: true }, { text: vote.matter }], indentChars: 2 });
  out.push({ kind: 'table', widths: vote.usesArea ? [0.3, 0.35, 0.35] : [0.3, 0.7], rows, small: true });
  if (vote.replaces !== null) out.push({ kind: 'plain', runs: plainRuns(`本次为重新表决，理由：${vote.correctionReason ?? '—'}`), indentChars: 2, small: true });
  if (vote.supersededBy !== null) out.push({ kind: 'plain', runs: plainRuns('本次表决结果已由其后的重新表决取代。'), indentChars: 2, small: true });
  return out;
}

/** 第 57 条 · 3f9a2c1d7e4b: the head's number and the first 12 hex digits of its hash. */
export const auditHeadLabel = (head: SealedRecord['auditHead']) => `第 ${head.seq} 条 · ${head.hash.slice(0, 12)}`;

/** A handwritten signature prints 15 mm tall (57 px at 96 dpi) unless it is very wide. */
const signatureSize = { maxWidth: 300, maxHeight: 57 };
const signInSize = { maxWidth: 130, maxHeight: 40 };
const qrSize = { maxWidth: 96, maxHeight: 96 };

/** A deadline in the tasks table: 12月31日 in the meeting's year (it then fits its column), the full date otherwise. */
function deadlineText(deadline: string, meetingDate: string): string {
  if (deadline.slice(0, 4) !== meetingDate.slice(0, 4)) return chineseDate(deadline);
  const [, month, day] = deadline.split('-').map(Number);
  return `${month}月${day}日`;
}

export function minutesLayoutOf(record: SealedRecord, seal: SealMark | null): LayoutBlock[] {
  const edition = editionOf(record);
  const out: LayoutBlock[] = [{ kind: 'title', text: edition.tidy ? titleLines(documentTitle(record)).join('\n') : documentTitle(record) }];
  if (record.kind === 'amendment' && record.amends) {
    out.push({ kind: 'subtitle', text: `（第 ${record.version} 版 · 修订）` });
    out.push({ kind: 'body', runs: plainRuns(`修订说明：${record.amends.note}（修订第 ${record.amends.version} 版，原核验摘要 ${record.amends.digest.slice(0, 16)}…）`) });
  }
  if (!seal) out.push({ kind: 'subtitle', text: '（草稿，尚未签署）' });
  out.push(...headerBlocks(record, edition));

  let section = 0;
  const heading = (title: string): LayoutBlock => ({ kind: 'heading1', text: `${chineseOrdinal((section += 1))}、${title}` });

  if (record.agenda.length) {
    out.push(heading('会议议程'));
    record.agenda.forEach((item, index) => out.push({ kind: 'plain', runs: plainRuns(`${index + 1}. ${item.title}`), indentChars: 2 }));
  }

  const titles = new Set([documentTitle(record), `${record.meeting.title}会议记录`, record.meeting.title]);
  const laidOut = minutesLayout(record.minutes, { tidy: edition.tidy, titles });
  const minutes = edition.tidy ? withoutEmptyHeadings(laidOut) : laidOut;
  out.push(heading('会议内容'));
  out.push(...(minutes.length ? minutes : [{ kind: 'body' as const, runs: plainRuns('（会议记录正文为空）') }]));

  if (record.votes.length) {
    out.push(heading('表决情况'));
    record.votes.forEach((vote, index) => out.push(...voteBlocks(vote, index + 1)));
  }

  out.push(heading('会议决议'));
  const resolutions = record.votes.filter((vote) => vote.passed === true && vote.supersededBy === null);
  if (resolutions.length) {
    resolutions.forEach((vote, index) =>
      out.push({
        kind: 'body',
        runs: plainRuns(
          edition.tidy
            ? `${index + 1}. ${vote.title}：经表决通过（见表决情况（${chineseOrdinal(record.votes.indexOf(vote) + 1)}））。`
            : `${index + 1}. ${vote.title}：经表决通过。${vote.explanation}`,
        ),
      }),
    );
  } else out.push({ kind: 'body', runs: plainRuns('本次会议未形成决议。') });
  const failed = record.votes.filter((vote) => vote.passed === false && vote.supersededBy === null);
  for (const vote of failed) out.push({ kind: 'body', runs: plainRuns(`“${vote.title}”未获通过。`) });

  out.push(heading('任务分工'));
  if (record.tasks.length) {
    out.push({
      kind: 'table',
      widths: edition.tidy ? [0.26, 0.36, 0.16, 0.22] : [0.28, 0.34, 0.2, 0.18],
      small: true,
      rows: [
        [head('议题'), head('任务'), head('负责人'), head('完成时限')],
        ...record.tasks.map((task) => [text(task.matter), text(task.title), text(task.owner || '—'), text(task.deadline ? (edition.tidy ? deadlineText(task.deadline, record.meeting.date) : chineseDate(task.deadline)) : '—')]),
      ],
    });
  } else out.push({ kind: 'body', runs: plainRuns('本次会议未分派任务。') });

  const lastText = minutes
    .slice(-3)
    .map((block) => ('runs' in block ? block.runs.map((run) => run.text).join('') : ''))
    .join('');
  if (!lastText.includes('散会')) out.push({ kind: 'body', runs: plainRuns('散会。'), keepNext: true });
  else {
    // The secretary's own 散会 stays with the signatures too.
    const last = out[out.length - 1];
    if (last && (last.kind === 'body' || last.kind === 'plain')) last.keepNext = true;
  }

  // The signatures stay on one page with the line before them: never a page holding only a signature.
  (['chair', 'secretary'] as const).forEach((role, index, roles) => {
    const last = index === roles.length - 1;
    const signature = record.signatures.find((s) => s.role === role);
    const label = role === 'chair' ? '主持人（签字）：' : '记录人（签字）：';
    if (signature) {
      const { date } = localTime(signature.signedAt, record.timeZone);
      out.push({ kind: 'signature', label, image: { hash: signature.image, ...signatureSize }, after: `  ${signature.name}`, keepNext: true });
      out.push({ kind: 'plain', runs: plainRuns(`签字日期：${chineseDate(date)}`), indentChars: 2, keepNext: !last });
    } else {
      out.push({ kind: 'plain', runs: plainRuns(`${label}____________  签字日期：____________`), indentChars: 2, keepNext: !last });
    }
  });

  out.push({ kind: 'heading1', text: '附件：签到表', pageBreakBefore: true });
  out.push({
    kind: 'plain',
    runs: plainRuns(`${record.meeting.title}  ${chineseDate(record.meeting.date)}  共 ${record.attendance.entries.length} 人签到`),
    align: 'center',
    small: true,
  });
  out.push({
    kind: 'table',
    widths: [0.1, 0.22, 0.16, 0.3, 0.22],
    small: true,
    rows: [
      [head('序号'), head('姓名'), head('户号'), head('签名'), head('签到时间')],
      ...record.attendance.entries.map((entry, index): Cell[] => {
        const arrived = localTime(entry.arrivedAt, record.timeZone).time;
        const left = entry.leftAt ? `（${localTime(entry.leftAt, record.timeZone).time} 离场）` : '';
        return [
          text(`${index + 1}`),
          text(entry.observer || !entry.member ? `${entry.name}（列席）` : entry.name),
          text(entry.household ?? '—'),
          entry.signature ? { lines: [], image: { hash: entry.signature, ...signInSize } } : text(entry.onPaper ? '（纸上签到）' : '（未签名）'),
          text(`${arrived}${left}`),
        ];
      }),
    ],
  });

  if (seal) {
    const signed = localTime(record.signedAt, record.timeZone);
    out.push({ kind: 'heading2', text: '核验信息' });
    out.push({ kind: 'image', image: { hash: seal.qrHash, ...qrSize } });
    out.push({ kind: 'plain', runs: [{ text: '核验码：', bold: true }, { text: seal.code }], small: true });
    out.push({ kind: 'plain', runs: [{ text: '数字摘要（SHA-256）：', bold: true }, { text: seal.digest }], tiny: true });
    // The audit chain's head at signing, sealed with the record: `npm run verify -- FILE --db` compares it with the database's chain.
    if (edition.auditHead) out.push({ kind: 'plain', runs: [{ text: '审计链', bold: true }, { text: auditHeadLabel(record.auditHead) }], tiny: true });
    out.push({
      kind: 'plain',
      runs: plainRuns(
        `本记录第 ${record.version} 版于 ${chineseDate(signed.date)} ${signed.time} 由${record.council.name}签署。用“院落议事”软件的“核验文件”打开本文件，即可核对它是否与签署时的内容完全一致；签署后被改动过的文件无法通过核验。`,
      ),
      tiny: true,
    });
  }
  return out;
}

/** The text of every paragraph the layout produces, in document order (empty ones left out): what the verifier compares. */
export function layoutParagraphs(blocks: LayoutBlock[]): string[] {
  const joined = (runs: Run[]) => runs.map((run) => run.text).join('');
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
      case 'subtitle':
      case 'heading1':
      case 'heading2':
        out.push(block.text);
        break;
      case 'body':
      case 'plain':
        out.push(joined(block.runs));
        break;
      case 'signature':
        out.push(`${block.label}${block.after}`);
        break;
      case 'image':
        break;
      case 'table':
        for (const row of block.rows) for (const cell of row) for (const line of cell.lines) out.push(joined(line));
        break;
    }
  }
  return out.map((line) => line.normalize('NFC')).filter((line) => line.trim() !== '');
}

/** Every image the layout shows, by hash. */
/** The images of the layout in the order the document shows them (an image shown twice is listed twice). */
export function layoutImageOrder(blocks: LayoutBlock[]): string[] {
  const images: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'signature' || block.kind === 'image') images.push(block.image.hash);
    if (block.kind === 'table') for (const row of block.rows) for (const cell of row) if (cell.image) images.push(cell.image.hash);
  }
  return images;
}

/** The distinct images of the layout: what the Word file embeds. */
export function layoutImages(blocks: LayoutBlock[]): Set<string> {
  return new Set(layoutImageOrder(blocks));
}
