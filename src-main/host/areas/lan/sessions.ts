/**
 * Join codes and participant sessions. The chair opens a meeting for joining with a role; the code
 * is shown once and only its SHA-256 is stored. A person who types it (with a name) becomes a
 * participant with a random session token, also stored only as a hash. A session lasts as long as
 * its code: closing the meeting for joining, the code expiring or the chair removing the person
 * ends it at once, on the next request.
 */
import type { Database } from 'better-sqlite3';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { JoinCodeInfo, ParticipantInfo } from '../../../../shared/api/areas/lan';
import type { ParticipantRole as ParticipantRoleName } from '../../../../shared/api/kit';
import type { Caller } from '../../core/caller';
import { HostError, notFound } from '../../core/errors';

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

interface ParticipantRow {
  id: number;
  meeting_id: number;
  join_code_id: number | null;
  name: string;
  role: ParticipantRoleName;
  address: string;
  joined_at: string;
  last_seen_at: string;
  removed_at: string | null;
}

export class AccessSessions {
  constructor(
    private readonly sqlite: Database,
    private readonly now: () => Date,
  ) {}

  createCode(meetingId: number, role: ParticipantRoleName, validMinutes: number): { code: string; expiresAt: string; id: number } {
    const meeting = this.sqlite.prepare('SELECT id FROM meetings WHERE id = ?').get(meetingId);
    if (!meeting) throw notFound('会议');
    const now = this.now();
    const expiresAt = new Date(now.getTime() + validMinutes * 60_000).toISOString();
    // A clash of 31^8 codes is next to impossible, but a unique index would turn it into an error: draw again.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const code = newJoinCode();
      const hash = sha256(code);
      if (this.sqlite.prepare('SELECT 1 FROM join_codes WHERE code_hash = ?').get(hash)) continue;
      const info = this.sqlite
        .prepare('INSERT INTO join_codes (meeting_id, code_hash, role, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
        .run(meetingId, hash, role, now.toISOString(), expiresAt);
      return { code, expiresAt, id: Number(info.lastInsertRowid) };
    }
    throw new HostError('internal', '无法生成加入码,请重试。');
  }

  validCodes(meetingId: number): JoinCodeInfo[] {
    const rows = this.sqlite
      .prepare(
        `SELECT id, meeting_id, role, created_at, expires_at FROM join_codes
         WHERE meeting_id = ? AND revoked_at IS NULL AND expires_at > ? ORDER BY id`,
      )
      .all(meetingId, this.now().toISOString()) as Array<{ id: number; meeting_id: number; role: ParticipantRoleName; created_at: string; expires_at: string }>;
    return rows.map((row) => ({ id: row.id, meetingId: row.meeting_id, role: row.role, createdAt: row.created_at, expiresAt: row.expires_at }));
  }

  /** Whether any code anywhere is still valid: the host listens on the LAN while one is. */
  anyValidCode(): boolean {
    return this.sqlite.prepare('SELECT 1 FROM join_codes WHERE revoked_at IS NULL AND expires_at > ? LIMIT 1').get(this.now().toISOString()) !== undefined;
  }

  /** Ends joining for a meeting: its codes stop working and everyone who joined with them is cut off. */
  close(meetingId: number): { closedCodes: number; removedParticipants: number } {
    const at = this.now().toISOString();
    const codes = this.sqlite.prepare('UPDATE join_codes SET revoked_at = ? WHERE meeting_id = ? AND revoked_at IS NULL').run(at, meetingId);
    const people = this.sqlite.prepare('UPDATE participants SET removed_at = ? WHERE meeting_id = ? AND removed_at IS NULL').run(at, meetingId);
    return { closedCodes: codes.changes, removedParticipants: people.changes };
  }

  join(code: string, name: string, address: string): { participantId: number; meetingId: number; role: ParticipantRoleName; token: string } {
    const row = this.sqlite
      .prepare('SELECT id, meeting_id, role, expires_at, revoked_at FROM join_codes WHERE code_hash = ?')
      .get(sha256(code)) as { id: number; meeting_id: number; role: ParticipantRoleName; expires_at: string; revoked_at: string | null } | undefined;
    const now = this.now().toISOString();
    if (!row || row.revoked_at || row.expires_at <= now) {
      throw new HostError('forbidden', '加入码不对或已失效。请核对后再输入,或请主持人给一个新的加入码。');
    }
    const token = newSessionToken();
    const info = this.sqlite
      .prepare(
        `INSERT INTO participants (meeting_id, join_code_id, token_hash, name, role, address, joined_at, last_seen_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(row.meeting_id, row.id, sha256(token), name, row.role, address, now, now);
    return { participantId: Number(info.lastInsertRowid), meetingId: row.meeting_id, role: row.role, token };
  }

  /**
   * The caller a session token stands for, or null when the token is unknown, removed, or its
   * code was closed or expired. Notes when and from where the participant was last seen.
   */
  identify(token: string, address: string): Extract<Caller, { kind: 'participant' }> | null {
    if (!this.sqlite.open) return null;
    const now = this.now();
    const row = this.sqlite
      .prepare(
        `SELECT p.id, p.meeting_id, p.name, p.role, p.address, p.last_seen_at
         FROM participants p LEFT JOIN join_codes c ON c.id = p.join_code_id
         WHERE p.token_hash = ? AND p.removed_at IS NULL
           AND (p.join_code_id IS NULL OR (c.revoked_at IS NULL AND c.expires_at > ?))`,
      )
      .get(sha256(token), now.toISOString()) as Pick<ParticipantRow, 'id' | 'meeting_id' | 'name' | 'role' | 'address' | 'last_seen_at'> | undefined;
    if (!row) return null;
    if (row.address !== address || now.getTime() - Date.parse(row.last_seen_at) > touchEveryMs) {
      try {
        this.sqlite.prepare('UPDATE participants SET last_seen_at = ?, address = ? WHERE id = ?').run(now.toISOString(), address, row.id);
      } catch {
        // Last-seen is a courtesy for the chair's list; a full disk must not lock people out.
      }
    }
    return { kind: 'participant', participantId: row.id, meetingId: row.meeting_id, role: row.role, name: row.name };
  }

  /** Still allowed in? (Checked again for long-lived connections: events, signaling.) */
  stillValid(participantId: number): boolean {
    if (!this.sqlite.open) return false;
    return (
      this.sqlite
        .prepare(
          `SELECT 1 FROM participants p LEFT JOIN join_codes c ON c.id = p.join_code_id
           WHERE p.id = ? AND p.removed_at IS NULL AND (p.join_code_id IS NULL OR (c.revoked_at IS NULL AND c.expires_at > ?))`,
        )
        .get(participantId, this.now().toISOString()) !== undefined
    );
  }

  participants(meetingId: number): ParticipantInfo[] {
    const now = this.now().getTime();
    const rows = this.sqlite
      .prepare(
        `SELECT p.* FROM participants p LEFT JOIN join_codes c ON c.id = p.join_code_id
         WHERE p.meeting_id = ? AND p.removed_at IS NULL AND (p.join_code_id IS NULL OR (c.revoked_at IS NULL AND c.expires_at > ?))
         ORDER BY p.joined_at, p.id`,
      )
      .all(meetingId, this.now().toISOString()) as ParticipantRow[];
    return rows.map((row) => ({
      id: row.id,
      meetingId: row.meeting_id,
      name: row.name,
      role: row.role,
      address: row.address,
      joinedAt: row.joined_at,
      lastSeenAt: row.last_seen_at,
      online: now - Date.parse(row.last_seen_at) < onlineWindowMs,
    }));
  }

  remove(participantId: number): void {
    const info = this.sqlite
      .prepare('UPDATE participants SET removed_at = ? WHERE id = ? AND removed_at IS NULL')
      .run(this.now().toISOString(), participantId);
    if (info.changes === 0) throw notFound('参会人');
  }
}
