/**
 * Signing the minutes. The chair and the secretary each sign with a handwritten signature; the
 * first signature freezes the minutes (read-only), the second seals them: the record
 * (./record.ts) as canonical JSON, its SHA-256 digest, and the council's Ed25519 signature over
 * the digest, stored in `seals` and chained into the audit log. Changes after signing are
 * amendments: opening one makes the minutes editable again, and the next two signatures seal
 * version N+1, which names the version it amends.
 */
import type Database from 'better-sqlite3';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { MinutesSignature, SealStatus, SealSummary, SignerRole } from '../../../../shared/api/areas/seals';
import type { FilePayload } from '../../../../shared/api/kit';
import { canonicalJson } from '../../../../shared/domain/seals/canonical-json';
import { appendAudit, auditHead } from '../audit/audit-log';
import { signAuditHead } from '../audit/heads';
import { auditLog } from '../audit/schema';
import type { Db } from '../../db/client';
import { HostError, conflict, notFound } from '../../core/errors';
import { docxMimeType } from '../../exports/docx-style';
import { safeFileName } from '../../exports/file-name';
import { chineseDate } from './minutes-layout';
import { minutesDocx } from './minutes-docx';
import { getMeeting } from '../meetings/service';
import { listVotes } from '../voting/votes';
import { verificationCode } from './code';
import { activeSigningKey, keyFingerprint, signDigest, type KeyProtector } from './keys';
import { minutesLockTime, readMinutesForSeal, setMinutesLock } from './minutes-source';
import { hasWrittenText, minutesBlocks } from './minutes-blocks';
import { sealQrPng, sealQrText } from './qr';
import { councilKeys, minutesSignatures, seals } from './schema';
import { attendanceRows, buildRecord, recordJson, sha256Hex, type RecordSignature, type SealedRecord } from './record';

type SignatureRow = Pick<typeof minutesSignatures.$inferSelect, 'version' | 'role' | 'name' | 'image' | 'signedAt'>;

const roleLabel: Record<SignerRole, string> = { chair: '主持人', secretary: '记录人' };

function sealRows(db: Db, meetingId: number) {
  return db.select().from(seals).where(eq(seals.meetingId, meetingId)).orderBy(asc(seals.version)).all();
}

function signatureRows(db: Db, meetingId: number, version?: number): SignatureRow[] {
  const rows = db
    .select({
      version: minutesSignatures.version,
      role: minutesSignatures.role,
      name: minutesSignatures.name,
      image: minutesSignatures.image,
      signedAt: minutesSignatures.signedAt,
    })
    .from(minutesSignatures)
    .where(eq(minutesSignatures.meetingId, meetingId))
    .orderBy(asc(minutesSignatures.version), asc(minutesSignatures.id))
    .all();
  return version === undefined ? rows : rows.filter((row) => row.version === version);
}

/** The open amendment: an `minutes.amendment-open` audit entry after the last seal of the meeting. */
function openAmendment(db: Db, meetingId: number): { reason: string; openedAt: string } | null {
  const last = db
    .select({ kind: auditLog.kind, payload: auditLog.payload, at: auditLog.at })
    .from(auditLog)
    .where(and(eq(auditLog.meetingId, meetingId), inArray(auditLog.kind, ['minutes.seal', 'minutes.amendment-open'])))
    .orderBy(desc(auditLog.seq))
    .limit(1)
    .get();
  if (!last || last.kind !== 'minutes.amendment-open') return null;
  // The payload stays the exact text the audit chain hashed; openMinutesAmendment wrote the reason as a string.
  const payload: unknown = JSON.parse(last.payload);
  const reason = typeof payload === 'object' && payload !== null && 'reason' in payload && typeof payload.reason === 'string' ? payload.reason : '';
  return { reason, openedAt: last.at };
}

const publicSignature = (row: SignatureRow): MinutesSignature => ({ role: row.role, name: row.name, signedAt: row.signedAt });

function blockersFor(db: Db, meetingId: number): string[] {
  const meeting = getMeeting(db, meetingId);
  const blockers: string[] = [];
  if (meeting.status !== 'closed') blockers.push('会议还没有结束：请先在会议页或主持台按“结束会议”，再签署会议记录。');
  if (meeting.chairId === null) blockers.push('会议还没有指定主持人。');
  if (meeting.secretaryId === null) blockers.push('会议还没有指定记录人。');
  for (const vote of listVotes(db, meetingId)) {
    if (vote.status === 'open') blockers.push(`表决“${vote.title}”还没有结束。`);
    else if (vote.status === 'closed') blockers.push(`表决“${vote.title}”的结果还没有锁定。`);
  }
  return blockers;
}

export function sealStatus(db: Db, sqlite: Database.Database, meetingId: number): SealStatus {
  const meeting = getMeeting(db, meetingId);
  const sealed = sealRows(db, meetingId);
  const signatures = signatureRows(db, meetingId);
  const amendment = sealed.length ? openAmendment(db, meetingId) : null;
  const latest = sealed.at(-1)?.version ?? 0;
  const complete = latest > 0 && amendment === null;
  const version = latest === 0 ? 1 : amendment ? latest + 1 : latest;
  return {
    meetingId,
    meetingTitle: meeting.title,
    meetingDate: meeting.date,
    chairName: meeting.chairName,
    secretaryName: meeting.secretaryName,
    lockedAt: minutesLockTime(sqlite, meetingId),
    version,
    signatures: signatures.filter((row) => row.version === version).map(publicSignature),
    amendment,
    seals: sealed.map(
      (seal): SealSummary => ({
        version: seal.version,
        kind: seal.kind,
        digest: seal.digest,
        code: verificationCode(seal.digest),
        signedAt: seal.signedAt,
        note: seal.note,
        signers: signatures.filter((row) => row.version === seal.version).map(publicSignature),
      }),
    ),
    blockers: complete ? [] : blockersFor(db, meetingId),
    // Asked only before the first signature of a version (the page asks then): this live query would
    // otherwise read the whole minutes document at every change.
    minutesWritten: complete || signatures.some((row) => row.version === version) || hasWrittenText(minutesBlocks(readMinutesForSeal(sqlite, meetingId))),
    complete,
  };
}

/** One handwritten signature; the second one of a version seals it. Runs inside the caller's transaction. */
export function signMinutes(
  db: Db,
  sqlite: Database.Database,
  input: { meetingId: number; role: SignerRole; signaturePngBase64: string },
  now: Date,
  keyProtector?: KeyProtector,
): SealStatus {
  const status = sealStatus(db, sqlite, input.meetingId);
  if (status.complete) throw conflict('会议记录已经签署并封存。如需更改，请先发起修订。');
  if (status.blockers.length) throw conflict(status.blockers[0]!);
  if (status.signatures.some((signature) => signature.role === input.role)) {
    throw conflict(`${roleLabel[input.role]}已经签过字了。`);
  }
  const meeting = getMeeting(db, input.meetingId);
  const personId = input.role === 'chair' ? meeting.chairId : meeting.secretaryId;
  const name = (input.role === 'chair' ? meeting.chairName : meeting.secretaryName) ?? '';
  const image = Buffer.from(input.signaturePngBase64, 'base64');
  const at = now.toISOString();

  db.insert(minutesSignatures)
    .values({ meetingId: input.meetingId, version: status.version, role: input.role, personId, name, image, signedAt: at })
    .run();
  if (!status.lockedAt) setMinutesLock(sqlite, input.meetingId, true, now);
  appendAudit(db, {
    kind: 'minutes.signature',
    meetingId: input.meetingId,
    at,
    payload: { version: status.version, role: input.role, name, image: sha256Hex(image) },
  });

  const signed = signatureRows(db, input.meetingId, status.version);
  if (signed.length === 2) sealVersion(db, sqlite, input.meetingId, status, signed, now, keyProtector);
  return sealStatus(db, sqlite, input.meetingId);
}

function sealVersion(db: Db, sqlite: Database.Database, meetingId: number, status: SealStatus, signed: SignatureRow[], now: Date, keyProtector?: KeyProtector) {
  const meeting = getMeeting(db, meetingId);
  const key = activeSigningKey(db, meeting.councilId, now, keyProtector);
  const previous = status.seals.at(-1);
  const signatures: RecordSignature[] = (['chair', 'secretary'] as const).map((role) => {
    const row = signed.find((signature) => signature.role === role)!;
    return { role, name: row.name, signedAt: row.signedAt, image: sha256Hex(row.image) };
  });
  const record = buildRecord({
    db,
    sqlite,
    meetingId,
    kind: previous ? 'amendment' : 'minutes',
    version: status.version,
    signatures,
    auditHead: auditHead(db),
    signedAt: now.toISOString(),
    amends: previous && status.amendment ? { version: previous.version, digest: previous.digest, note: status.amendment.reason } : null,
  });
  const canonical = canonicalJson(recordJson(record));
  const digest = sha256Hex(canonical);
  const signature = signDigest(key.privateKey, digest);
  db.insert(seals)
    .values({
      meetingId,
      kind: record.kind,
      version: record.version,
      keyId: key.id,
      canonical,
      digest,
      signature,
      note: status.amendment?.reason ?? '',
      signedAt: record.signedAt,
    })
    .run();
  appendAudit(db, {
    kind: 'minutes.seal',
    meetingId,
    at: record.signedAt,
    payload: { version: record.version, kind: record.kind, digest, key: key.fingerprint },
  });
  signAuditHead(db, { councilId: meeting.councilId }, 'minutes.seal', now, keyProtector);
}

export function openMinutesAmendment(db: Db, sqlite: Database.Database, input: { meetingId: number; reason: string }, now: Date): SealStatus {
  const status = sealStatus(db, sqlite, input.meetingId);
  if (!status.seals.length) throw conflict('会议记录还没有签署，直接修改即可，不需要修订。');
  if (status.amendment) throw conflict(`已有一项修订在进行中（${status.amendment.reason}），请先签署它。`);
  const at = now.toISOString();
  appendAudit(db, {
    kind: 'minutes.amendment-open',
    meetingId: input.meetingId,
    at,
    payload: { reason: input.reason, fromVersion: status.version },
  });
  setMinutesLock(sqlite, input.meetingId, false, now);
  return sealStatus(db, sqlite, input.meetingId);
}

/** Every image the record names, by hash: the handwritten signatures of its version and the sign-in images. */
function recordImages(db: Db, meetingId: number, version: number | null): Map<string, Buffer> {
  const images = new Map<string, Buffer>();
  for (const row of signatureRows(db, meetingId, version ?? undefined)) images.set(sha256Hex(row.image), row.image);
  for (const row of attendanceRows(db, meetingId)) if (row.signature) images.set(sha256Hex(row.signature), row.signature);
  return images;
}

export function exportFileName(record: Pick<SealedRecord, 'meeting' | 'version'>, draft: boolean): string {
  return safeFileName(
    [record.meeting.title, '会议记录', chineseDate(record.meeting.date), record.version > 1 ? `第${record.version}版` : null, draft ? '草稿' : null],
    'docx',
  );
}

export async function exportMinutes(db: Db, sqlite: Database.Database, input: { meetingId: number; version: number | null }, now: Date): Promise<FilePayload> {
  const sealed = sealRows(db, input.meetingId);
  const seal = input.version === null ? sealed.at(-1) : sealed.find((row) => row.version === input.version);
  if (input.version !== null && !seal) throw notFound(`第 ${input.version} 版会议记录`);

  if (!seal) {
    const status = sealStatus(db, sqlite, input.meetingId);
    const signed = signatureRows(db, input.meetingId, status.version);
    const record = buildRecord({
      db,
      sqlite,
      meetingId: input.meetingId,
      kind: 'minutes',
      version: status.version,
      signatures: signed.map((row) => ({ role: row.role, name: row.name, signedAt: row.signedAt, image: sha256Hex(row.image) })),
      auditHead: auditHead(db),
      signedAt: now.toISOString(),
      amends: null,
    });
    const data = await minutesDocx({ record, seal: null, images: recordImages(db, input.meetingId, status.version) });
    return { fileName: exportFileName(record, true), mimeType: docxMimeType, dataBase64: data.toString('base64') };
  }

  // The canonical text is what was hashed and signed, so it stays text; this host wrote it from a SealedRecord.
  const record = JSON.parse(seal.canonical) as SealedRecord;
  const key = db.select({ publicKey: councilKeys.publicKey }).from(councilKeys).where(eq(councilKeys.id, seal.keyId)).get();
  if (!key) throw new HostError('internal', '找不到签署用的密钥，无法导出。');
  const code = verificationCode(seal.digest);
  const qrPng = await sealQrPng(sealQrText(record.meeting, record.version, code, seal.digest));
  const data = await minutesDocx({
    record,
    seal: { digest: seal.digest, code, signature: seal.signature, keyFingerprint: keyFingerprint(key.publicKey), canonical: seal.canonical, qrPng },
    images: recordImages(db, input.meetingId, seal.version),
  });
  return { fileName: exportFileName(record, false), mimeType: docxMimeType, dataBase64: data.toString('base64') };
}
