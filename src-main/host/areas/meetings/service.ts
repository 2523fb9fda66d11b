import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { ParsedInput } from '../../../../shared/api/contract';
import type { Meeting, MeetingSummary } from '../../../../shared/api/areas/meetings';
import type { Db } from '../../db/client';
import { attendance } from '../attendance/schema';
import { agendaItems, meetings } from './schema';
import { people } from '../roster/schema';
import { votes } from '../voting/schema';
import { appendAudit } from '../audit/audit-log';
import { HostError, conflict, notFound } from '../../core/errors';
import { getCouncil } from '../councils/service';
import { isMatterLocked } from '../process/service';
import { endRoomCodes } from '../lan/sessions';

const chair = alias(people, 'chair');
const secretary = alias(people, 'secretary');
const agendaCount = sql<number>`(SELECT count(*) FROM ${agendaItems} WHERE ${agendaItems.meetingId} = ${meetings.id})`;

function summaries(db: Db) {
  return db
    .select({ meeting: meetings, chairName: chair.name, secretaryName: secretary.name, agendaCount })
    .from(meetings)
    .leftJoin(chair, eq(meetings.chairId, chair.id))
    .leftJoin(secretary, eq(meetings.secretaryId, secretary.id));
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['all']>>[number];

function toSummary(row: SummaryRow): MeetingSummary {
  const { meeting } = row;
  return {
    id: meeting.id,
    councilId: meeting.councilId,
    title: meeting.title,
    date: meeting.date,
    startTime: meeting.startTime,
    place: meeting.place,
    status: meeting.status,
    chairId: meeting.chairId,
    secretaryId: meeting.secretaryId,
    chairName: row.chairName,
    secretaryName: row.secretaryName,
    agendaCount: row.agendaCount,
  };
}

export function listMeetings(db: Db, councilId: number): MeetingSummary[] {
  getCouncil(db, councilId);
  return summaries(db)
    .where(eq(meetings.councilId, councilId))
    .orderBy(desc(meetings.date), desc(meetings.startTime))
    .all()
    .map(toSummary);
}

export function getMeeting(db: Db, meetingId: number): Meeting {
  const row = summaries(db).where(eq(meetings.id, meetingId)).get();
  if (!row) throw notFound('会议');
  const agenda = db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position))
    .all()
    .map((item) => ({
      id: item.id,
      meetingId: item.meetingId,
      position: item.position,
      title: item.title,
      text: item.text,
      amendedText: item.amendedText,
      stepIndex: item.stepIndex,
    }));
  return { ...toSummary(row), agenda };
}

function assertPersonInCouncil(db: Db, councilId: number, personId: number | null, label: string): void {
  if (personId === null) return;
  const person = db.select().from(people).where(eq(people.id, personId)).get();
  if (!person || person.councilId !== councilId) {
    throw new HostError('invalid_input', `所选${label}不存在或不属于本议事会。`);
  }
}

export function createMeeting(db: Db, input: ParsedInput<'meeting:create'>): Meeting {
  getCouncil(db, input.councilId);
  assertPersonInCouncil(db, input.councilId, input.chairId, '主持人');
  assertPersonInCouncil(db, input.councilId, input.secretaryId, '记录人');
  const row = db.insert(meetings).values(input).returning().get();
  return getMeeting(db, row.id);
}

export function updateMeeting(db: Db, input: ParsedInput<'meeting:update'>, now: Date): Meeting {
  const { meetingId, ...fields } = input;
  const current = getMeeting(db, meetingId);
  assertPersonInCouncil(db, current.councilId, fields.chairId, '主持人');
  assertPersonInCouncil(db, current.councilId, fields.secretaryId, '记录人');
  if (fields.status === 'closed' && current.status !== 'closed') assertNoOpenVote(db, meetingId);
  db.update(meetings)
    .set({ ...fields, updatedAt: now.toISOString() })
    .where(eq(meetings.id, meetingId))
    .run();
  return getMeeting(db, meetingId);
}

function setStatus(db: Db, meeting: Meeting, status: Meeting['status'], kind: string, now: Date): Meeting {
  const at = now.toISOString();
  db.update(meetings).set({ status, updatedAt: at }).where(eq(meetings.id, meeting.id)).run();
  appendAudit(db, { kind, meetingId: meeting.id, at, payload: { meetingId: meeting.id, title: meeting.title, from: meeting.status, to: status } });
  return getMeeting(db, meeting.id);
}

/** A meeting ends after its votes: an open vote's result is fixed at its close, which the meeting's end would leave undone. */
function assertNoOpenVote(db: Db, meetingId: number): void {
  const open = db.select().from(votes).where(and(eq(votes.meetingId, meetingId), eq(votes.status, 'open'))).get();
  if (open) throw conflict(`“${open.title}”的表决还没有结束：请先结束表决，再结束会议。`);
}

/** The chair opens the evening: a meeting being prepared (筹备中) is now on (进行中). */
export function startMeeting(db: Db, meetingId: number, now: Date): Meeting {
  const meeting = getMeeting(db, meetingId);
  if (meeting.status === 'in_progress') throw conflict(`会议“${meeting.title}”已经开始了。`);
  if (meeting.status !== 'planned') throw conflict(`会议“${meeting.title}”已结束或已取消，不能再开始。`);
  return setStatus(db, meeting, 'in_progress', 'meeting.start', now);
}

/** The chair closes the evening (已结束), after which the minutes can be signed; not while a vote is open. */
export function endMeeting(db: Db, meetingId: number, now: Date): Meeting {
  const meeting = getMeeting(db, meetingId);
  if (meeting.status === 'planned') throw conflict(`会议“${meeting.title}”还没有开始：请先按“开始会议”。`);
  if (meeting.status !== 'in_progress') throw conflict(`会议“${meeting.title}”已结束或已取消。`);
  assertNoOpenVote(db, meetingId);
  endRoomCodes(db, meetingId, now);
  return setStatus(db, meeting, 'closed', 'meeting.end', now);
}

export function deleteMeeting(db: Db, meetingId: number): { deleted: true } {
  const meeting = getMeeting(db, meetingId);
  const recorded =
    db.select({ n: count() }).from(attendance).where(eq(attendance.meetingId, meetingId)).get()!.n +
    db.select({ n: count() }).from(votes).where(eq(votes.meetingId, meetingId)).get()!.n;
  if (recorded > 0) {
    throw new HostError('conflict', `会议“${meeting.title}”已有签到或表决记录，这些记录需要保留，因此不能删除；可以把状态改为“已取消”。`);
  }
  db.delete(meetings).where(eq(meetings.id, meetingId)).run();
  return { deleted: true };
}

function agendaItem(db: Db, agendaItemId: number) {
  const item = db.select().from(agendaItems).where(eq(agendaItems.id, agendaItemId)).get();
  if (!item) throw notFound('议题');
  return item;
}

export function addAgendaItem(db: Db, input: ParsedInput<'agenda:add'>): Meeting {
  const meeting = getMeeting(db, input.meetingId);
  const position = meeting.agenda.length === 0 ? 1 : Math.max(...meeting.agenda.map((a) => a.position)) + 1;
  db.insert(agendaItems).values({ meetingId: input.meetingId, position, title: input.title, text: input.text }).run();
  return getMeeting(db, input.meetingId);
}

export function updateAgendaItem(db: Db, input: ParsedInput<'agenda:update'>, now: Date): Meeting {
  const item = agendaItem(db, input.agendaItemId);
  const changed = input.title !== item.title || input.text !== item.text;
  if (changed && isMatterLocked(db, item.id)) {
    throw new HostError('conflict', `议题“${item.title}”的表决结果已经锁定，议题名称和内容不能再修改。`);
  }
  db.update(agendaItems)
    .set({ title: input.title, text: input.text, updatedAt: now.toISOString() })
    .where(eq(agendaItems.id, item.id))
    .run();
  return getMeeting(db, item.meetingId);
}

/**
 * Records the proposal as amended in the meeting (or, with empty text, takes the amendment back).
 * Refused once the matter's result is locked: what was voted on stays what it was.
 */
export function amendAgendaItem(db: Db, input: ParsedInput<'agenda:amend'>, at: Date): Meeting {
  const item = agendaItem(db, input.agendaItemId);
  if (isMatterLocked(db, item.id)) {
    throw new HostError('conflict', `议题“${item.title}”的表决结果已经锁定，议案不能再修改。`);
  }
  const amended = input.text.trim() === '' || input.text.trim() === item.text.trim() ? null : input.text.trim();
  if (amended === (item.amendedText ?? null)) return getMeeting(db, item.meetingId);
  db.update(agendaItems).set({ amendedText: amended, updatedAt: at.toISOString() }).where(eq(agendaItems.id, item.id)).run();
  appendAudit(db, {
    kind: 'agenda.amend',
    meetingId: item.meetingId,
    at: at.toISOString(),
    payload: { agendaItemId: item.id, title: item.title, before: item.amendedText ?? null, after: amended },
  });
  return getMeeting(db, item.meetingId);
}

export function removeAgendaItem(db: Db, agendaItemId: number): Meeting {
  const item = agendaItem(db, agendaItemId);
  if (db.select({ n: count() }).from(votes).where(eq(votes.agendaItemId, agendaItemId)).get()!.n > 0) {
    throw new HostError('conflict', `议题“${item.title}”已经表决过，表决记录需要保留，因此不能删除。`);
  }
  db.delete(agendaItems).where(eq(agendaItems.id, agendaItemId)).run();
  renumber(db, getMeeting(db, item.meetingId).agenda.map((a) => a.id));
  return getMeeting(db, item.meetingId);
}

function renumber(db: Db, orderedIds: number[]): void {
  orderedIds.forEach((itemId, index) => {
    db.update(agendaItems).set({ position: index + 1 }).where(eq(agendaItems.id, itemId)).run();
  });
}

export function reorderAgenda(db: Db, input: ParsedInput<'agenda:reorder'>): Meeting {
  const meeting = getMeeting(db, input.meetingId);
  const current = meeting.agenda.map((a) => a.id).sort((a, b) => a - b);
  const proposed = [...input.orderedIds].sort((a, b) => a - b);
  if (current.length !== proposed.length || current.some((value, i) => value !== proposed[i])) {
    throw new HostError('conflict', '议题列表已被其他人修改，请刷新后再调整顺序。');
  }
  renumber(db, input.orderedIds);
  return getMeeting(db, input.meetingId);
}

/** Sets the step a matter has reached. The step machine (with its history) builds on this. */
export function updateAgendaStep(db: Db, agendaItemId: number, stepIndex: number, now: Date): void {
  const item = agendaItem(db, agendaItemId);
  db.update(agendaItems).set({ stepIndex, updatedAt: now.toISOString() }).where(eq(agendaItems.id, item.id)).run();
}
