/**
 * The whole check of the audit log, as audit:verify, `npm run verify:audit` and the start check
 * run it:
 *
 * 1. The chain walks whole: each entry follows from the one before (./audit-log.ts).
 * 2. The chain matches every head signed with a registered council key (./heads.ts) and every head
 *    sealed into signed minutes (the record's auditHead, under the seal's signature). Deleting
 *    entries from the end leaves a signed head beyond the last entry (第 N 条之后的记录缺失);
 *    editing an entry and recomputing every later hash leaves a signed head whose entry no longer
 *    has the signed hash. Neither can be signed again without the council's private key.
 * 3. The tables match the log (./cross-check.ts): a ballot changed with the log untouched.
 *
 * Trust comes from the keys registered in this database, as for the minutes (seals/verify.ts).
 * Raw SQL: it runs on the read-only connection of `npm run verify:audit` too.
 */
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { AuditReport, SignedHeadSummary } from '../../../../shared/api/areas/audit';
import { keyFingerprint, verifyDigest } from '../seals/keys';
import { verifyAuditChain } from './audit-log';
import { crossCheck } from './cross-check';
import { headDigest } from './heads';
import { importedFromArchives } from './imported';

interface Anchor extends SignedHeadSummary {
  /** How the message names where the head was signed. */
  source: string;
}

const short = (hash: string) => hash.slice(0, 12);
/** A space between a Chinese word and a date that follows it, as 第 N 条 is written. */
const spaced = (text: string) => (/^\d/.test(text) ? ` ${text}` : text);

/** 2026-11-22T12:00:00.000Z → 2026-11-22 20:00 in the host's time zone (where the chair reads it). */
function when(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const reasonLabel: Record<string, string> = {
  'vote.close': '表决结束时',
  'vote.lock': '锁定表决结果时',
  'minutes.seal': '会议记录封存时',
  shutdown: '程序正常关闭时',
};

/** Every signed head whose signature holds, and a sentence for each one that does not. */
function anchors(sqlite: Database.Database): { anchors: Anchor[]; problems: string[] } {
  const keys = sqlite.prepare('SELECT id, council_id AS councilId, public_key AS publicKey FROM council_keys').all() as Array<{
    id: number;
    councilId: number;
    publicKey: string;
  }>;
  const byFingerprint = new Map(keys.map((key) => [keyFingerprint(key.publicKey), key]));
  const byId = new Map(keys.map((key) => [key.id, key]));
  const councilExists = sqlite.prepare('SELECT count(*) FROM councils WHERE id = ?').pluck();
  const found: Anchor[] = [];
  const problems: string[] = [];

  // A file from before signed heads existed (read by verify:audit without migrating) has no table of them.
  const hasHeads = (sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit_heads'").pluck().get() as number) > 0;
  const heads = (hasHeads ? sqlite : null)
    ?.prepare('SELECT id, seq, hash, council_id AS councilId, key_fingerprint AS fingerprint, reason, signed_at AS signedAt, signature FROM audit_heads ORDER BY id')
    .all() as Array<{ id: number; seq: number; hash: string; councilId: number; fingerprint: string; reason: string; signedAt: string; signature: string }> | undefined;
  for (const head of heads ?? []) {
    const source = `${when(head.signedAt)} ${reasonLabel[head.reason] ?? ''}签署的链头`;
    const label = `${source}（第 ${head.seq} 条）`;
    const key = byFingerprint.get(head.fingerprint);
    if (!key) {
      // A council removed takes its keys with it; a council still here never loses a key (keys are retired, not deleted).
      if ((councilExists.get(head.councilId) as number) > 0) problems.push(`${label}所用的密钥不在本机登记的密钥中：密钥或链头被改动过。`);
      continue;
    }
    // The key is trusted for being registered here (an archive's copy of a council registers the same key
    // for the copy); which council signed is part of what the signature covers.
    if (!verifyDigest(key.publicKey, headDigest(head), head.signature)) {
      problems.push(`${label}的签名无效：它在签署后被改动过。`);
      continue;
    }
    found.push({ seq: head.seq, hash: head.hash, signedAt: head.signedAt, reason: head.reason, source });
  }

  const seals = sqlite
    .prepare('SELECT s.meeting_id AS meetingId, s.version, s.key_id AS keyId, s.canonical, s.digest, s.signature, m.title FROM seals s LEFT JOIN meetings m ON m.id = s.meeting_id ORDER BY s.id')
    .all() as Array<{ meetingId: number; version: number; keyId: number; canonical: string; digest: string; signature: string; title: string | null }>;
  const imported = importedFromArchives(sqlite);
  const sealEntries = sqlite.prepare("SELECT seq FROM audit_log WHERE kind = 'minutes.seal' AND meeting_id = ? AND instr(payload, ?) > 0").pluck();
  const inImport = (seq: number) => imported.ranges.some(([first, last]) => seq >= first && seq <= last);
  // Minutes sealed on the computer an archive came from name that computer's chain: only seals made here anchor this one.
  const sealedHere = (seal: { meetingId: number; digest: string }) =>
    !imported.meetings.has(seal.meetingId) || (sealEntries.all(seal.meetingId, seal.digest) as number[]).some((seq) => !inImport(seq));
  for (const seal of seals) {
    if (!sealedHere(seal)) continue;
    const label = `会议记录“${seal.title ?? ''}”第 ${seal.version} 版`;
    const key = byId.get(seal.keyId);
    const digest = createHash('sha256').update(seal.canonical, 'utf8').digest('hex');
    if (!key || digest !== seal.digest || !verifyDigest(key.publicKey, digest, seal.signature)) {
      problems.push(`${label}的签署信息被改动过：签名对不上。`);
      continue;
    }
    let record: { auditHead?: { seq?: unknown; hash?: unknown }; signedAt?: unknown } = {};
    try {
      record = JSON.parse(seal.canonical) as typeof record;
    } catch {
      // The signature held over text that is not JSON: nothing this host wrote; no head to compare.
    }
    const head = record.auditHead;
    if (head && typeof head.seq === 'number' && typeof head.hash === 'string' && head.seq > 0) {
      const signedAt = typeof record.signedAt === 'string' ? record.signedAt : '';
      found.push({ seq: head.seq, hash: head.hash, signedAt, reason: 'minutes', source: `${label}签署时的链头` });
    }
  }
  return { anchors: found, problems };
}

/** The log against its signed heads: entries missing from the end, or recomputed behind a head. */
function compareWithAnchors(sqlite: Database.Database, list: Anchor[]): string[] {
  if (!list.length) return [];
  const problems: string[] = [];
  const last = (sqlite.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number | null) ?? 0;
  const newest = list.reduce((a, b) => (b.seq > a.seq || (b.seq === a.seq && b.signedAt > a.signedAt) ? b : a));
  if (newest.seq > last) {
    problems.push(
      last === 0
        ? `审计记录全部缺失：${newest.source}是第 ${newest.seq} 条。`
        : `第 ${last} 条之后的记录缺失：${newest.source}是第 ${newest.seq} 条（${short(newest.hash)}）。`,
    );
  }
  const hashAt = sqlite.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck();
  const bySeq = [...list].filter((anchor) => anchor.seq <= last).sort((a, b) => a.seq - b.seq);
  let lastGood = 0;
  const named = new Set<string>();
  for (const anchor of bySeq) {
    const hash = hashAt.get(anchor.seq) as string | undefined;
    // A gap in the numbering is named by the walk of the chain.
    if (hash === undefined) continue;
    if (hash === anchor.hash) {
      lastGood = anchor.seq;
      continue;
    }
    const sentence = `审计记录第 ${anchor.seq} 条与${spaced(anchor.source)}不符：第 ${lastGood + 1} 条至第 ${anchor.seq} 条之间的记录在签署后被改动过，其后的哈希被重新计算。`;
    // One sentence per kind of anchor is enough to name the range; more would repeat it.
    const kind = anchor.reason === 'minutes' ? 'minutes' : 'head';
    if (!named.has(kind)) problems.push(sentence);
    named.add(kind);
  }
  return problems;
}

/** Checks the chain, its signed heads and the tables it records; says what is wrong in plain words. */
export function checkAudit(sqlite: Database.Database): AuditReport {
  const chain = verifyAuditChain(sqlite);
  const problems: string[] = [];
  if (!chain.ok) problems.push(`审计记录在第 ${chain.brokenAt} 条处断开：${chain.reason}`);
  const signed = anchors(sqlite);
  problems.push(...signed.problems, ...compareWithAnchors(sqlite, signed.anchors));
  problems.push(...crossCheck(sqlite));

  const heads = signed.anchors.filter((anchor) => anchor.reason !== 'minutes');
  const newest = heads.length ? heads.reduce((a, b) => (b.seq >= a.seq ? b : a)) : null;
  const signedHead = newest ? { seq: newest.seq, hash: newest.hash, signedAt: newest.signedAt, reason: newest.reason } : null;
  const base = { entries: chain.entries, brokenAt: chain.ok ? null : chain.brokenAt, headHash: chain.ok ? chain.headHash : null, signedHead };
  if (problems.length) {
    return {
      ...base,
      ok: false,
      problems,
      message: `审计记录有 ${problems.length} 处问题：${problems.join('')}该数据文件在本程序之外被改动过，请保留此文件作为证据，并联系街道或社区核查。`,
    };
  }
  const anchored = newest ? `与${spaced(newest.source)}（第 ${newest.seq} 条）一致；` : '';
  return {
    ...base,
    ok: true,
    problems: [],
    message: `审计记录完整：共 ${chain.entries} 条，逐条核对无误；${anchored}选票、计票、表决结果和签到与记录相符。`,
  };
}
