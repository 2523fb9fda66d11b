/**
 * Loads the council's resolutions (matters whose latest finished vote passed) with their
 * tasks and ratings. The rule of what counts as a resolution is shared/domain/followup.
 */
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { ResolutionView, TaskNote, TaskView } from '../../../../shared/api/areas/followup';
import { decideMatters, type MatterDecision } from '../../../../shared/domain/followup/resolutions';
import { summarizeRatings } from '../../../../shared/domain/followup/ratings';
import { daysLeft, daysOverdue, isOverdue } from '../../../../shared/domain/followup/tasks';
import type { Outcome } from '../../../../shared/domain/voting/tally';
import type { Db } from '../../db/client';
import { agendaItems, meetings } from '../meetings/schema';
import { people } from '../roster/schema';
import { voteResults, votes } from '../voting/schema';
import { wishes } from '../wishes/schema';
import { ratings, taskNotes, tasks } from './schema';
import { getVote } from '../voting/votes';

/** Every vote on a matter of the council's meetings, with whether it passed (null while undecided). */
function councilDecisions(db: Db, councilId: number): Map<number, MatterDecision & { outcome: Outcome | null }> {
  const rows = db
    .select({ id: votes.id, agendaItemId: votes.agendaItemId, status: votes.status, outcome: voteResults.outcome })
    .from(votes)
    .innerJoin(meetings, eq(votes.meetingId, meetings.id))
    .leftJoin(voteResults, eq(voteResults.voteId, votes.id))
    .where(and(eq(meetings.councilId, councilId), isNotNull(votes.agendaItemId)))
    .all();
  const outcomes = new Map<number, Outcome | null>();
  for (const row of rows) {
    if (row.outcome) outcomes.set(row.id, row.outcome);
  }
  // A closed but unlocked vote has no stored result: ask the rules engine, but only for the
  // latest vote of each matter (the one that decides it).
  const latest = new Map<number, (typeof rows)[number]>();
  for (const row of rows) {
    const current = latest.get(row.agendaItemId!);
    if (!current || row.id > current.id) latest.set(row.agendaItemId!, row);
  }
  for (const row of latest.values()) {
    if (row.status === 'closed' && !outcomes.has(row.id)) outcomes.set(row.id, getVote(db, row.id).outcome);
  }
  const decisions = decideMatters(
    [...latest.values()].map((row) => ({ id: row.id, agendaItemId: row.agendaItemId, status: row.status, passed: outcomes.get(row.id)?.passed ?? null })),
  );
  return new Map([...decisions].map(([itemId, decision]) => [itemId, { ...decision, outcome: outcomes.get(decision.voteId) ?? null }]));
}

/** The agenda item ids of the council's resolutions. */
export function councilResolutionIds(db: Db, councilId: number): Set<number> {
  return new Set([...councilDecisions(db, councilId).values()].filter((d) => d.passed).map((d) => d.agendaItemId));
}

type TaskRow = typeof tasks.$inferSelect;

export function taskViews(db: Db, rows: TaskRow[], today: string): TaskView[] {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const notes = db
    .select({ id: taskNotes.id, taskId: taskNotes.taskId, text: taskNotes.text, personName: people.name, at: taskNotes.at })
    .from(taskNotes)
    .leftJoin(people, eq(taskNotes.personId, people.id))
    .where(inArray(taskNotes.taskId, ids))
    .orderBy(asc(taskNotes.id))
    .all();
  const notesByTask = new Map<number, TaskNote[]>();
  for (const { taskId, ...note } of notes) notesByTask.set(taskId, [...(notesByTask.get(taskId) ?? []), note]);
  const reportedIds = [...new Set(rows.map((row) => row.reportedMeetingId).filter((value): value is number => value !== null))];
  const reported = new Map(
    (reportedIds.length ? db.select().from(meetings).where(inArray(meetings.id, reportedIds)).all() : []).map((m) => [m.id, m]),
  );
  return rows.map((row) => {
    const timing = { status: row.status, deadline: row.deadline };
    const meeting = row.reportedMeetingId === null ? undefined : reported.get(row.reportedMeetingId);
    return {
      id: row.id,
      agendaItemId: row.agendaItemId,
      title: row.title,
      ownerPersonId: row.ownerPersonId,
      ownerName: row.ownerName,
      deadline: row.deadline,
      status: row.status,
      doneOn: row.doneAt,
      overdue: isOverdue(timing, today),
      daysOverdue: daysOverdue(timing, today),
      daysLeft: daysLeft(timing, today),
      reportedMeetingId: row.reportedMeetingId,
      reportedMeetingTitle: meeting?.title ?? null,
      reportedMeetingDate: meeting?.date ?? null,
      reportedAt: row.reportedAt,
      notes: notesByTask.get(row.id) ?? [],
      createdAt: row.createdAt,
    };
  });
}

/**
 * The council's resolutions, newest meeting first, each with its tasks and ratings. With a
 * meeting, only that meeting's resolutions.
 */
export function loadResolutions(db: Db, councilId: number, today: string, meetingId: number | null = null): ResolutionView[] {
  const decisions = councilDecisions(db, councilId);
  const passed = [...decisions.values()].filter((decision) => decision.passed);
  if (passed.length === 0) return [];
  const itemIds = passed.map((decision) => decision.agendaItemId);
  const items = db
    .select({ item: agendaItems, meeting: meetings })
    .from(agendaItems)
    .innerJoin(meetings, eq(agendaItems.meetingId, meetings.id))
    .where(inArray(agendaItems.id, itemIds))
    .all()
    .filter((row) => meetingId === null || row.meeting.id === meetingId)
    .sort((a, b) => b.meeting.date.localeCompare(a.meeting.date) || b.meeting.id - a.meeting.id || a.item.position - b.item.position);
  const taskRows = db.select().from(tasks).where(inArray(tasks.agendaItemId, itemIds)).orderBy(asc(tasks.id)).all();
  const views = taskViews(db, taskRows, today);
  const ratingRows = db.select({ agendaItemId: ratings.agendaItemId, rating: ratings.rating }).from(ratings).where(inArray(ratings.agendaItemId, itemIds)).all();
  const fromResidents = new Set(
    db
      .select({ agendaItemId: wishes.agendaItemId })
      .from(wishes)
      .where(and(inArray(wishes.agendaItemId, itemIds), eq(wishes.status, 'accepted')))
      .all()
      .map((row) => row.agendaItemId),
  );
  return items.map(({ item, meeting }) => {
    const decision = decisions.get(item.id)!;
    const counts = decision.outcome?.counts;
    return {
      agendaItemId: item.id,
      title: item.title,
      text: item.text,
      meetingId: meeting.id,
      meetingTitle: meeting.title,
      meetingDate: meeting.date,
      voteId: decision.voteId,
      provisional: decision.provisional,
      explanation: decision.outcome?.explanation ?? '',
      votesFor: counts?.for.headcount ?? 0,
      votesAgainst: counts?.against.headcount ?? 0,
      votesAbstain: counts?.abstain.headcount ?? 0,
      fromResidents: fromResidents.has(item.id),
      tasks: views.filter((task) => task.agendaItemId === item.id),
      ratings: summarizeRatings(ratingRows.filter((row) => row.agendaItemId === item.id).map((row) => row.rating)),
    };
  });
}
