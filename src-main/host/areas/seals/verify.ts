/**
 * Checking a Word file of the minutes. Why it works this way:
 *
 * - A .docx cannot hold its own hash, and its bytes change on every save (it is a zip with
 *   timestamps), so the seal covers the canonical record, never the file. The export carries
 *   that record in a custom XML part, with the digest, the Ed25519 signature and the
 *   fingerprint of the key that made it.
 * - Trust comes only from this database's seal records: the file's record must be one sealed here
 *   (or brought in with the council's archive), and its signature must verify with the public key
 *   stored with that seal. Any other key in the database, one an archive brought in included,
 *   proves nothing. No such seal → "unknown" (another council's file, or not ours at all).
 * - The signature proves the embedded record, not what the pages show. So the verifier lays the
 *   record out again exactly as the export did (exports/minutes/layout.ts) and compares every
 *   paragraph of word/document.xml, table cells included, and every image (the handwritten
 *   signatures, the sign-in images, the QR code) by SHA-256. One changed character in the
 *   visible text, or in the embedded record, → "altered". Formatting (fonts, spacing) is not
 *   sealed and may change, as happens when Word re-saves the file.
 */
import { eq, max } from 'drizzle-orm';
import JSZip from 'jszip';
import type { MinutesSignature, VerifyReport } from '../../../../shared/api/areas/seals';
import { layoutImageOrder, layoutParagraphs, localTime, chineseDate, minutesLayoutOf } from './minutes-layout';
import { sealNamespace } from './minutes-docx';
import { verificationCode } from './code';
import { verifyDigest } from './keys';
import { sealQrPng, sealQrText } from './qr';
import { sha256Hex, type SealedRecord } from './record';
import type { Db } from '../../db/client';
import { councilKeys, seals } from './schema';

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) =>
    entity.startsWith('#x')
      ? String.fromCodePoint(parseInt(entity.slice(2), 16))
      : entity.startsWith('#')
        ? String.fromCodePoint(Number(entity.slice(1)))
        : entities[entity]!,
  );
}

/** The text of every paragraph of a document.xml, in order (table cells included), empty ones left out. */
export function documentParagraphs(xml: string): string[] {
  const out: string[] = [];
  let current: string | null = null;
  const token = /<w:p(?=[\s>/])[^>]*?(\/?)>|<\/w:p>|<w:t(?=[\s>/])[^>]*?(?:\/>|>([^<]*)<\/w:t>)|<w:br(?=[\s/])[^>]*\/>|<w:cr\s*\/>/g;
  for (const match of xml.matchAll(token)) {
    const tag = match[0];
    if (tag.startsWith('<w:p')) {
      if (match[1] === '/') continue;
      if (current !== null) out.push(current);
      current = '';
    } else if (tag === '</w:p>') {
      if (current !== null) out.push(current);
      current = null;
    } else if (tag.startsWith('<w:t')) {
      current = (current ?? '') + decodeXml(match[2] ?? '');
    } else if (!/w:type="(page|column)"/.test(tag)) {
      // A line break is text; a page or column break (LibreOffice writes our page-break-before as one) is layout.
      current = (current ?? '') + '\n';
    }
  }
  if (current !== null) out.push(current);
  return out.map((line) => line.normalize('NFC')).filter((line) => line.trim() !== '');
}

export interface EmbeddedSeal {
  meeting: string;
  version: string;
  digest: string;
  key: string;
  signature: string;
  canonical: string;
}

function field(xml: string, name: string): string | null {
  const match = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`).exec(xml);
  return match ? decodeXml(match[1]!).trim() : null;
}

export async function embeddedSeal(zip: JSZip): Promise<EmbeddedSeal | null> {
  for (const file of Object.values(zip.files)) {
    if (!/^customXml\/item\d+\.xml$/.test(file.name)) continue;
    const xml = await file.async('string');
    if (!xml.includes(sealNamespace)) continue;
    const record = field(xml, 'record');
    return {
      meeting: field(xml, 'meeting') ?? '',
      version: field(xml, 'version') ?? '',
      digest: field(xml, 'digest') ?? '',
      key: field(xml, 'key') ?? '',
      signature: field(xml, 'signature') ?? '',
      canonical: record ? Buffer.from(record.replace(/\s+/g, ''), 'base64').toString('utf8') : '',
    };
  }
  return null;
}

const roleLabel = { chair: '主持人', secretary: '记录人' } as const;

function report(verdict: VerifyReport['verdict'], headline: string, details: string[], record?: SealedRecord, digest?: string): VerifyReport {
  return {
    verdict,
    headline,
    details,
    meetingTitle: record?.meeting?.title ?? null,
    version: record?.version ?? null,
    code: digest ? verificationCode(digest) : null,
    signedAt: record?.signedAt ?? null,
    signers: (record?.signatures ?? []).map((s): MinutesSignature => ({ role: s.role, name: s.name, signedAt: s.signedAt })),
  };
}

const unknownHeadline = '无法确认：这份文件不是本议事会签署的（可能来自另一个议事会），或不是用本软件导出的。';
const alteredHeadline = '文件在签署后被改动过：它与签署时的内容不一致，不能作为正式记录使用。';

const shorten = (text: string) => (Array.from(text).length > 40 ? `${Array.from(text).slice(0, 40).join('')}…` : text);

/**
 * The words around the first difference of two paragraphs, the same stretch of each: a long
 * paragraph changed near its end still shows where (a cut at 40 characters could hide it).
 */
export function aroundFirstDifference(expected: string, actual: string): [string, string] {
  const [a, b] = [Array.from(expected), Array.from(actual)];
  let first = 0;
  while (first < a.length && first < b.length && a[first] === b[first]) first += 1;
  const before = 12;
  const after = 24;
  const start = Math.max(0, first - before);
  const clip = (chars: string[]) => `${start > 0 ? '…' : ''}${chars.slice(start, first + after).join('')}${chars.length > first + after ? '…' : ''}`;
  return [clip(a), clip(b)];
}

export function compareParagraphs(expected: string[], actual: string[]): string[] {
  const differences: string[] = [];
  const length = Math.max(expected.length, actual.length);
  for (let i = 0; i < length && differences.length < 3; i += 1) {
    if (expected[i] === actual[i]) continue;
    if (actual[i] === undefined) differences.push(`文件在第 ${i + 1} 段之后缺少内容，签署时这里是“${shorten(expected[i]!)}”。`);
    else if (expected[i] === undefined) differences.push(`文件第 ${i + 1} 段是签署后多出来的内容：“${shorten(actual[i]!)}”。`);
    else {
      const [was, now] = aroundFirstDifference(expected[i]!, actual[i]!);
      differences.push(`第 ${i + 1} 段与签署时不同：签署时为“${was}”，文件中为“${now}”。`);
    }
    // After a missing or added paragraph everything shifts; one message says enough.
    if (expected[i + 1] === actual[i] || expected[i] === actual[i + 1]) break;
  }
  return differences;
}

const halfWidth: Record<string, string> = { '：': ':', '，': ',', '；': ';', '？': '?', '！': '!', '（': '(', '）': ')' };
/** Full-width punctuation as its ASCII form, and the one space the ASCII forms were followed by dropped. */
export function foldPunctuation(text: string): string {
  return text.replace(/[：，；？！（）]/g, (mark) => halfWidth[mark]!).replace(/([:,;]) /g, '$1');
}

/** The target of each relationship of word/document.xml, by id. */
function relationshipTargets(rels: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const [element] of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(element)?.[1];
    const target = /\bTarget="([^"]*)"/.exec(element)?.[1];
    if (id && target) targets.set(id, target);
  }
  return targets;
}

/**
 * The images the document shows, in document order, each by the SHA-256 of the file its
 * relationship points to (null where it points at nothing): an image is checked in its place,
 * so the chair's and the secretary's signatures swapped, or one shown twice, do not pass.
 */
export async function documentImages(zip: JSZip, documentXml: string): Promise<Array<string | null>> {
  const targets = relationshipTargets((await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? '');
  const images: Array<string | null> = [];
  for (const [, id] of documentXml.matchAll(/\br:(?:embed|link)="([^"]*)"/g)) {
    const target = targets.get(id!);
    const path = target === undefined ? null : target.startsWith('/') ? target.slice(1) : `word/${target}`;
    const file = path === null ? null : zip.file(path);
    images.push(file ? sha256Hex(await file.async('nodebuffer')) : null);
  }
  return images;
}

function compareImages(expected: string[], actual: Array<string | null>): string[] {
  const differences: string[] = [];
  const moved = expected.filter((hash, index) => actual[index] !== hash).length;
  if (moved) differences.push(`有 ${moved} 张签名图片或核验二维码被替换、调换或删除。`);
  if (actual.length > expected.length) differences.push(`文件里多了 ${actual.length - expected.length} 张签署时没有的图片。`);
  return differences;
}

/** A seal of this database whose 核验码 the file prints (in its footers or body), or null. */
async function printedSealOf(db: Db, zip: JSZip): Promise<{ code: string; version: number } | null> {
  const printed = new Set<string>();
  for (const file of Object.values(zip.files)) {
    if (!/^word\/(document|footer\d*|header\d*)\.xml$/.test(file.name)) continue;
    const text = (await file.async('string')).replace(/<[^>]+>/g, '');
    for (const [, code] of text.matchAll(/核验码\s*([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/g)) printed.add(code!);
  }
  if (printed.size === 0) return null;
  for (const row of db.select({ digest: seals.digest, version: seals.version }).from(seals).all()) {
    const code = verificationCode(row.digest);
    if (printed.has(code)) return { code, version: row.version };
  }
  return null;
}

/** The seal record stored when minutes with this digest were signed, with the public key stored for it. */
function storedSeal(db: Db, digest: string) {
  const row = db
    .select({ meetingId: seals.meetingId, version: seals.version, signature: seals.signature, publicKey: councilKeys.publicKey, form: councilKeys.privateKeyForm })
    .from(seals)
    .innerJoin(councilKeys, eq(councilKeys.id, seals.keyId))
    .where(eq(seals.digest, digest))
    .get();
  return row ? { ...row, fromAnotherComputer: row.form === 'absent' } : null;
}

/** Checks a .docx against the seal records of this database: each file against the seal made when it was signed. */
/** What a file to check says when it is not a Word file at all. */
export const notWordFile = '这不是 Word（.docx）文件，或文件已损坏，无法核验。';

/** A Word file's package and its main document, or null when the bytes are not a .docx. */
export async function openWordFile(data: Buffer): Promise<{ zip: JSZip; documentXml: string } | null> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    return null;
  }
  const documentXml = await zip.file('word/document.xml')?.async('string');
  return documentXml ? { zip, documentXml } : null;
}

export async function verifyMinutesFile(db: Db, data: Buffer): Promise<VerifyReport> {
  const opened = await openWordFile(data);
  if (!opened) return report('unknown', notWordFile, []);
  const { zip, documentXml } = opened;
  const seal = await embeddedSeal(zip);
  if (!seal || !seal.canonical) {
    // Every page of signed minutes prints its 核验码: a file showing one of ours has had its seal taken out.
    const printed = await printedSealOf(db, zip);
    if (printed) {
      return report('altered', '文件已被改动：签署信息被删除。它印有本机签署的会议记录的核验码，但文件里的签署信息已不在，不能作为正式记录使用。', [
        `文件印有核验码 ${printed.code}，对应本机第 ${printed.version} 版签署的会议记录。请以本机重新导出的文件为准。`,
      ]);
    }
    return report('unknown', '文件里没有签署信息：它可能是未签署的草稿，或不是用本软件导出的。', []);
  }

  const digest = sha256Hex(seal.canonical);
  const stored = storedSeal(db, digest);
  if (!stored) {
    // The file names a seal this database holds, but its record is not that seal's: changed after signing.
    if (seal.digest && seal.digest !== digest && storedSeal(db, seal.digest)) {
      return report('altered', alteredHeadline, ['文件中保存的签署记录与签名不符：签署记录被改动过。']);
    }
    return report('unknown', unknownHeadline, ['本机的签署记录里没有这份文件：它不是在这里签署的，也不是随本议事会的归档迁入的。']);
  }
  // Checked with the key stored with the seal, never with another key of the database.
  if (!verifyDigest(stored.publicKey, digest, stored.signature) || !verifyDigest(stored.publicKey, digest, seal.signature)) {
    return report('altered', alteredHeadline, ['文件中的签名与本机保存的签署记录对不上。']);
  }

  let record: SealedRecord;
  try {
    record = JSON.parse(seal.canonical) as SealedRecord;
  } catch {
    return report('altered', alteredHeadline, ['文件中的签署记录无法读取。']);
  }
  const code = verificationCode(digest);
  const qrPng = await sealQrPng(sealQrText(record.meeting, record.version, code, digest));
  const layout = minutesLayoutOf(record, { digest, code, qrHash: sha256Hex(qrPng) });

  // Trailing spaces and line ends are layout too: Word, WPS and LibreOffice drop or add them on saving.
  // Minutes sealed before the texts took full-width punctuation (：，（） for :,()) are laid out again
  // with today's texts: the width of a punctuation mark is compared as one, the words exactly.
  const trimmed = (paragraphs: string[]) => paragraphs.map((paragraph) => foldPunctuation(paragraph.trimEnd()));
  const details = compareParagraphs(trimmed(layoutParagraphs(layout)), trimmed(documentParagraphs(documentXml)));
  details.push(...compareImages(layoutImageOrder(layout), await documentImages(zip, documentXml)));
  if (details.length) return report('altered', alteredHeadline, details, record, digest);

  const signed = localTime(record.signedAt, record.timeZone);
  const signers = record.signatures.map((s) => `${roleLabel[s.role]}${s.name}`).join('、');
  const lines = [
    `会议：${record.meeting.title}（${chineseDate(record.meeting.date)}）`,
    `第 ${record.version} 版${record.kind === 'amendment' ? '（修订）' : ''}，由${signers}签字，${chineseDate(signed.date)} ${signed.time} 封存。`,
    `核验码：${code}`,
  ];
  if (stored.fromAnotherComputer) lines.push('由原电脑签署：这一版随议事会归档从原来的电脑迁入，用签署时保存的公钥核验。');
  const later = db.select({ latest: max(seals.version) }).from(seals).where(eq(seals.meetingId, stored.meetingId)).get();
  if (later?.latest && later.latest > stored.version) lines.push(`注意：此后还有第 ${later.latest} 版修订，请以最新一版为准。`);
  return report('signed', '文件与签署时的内容完全一致，签名有效。', lines, record, digest);
}
