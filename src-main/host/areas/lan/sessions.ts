/**
 * Join codes and participant sessions. The chair opens a meeting for joining with a role; the code
 * is shown once and only its SHA-256 is stored. A person who types it (with a name) becomes a
 * participant with a random session token, also stored only as a hash. A session lasts as long as
 * its code: closing the meeting for joining, the code expiring or the chair removing the person
 * ends it at once, on the next request. A session whose code is gone (deleted) has nothing that
 * would ever end it, so it is no session at all (fail closed).
 */
import { and, asc, eq, getTableColumns, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { JoinCodeInfo, ParticipantInfo } from '../../../../shared/api/areas/lan';
import type { ParticipantRole as ParticipantRoleName } from '../../../../shared/api/kit';
import type { Caller } from '../../core/caller';
import { HostError, notFound } from '../../core/errors';
import type { Db } from '../../db/client';
import { preparedOnce } from '../../db/prepared';
import { meetings } from '../meetings/schema';
import { joinCodes, participants } from './schema';

// Asked after every change of any area (whether the LAN listeners are wanted): compiled once per database.
const anyValidCodeQuery = preparedOnce((db) =>
  db
    .select({ id: joinCodes.id })
    .from(joinCodes)
    .where(and(isNull(joinCodes.revokedAt), gt(joinCodes.expiresAt, sql.placeholder('at'))))
    .limit(1)
    .prepare(),
);

/** No 0/O, 1/I/L: codes are read aloud and typed on phones by older residents. */
const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const codeLength = 8;
/** A participant counts as online when seen this recently. */
export const onlineWindowMs = 2 * 60 * 1000;
/** Last-seen is written at most this often per participant, not on every request. */
const touchEveryMs = 15 * 1000;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < codeLength; i += 1) code += codeAlphabet[randomInt(codeAlphabet.length)];
  return code;
}

/** ABCD-EFGH: easier to read aloud. The join form accepts it with or without the dash. */
export const showCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

export const newSessionToken = () => randomBytes(32).toString('base64url');

/** A participant still let in at `at`: not removed, and their code still there, neither closed nor expired. Needs the join with join_codes. */
function stillLetIn(at: string) {
  return and(isNull(participants.removedAt), isNotNull(joinCodes.id), isNull(joinCodes.revokedAt), gt(joinCodes.expiresAt, at));
}

export class AccessSessions {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  /** `shown`: a room code, kept so the projector can show it all meeting (a personal code never is). */
  createCode(meetingId: number, role: ParticipantRoleName, validMinutes: number, shown = false): { code: string; expiresAt: string; id: number } {
    const meeting = this.db.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meetingId)).get();
    if (!meeting) throw notFound('会议');
    const now = this.now();
    const expiresAt = new Date(now.getTime() + validMinutes * 60_000).toISOString();
    // A clash of 31^8 codes is next to impossible, but a unique index would turn it into an error: draw again.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const code = newJoinCode();
      const hash = sha256(code);
      if (this.db.select({ id: joinCodes.id }).from(joinCodes).where(eq(joinCodes.codeHash, hash)).get()) continue;
      const row = this.db
        .insert(joinCodes)
        .values({ meetingId, codeHash: hash, role, createdAt: now.toISOString(), expiresAt, shownCode: shown ? code : null })
        .returning({ id: joinCodes.id })
        .get();
      return { code, expiresAt, id: row.id };
    }
    throw new HostError('internal', '无法生成加入码，请重试。');
  }

  validCodes(meetingId: number): JoinCodeInfo[] {
    return this.db
      .select({ id: joinCodes.id, meetingId: joinCodes.meetingId, role: joinCodes.role, createdAt: joinCodes.createdAt, expiresAt: joinCodes.expiresAt })
      .from(joinCodes)
      .where(and(eq(joinCodes.meetingId, meetingId), isNull(joinCodes.revokedAt), gt(joinCodes.expiresAt, this.now().toISOString())))
      .orderBy(asc(joinCodes.id))
      .all();
  }

  /** Whether any code anywhere is still valid: the host listens on the LAN while one is. */
  anyValidCode(): boolean {
    return anyValidCodeQuery(this.db).get({ at: this.now().toISOString() }) !== undefined;
  }

  /** Ends joining for a meeting: its codes stop working and everyone who joined with them is cut off. */
  close(meetingId: number): { closedCodes: number; removedParticipants: number } {
    const at = this.now().toISOString();
    const codes = this.db.update(joinCodes).set({ revokedAt: at }).where(and(eq(joinCodes.meetingId, meetingId), isNull(joinCodes.revokedAt))).run();
    const people = this.db.update(participants).set({ removedAt: at }).where(and(eq(participants.meetingId, meetingId), isNull(participants.removedAt))).run();
    return { closedCodes: codes.changes, removedParticipants: people.changes };
  }

  /** The meeting's room code while it is valid, with how many joined with it (still in). */
  roomCode(meetingId: number): { id: number; code: string; expiresAt: string; joined: number } | null {
    const at = this.now().toISOString();
    const row = this.db
      .select({ id: joinCodes.id, code: joinCodes.shownCode, expiresAt: joinCodes.expiresAt })
      .from(joinCodes)
      .where(and(eq(joinCodes.meetingId, meetingId), isNotNull(joinCodes.shownCode), isNull(joinCodes.revokedAt), gt(joinCodes.expiresAt, at)))
      .orderBy(asc(joinCodes.id))
      .get();
    if (!row?.code) return null;
    const joined = this.db.$client
      .prepare('SELECT count(*) FROM participants WHERE join_code_id = ? AND removed_at IS NULL')
      .pluck()
      .get(row.id) as number;
    return { id: row.id, code: row.code, expiresAt: row.expiresAt, joined };
  }

  /** Ends the meeting's room code: nobody joins with it any more, and those who did are let out. */
  endRoom(meetingId: number): { ended: number } {
    return { ended: endRoomCodes(this.db, meetingId, this.now()) };
  }

  join(code: string, name: string, address: string): { participantId: number; meetingId: number; role: ParticipantRoleName; token: string } {
    const row = this.db.select().from(joinCodes).where(eq(joinCodes.codeHash, sha256(code))).get();
    const now = this.now().toISOString();
    if (!row || row.revokedAt || row.expiresAt <= now) {
      throw new HostError('forbidden', '加入码不对或已失效。请核对后再输入，或请主持人给一个新的加入码。');
    }
    const token = newSessionToken();
    const participant = this.db
      .insert(participants)
      .values({ meetingId: row.meetingId, joinCodeId: row.id, tokenHash: sha256(token), name, role: row.role, address, joinedAt: now, lastSeenAt: now })
      .returning({ id: participants.id })
      .get();
    return { participantId: participant.id, meetingId: row.meetingId, role: row.role, token };
  }

  /**
   * The caller a session token stands for, or null when the token is unknown, removed, or its
   * code was closed or expired. Notes when and from where the participant was last seen.
   */
  identify(token: string, address: string): Extract<Caller, { kind: 'participant' }> | null {
    if (!this.db.$client.open) return null;
    const now = this.now();
    const row = this.db
      .select({
        id: participants.id,
        meetingId: participants.meetingId,
        name: participants.name,
        role: participants.role,
        address: participants.address,
        lastSeenAt: participants.lastSeenAt,
      })
      .from(participants)
      .leftJoin(joinCodes, eq(joinCodes.id, participants.joinCodeId))
      .where(and(eq(participants.tokenHash, sha256(token)), stillLetIn(now.toISOString())))
      .get();
    if (!row) return null;
    if (row.address !== address || now.getTime() - Date.parse(row.lastSeenAt) > touchEveryMs) {
      try {
        this.db.update(participants).set({ lastSeenAt: now.toISOString(), address }).where(eq(participants.id, row.id)).run();
      } catch {
        // Last-seen is a courtesy for the chair's list; a full disk must not lock people out.
      }
    }
    return { kind: 'participant', participantId: row.id, meetingId: row.meetingId, role: row.role, name: row.name };
  }

  /** Still allowed in? (Checked again for long-lived connections: events, signaling.) */
  stillValid(participantId: number): boolean {
    if (!this.db.$client.open) return false;
    return (
      this.db
        .select({ id: participants.id })
        .from(participants)
        .leftJoin(joinCodes, eq(joinCodes.id, participants.joinCodeId))
        .where(and(eq(participants.id, participantId), stillLetIn(this.now().toISOString())))
        .get() !== undefined
    );
  }

  participants(meetingId: number): ParticipantInfo[] {
    const now = this.now();
    const rows = this.db
      .select(getTableColumns(participants))
      .from(participants)
      .leftJoin(joinCodes, eq(joinCodes.id, participants.joinCodeId))
      .where(and(eq(participants.meetingId, meetingId), stillLetIn(now.toISOString())))
      .orderBy(asc(participants.joinedAt), asc(participants.id))
      .all();
    return rows.map((row) => ({
      id: row.id,
      meetingId: row.meetingId,
      name: row.name,
      role: row.role,
      address: row.address,
      joinedAt: row.joinedAt,
      lastSeenAt: row.lastSeenAt,
      online: now.getTime() - Date.parse(row.lastSeenAt) < onlineWindowMs,
    }));
  }

  /** Ends one participant's session; returns whom it was (their meeting and role). */
  remove(participantId: number): { meetingId: number; role: ParticipantRoleName } {
    const removed = this.db
      .update(participants)
      .set({ removedAt: this.now().toISOString() })
      .where(and(eq(participants.id, participantId), isNull(participants.removedAt)))
      .returning({ meetingId: participants.meetingId, role: participants.role })
      .get();
    if (!removed) throw notFound('参会人');
    return removed;
  }
}

/**
 * Ends a meeting's room codes (the meeting's end does this too: a code on the wall is for the
 * evening, not for ever). Answers how many were ended.
 */
export function endRoomCodes(db: Db, meetingId: number, now: Date): number {
  return db
    .update(joinCodes)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(joinCodes.meetingId, meetingId), isNotNull(joinCodes.shownCode), isNull(joinCodes.revokedAt)))
    .run().changes;
}
