/**
 * The signed record of a meeting: everything the minutes say, as plain data. Its canonical JSON
 * (keys sorted, strings NFC, see shared/domain/canonical-json.ts) is hashed with SHA-256 and the
 * digest signed with the council's Ed25519 key. The Word file is laid out from this record alone,
 * so a copy can be re-checked against it word for word (see ./verify.ts).
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { asc, eq } from 'drizzle-orm';
import type { Json } from '../../../../shared/domain/seals/canonical-json';
import type { VoteState } from '../../../../shared/api/areas/voting';
import { formatCentiArea } from '../../../../shared/domain/roster/floor-area';
import { ruleUsesArea } from '../../../../shared/domain/voting/rules';
import type { Db } from '../../db/client';
import { getCouncil } from '../councils/service';
import { getMeeting } from '../meetings/service';
import { listVotes } from '../voting/votes';
import { minutesBlocks, type MinutesBlock } from './minutes-blocks';
import { readMinutesForSeal } from './minutes-source';
import { attendance } from '../attendance/schema';
import { proxiesInForce } from '../attendance/proxy-list';
import { tasks } from '../followup/schema';
import { agendaItems } from '../meetings/schema';
import { households, people } from '../roster/schema';

/**
 * Version 2 prints the audit chain's head into the pages; version 3 lays the minutes out as an
 * office files them (each vote's explanation once, no empty heading, the title broken between
 * words, labels spread to one width). A record is always laid out as its version was signed.
 */
export const recordFormat = 'courtyard-minutes/3';

export interface RecordPerson {
  name: string;
  household: string | null;
}

export interface RecordAttendee extends RecordPerson {
  observer: boolean;
  member: boolean;
  arrivedAt: string;
  leftAt: string | null;
  /** SHA-256 hex of the sign-in signature PNG, or null when none was taken. */
  signature: string | null;
  /**
   * Signed by hand on the printed sheet and entered afterwards (纸上签到). Present only then, so a
   * record without paper signatures reads, and hashes, as before.
   */
  onPaper?: true;
}

export interface RecordVoteCount {
  headcount: number;
  /** Floor area as text (m², two decimals), or null when the rule does not weigh area. */
  area: string | null;
}

export interface RecordVote {
  id: number;
  title: string;
  matter: string | null;
  mode: VoteState['mode'];
  ruleName: string;
  legalBasis: string | null;
  usesArea: boolean;
  entitled: number;
  present: number;
  ballotsCast: number;
  counts: { for: RecordVoteCount; against: RecordVoteCount; abstain: RecordVoteCount; blank: RecordVoteCount };
  quorum: string | null;
  threshold: string;
  passed: boolean | null;
  explanation: string;
  locked: boolean;
  replaces: number | null;
  correctionReason: string | null;
  supersededBy: number | null;
}

export interface RecordTask {
  matter: string;
  title: string;
  owner: string;
  deadline: string | null;
}

export interface RecordSignature {
  role: 'chair' | 'secretary';
  name: string;
  signedAt: string;
  /** SHA-256 hex of the handwritten signature PNG. */
  image: string;
}

export interface SealedRecord {
  format: 'courtyard-minutes/1' | 'courtyard-minutes/2' | typeof recordFormat;
  kind: 'minutes' | 'amendment';
  version: number;
  /** The time zone in which times are written in the document (the host's, at signing). */
  timeZone: string;
  council: { id: number; name: string; community: string };
  meeting: { id: number; title: string; date: string; startTime: string; place: string; chair: string | null; secretary: string | null };
  agenda: Array<{ position: number; title: string; text: string }>;
  attendance: {
    /** Council members: who is entitled to attend and vote in a council meeting. */
    entitled: string[];
    present: string[];
    absent: string[];
    /** Attending without a vote (列席): observers and anyone not a member. */
    attending: string[];
    entries: RecordAttendee[];
    proxies: Array<{ grantor: string; household: string | null; holder: string }>;
  };
  minutes: MinutesBlock[];
  votes: RecordVote[];
  tasks: RecordTask[];
  signatures: RecordSignature[];
  auditHead: { seq: number; hash: string };
  signedAt: string;
  amends: { version: number; digest: string; note: string } | null;
}

export const sha256Hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

function tally(count: { headcount: number; areaCenti: number | null } | undefined, usesArea: boolean): RecordVoteCount {
  return { headcount: count?.headcount ?? 0, area: usesArea && count?.areaCenti != null ? formatCentiArea(count.areaCenti) : null };
}

function recordVotes(db: Db, meetingId: number, agendaTitles: Map<number, string>): RecordVote[] {
  const votes = listVotes(db, meetingId);
  const supersededBy = new Map<number, number>();
  for (const vote of votes) if (vote.replacesVoteId !== null) supersededBy.set(vote.replacesVoteId, vote.id);
  return votes.map((vote) => {
    const usesArea = ruleUsesArea(vote.rule);
    const counts = vote.outcome?.counts;
    return {
      id: vote.id,
      title: vote.title,
      matter: vote.agendaItemId === null ? null : (agendaTitles.get(vote.agendaItemId) ?? null),
      mode: vote.mode,
      ruleName: vote.rule.name,
      legalBasis: vote.rule.legalBasis,
      usesArea,
      entitled: vote.outcome?.entitled.headcount ?? vote.entitled,
      present: vote.outcome?.present.headcount ?? vote.present,
      ballotsCast: vote.ballotsCast,
      counts: {
        for: tally(counts?.for ?? vote.totals.for, usesArea),
        against: tally(counts?.against ?? vote.totals.against, usesArea),
        abstain: tally(counts?.abstain ?? vote.totals.abstain, usesArea),
        blank: tally(counts?.blank ?? vote.totals.blank, usesArea),
      },
      quorum: vote.outcome?.quorum?.label ?? null,
      threshold: vote.outcome?.threshold.label ?? '',
      passed: vote.outcome?.passed ?? null,
      explanation: vote.outcome?.explanation ?? vote.outcomeProblem ?? '',
      locked: vote.status === 'locked',
      replaces: vote.replacesVoteId,
      correctionReason: vote.correctionReason,
      supersededBy: supersededBy.get(vote.id) ?? null,
    };
  });
}

/** The attendance rows with their signature images, in the order people arrived. */
export function attendanceRows(db: Db, meetingId: number) {
  return db
    .select({
      name: people.name,
      household: households.code,
      roles: people.roles,
      observer: attendance.observer,
      arrivedAt: attendance.arrivedAt,
      leftAt: attendance.leftAt,
      signature: attendance.signaturePng,
      onPaper: attendance.onPaper,
    })
    .from(attendance)
    .innerJoin(people, eq(people.id, attendance.personId))
    .leftJoin(households, eq(households.id, people.householdId))
    .where(eq(attendance.meetingId, meetingId))
    .orderBy(asc(attendance.arrivedAt), asc(attendance.id))
    .all();
}

function taskRows(db: Db, meetingId: number): RecordTask[] {
  return db
    .select({ matter: agendaItems.title, title: tasks.title, owner: tasks.ownerName, deadline: tasks.deadline })
    .from(tasks)
    .innerJoin(agendaItems, eq(agendaItems.id, tasks.agendaItemId))
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(tasks.id))
    .all();
}

export interface RecordInput {
  db: Db;
  /** The minutes' Yjs store is read through the raw connection (see minutes/store.ts). */
  sqlite: Database.Database;
  meetingId: number;
  kind: SealedRecord['kind'];
  version: number;
  signatures: RecordSignature[];
  auditHead: { seq: number; hash: string };
  signedAt: string;
  amends: SealedRecord['amends'];
  timeZone?: string;
}

/** Gathers the record from the database as it is now (inside the signing transaction). */
export function buildRecord(input: RecordInput): SealedRecord {
  const { db, sqlite, meetingId } = input;
  const meeting = getMeeting(db, meetingId);
  const council = getCouncil(db, meeting.councilId);
  const agendaTitles = new Map(meeting.agenda.map((item) => [item.id, item.title]));

  const rows = attendanceRows(db, meetingId);
  const members = db
    .select({ name: people.name, roles: people.roles })
    .from(people)
    .where(eq(people.councilId, meeting.councilId))
    .orderBy(asc(people.id))
    .all()
    .filter((person) => person.roles.includes('member'));
  const entries: RecordAttendee[] = rows.map((row) => ({
    name: row.name,
    household: row.household,
    observer: row.observer,
    member: row.roles.includes('member'),
    arrivedAt: row.arrivedAt,
    leftAt: row.leftAt,
    signature: row.signature ? sha256Hex(row.signature) : null,
    ...(row.onPaper ? { onPaper: true as const } : {}),
  }));
  const presentMembers = new Set(entries.filter((entry) => entry.member && !entry.observer).map((entry) => entry.name));
  const proxies = proxiesInForce(db, meetingId);
  const tasks = taskRows(db, meetingId);

  return {
    format: recordFormat,
    kind: input.kind,
    version: input.version,
    timeZone: input.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    council: { id: council.id, name: council.name, community: council.community },
    meeting: {
      id: meeting.id,
      title: meeting.title,
      date: meeting.date,
      startTime: meeting.startTime,
      place: meeting.place,
      chair: meeting.chairName,
      secretary: meeting.secretaryName,
    },
    agenda: meeting.agenda.map((item) => ({ position: item.position, title: item.title, text: item.text })),
    attendance: {
      entitled: members.map((person) => person.name),
      present: members.filter((person) => presentMembers.has(person.name)).map((person) => person.name),
      absent: members.filter((person) => !presentMembers.has(person.name)).map((person) => person.name),
      attending: entries.filter((entry) => entry.observer || !entry.member).map((entry) => entry.name),
      entries,
      proxies,
    },
    minutes: minutesBlocks(readMinutesForSeal(sqlite, meetingId)),
    votes: recordVotes(db, meetingId, agendaTitles),
    tasks,
    signatures: input.signatures,
    auditHead: input.auditHead,
    signedAt: input.signedAt,
    amends: input.amends,
  };
}

export const recordJson = (record: SealedRecord): Json => record as unknown as Json;
