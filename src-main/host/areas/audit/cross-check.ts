/**
 * The tables that decide a vote, checked against the log that recorded them: every ballot, every
 * entered count, every locked result (and the entry its audit_hash names), every vote's status, the
 * electorate fixed at opening and who took part at close (by the hashes the log keeps of them), and
 * every sign-in must be what the log says, and nothing the log recorded may be missing. A row
 * changed with the log left alone is named here; the chain itself is checked in ./verify.ts.
 *
 * Meetings brought in from an archive are left out: their entries carry the other computer's ids
 * (votes, people), and the archive import is itself a recorded step.
 *
 * Raw SQL on purpose: it runs on the read-only connection of `npm run verify:audit` too.
 */
import type Database from 'better-sqlite3';
import { closingHash, electorateHash } from '../voting/frozen';
import type { ClosingRecord } from '../voting/schema';
import { importedFromArchives } from './imported';

interface Entry {
  seq: number;
  at: string;
  kind: string;
  meetingId: number | null;
  payload: Record<string, unknown>;
  hash: string;
}

const choiceLabel: Record<string, string> = { for: '同意', against: '反对', abstain: '弃权', blank: '废票' };
const passedLabel = (passed: unknown) => (passed ? '通过' : '未通过');
const short = (hash: string) => hash.slice(0, 12);

function readEntries(sqlite: Database.Database): Entry[] {
  const rows = sqlite
    .prepare(
      `SELECT seq, at, kind, meeting_id AS meetingId, payload, hash FROM audit_log
       WHERE kind LIKE 'vote.%' OR kind LIKE 'attendance.%' OR kind = 'archive-import' ORDER BY seq`,
    )
    .all() as Array<Omit<Entry, 'payload'> & { payload: string }>;
  return rows.flatMap((row) => {
    try {
      const payload: unknown = JSON.parse(row.payload);
      return payload && typeof payload === 'object' && !Array.isArray(payload) ? [{ ...row, payload: payload as Record<string, unknown> }] : [];
    } catch {
      // An unreadable payload no longer hashes to its entry: the chain walk names it.
      return [];
    }
  });
}

export function crossCheck(sqlite: Database.Database): string[] {
  const entries = readEntries(sqlite);
  const imported = importedFromArchives(sqlite).meetings;
  const own = entries.filter((entry) => entry.meetingId === null || !imported.has(entry.meetingId));
  const problems: string[] = [];

  const votes = new Map(
    (sqlite.prepare('SELECT id, meeting_id AS meetingId, title, status FROM votes').all() as Array<{ id: number; meetingId: number; title: string; status: string }>).map(
      (vote) => [vote.id, vote],
    ),
  );
  const ownVote = (voteId: number) => {
    const vote = votes.get(voteId);
    return vote !== undefined && !imported.has(vote.meetingId);
  };
  const voteName = (voteId: number) => `表决“${votes.get(voteId)?.title ?? `#${voteId}`}”`;
  const householdCode = sqlite.prepare('SELECT code FROM households WHERE id = ?').pluck();
  const personName = sqlite.prepare('SELECT name FROM people WHERE id = ?').pluck();
  const voterLabel = (key: string) => {
    const [kind, id] = key.split(':');
    if (kind === 'household') return `${(householdCode.get(Number(id)) as string | undefined) ?? key} 户`;
    if (kind === 'person') return (personName.get(Number(id)) as string | undefined) ?? key;
    return key;
  };

  // Ballots: one entry per ballot, the same choice and time.
  const loggedBallots = new Map<string, Entry>();
  for (const entry of own) if (entry.kind === 'vote.ballot') loggedBallots.set(`${String(entry.payload.voteId)}|${String(entry.payload.voter)}`, entry);
  const ballots = sqlite.prepare('SELECT vote_id AS voteId, voter_key AS voterKey, choice, at FROM ballots ORDER BY id').all() as Array<{
    voteId: number;
    voterKey: string;
    choice: string;
    at: string;
  }>;
  for (const ballot of ballots) {
    if (!ownVote(ballot.voteId)) continue;
    const key = `${ballot.voteId}|${ballot.voterKey}`;
    const entry = loggedBallots.get(key);
    loggedBallots.delete(key);
    const who = `${voteName(ballot.voteId)}中 ${voterLabel(ballot.voterKey)}的选票`;
    if (!entry) problems.push(`${who}在审计记录中没有记载：它的记录被删除了，或它是在本程序之外加进数据库的。`);
    else if (entry.payload.choice !== ballot.choice) {
      problems.push(`${who}与审计记录第 ${entry.seq} 条不符：审计记录为“${choiceLabel[String(entry.payload.choice)] ?? String(entry.payload.choice)}”，数据库中为“${choiceLabel[ballot.choice] ?? ballot.choice}”。`);
    } else if (entry.at !== ballot.at) problems.push(`${who}的投票时间与审计记录第 ${entry.seq} 条不符。`);
  }
  for (const entry of loggedBallots.values()) {
    const voteId = Number(entry.payload.voteId);
    if (ownVote(voteId)) problems.push(`${voteName(voteId)}中 ${voterLabel(String(entry.payload.voter))}的选票（审计记录第 ${entry.seq} 条）在数据库中已被删除。`);
  }

  // Entered counts: every entry in order, per vote.
  const loggedCounts = new Map<number, Entry[]>();
  for (const entry of own) if (entry.kind === 'vote.counts') loggedCounts.set(Number(entry.payload.voteId), [...(loggedCounts.get(Number(entry.payload.voteId)) ?? []), entry]);
  const countRows = sqlite
    .prepare('SELECT vote_id AS voteId, for_count AS "for", against_count AS against, abstain_count AS abstain, blank_count AS blank, entered_by AS enteredBy, at FROM vote_counts ORDER BY id')
    .all() as Array<{ voteId: number; for: number; against: number; abstain: number; blank: number; enteredBy: string; at: string }>;
  const storedCounts = new Map<number, typeof countRows>();
  for (const row of countRows) if (ownVote(row.voteId)) storedCounts.set(row.voteId, [...(storedCounts.get(row.voteId) ?? []), row]);
  const countText = (c: { for?: unknown; against?: unknown; abstain?: unknown; blank?: unknown }) =>
    `同意 ${String(c.for)}、反对 ${String(c.against)}、弃权 ${String(c.abstain)}、废票 ${String(c.blank ?? 0)}`;
  for (const voteId of new Set([...loggedCounts.keys(), ...storedCounts.keys()])) {
    if (!ownVote(voteId)) continue;
    const logged = loggedCounts.get(voteId) ?? [];
    const stored = storedCounts.get(voteId) ?? [];
    for (let i = 0; i < Math.max(logged.length, stored.length); i += 1) {
      const entry = logged[i];
      const row = stored[i];
      const which = `${voteName(voteId)}的第 ${i + 1} 次计票`;
      if (!entry) problems.push(`${which}（${countText(row!)}）在审计记录中没有记载：它的记录被删除了，或它是在本程序之外加进数据库的。`);
      else if (!row) problems.push(`${which}（审计记录第 ${entry.seq} 条）在数据库中已被删除。`);
      else if (
        entry.payload.for !== row.for ||
        entry.payload.against !== row.against ||
        entry.payload.abstain !== row.abstain ||
        (entry.payload.blank ?? 0) !== row.blank ||
        entry.at !== row.at
      ) {
        problems.push(`${which}与审计记录第 ${entry.seq} 条不符：审计记录为${countText(entry.payload)}，数据库中为${countText(row)}。`);
      }
    }
  }

  // Locked results: the entry its audit_hash names, the outcome, and the vote's status.
  const resultsByHash = new Map<string, Entry>();
  const loggedResults = new Map<number, Entry>();
  const closed = new Set<number>();
  const lockedVotes = new Set<number>();
  for (const entry of own) {
    if (entry.kind === 'vote.result') {
      resultsByHash.set(entry.hash, entry);
      loggedResults.set(Number(entry.payload.voteId), entry);
      lockedVotes.add(Number(entry.payload.voteId));
    }
    if (entry.kind === 'vote.close') closed.add(Number(entry.payload.voteId));
  }
  const results = sqlite
    .prepare('SELECT vote_id AS voteId, passed, explanation, outcome_json AS outcome, audit_hash AS auditHash FROM vote_results ORDER BY vote_id')
    .all() as Array<{ voteId: number; passed: number; explanation: string; outcome: string; auditHash: string }>;
  for (const result of results) {
    if (!ownVote(result.voteId)) continue;
    loggedResults.delete(result.voteId);
    const named = resultsByHash.get(result.auditHash);
    const vote = voteName(result.voteId);
    if (!named || Number(named.payload.voteId) !== result.voteId) {
      problems.push(`表决结果（${vote}）所指的审计记录 ${short(result.auditHash)} 在审计记录中找不到：这一条被删除或改动过。`);
      continue;
    }
    if (Boolean(named.payload.passed) !== Boolean(result.passed)) {
      problems.push(`${vote}锁定的结果与审计记录第 ${named.seq} 条不符：审计记录为“${passedLabel(named.payload.passed)}”，数据库中为“${passedLabel(result.passed)}”。`);
    }
    if (typeof named.payload.explanation === 'string' && named.payload.explanation !== result.explanation) {
      problems.push(`${vote}锁定结果的说明与审计记录第 ${named.seq} 条不符。`);
    }
    let outcomePassed: unknown;
    try {
      outcomePassed = (JSON.parse(result.outcome) as { passed?: unknown }).passed;
    } catch {
      outcomePassed = undefined;
    }
    if (Boolean(outcomePassed) !== Boolean(result.passed)) problems.push(`${vote}锁定结果的计算过程与结论不一致（数据库被改动过）。`);
  }
  for (const [voteId, entry] of loggedResults) {
    if (ownVote(voteId)) problems.push(`${voteName(voteId)}锁定的结果（审计记录第 ${entry.seq} 条）在数据库中已被删除。`);
  }
  for (const [voteId, vote] of votes) {
    if (imported.has(vote.meetingId)) continue;
    if (lockedVotes.has(voteId) && vote.status !== 'locked') problems.push(`${voteName(voteId)}在审计记录中已锁定结果，数据库中的状态却是“${vote.status}”。`);
    else if (closed.has(voteId) && vote.status === 'open') problems.push(`${voteName(voteId)}在审计记录中已经结束，数据库中却仍在进行。`);
  }

  // What a vote is decided on: the list fixed at opening and who took part at close, as the log hashed them.
  const electorateOf = sqlite.prepare(
    'SELECT voter_key AS key, label, area_centi AS areaCenti, unit_ids_json AS unitIds, owner_ids_json AS ownerIds, cast_through_json AS castThrough FROM vote_electorate WHERE vote_id = ? ORDER BY position',
  );
  const closingOf = sqlite.prepare('SELECT closing_json FROM votes WHERE id = ?').pluck();
  const hashOr = (work: () => string) => {
    try {
      return work();
    } catch {
      return null; // unreadable JSON: it matches no hash, so it is named below
    }
  };
  for (const entry of own) {
    const voteId = Number(entry.payload.voteId);
    if (!ownVote(voteId)) continue;
    if (entry.kind === 'vote.open' && typeof entry.payload.electorateHash === 'string') {
      const rows = electorateOf.all(voteId) as Array<{ key: string; label: string; areaCenti: number; unitIds: string; ownerIds: string; castThrough: string }>;
      const stored = hashOr(() =>
        electorateHash(
          rows.map((row) => ({
            ...row,
            unitIds: JSON.parse(row.unitIds) as number[],
            ownerIds: JSON.parse(row.ownerIds) as number[],
            castThrough: JSON.parse(row.castThrough) as string[],
          })),
        ),
      );
      if (stored !== entry.payload.electorateHash) problems.push(`${voteName(voteId)}的表决名单与审计记录第 ${entry.seq} 条不符：开始表决时确定的名单后来被改动过。`);
    }
    if (entry.kind === 'vote.close' && typeof entry.payload.closingHash === 'string') {
      const text = closingOf.get(voteId) as string | null | undefined;
      const stored = typeof text === 'string' ? hashOr(() => closingHash(JSON.parse(text) as ClosingRecord)) : null;
      if (stored !== entry.payload.closingHash) problems.push(`${voteName(voteId)}结束时的参与记录（到场的人和选票）与审计记录第 ${entry.seq} 条不符：它在表决结束后被改动过。`);
    }
  }

  // Sign-in: each person's arrival, departure, observer flag and signature, replayed from the log.
  interface Presence {
    arrivedAt: string;
    leftAt: string | null;
    observer: boolean;
    signed: boolean;
    onPaper: boolean;
    seq: number;
  }
  const replayed = new Map<string, Presence>();
  for (const entry of own) {
    if (entry.meetingId === null) continue;
    const key = `${entry.meetingId}|${String(entry.payload.personId)}`;
    const state = replayed.get(key);
    if (entry.kind === 'attendance.check-in') {
      replayed.set(key, { arrivedAt: entry.at, leftAt: null, observer: Boolean(entry.payload.observer), signed: Boolean(entry.payload.signed), onPaper: false, seq: entry.seq });
    } else if (entry.kind === 'attendance.paper') {
      // Entered afterwards: the arrival is the time written on the paper sheet, not the time of entry.
      replayed.set(key, { arrivedAt: String(entry.payload.at), leftAt: null, observer: Boolean(entry.payload.observer), signed: false, onPaper: true, seq: entry.seq });
    } else if (entry.kind === 'attendance.return' && state) replayed.set(key, { ...state, leftAt: null, seq: entry.seq });
    else if (entry.kind === 'attendance.leave' && state) replayed.set(key, { ...state, leftAt: entry.at, seq: entry.seq });
    else if (entry.kind === 'attendance.undo') replayed.delete(key);
  }
  const meetingTitle = sqlite.prepare('SELECT title FROM meetings WHERE id = ?').pluck();
  const who = (meetingId: number, personId: number) =>
    `${(personName.get(personId) as string | undefined) ?? `#${personId}`}在会议“${(meetingTitle.get(meetingId) as string | undefined) ?? `#${meetingId}`}”的签到`;
  const rows = sqlite
    .prepare('SELECT meeting_id AS meetingId, person_id AS personId, observer, arrived_at AS arrivedAt, left_at AS leftAt, signature_png IS NOT NULL AS signed, on_paper AS onPaper FROM attendance ORDER BY id')
    .all() as Array<{ meetingId: number; personId: number; observer: number; arrivedAt: string; leftAt: string | null; signed: number; onPaper: number }>;
  for (const row of rows) {
    if (imported.has(row.meetingId)) continue;
    const key = `${row.meetingId}|${row.personId}`;
    const state = replayed.get(key);
    replayed.delete(key);
    if (!state) {
      problems.push(`${who(row.meetingId, row.personId)}在审计记录中没有记载：它的记录被删除了，或它是在本程序之外加进数据库的。`);
      continue;
    }
    const differences = [
      state.arrivedAt !== row.arrivedAt ? '签到时间' : null,
      state.leftAt !== row.leftAt ? '离场' : null,
      state.observer !== Boolean(row.observer) ? '列席' : null,
      state.signed !== Boolean(row.signed) ? '签名' : null,
      state.onPaper !== Boolean(row.onPaper) ? '纸上签到' : null,
    ].filter((difference) => difference !== null);
    if (differences.length) problems.push(`${who(row.meetingId, row.personId)}（${differences.join('、')}）与审计记录不符（截至第 ${state.seq} 条）。`);
  }
  for (const [key, state] of replayed) {
    const [meetingId, personId] = key.split('|').map(Number);
    problems.push(`${who(meetingId!, personId!)}（审计记录第 ${state.seq} 条）在数据库中已被删除。`);
  }
  return problems;
}
