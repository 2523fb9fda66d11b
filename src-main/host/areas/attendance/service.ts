import { and, eq, isNull, sql } from 'drizzle-orm';
import { voteModeSchema } from '../../../../shared/api/areas/voting';
import type { ParsedInput } from '../../../../shared/api/contract';
import type { VotingRule } from '../../../../shared/domain/voting/rules';
import type { AttendanceChange } from '../../../../shared/api/areas/attendance';
import type { CouncilSettings } from '../../../../shared/api/areas/councils';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../../db/client';
import { preparedOnce } from '../../db/prepared';
import { attendance, proxies } from './schema';
import { auditLog } from '../audit/schema';
import { councilSettings } from '../councils/schema';
import { HostError, conflict, notFound } from '../../core/errors';
import { getCouncil } from '../councils/service';
import { meetings } from '../meetings/schema';
import { getPerson } from '../roster/people';
import { personChange, proxyChange } from './sheet';

export { getAttendance } from './sheet';

/** A time of day on this computer's clock (where the council sits), as the door and the minutes show it: 19:05. */
export function clockTime(iso: string): string {
  return new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

const settingsQuery = preparedOnce((db) => db.select().from(councilSettings).where(eq(councilSettings.councilId, sql.placeholder('council'))).prepare());

export function getCouncilSettings(db: Db, councilId: number): CouncilSettings {
  const row = settingsQuery(db).get({ council: councilId });
  // No settings saved: the council must still be there (a row names its council by a foreign key).
  if (!row) getCouncil(db, councilId);
  return {
    councilId,
    maxProxiesPerHolder: row?.maxProxiesPerHolder ?? null,
    requireSignature: row?.requireSignature ?? false,
    requireWrittenProxy: row?.requireWrittenProxy ?? false,
    intakeOpen: row?.intakeOpen ?? false,
    defaultVote: storedDefaultVote(row?.defaultVoteRule ?? null, row?.defaultVoteMode ?? null),
  };
}

/**
 * The stored default is read through the same schema as a vote's rule (the column reads a rule
 * that no longer fits as null): it is not offered, and the form starts from the app's own
 * default instead of failing.
 */
function storedDefaultVote(rule: VotingRule | null, modeText: string | null): CouncilSettings['defaultVote'] {
  if (rule === null || modeText === null) return null;
  const mode = voteModeSchema.safeParse(modeText);
  return mode.success ? { rule, mode: mode.data } : null;
}

/** Saves the rule and ballot mode the council's next votes start from; recorded in the audit log. */
export function setDefaultVote(db: Db, input: ParsedInput<'council:setDefaultVote'>, now: Date): CouncilSettings {
  getCouncil(db, input.councilId);
  const values = { defaultVoteRule: input.rule, defaultVoteMode: input.mode };
  db.insert(councilSettings)
    .values({ councilId: input.councilId, ...values })
    .onConflictDoUpdate({ target: councilSettings.councilId, set: values })
    .run();
  appendAudit(db, {
    kind: 'council.default-vote',
    meetingId: null,
    at: now.toISOString(),
    payload: { councilId: input.councilId, mode: input.mode, rule: JSON.stringify(input.rule) },
  });
  return getCouncilSettings(db, input.councilId);
}

export function updateCouncilSettings(db: Db, input: ParsedInput<'council:updateSettings'>): CouncilSettings {
  getCouncil(db, input.councilId);
  const set = {
    maxProxiesPerHolder: input.maxProxiesPerHolder,
    requireSignature: input.requireSignature,
    intakeOpen: input.intakeOpen,
    ...(input.requireWrittenProxy === undefined ? {} : { requireWrittenProxy: input.requireWrittenProxy }),
  };
  db.insert(councilSettings)
    .values({ councilId: input.councilId, ...set })
    .onConflictDoUpdate({ target: councilSettings.councilId, set })
    .run();
  return getCouncilSettings(db, input.councilId);
}

/** Sign-in and proxies only while the meeting may still have them; paper signatures come back after its end too. */
// What a tap needs of its meeting, compiled once per database (the whole meeting, with its agenda, is not read).
const meetingQuery = preparedOnce((db) =>
  db
    .select({ id: meetings.id, councilId: meetings.councilId, title: meetings.title, date: meetings.date, status: meetings.status })
    .from(meetings)
    .where(eq(meetings.id, sql.placeholder('meeting')))
    .prepare(),
);

export function assertMeetingOpenForAttendance(db: Db, meetingId: number, { afterEnd = false } = {}) {
  const meeting = meetingQuery(db).get({ meeting: meetingId });
  if (!meeting) throw notFound('会议');
  if ((meeting.status === 'closed' && !afterEnd) || meeting.status === 'cancelled') {
    throw conflict(`会议“${meeting.title}”已${meeting.status === 'closed' ? '结束' : '取消'}，不能再签到或登记委托。`);
  }
  return meeting;
}

export function personOfCouncil(db: Db, councilId: number, personId: number) {
  const person = getPerson(db, personId);
  if (person.councilId !== councilId) throw new HostError('invalid_input', `${person.name} 不属于本议事会。`);
  return person;
}

const attendanceRow = preparedOnce((db) =>
  db
    .select({ id: attendance.id, arrivedAt: attendance.arrivedAt, leftAt: attendance.leftAt })
    .from(attendance)
    .where(and(eq(attendance.meetingId, sql.placeholder('meeting')), eq(attendance.personId, sql.placeholder('person'))))
    .prepare(),
);
const insertArrival = preparedOnce((db) =>
  db
    .insert(attendance)
    .values({
      meetingId: sql.placeholder('meeting'),
      personId: sql.placeholder('person'),
      observer: sql.placeholder('observer'),
      arrivedAt: sql.placeholder('at'),
      signaturePng: sql.placeholder('signature'),
    })
    .prepare(),
);

export function checkIn(db: Db, input: ParsedInput<'attendance:checkIn'>, now: Date): AttendanceChange {
  const meeting = assertMeetingOpenForAttendance(db, input.meetingId);
  const person = personOfCouncil(db, meeting.councilId, input.personId);
  const observer = input.observer || person.roles.includes('observer');
  if (getCouncilSettings(db, meeting.councilId).requireSignature && !input.signaturePngBase64 && !observer) {
    throw new HostError('invalid_input', `本议事会要求签名：请 ${person.name} 先在签名板上签名。`);
  }
  const at = now.toISOString();
  const existing = attendanceRow(db).get({ meeting: input.meetingId, person: input.personId });
  if (existing && existing.leftAt === null) throw conflict(`${person.name} 已经签到（${clockTime(existing.arrivedAt)}）。`);
  const signature = input.signaturePngBase64 ? Buffer.from(input.signaturePngBase64, 'base64') : null;
  if (existing) {
    db.update(attendance).set({ leftAt: null }).where(eq(attendance.id, existing.id)).run();
  } else {
    insertArrival(db).run({ meeting: input.meetingId, person: input.personId, observer: observer ? 1 : 0, at, signature });
  }
  appendAudit(db, {
    kind: existing ? 'attendance.return' : 'attendance.check-in',
    meetingId: input.meetingId,
    at,
    payload: { personId: person.id, name: person.name, household: person.householdCode, observer, signed: signature !== null },
  });
  return personChange(db, input.meetingId, input.personId);
}

/**
 * A sign-in made by mistake is taken back whole (the row goes; the audit log keeps both the sign-in
 * and its undoing). Only a first arrival of someone still in the room: a return, or someone who left,
 * is a departure to record instead.
 */
export function undoCheckIn(db: Db, input: ParsedInput<'attendance:undoCheckIn'>, now: Date): AttendanceChange {
  assertMeetingOpenForAttendance(db, input.meetingId);
  const person = getPerson(db, input.personId);
  const row = db
    .select()
    .from(attendance)
    .where(and(eq(attendance.meetingId, input.meetingId), eq(attendance.personId, input.personId)))
    .get();
  if (!row || row.leftAt !== null) throw conflict(`${person.name} 不在会场，没有可撤销的签到。`);
  const returned = db
    .select({ seq: auditLog.seq })
    .from(auditLog)
    .where(and(eq(auditLog.meetingId, input.meetingId), eq(auditLog.kind, 'attendance.return'), sql`json_extract(${auditLog.payload}, '$.personId') = ${input.personId}`))
    .get();
  if (returned) throw conflict(`${person.name} 是离场后回到会场的，不能撤销签到；如需更正请登记离场。`);
  db.delete(attendance).where(eq(attendance.id, row.id)).run();
  appendAudit(db, { kind: 'attendance.undo', meetingId: input.meetingId, at: now.toISOString(), payload: { personId: person.id, name: person.name } });
  return personChange(db, input.meetingId, input.personId);
}

export function checkOut(db: Db, input: ParsedInput<'attendance:checkOut'>, now: Date): AttendanceChange {
  assertMeetingOpenForAttendance(db, input.meetingId);
  const row = db
    .select()
    .from(attendance)
    .where(and(eq(attendance.meetingId, input.meetingId), eq(attendance.personId, input.personId)))
    .get();
  if (!row || row.leftAt !== null) throw conflict('此人不在会场，无需登记离场。');
  const at = now.toISOString();
  db.update(attendance).set({ leftAt: at }).where(eq(attendance.id, row.id)).run();
  appendAudit(db, { kind: 'attendance.leave', meetingId: input.meetingId, at, payload: { personId: input.personId } });
  return personChange(db, input.meetingId, input.personId);
}

export function grantProxy(db: Db, input: ParsedInput<'proxy:grant'>, now: Date): AttendanceChange {
  const meeting = assertMeetingOpenForAttendance(db, input.meetingId);
  const grantor = personOfCouncil(db, meeting.councilId, input.grantorId);
  const holder = personOfCouncil(db, meeting.councilId, input.holderId);
  if (grantor.id === holder.id) throw new HostError('invalid_input', '不能委托给自己。');
  const active = (personId: number, column: typeof proxies.grantorId | typeof proxies.holderId) =>
    db
      .select()
      .from(proxies)
      .where(and(eq(proxies.meetingId, input.meetingId), eq(column, personId), isNull(proxies.revokedAt)))
      .all();
  const already = active(grantor.id, proxies.grantorId)[0];
  if (already) throw conflict(`${grantor.name} 本次会议已经委托他人，如需更改请先撤销原委托。`);
  if (active(holder.id, proxies.grantorId).length > 0) {
    throw conflict(`${holder.name} 自己已委托他人，不能再接受委托。`);
  }
  const settings = getCouncilSettings(db, meeting.councilId);
  if (settings.requireWrittenProxy && !input.writtenReceived) {
    throw new HostError('invalid_input', `本议事会要求书面委托书：请先收下 ${grantor.name} 签字的书面委托书，再登记委托。`);
  }
  const cap = settings.maxProxiesPerHolder;
  const held = active(holder.id, proxies.holderId).length;
  if (cap !== null && held >= cap) throw conflict(`按本议事会规定，每人最多接受 ${cap} 份委托，${holder.name} 已有 ${held} 份。`);
  const at = now.toISOString();
  const row = db
    .insert(proxies)
    .values({ meetingId: input.meetingId, grantorId: grantor.id, holderId: holder.id, note: input.note, writtenReceived: input.writtenReceived, createdAt: at })
    .returning()
    .get();
  appendAudit(db, {
    kind: 'proxy.grant',
    meetingId: input.meetingId,
    at,
    payload: {
      proxyId: row.id,
      grantorId: grantor.id,
      grantor: grantor.name,
      holderId: holder.id,
      holder: holder.name,
      note: input.note,
      writtenReceived: input.writtenReceived,
    },
  });
  return proxyChange(db, input.meetingId, row.id);
}

export function revokeProxy(db: Db, proxyId: number, now: Date): AttendanceChange {
  const row = db.select().from(proxies).where(eq(proxies.id, proxyId)).get();
  if (!row || row.revokedAt !== null) throw notFound('委托');
  assertMeetingOpenForAttendance(db, row.meetingId);
  const at = now.toISOString();
  db.update(proxies).set({ revokedAt: at }).where(eq(proxies.id, proxyId)).run();
  appendAudit(db, { kind: 'proxy.revoke', meetingId: row.meetingId, at, payload: { proxyId } });
  return proxyChange(db, row.meetingId, proxyId);
}

/** The written authorisation of a proxy in force is handed in after the proxy was recorded. */
export function receiveWrittenProxy(db: Db, proxyId: number, now: Date): AttendanceChange {
  const row = db.select().from(proxies).where(eq(proxies.id, proxyId)).get();
  if (!row || row.revokedAt !== null) throw notFound('委托');
  assertMeetingOpenForAttendance(db, row.meetingId);
  if (row.writtenReceived) throw conflict('这份委托的书面委托书已经登记收到。');
  db.update(proxies).set({ writtenReceived: true }).where(eq(proxies.id, proxyId)).run();
  appendAudit(db, { kind: 'proxy.written', meetingId: row.meetingId, at: now.toISOString(), payload: { proxyId } });
  return proxyChange(db, row.meetingId, proxyId);
}
