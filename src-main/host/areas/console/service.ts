import { and, asc, eq, max, sql } from 'drizzle-orm';
import type { ParsedInput } from '../../../../shared/api/contract';
import type { ConsoleState } from '../../../../shared/api/areas/console';
import type { Db } from '../../db/client';
import { defaultSpeakingLimitSeconds, meetingConsoles, speakers } from './schema';
import { agendaItems, meetings } from '../meetings/schema';
import { households, people } from '../roster/schema';
import { HostError, conflict, notFound } from '../../core/errors';
import { getMeeting } from '../meetings/service';
import { preparedOnce } from '../../db/prepared';
import { getPerson } from '../roster/people';
import { stepNamesOfCouncil } from '../process/service';

type ConsoleRow = typeof meetingConsoles.$inferSelect;

/**
 * What the console needs of its meeting: its council and its first matter. The chair moves through
 * the meeting at the projector's pace, and every move reads these again: the queries on this path are
 * compiled once per database (preparedOnce), and the meeting is read once per call, not once per step.
 */
interface ConsoleMeeting {
  councilId: number;
  firstAgendaItemId: number | null;
}

const meetingQuery = preparedOnce((db) => db.select({ councilId: meetings.councilId }).from(meetings).where(eq(meetings.id, sql.placeholder('meetingId'))).prepare());
const firstItemQuery = preparedOnce((db) =>
  db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, sql.placeholder('meetingId')))
    .orderBy(asc(agendaItems.position))
    .limit(1)
    .prepare(),
);
const storedQuery = preparedOnce((db) => db.select().from(meetingConsoles).where(eq(meetingConsoles.meetingId, sql.placeholder('meetingId'))).prepare());
const queueQuery = preparedOnce((db) =>
  db
    .select({ speaker: speakers, name: people.name, householdCode: households.code })
    .from(speakers)
    .innerJoin(people, eq(speakers.personId, people.id))
    .leftJoin(households, eq(people.householdId, households.id))
    .where(eq(speakers.agendaItemId, sql.placeholder('agendaItemId')))
    .orderBy(asc(speakers.position))
    .prepare(),
);
const agendaItemQuery = preparedOnce((db) =>
  db.select({ id: agendaItems.id, meetingId: agendaItems.meetingId }).from(agendaItems).where(eq(agendaItems.id, sql.placeholder('agendaItemId'))).prepare(),
);
const setCurrentQuery = preparedOnce((db) =>
  db
    .update(meetingConsoles)
    .set({ currentAgendaItemId: sql`${sql.placeholder('agendaItemId')}` })
    .where(eq(meetingConsoles.meetingId, sql.placeholder('meetingId')))
    .prepare(),
);
const stopSpeakingQuery = preparedOnce((db) =>
  db
    .update(speakers)
    .set({ status: 'done', endedAt: sql`${sql.placeholder('endedAt')}` })
    .where(and(eq(speakers.agendaItemId, sql.placeholder('agendaItemId')), eq(speakers.status, 'speaking')))
    .prepare(),
);

function consoleMeeting(db: Db, meetingId: number): ConsoleMeeting {
  const found = meetingQuery(db).get({ meetingId });
  if (!found) throw notFound('会议');
  return { councilId: found.councilId, firstAgendaItemId: firstItemQuery(db).get({ meetingId })?.id ?? null };
}

/**
 * What the console shows: as stored, or as it starts when the chair has not touched it yet. The first
 * matter is on until the chair moves on, and again whenever no matter is (the matter on was removed,
 * or the agenda was empty when the console was first written).
 */
function shownConsole(meetingId: number, meeting: ConsoleMeeting, stored: ConsoleRow | undefined): ConsoleRow {
  const first = meeting.firstAgendaItemId;
  if (stored) return { ...stored, currentAgendaItemId: stored.currentAgendaItemId ?? first };
  return { meetingId, currentAgendaItemId: first, screen: 'meeting', speakingLimitSeconds: defaultSpeakingLimitSeconds };
}

const storedConsole = (db: Db, meetingId: number): ConsoleRow | undefined => storedQuery(db).get({ meetingId });

/** The stored console row, written the first time the chair changes something (reading it stores nothing). */
function consoleRow(db: Db, meetingId: number, meeting = consoleMeeting(db, meetingId)): ConsoleRow {
  const stored = storedConsole(db, meetingId);
  const row = shownConsole(meetingId, meeting, stored);
  if (!stored) return db.insert(meetingConsoles).values({ meetingId, currentAgendaItemId: row.currentAgendaItemId }).returning().get();
  if (stored.currentAgendaItemId !== row.currentAgendaItemId) setCurrentQuery(db).run({ meetingId, agendaItemId: row.currentAgendaItemId });
  return row;
}

export function getConsole(db: Db, meetingId: number, now: Date, meeting = consoleMeeting(db, meetingId)): ConsoleState {
  const row = shownConsole(meetingId, meeting, storedConsole(db, meetingId));
  const queue = row.currentAgendaItemId === null ? [] : queueQuery(db).all({ agendaItemId: row.currentAgendaItemId });
  return {
    meetingId,
    currentAgendaItemId: row.currentAgendaItemId,
    screen: row.screen,
    speakingLimitSeconds: row.speakingLimitSeconds,
    speakers: queue.map(({ speaker, name, householdCode }) => ({ ...speaker, name, householdCode })),
    now: now.toISOString(),
    stepNames: stepNamesOfCouncil(db, meeting.councilId),
  };
}

function update(db: Db, meetingId: number, fields: Partial<typeof meetingConsoles.$inferInsert>, now: Date): ConsoleState {
  const meeting = consoleMeeting(db, meetingId);
  consoleRow(db, meetingId, meeting);
  db.update(meetingConsoles).set(fields).where(eq(meetingConsoles.meetingId, meetingId)).run();
  return getConsole(db, meetingId, now, meeting);
}

/** The chair moves to another matter: whoever was speaking on the one before stops. */
export function setCurrentMatter(db: Db, input: ParsedInput<'console:setCurrent'>, now: Date): ConsoleState {
  const item = agendaItemQuery(db).get({ agendaItemId: input.agendaItemId });
  if (!item || item.meetingId !== input.meetingId) throw new HostError('invalid_input', '该议题不在本次会议议程中。');
  const meeting = consoleMeeting(db, input.meetingId);
  const row = consoleRow(db, input.meetingId, meeting);
  if (row.currentAgendaItemId !== null) stopSpeakingQuery(db).run({ agendaItemId: row.currentAgendaItemId, endedAt: now.toISOString() });
  setCurrentQuery(db).run({ meetingId: input.meetingId, agendaItemId: item.id });
  return getConsole(db, input.meetingId, now, meeting);
}

export const setScreen = (db: Db, input: ParsedInput<'console:setScreen'>, now: Date) => update(db, input.meetingId, { screen: input.screen }, now);
export const setLimit = (db: Db, input: ParsedInput<'console:setLimit'>, now: Date) =>
  update(db, input.meetingId, { speakingLimitSeconds: input.seconds }, now);

function currentItem(db: Db, meetingId: number): number {
  const row = consoleRow(db, meetingId);
  if (row.currentAgendaItemId === null) throw conflict('议程里还没有议题。');
  return row.currentAgendaItemId;
}

export function addSpeaker(db: Db, input: ParsedInput<'speaker:add'>, now: Date): ConsoleState {
  const meeting = getMeeting(db, input.meetingId);
  const person = getPerson(db, input.personId);
  if (person.councilId !== meeting.councilId) throw new HostError('invalid_input', `${person.name} 不属于本议事会。`);
  const agendaItemId = currentItem(db, input.meetingId);
  const waiting = db
    .select()
    .from(speakers)
    .where(and(eq(speakers.agendaItemId, agendaItemId), eq(speakers.personId, person.id), eq(speakers.status, 'waiting')))
    .get();
  if (waiting) throw conflict(`${person.name} 已经在发言队列中。`);
  const last = db.select({ position: max(speakers.position) }).from(speakers).where(eq(speakers.agendaItemId, agendaItemId)).get();
  db.insert(speakers).values({ agendaItemId, personId: person.id, position: (last?.position ?? 0) + 1 }).run();
  return getConsole(db, input.meetingId, now);
}

function speakerRow(db: Db, speakerId: number) {
  const row = db.select().from(speakers).where(eq(speakers.id, speakerId)).get();
  if (!row) throw notFound('发言人');
  const item = db.select().from(agendaItems).where(eq(agendaItems.id, row.agendaItemId)).get()!;
  return { row, meetingId: item.meetingId };
}

export function removeSpeaker(db: Db, speakerId: number, now: Date): ConsoleState {
  const { row, meetingId } = speakerRow(db, speakerId);
  if (row.status !== 'waiting') throw conflict('已经发过言的记录不能移除。');
  db.delete(speakers).where(eq(speakers.id, speakerId)).run();
  return getConsole(db, meetingId, now);
}

/** Swaps a waiting speaker with the waiting neighbour above or below. */
export function moveSpeaker(db: Db, input: ParsedInput<'speaker:move'>, now: Date): ConsoleState {
  const { row, meetingId } = speakerRow(db, input.speakerId);
  const waiting = db
    .select()
    .from(speakers)
    .where(and(eq(speakers.agendaItemId, row.agendaItemId), eq(speakers.status, 'waiting')))
    .orderBy(asc(speakers.position))
    .all();
  const index = waiting.findIndex((speaker) => speaker.id === row.id);
  const other = waiting[input.direction === 'up' ? index - 1 : index + 1];
  if (index < 0 || !other) return getConsole(db, meetingId, now);
  db.update(speakers).set({ position: other.position }).where(eq(speakers.id, row.id)).run();
  db.update(speakers).set({ position: row.position }).where(eq(speakers.id, other.id)).run();
  return getConsole(db, meetingId, now);
}

function stopSpeaking(db: Db, meetingId: number, now: Date): void {
  const row = consoleRow(db, meetingId);
  if (row.currentAgendaItemId === null) return;
  stopSpeakingQuery(db).run({ agendaItemId: row.currentAgendaItemId, endedAt: now.toISOString() });
}

export function stopSpeaker(db: Db, meetingId: number, now: Date): ConsoleState {
  stopSpeaking(db, meetingId, now);
  return getConsole(db, meetingId, now);
}

/** Ends whoever is speaking and gives the floor to the first in the queue; the timer starts now. */
export function nextSpeaker(db: Db, meetingId: number, now: Date): ConsoleState {
  const agendaItemId = currentItem(db, meetingId);
  stopSpeaking(db, meetingId, now);
  const next = db
    .select()
    .from(speakers)
    .where(and(eq(speakers.agendaItemId, agendaItemId), eq(speakers.status, 'waiting')))
    .orderBy(asc(speakers.position))
    .get();
  if (next) db.update(speakers).set({ status: 'speaking', startedAt: now.toISOString() }).where(eq(speakers.id, next.id)).run();
  return getConsole(db, meetingId, now);
}

export function noteSpeaker(db: Db, input: ParsedInput<'speaker:note'>, now: Date): ConsoleState {
  const { meetingId } = speakerRow(db, input.speakerId);
  db.update(speakers).set({ view: input.view, note: input.note }).where(eq(speakers.id, input.speakerId)).run();
  return getConsole(db, meetingId, now);
}
