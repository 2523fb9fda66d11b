/**
 * A whole council in one file, to move it to a new laptop: every row that belongs to the council
 * (roster, meetings, votes, minutes with their updates, seals and public keys, compacts, follow-up, the
 * audit entries of its meetings and the council's own: its default vote, compacts' signatures,
 * earlier imports), found by following the foreign keys from `councils`. Import makes
 * a new council with fresh ids, rewriting every reference (foreign keys, the few id columns without
 * one, ballots' voter keys, and the people and households a vote's frozen list and closing record name) — so an archive can even be imported beside the council it came from.
 *
 * Format: gzip of JSON { format, version, exportedAt, council, tables: { name: rows[] } }; blobs are
 * base64. JSON rather than a SQLite file because a SQLite file of one council would need the whole
 * schema recreated, and rows as JSON are easy to check before anything is written.
 */
// Raw SQL throughout: the archive copies every table generically, by the names and keys SQLite reports, not by drizzle's tables.
import type { Database } from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FilePayload } from '../../../../shared/api/kit';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../../db/client';
import { HostError, notFound } from '../../core/errors';
import { verifyDigest } from '../seals/keys';
import { safeFileName } from '../../exports/file-name';
import type { ClosingRecord } from '../voting/schema';
import { canonicalJson, type Json } from '../../../../shared/domain/seals/canonical-json';
import { sha256Hex } from '../seals/record';

export const archiveFormat = 'courtyard-council-archive';
/**
 * 2: the council's own audit entries travel too, with its new ids in their payload. A version-1
 * file (meeting entries only) reads the same way; an older build refuses a newer file.
 * 3: council keys travel without their private half (it stays on the computer that made it). A
 * version-1 or 2 file still carries it: it is read the same way, and the private key left out.
 */
export const archiveVersion = 3;
const readableVersions: unknown[] = [1, 2, 3];

/** Columns never written into an archive, nor read from one: the private half of a council's key. */
const staysHome: Record<string, Set<string>> = { council_keys: new Set(['private_key', 'private_key_form']) };

/**
 * Sessions and join codes belong to one evening on one computer; so do the browsers and addresses
 * that supported a wish (the count itself moves with the wish). They do not move. Nor do a written
 * vote's running counts (paper_tally, paper_ballot_tally): their triggers rebuild them as the marks and
 * ballots come in.
 */
const notMoved = new Set(['join_codes', 'participants', 'audit_log', 'wish_supports', 'paper_tally', 'paper_ballot_tally']);

/**
 * Tables that name people and households inside JSON or keys (a vote's frozen electorate, its closing
 * record): they come in after those tables, so the names can be rewritten to the new ids.
 */
const namesPeople: Record<string, string[]> = {
  votes: ['people', 'households'],
  vote_electorate: ['people', 'households'],
  paper_register: ['people', 'households'],
  paper_ballots: ['people', 'households'],
};

/** Id columns without a declared foreign key. */
const extraReferences: Record<string, Record<string, string>> = {
  // A written vote's matter names its round (migration 0019 added the column without a declared key).
  votes: { replaces_vote_id: 'votes', paper_round_id: 'paper_rounds' },
  wishes: { merged_into_id: 'wishes' },
};

interface ForeignKey {
  from: string;
  table: string;
}

interface TableInfo {
  name: string;
  columns: string[];
  /** The single-column primary key, if any. */
  primaryKey: string | null;
  references: ForeignKey[];
  blobColumns: Set<string>;
}

type Row = Record<string, unknown>;

function tableInfos(sqlite: Database): Map<string, TableInfo> {
  const names = (
    sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\'")
      .all() as Array<{ name: string }>
  ).map((row) => row.name);
  const infos = new Map<string, TableInfo>();
  for (const name of names) {
    const columns = sqlite.pragma(`table_info("${name}")`) as Array<{ name: string; pk: number; type: string }>;
    const keys = columns.filter((column) => column.pk > 0);
    const declared = (sqlite.pragma(`foreign_key_list("${name}")`) as Array<{ from: string; table: string }>).map(({ from, table }) => ({ from, table }));
    const extra = Object.entries(extraReferences[name] ?? {}).map(([from, table]) => ({ from, table }));
    infos.set(name, {
      name,
      columns: columns.map((column) => column.name),
      primaryKey: keys.length === 1 ? keys[0]!.name : null,
      references: [...declared, ...extra],
      blobColumns: new Set(columns.filter((column) => /BLOB/i.test(column.type)).map((column) => column.name)),
    });
  }
  return infos;
}

/** Parents before children: a table comes after every table it references (self-references aside). */
function insertionOrder(infos: Map<string, TableInfo>): TableInfo[] {
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  const visit = (info: TableInfo, path: Set<string>) => {
    if (placed.has(info.name) || path.has(info.name)) return;
    path.add(info.name);
    for (const table of [...info.references.map((reference) => reference.table), ...(namesPeople[info.name] ?? [])]) {
      const parent = infos.get(table);
      if (parent && parent.name !== info.name) visit(parent, path);
    }
    placed.add(info.name);
    ordered.push(info);
  };
  for (const info of [...infos.values()].sort((a, b) => a.name.localeCompare(b.name))) visit(info, new Set());
  return ordered;
}

/** The council's rows of each table: a row belongs when one of its references leads to a row that does. */
function councilRows(sqlite: Database, infos: Map<string, TableInfo>, councilId: number): Map<string, Row[]> {
  const chosen = new Map<string, Row[]>();
  const keysOf = new Map<string, Set<unknown>>();
  for (const info of insertionOrder(infos)) {
    if (notMoved.has(info.name)) continue;
    let rows: Row[];
    if (info.name === 'councils') {
      rows = sqlite.prepare('SELECT * FROM councils WHERE id = ?').all(councilId) as Row[];
    } else {
      const owners = info.references.filter((reference) => reference.table !== info.name && keysOf.has(reference.table));
      if (owners.length === 0) continue;
      const all = sqlite.prepare(`SELECT * FROM "${info.name}"`).all() as Row[];
      // A row belongs to the council when a reference that must be set (owner) points into it.
      rows = all.filter((row) => owners.some((owner) => row[owner.from] !== null && keysOf.get(owner.table)!.has(row[owner.from])));
    }
    const sorted = info.primaryKey ? rows.sort((a, b) => Number(a[info.primaryKey!]) - Number(b[info.primaryKey!])) : rows;
    chosen.set(info.name, sorted);
    if (info.primaryKey) keysOf.set(info.name, new Set(sorted.map((row) => row[info.primaryKey!])));
  }
  return chosen;
}

function encodeRow(info: TableInfo, row: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (staysHome[info.name]?.has(key)) continue;
    out[key] = Buffer.isBuffer(value) ? { $base64: value.toString('base64') } : value;
  }
  return out;
}

function decodeValue(value: unknown): unknown {
  if (value && typeof value === 'object' && '$base64' in value && typeof (value as { $base64: unknown }).$base64 === 'string') {
    return Buffer.from((value as { $base64: string }).$base64, 'base64');
  }
  return value;
}

export function exportCouncilArchive(sqlite: Database, councilId: number, now: Date): FilePayload {
  const council = sqlite.prepare('SELECT name FROM councils WHERE id = ?').get(councilId) as { name: string } | undefined;
  if (!council) throw notFound('议事会');
  const infos = tableInfos(sqlite);
  const read = sqlite.transaction(() => {
    const rows = councilRows(sqlite, infos, councilId);
    const meetingIds = new Set((rows.get('meetings') ?? []).map((row) => row.id));
    const compactIds = new Set((rows.get('compacts') ?? []).map((row) => row.id));
    // A meeting's entries; and those about the council or its compacts, also when their meeting is
    // gone (a compact's adoption outlives the meeting that adopted it).
    const audit = (sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[]).filter((row) => {
      if (meetingIds.has(row.meeting_id)) return true;
      const about = councilScope(row.payload);
      return about.councilId === councilId || compactIds.has(about.compactId);
    });
    return { rows, audit };
  });
  const { rows, audit } = read();
  const tables: Record<string, Row[]> = {};
  for (const [name, list] of rows) tables[name] = list.map((row) => encodeRow(infos.get(name)!, row));
  tables.audit_log = audit;
  const body = { format: archiveFormat, version: archiveVersion, exportedAt: now.toISOString(), councilName: council.name, tables };
  const data = gzipSync(Buffer.from(JSON.stringify(body), 'utf8'));
  return {
    // The date as every file name of the app writes it (2026年12月4日), on this computer's calendar.
    fileName: safeFileName([council.name.slice(0, 40), '存档', `${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日`], 'courtyard'),
    mimeType: 'application/gzip',
    dataBase64: data.toString('base64'),
  };
}

/** The council and compact a meeting-less audit entry is about, from its payload. */
function councilScope(payload: unknown): { councilId?: unknown; compactId?: unknown } {
  try {
    const parsed: unknown = JSON.parse(String(payload));
    return parsed && typeof parsed === 'object' ? (parsed as { councilId?: unknown; compactId?: unknown }) : {};
  } catch {
    return {};
  }
}

const unreadable = () => new HostError('invalid_input', '这个文件不是院落议事的议事会归档文件，或者已经损坏。没有导入任何内容。');

/** The most an archive may inflate to: a council of many years is a few MiB; more is a crafted file. */
export const maxArchiveBytes = 64 * 1024 * 1024;

/**
 * Inflated with zlib's own output limit, so a small file that would inflate to gigabytes stops at the
 * limit instead of filling memory, and nothing is parsed unless the whole text fits.
 */
function inflateArchive(dataBase64: string): Buffer {
  try {
    return gunzipSync(Buffer.from(dataBase64, 'base64'), { maxOutputLength: maxArchiveBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new HostError('invalid_input', '归档文件解压后超过 64 MiB，超出了可以导入的大小。没有导入任何内容。');
    }
    throw unreadable();
  }
}

function readArchive(dataBase64: string): { councilName: string; version: number; tables: Record<string, Row[]> } {
  const text = inflateArchive(dataBase64);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.toString('utf8'));
  } catch {
    throw unreadable();
  }
  const body = parsed as { format?: unknown; version?: unknown; councilName?: unknown; tables?: unknown };
  if (!body || body.format !== archiveFormat || typeof body.tables !== 'object' || body.tables === null) throw unreadable();
  if (!readableVersions.includes(body.version)) throw new HostError('invalid_input', '这个归档文件来自不同版本的院落议事，无法导入。没有导入任何内容。');
  const tables = body.tables as Record<string, unknown>;
  for (const rows of Object.values(tables)) {
    if (!Array.isArray(rows) || rows.some((row) => !row || typeof row !== 'object' || Array.isArray(row))) throw unreadable();
  }
  return { councilName: String(body.councilName ?? ''), version: body.version as number, tables: tables as Record<string, Row[]> };
}

/**
 * Every seal in the file must be what it claims: its digest that of its record, its signature made by
 * the key it names. A file that fails this was changed after it was exported, and is refused whole.
 */
function assertSealsHold(tables: Record<string, Row[]>): void {
  const publicKeys = new Map((tables.council_keys ?? []).map((key) => [key.id, key.public_key]));
  for (const seal of tables.seals ?? []) {
    const publicKey = publicKeys.get(seal.key_id);
    const holds =
      typeof publicKey === 'string' &&
      typeof seal.canonical === 'string' &&
      typeof seal.digest === 'string' &&
      typeof seal.signature === 'string' &&
      sha256Hex(seal.canonical) === seal.digest &&
      verifyDigest(publicKey, seal.digest, seal.signature);
    if (!holds) throw new HostError('invalid_input', '归档文件里的签署记录与它的签名对不上，文件在导出后被改动过。没有导入任何内容。');
  }
}

const voterKeyPattern = /^(person|household):(\d+)$/;

/** Brings the archive in as a new council, in one transaction: all of it or nothing. */
export function importCouncilArchive(sqlite: Database, db: Db, dataBase64: string, now: Date): { councilId: number; rows: Record<string, number> } {
  const archive = readArchive(dataBase64);
  assertSealsHold(archive.tables);
  const infos = tableInfos(sqlite);
  const councils = archive.tables.councils;
  if (!councils || councils.length !== 1) throw unreadable();
  for (const name of Object.keys(archive.tables)) {
    if (name !== 'audit_log' && (!infos.has(name) || notMoved.has(name))) throw unreadable();
  }
  const idMaps = new Map<string, Map<number, number>>();
  const mapOf = (table: string) => {
    let map = idMaps.get(table);
    if (!map) idMaps.set(table, (map = new Map()));
    return map;
  };
  const counts: Record<string, number> = {};
  /** A person's or household's new id; a name the file does not hold makes the file unreadable. */
  const newId = (table: 'people' | 'households', old: unknown): number => {
    const mapped = typeof old === 'number' ? idMaps.get(table)?.get(old) : undefined;
    if (mapped === undefined) throw unreadable();
    return mapped;
  };
  /** `person:<id>` / `household:<id>` with the new id. */
  const newVoterKey = (key: unknown): string => {
    const match = typeof key === 'string' ? voterKeyPattern.exec(key) : null;
    if (!match) throw unreadable();
    return `${match[1]}:${newId(match[1] === 'person' ? 'people' : 'households', Number(match[2]))}`;
  };
  const parsed = (text: unknown): unknown => {
    try {
      return JSON.parse(String(text));
    } catch {
      throw unreadable();
    }
  };
  const listOf = (value: unknown): unknown[] => {
    if (!Array.isArray(value)) throw unreadable();
    return value;
  };
  /** A vote's frozen list and closing record name voters by id: rewritten, so they name this council's people. */
  const rewriteVoterIds = (table: string, row: Row) => {
    if (table === 'vote_electorate') {
      row.voter_key = newVoterKey(row.voter_key);
      row.unit_ids_json = JSON.stringify(listOf(parsed(row.unit_ids_json)).map((id) => newId('households', id)));
      row.owner_ids_json = JSON.stringify(listOf(parsed(row.owner_ids_json)).map((id) => newId('people', id)));
      row.cast_through_json = JSON.stringify(listOf(parsed(row.cast_through_json)).map(newVoterKey));
    }
    // A written vote's register (and a named round's ballots) name their voter by key.
    if (table === 'paper_register') row.voter_key = newVoterKey(row.voter_key);
    if (table === 'paper_ballots' && row.voter_key !== null && row.voter_key !== undefined) row.voter_key = newVoterKey(row.voter_key);
    if (table === 'votes' && typeof row.closing_json === 'string') {
      const record = parsed(row.closing_json) as ClosingRecord;
      if (!record || typeof record !== 'object') throw unreadable();
      const rewritten: ClosingRecord = {
        ...record,
        present: listOf(record.present).map(newVoterKey),
        ballots: listOf(record.ballots).map((ballot) => {
          const cast = ballot as ClosingRecord['ballots'][number];
          return { ...cast, voterKey: newVoterKey(cast.voterKey), castById: cast.castById === null ? null : newId('people', cast.castById) };
        }),
        multipleVotes: listOf(record.multipleVotes).map((entry) => {
          const multiple = entry as ClosingRecord['multipleVotes'][number];
          return { ...multiple, personId: newId('people', multiple.personId) };
        }),
      };
      row.closing_json = canonicalJson(rewritten as unknown as Json);
    }
  };
  /**
   * Ballots may be inserted only into an open vote, and a written vote's ballots only into an open round
   * (triggers): votes and rounds come in open and get their status at the end.
   */
  const voteStatuses: Array<{ id: number; status: unknown }> = [];
  const roundStatuses: Array<{ id: number; status: unknown }> = [];
  const pendingSelfReferences: Array<{ table: string; column: string; newId: number; oldTarget: number; key: string }> = [];

  /** The source chain's hash of each audit entry → its hash on this computer's chain. */
  const auditHashes = new Map<string, string>();
  /**
   * The audit entries go onto this computer's chain, in their order, with new meeting ids: the
   * meetings' entries once the meetings are in and before the locked results, which name their entry
   * by its hash; the council's own entries at the end, once its compacts are in, with the council's
   * and the compact's new ids in the payload, so that an archive made here carries them again.
   */
  const moved = { meetings: false, council: false };
  const moveAudit = (part: 'meetings' | 'council') => {
    if (moved[part]) return;
    moved[part] = true;
    for (const entry of archive.tables.audit_log ?? []) {
      // An entry whose meeting is not in the file is the council's own (its meeting was deleted).
      const meetingId = typeof entry.meeting_id === 'number' ? (idMaps.get('meetings')?.get(entry.meeting_id) ?? null) : null;
      if ((meetingId === null) !== (part === 'council')) continue;
      let payload: unknown;
      try {
        payload = JSON.parse(String(entry.payload));
      } catch {
        throw unreadable();
      }
      if (part === 'council' && payload && typeof payload === 'object' && !Array.isArray(payload)) {
        const about = payload as Record<string, unknown>;
        for (const [key, table] of [['councilId', 'councils'], ['compactId', 'compacts']] as const) {
          const mapped = typeof about[key] === 'number' ? idMaps.get(table)?.get(about[key]) : undefined;
          if (mapped !== undefined) about[key] = mapped;
        }
      }
      const appended = appendAudit(db, { kind: String(entry.kind), meetingId, payload: payload as never, at: String(entry.at) });
      if (typeof entry.hash === 'string') auditHashes.set(entry.hash, appended.hash);
      counts.audit_log = (counts.audit_log ?? 0) + 1;
    }
  };

  const work = sqlite.transaction(() => {
    for (const info of insertionOrder(infos)) {
      const rows = archive.tables[info.name];
      if (!rows || notMoved.has(info.name)) continue;
      if (info.name === 'vote_results') moveAudit('meetings');
      const referenceOf = new Map(info.references.map((reference) => [reference.from, reference.table]));
      for (const source of rows) {
        const row: Row = {};
        for (const column of info.columns) {
          if (!(column in source) || staysHome[info.name]?.has(column)) continue;
          let value = decodeValue(source[column]);
          const target = referenceOf.get(column);
          if (target && value !== null && value !== undefined) {
            if (typeof value !== 'number') throw unreadable();
            const mapped = idMaps.get(target)?.get(value);
            if (mapped === undefined) {
              if (target === info.name) {
                pendingSelfReferences.push({ table: info.name, column, newId: 0, oldTarget: value, key: info.primaryKey ?? 'id' });
                value = null;
              } else {
                throw unreadable();
              }
            } else {
              value = mapped;
            }
          }
          row[column] = value;
        }
        if (info.name === 'vote_results' && typeof row.audit_hash === 'string') row.audit_hash = auditHashes.get(row.audit_hash) ?? row.audit_hash;
        if (info.name === 'ballots' && typeof row.voter_key === 'string' && voterKeyPattern.test(row.voter_key)) row.voter_key = newVoterKey(row.voter_key);
        rewriteVoterIds(info.name, row);
        if (info.name === 'minutes_docs') {
          // A room is a meeting place for this evening's browsers: a new one, never the old one's name.
          row.room_name = `courtyard-minutes-${randomBytes(12).toString('hex')}`;
          row.room_password = randomBytes(24).toString('base64url');
          row.snapshot_seq = 0;
        }
        if (info.name === 'council_keys') {
          // The key verifies what it sealed on the old computer and signs nothing here: a new key does.
          row.private_key = '';
          row.private_key_form = 'absent';
          row.retired_at = typeof row.retired_at === 'string' ? row.retired_at : now.toISOString();
        }
        const opensFirst = info.name === 'votes' || info.name === 'paper_rounds';
        const realStatus = opensFirst ? row.status : undefined;
        if (opensFirst) row.status = 'open';
        const oldKey = info.primaryKey ? source[info.primaryKey] : undefined;
        // An own integer id is given anew; a key that is a reference (council_settings.council_id) was mapped above.
        const ownId = info.primaryKey !== null && !referenceOf.has(info.primaryKey);
        if (ownId) delete row[info.primaryKey!];
        const columns = Object.keys(row);
        const result = sqlite
          .prepare(`INSERT INTO "${info.name}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
          .run(...columns.map((c) => row[c] as never));
        if (ownId && typeof oldKey === 'number') mapOf(info.name).set(oldKey, Number(result.lastInsertRowid));
        const pending = pendingSelfReferences.at(-1);
        if (pending && pending.newId === 0 && pending.table === info.name) pending.newId = Number(result.lastInsertRowid);
        if (info.name === 'votes') voteStatuses.push({ id: Number(result.lastInsertRowid), status: realStatus });
        if (info.name === 'paper_rounds') roundStatuses.push({ id: Number(result.lastInsertRowid), status: realStatus });
        counts[info.name] = (counts[info.name] ?? 0) + 1;
      }
    }
    for (const pending of pendingSelfReferences) {
      const mapped = idMaps.get(pending.table)?.get(pending.oldTarget);
      if (mapped === undefined) throw unreadable();
      sqlite.prepare(`UPDATE "${pending.table}" SET "${pending.column}" = ? WHERE "${pending.key}" = ?`).run(mapped, pending.newId);
    }
    fixSnapshotSequences(sqlite, archive.tables, idMaps);
    for (const vote of voteStatuses) sqlite.prepare('UPDATE votes SET status = ? WHERE id = ?').run(vote.status as string, vote.id);
    for (const round of roundStatuses) sqlite.prepare('UPDATE paper_rounds SET status = ? WHERE id = ?').run(round.status as string, round.id);
    moveAudit('meetings');
    moveAudit('council');
    const councilId = idMaps.get('councils')?.get(Number(councils[0]!.id));
    if (councilId === undefined) throw unreadable();
    appendAudit(db, { kind: 'archive-import', meetingId: null, payload: { councilId, councilName: archive.councilName, rows: counts }, at: now.toISOString() });
    return councilId;
  });
  try {
    const councilId = work();
    return { councilId, rows: counts };
  } catch (error) {
    if (error instanceof HostError) throw error;
    throw new HostError('invalid_input', `归档文件的内容与本机数据对不上（${(error as Error).message.slice(0, 80)}），没有导入任何内容。`);
  }
}

/**
 * minutes_docs.snapshot_seq names the last update row already in the snapshot; update rows got new
 * sequence numbers, so it becomes the newest new seq among the rows it covered (or 0 if none).
 */
function fixSnapshotSequences(sqlite: Database, tables: Record<string, Row[]>, idMaps: Map<string, Map<number, number>>): void {
  const docs = tables.minutes_docs ?? [];
  const updates = tables.minutes_updates ?? [];
  const newSeqs = new Map<number, number>();
  const rowsOfMeeting = new Map<number, Array<{ seq: number }>>();
  for (const update of updates) {
    const meetingId = Number(update.meeting_id);
    const list = rowsOfMeeting.get(meetingId) ?? [];
    list.push({ seq: Number(update.seq) });
    rowsOfMeeting.set(meetingId, list);
  }
  const seqMap = idMaps.get('minutes_updates') ?? newSeqs;
  for (const doc of docs) {
    const covered = (rowsOfMeeting.get(Number(doc.meeting_id)) ?? []).filter((row) => row.seq <= Number(doc.snapshot_seq));
    const mapped = covered.map((row) => seqMap.get(row.seq) ?? 0);
    const newMeetingId = idMaps.get('meetings')?.get(Number(doc.meeting_id));
    if (newMeetingId === undefined) continue;
    sqlite.prepare('UPDATE minutes_docs SET snapshot_seq = ? WHERE meeting_id = ?').run(mapped.length ? Math.max(...mapped) : 0, newMeetingId);
  }
}
