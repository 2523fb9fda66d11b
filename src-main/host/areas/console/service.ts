import { and, asc, eq, max } from 'drizzle-orm';
import type { ParsedInput } from '../../../../shared/api/contract';
import type { ConsoleState } from '../../../../shared/api/areas/console';
import type { Meeting } from '../../../../shared/api/areas/meetings';
import type { Db } from '../../db/client';
import { defaultSpeakingLimitSeconds, meetingConsoles, speakers } from './schema';
import { agendaItems } from '../meetings/schema';
import { households, people } from '../roster/schema';
import { HostError, conflict, notFound } from '../../core/errors';
import { getMeeting } from '../meetings/service';
import { getPerson } from '../roster/people';
import { stepNamesOfCouncil } from '../process/service';

type ConsoleRow = typeof meetingConsoles.$inferSelect;

/**
 * What the console shows: as stored, or as it starts when the chair has not touched it yet. The first
 * matter is on until the chair moves on, and again whenever no matter is (the matter on was removed,
 * or the agenda was empty when the console was first written).
 */
function shownConsole(meeting: Meeting, stored: ConsoleRow | undefined): ConsoleRow {
  const first = meeting.agenda[0]?.id ?? null;
  if (stored) return { ...stored, currentAgendaItemId: stored.currentAgendaItemId ?? first };
  return { meetingId: meeting.id, currentAgendaItemId: first, screen: 'meeting', speakingLimitSeconds: defaultSpeakingLimitSeconds };
}

const storedConsole = (db: Db, meetingId: number): ConsoleRow | undefined =>
  db.select().from(meetingConsoles).where(eq(meetingConsoles.meetingId, meetingId)).get();

/** The stored console row, written the first time the chair changes something (reading it stores nothing). */
function consoleRow(db: Db, meetingId: number): ConsoleRow {
  const stored = storedConsole(db, meetingId);
  const row = shownConsole(getMeeting(db, meetingId), stored);
  if (!stored) return db.insert(meetingConsoles).values({ meetingId, currentAgendaItemId: row.currentAgendaItemId }).returning().get();
  if (stored.currentAgendaItemId !== row.currentAgendaItemId) {
    db.update(meetingConsoles).set({ currentAgendaItemId: row.currentAgendaItemId }).where(eq(meetingConsoles.meetingId, meetingId)).run();
  }
  return row;
}

export function getConsole(db: Db, meetingId: number, now: Date): ConsoleState {
  const meeting = getMeeting(db, meetingId);
  const row = shownConsole(meeting, storedConsole(db, meetingId));
  const queue =
    row.currentAgendaItemId === null
      ? []
      : db
          .select({ speaker: speakers, name: people.name, householdCode: households.code })
          .from(speakers)
          .innerJoin(people, eq(speakers.personId, people.id))
          .leftJoin(households, eq(people.householdId, households.id))
          .where(eq(speakers.agendaItemId, row.currentAgendaItemId))
          .orderBy(asc(speakers.position))
          .all();
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
  consoleRow(db, meetingId);
  db.update(meetingConsoles).set(fields).where(eq(meetingConsoles.meetingId, meetingId)).run();
  return getConsole(db, meetingId, now);
}

export function setCurrentMatter(db: Db, input: ParsedInput<'console:setCurrent'>, now: Date): ConsoleState {
  const item = db.select().from(agendaItems).where(eq(agendaItems.id, input.agendaItemId)).get();
  if (!item || item.meetingId !== input.meetingId) throw new HostError('invalid_input', '该议题不在本次会议议程中。');
  stopSpeaking(db, input.meetingId, now);
  return update(db, input.meetingId, { currentAgendaItemId: item.id }, now);
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
  db.update(speakers)
    .set({ status: 'done', endedAt: now.toISOString() })
    .where(and(eq(speakers.agendaItemId, row.currentAgendaItemId), eq(speakers.status, 'speaking')))
    .run();
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
