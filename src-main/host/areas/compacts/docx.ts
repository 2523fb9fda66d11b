/**
 * A compact as Word for the notice board, in the official typography of exports/docx-style.ts:
 * title, the line saying which meeting's vote adopted it (or that it is a draft for comment),
 * the articles 第一条 …, the council and date, then on a new page the households' signature
 * table (户号, 户代表, 签字, 日期) with the drawn signatures. And a blank signature sheet for
 * households who sign a printed copy.
 */
import { AlignmentType, ImageRun, LineRuleType, Paragraph, type Table } from 'docx';
import type { CompactAdoption } from '../../../../shared/api/areas/compacts';
import type { FilePayload } from '../../../../shared/api/kit';
import { articleLabel } from '../../../../shared/domain/compacts/articles';
import { chineseDate, localDate } from '../../../../shared/domain/followup/dates';
import { compareHouseholdCodes } from '../../../../shared/domain/roster/household-code';
import type { Db } from '../../db/client';
import { conflict } from '../../core/errors';
import { a4Section, body, chineseDocument, docxMimeType, packDocx, plain, run, runs, sizes, table, title } from '../../exports/docx-style';
import { safeFileName } from '../../exports/file-name';
import { getCouncil } from '../councils/service';
import { compactRow, signatureImages, signatureViews, signingHouseholds, versionRow } from './service';
import { adoptionView } from './votes';

interface CompactDocument {
  councilName: string;
  title: string;
  version: number;
  articles: string[];
  adoption: CompactAdoption | null;
  households: Array<{ householdId: number; code: string; suggestedSigner: string | null }>;
  signatures: Array<{ householdId: number; signerName: string; onPaper: boolean; signedOn: string; image: Buffer | null }>;
  today: string;
}

function load(db: Db, versionId: number, now: Date): CompactDocument {
  const version = versionRow(db, versionId);
  const compact = compactRow(db, version.compactId);
  const council = getCouncil(db, compact.councilId);
  const images = signatureImages(db, version.id);
  return {
    councilName: council.name,
    title: compact.title,
    version: version.version,
    articles: version.articles,
    adoption: version.adoptedAt ? adoptionView(db, { ...version, adoptedAt: version.adoptedAt }) : null,
    households: signingHouseholds(db, compact.councilId).sort((a, b) => compareHouseholdCodes(a.code, b.code)),
    signatures: signatureViews(db, version.id).map((signature) => ({ ...signature, image: images.get(signature.householdId) ?? null })),
    today: localDate(now),
  };
}

/** The sentence under the title: which vote adopted this version, with its counts and rule. */
export function adoptionSentence(document: Pick<CompactDocument, 'version' | 'adoption'>): string {
  const { adoption, version } = document;
  if (!adoption) return `本稿为第 ${version} 版征求意见稿，尚未经表决通过。`;
  if (adoption.voteId === null) return `本公约第 ${version} 版于${chineseDate(adoption.adoptedAt.slice(0, 10))}经表决通过。`;
  const matter = adoption.agendaTitle ? `议题“${adoption.agendaTitle}”` : '';
  const rule = adoption.ruleName ? `，按“${adoption.ruleName}”规则` : '';
  return `本公约第 ${version} 版经${chineseDate(adoption.meetingDate)}召开的“${adoption.meetingTitle}”${matter}表决通过（同意 ${adoption.votesFor} 票，反对 ${adoption.votesAgainst} 票，弃权 ${adoption.votesAbstain} 票${rule}，结果：通过）。`;
}

/** Reads width and height from a PNG's IHDR, to keep a signature's proportions. */
function pngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 24) return { width: 3, height: 1 };
  return { width: png.readUInt32BE(16) || 3, height: png.readUInt32BE(20) || 1 };
}

function signatureImage(png: Buffer, name: string): ImageRun {
  const { width, height } = pngSize(png);
  const scale = Math.min(120 / width, 42 / height);
  return new ImageRun({
    type: 'png',
    data: png,
    transformation: { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) },
    altText: { name: `${name}的签名`, title: `${name}的签名`, description: `${name}的手写签名` },
  });
}

const cellSpacing = { line: 360, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const cell = (text: string, options: { header?: boolean; tall?: boolean } = {}) => [
  new Paragraph({
    alignment: AlignmentType.CENTER,
    // Rows tall enough to sign by hand, the 户号 centred in them.
    spacing: options.tall ? { ...cellSpacing, before: 260, after: 260 } : cellSpacing,
    children: [run(text, { sizePt: sizes.xiaosi, face: options.header ? 'hei' : 'fangsong', bold: options.header ?? false })],
  }),
];
const header = ['户号', '户代表', '签字', '日期'].map((text) => cell(text, { header: true }));
const widths = [0.18, 0.18, 0.36, 0.28];

function signatureTable(document: CompactDocument): Table {
  const byHousehold = new Map(document.signatures.map((signature) => [signature.householdId, signature]));
  const rows = document.households.map((household) => {
    const signed = byHousehold.get(household.householdId);
    if (!signed) return [cell(household.code), cell(''), cell(''), cell('')];
    const mark = signed.image
      ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 240, lineRule: LineRuleType.AUTO }, children: [signatureImage(signed.image, signed.signerName)] })]
      : cell('已在纸面签字');
    return [cell(household.code), cell(signed.signerName), mark, cell(chineseDate(signed.signedOn))];
  });
  return table([header, ...rows], widths);
}

function closing(document: CompactDocument): Paragraph[] {
  const date = document.adoption ? chineseDate(document.adoption.meetingDate || document.adoption.adoptedAt.slice(0, 10)) : chineseDate(document.today);
  // The 落款 and date are printed on the page of the last article, never alone on the next one.
  return [
    plain('', { keepNext: true }),
    plain(document.councilName, { alignment: AlignmentType.RIGHT, indent: { right: 640 }, keepNext: true }),
    plain(date, { alignment: AlignmentType.RIGHT, indent: { right: 640 } }),
  ];
}

function compactBlocks(document: CompactDocument): Array<Paragraph | Table> {
  const signed = document.signatures.length;
  return [
    title(document.title, { spacing: { before: 0, after: 200, line: 700, lineRule: LineRuleType.EXACT } }),
    plain([run(`（第 ${document.version} 版${document.adoption ? '' : ' 征求意见稿'}）`, { face: 'kai' })], { alignment: AlignmentType.CENTER, spacing: { after: 280, line: 560, lineRule: LineRuleType.EXACT } }),
    body(adoptionSentence(document)),
    ...document.articles.map((text, index, all) =>
      body([run(articleLabel(index), { face: 'hei' }), run('　'), ...runs(text)], { keepNext: index === all.length - 1 }),
    ),
    ...closing(document),
    new Paragraph({ pageBreakBefore: true, alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [run('住户签字', { face: 'hei', sizePt: sizes.san })] }),
    plain([run(`本户已阅读《${document.title}》第 ${document.version} 版，同意共同遵守。已签 ${signed} 户，共 ${document.households.length} 户。`, { sizePt: sizes.xiaosi })], {
      spacing: { after: 160, line: 360, lineRule: LineRuleType.EXACT },
    }),
    signatureTable(document),
  ];
}

export async function compactDocx(db: Db, versionId: number, now: Date): Promise<FilePayload> {
  const document = load(db, versionId, now);
  const date = document.adoption ? document.adoption.meetingDate || document.adoption.adoptedAt.slice(0, 10) : document.today;
  const fileName = safeFileName([document.title, `第${document.version}版`, chineseDate(date), document.adoption ? null : '征求意见稿'], 'docx');
  const data = await packDocx(chineseDocument([a4Section(compactBlocks(document))], { title: document.title }));
  return { fileName, mimeType: docxMimeType, dataBase64: data.toString('base64') };
}

/** Rows for every household yet to sign (户号 filled in), and a few blank ones for corrections. */
export async function blankSignatureSheet(db: Db, versionId: number, now: Date): Promise<FilePayload> {
  const document = load(db, versionId, now);
  if (!document.adoption) throw conflict('这一版公约还没有经表决通过，通过后才能打印签字表。');
  const signedIds = new Set(document.signatures.map((signature) => signature.householdId));
  const waiting = document.households.filter((household) => !signedIds.has(household.householdId));
  const rows = [...waiting.map((household) => household.code), '', '', '', '', ''].map((code) => [cell(code, { tall: true }), cell(''), cell(''), cell('')]);
  const sheetTitle = `《${document.title}》住户签字表`;
  const blocks: Array<Paragraph | Table> = [
    title(sheetTitle, { spacing: { before: 0, after: 200, line: 700, lineRule: LineRuleType.EXACT } }),
    body(adoptionSentence(document)),
    body(`本户已阅读《${document.title}》第 ${document.version} 版全文，同意共同遵守。请户代表签字并写明日期；签字表由议事会收回存档，并录入“院落议事”。`),
    plain(''),
    table([header, ...rows], widths),
    plain(''),
    plain(`${document.councilName}  打印日期：${chineseDate(document.today)}`, { alignment: AlignmentType.RIGHT, indent: { right: 640 } }),
  ];
  const data = await packDocx(chineseDocument([a4Section(blocks)], { title: sheetTitle }));
  return {
    fileName: safeFileName([document.title, `第${document.version}版`, '签字表', chineseDate(document.today)], 'docx'),
    mimeType: docxMimeType,
    dataBase64: data.toString('base64'),
  };
}
