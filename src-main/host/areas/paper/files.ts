/**
 * The Word files of a written vote (laid out in docx.ts): ballots, register sheets, the 催告 notice,
 * the count record; and the check of a count record's Word file.
 *
 * A sealed count record's file carries the seal in a custom XML part (as the minutes do): the
 * canonical record, its digest, the Ed25519 signature and the key's fingerprint. The check trusts
 * only this database's paper_seals: the file's record must hash to a stored seal's digest, the
 * signature must verify with the key stored with that seal, and the visible text and images must be
 * those of the record laid out again. One changed character → altered.
 */
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import type { FilePayload } from '../../../../shared/api/kit';
import type { VerifyReport } from '../../../../shared/api/areas/seals';
import { localDate } from '../../../../shared/domain/followup/dates';
import type { Db } from '../../db/client';
import { HostError, conflict } from '../../core/errors';
import { embedCustomXml } from '../../exports/custom-xml';
import { docxMimeType } from '../../exports/docx-style';
import { safeFileName } from '../../exports/file-name';
import { verificationCode } from '../seals/code';
import { keyFingerprint, verifyDigest } from '../seals/keys';
import { sha256Hex } from '../seals/record';
import { councilKeys } from '../seals/schema';
import { compareParagraphs, documentImages, documentParagraphs, notWordFile, openWordFile } from '../seals/verify';
import { ballotsDocx, recordDocx, registerDocx, reminderDocx } from './docx';
import type { CountRecordDoc } from './record';
import { paperSeals } from './schema';
import { absentees, getRound, printedBallots, registerLines, sealedRecord } from './service';

export const paperSealNamespace = 'urn:courtyard-council:paper-count-seal:1';

const payload = (parts: Array<string | null>, data: Buffer): FilePayload => ({
  fileName: safeFileName(parts, 'docx'),
  mimeType: docxMimeType,
  dataBase64: data.toString('base64'),
});

const buildingPart = (building: string | null) => (building ? `${building}栋` : null);

export async function ballotsFile(db: Db, roundId: number, building: string | null): Promise<FilePayload> {
  const round = getRound(db, roundId);
  const ballots = printedBallots(db, roundId, building);
  if (!ballots.length) throw new HostError('invalid_input', building ? `${building} 栋没有要发的表决票。请检查楼栋名称。` : '这次书面表决没有表决票。');
  return payload([round.title, '表决票', buildingPart(building)], await ballotsDocx(round, ballots));
}

export async function registerFile(db: Db, roundId: number, building: string | null): Promise<FilePayload> {
  const round = getRound(db, roundId);
  const lines = registerLines(db, roundId, building);
  if (!lines.length) throw new HostError('invalid_input', building ? `登记册里没有 ${building} 栋的住户。请检查楼栋名称。` : '登记册是空的。');
  return payload([round.title, '发放回收登记册', buildingPart(building)], await registerDocx(round, lines, building));
}

export async function reminderFile(db: Db, roundId: number, building: string | null): Promise<FilePayload> {
  const round = getRound(db, roundId);
  if (round.status !== 'open') throw conflict('书面表决已截止收票，不再需要催告。');
  const lines = absentees(db, roundId, building);
  if (!lines.length) throw new HostError('invalid_input', building ? `${building} 栋的表决票都已交回，不需要催告。` : '表决票都已交回，不需要催告。');
  return payload([round.title, '催告通知', buildingPart(building)], await reminderDocx(round, lines, building, localDate(new Date())));
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Adds the seal as a custom XML data part, related from the main document so Word keeps it. */
function embedSeal(docx: Buffer, seal: { roundId: number; digest: string; code: string; signature: string; key: string; canonical: string }): Promise<Buffer> {
  const xml = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    `<courtyardSeal xmlns="${paperSealNamespace}">`,
    `<round>${seal.roundId}</round>`,
    `<digest>${seal.digest}</digest>`,
    `<code>${escapeXml(seal.code)}</code>`,
    `<key>${seal.key}</key>`,
    `<signature>${seal.signature}</signature>`,
    `<record encoding="base64">${Buffer.from(seal.canonical, 'utf8').toString('base64')}</record>`,
    '</courtyardSeal>',
  ].join('');
  return embedCustomXml(docx, { xml, namespace: paperSealNamespace, itemId: '{3D7A2B61-94C0-4E5F-8B1D-6A2C9E0F4B72}' });
}

function sealKey(db: Db, roundId: number): { publicKey: string; fromAnotherComputer: boolean } | null {
  const row = db
    .select({ publicKey: councilKeys.publicKey, form: councilKeys.privateKeyForm })
    .from(paperSeals)
    .innerJoin(councilKeys, eq(councilKeys.id, paperSeals.keyId))
    .where(eq(paperSeals.roundId, roundId))
    .get();
  return row ? { publicKey: row.publicKey, fromAnotherComputer: row.form === 'absent' } : null;
}

/** The count record as Word: sealed (with the seal embedded) once every teller and scrutineer has signed. */
export async function recordFile(db: Db, roundId: number): Promise<FilePayload> {
  const round = getRound(db, roundId);
  const sealed = sealedRecord(db, roundId);
  if (!sealed) throw conflict('计票记录还没有由全部计票人、监票人签字封存，封存后才能导出。');
  const key = sealKey(db, roundId)!;
  const docx = await recordDocx(sealed.record, { digest: sealed.digest, code: sealed.code, signedAt: sealed.signedAt });
  const data = await embedSeal(docx, {
    roundId,
    digest: sealed.digest,
    code: sealed.code,
    signature: sealed.signature,
    key: keyFingerprint(key.publicKey),
    canonical: storedCanonical(db, roundId),
  });
  return payload([round.title, '计票记录'], data);
}

function storedCanonical(db: Db, roundId: number): string {
  return db.select({ canonical: paperSeals.canonical }).from(paperSeals).where(eq(paperSeals.roundId, roundId)).get()?.canonical ?? '';
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function field(xml: string, name: string): string | null {
  const match = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`).exec(xml);
  return match ? match[1]!.replace(/&(amp|lt|gt|quot|apos);/g, (_, entity: string) => entities[entity]!).trim() : null;
}

function report(verdict: VerifyReport['verdict'], headline: string, details: string[], record?: CountRecordDoc, digest?: string, signedAt?: string): VerifyReport {
  return {
    verdict,
    headline,
    details,
    meetingTitle: record?.meetingTitle ?? null,
    version: null,
    code: digest ? verificationCode(digest) : null,
    signedAt: signedAt ?? null,
    signers: [],
  };
}

const alteredHeadline = '文件在封存后被改动过：它与计票人、监票人签字封存时的内容不一致，不能作为正式的计票记录使用。';

export async function verifyRecordFile(db: Db, data: Buffer): Promise<VerifyReport> {
  const opened = await openWordFile(data);
  if (!opened) return report('unknown', notWordFile, []);
  const { zip, documentXml } = opened;
  let xml: string | null = null;
  for (const file of Object.values(zip.files)) {
    if (!/^customXml\/item\d+\.xml$/.test(file.name)) continue;
    const text = await file.async('string');
    if (text.includes(paperSealNamespace)) xml = text;
  }
  if (!xml) {
    const printed: string[] = documentXml.replace(/<[^>]+>/g, '').match(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/g) ?? [];
    const ours = db
      .select({ digest: paperSeals.digest })
      .from(paperSeals)
      .all()
      .some((row) => printed.includes(verificationCode(row.digest)));
    if (ours) return report('altered', '文件已被改动：封存信息被删除。它印有本机封存的计票记录的核验码，但文件里的封存信息已不在。', ['请以本机重新导出的计票记录为准。']);
    return report('unknown', '文件里没有计票记录的封存信息：它不是本软件导出的已封存计票记录。', []);
  }
  const recordText = field(xml, 'record');
  const canonical = recordText ? Buffer.from(recordText.replace(/\s+/g, ''), 'base64').toString('utf8') : '';
  const digest = sha256Hex(canonical);
  const stored = db.select().from(paperSeals).where(eq(paperSeals.digest, digest)).get();
  if (!stored) {
    const named = field(xml, 'digest');
    if (named && db.select().from(paperSeals).where(eq(paperSeals.digest, named)).get()) {
      return report('altered', alteredHeadline, ['文件中保存的计票记录与封存时的不符：记录被改动过。']);
    }
    return report('unknown', '无法确认：这份计票记录不是本议事会封存的（可能来自另一个议事会），或不是用本软件导出的。', ['本机没有这份计票记录的封存记录。']);
  }
  const key = sealKey(db, stored.roundId)!;
  if (!verifyDigest(key.publicKey, digest, stored.signature) || !verifyDigest(key.publicKey, digest, field(xml, 'signature') ?? '')) {
    return report('altered', alteredHeadline, ['文件中的签名与本机保存的封存记录对不上。']);
  }
  const record = JSON.parse(canonical) as CountRecordDoc;
  const code = verificationCode(digest);
  const fresh = await JSZip.loadAsync(await recordDocx(record, { digest, code, signedAt: stored.signedAt }));
  const freshXml = (await fresh.file('word/document.xml')!.async('string')) ?? '';
  const trimmed = (paragraphs: string[]) => paragraphs.map((paragraph) => paragraph.trimEnd());
  const details = compareParagraphs(trimmed(documentParagraphs(freshXml)), trimmed(documentParagraphs(documentXml)));
  const expectedImages = (await documentImages(fresh, freshXml)).filter((hash): hash is string => hash !== null);
  const actualImages = await documentImages(zip, documentXml);
  const moved = expectedImages.filter((hash, index) => actualImages[index] !== hash).length;
  if (moved) details.push(`有 ${moved} 张签名图片或核验二维码被替换、调换或删除。`);
  if (actualImages.length > expectedImages.length) details.push(`文件里多了 ${actualImages.length - expectedImages.length} 张封存时没有的图片。`);
  if (details.length) return report('altered', alteredHeadline, details, record, digest, stored.signedAt);
  const names = record.signatures.map((signature) => `${signature.role === 'teller' ? '计票人' : '监票人'}${signature.name}`).join('、');
  const lines = [`书面表决：${record.round.title}（${record.meetingTitle}）`, `由${names}签字封存。`, `核验码：${code}`];
  if (key.fromAnotherComputer) lines.push('由原电脑封存：随议事会归档从原来的电脑迁入，用封存时保存的公钥核验。');
  return report('signed', '文件与封存时的计票记录完全一致，签名有效。', lines, record, digest, stored.signedAt);
}
