/** Step 6: tasks of a resolution, their progress notes, status and report-back. */
import { eq } from 'drizzle-orm';
import type { ParsedInput } from '../../../../shared/api/contract';
import type { TasksBoard, TaskView } from '../../../../shared/api/areas/followup';
import { localDate } from '../../../../shared/domain/followup/dates';
import { taskStatusLabels, transitionTask } from '../../../../shared/domain/followup/tasks';
import type { Db } from '../../db/client';
import { agendaItems, meetings } from '../meetings/schema';
import { people } from '../roster/schema';
import { taskNotes, tasks } from './schema';
import { conflict, HostError, notFound } from '../../core/errors';
import { getCouncil } from '../councils/service';
import { councilResolutionIds, loadResolutions, taskViews } from './resolutions';

export function tasksBoard(db: Db, councilId: number, now: Date): TasksBoard {
  getCouncil(db, councilId);
  const today = localDate(now);
  const resolutions = loadResolutions(db, councilId, today);
  const overdueCount = resolutions.reduce((sum, resolution) => sum + resolution.tasks.filter((task) => task.overdue).length, 0);
  return { councilId, today, resolutions, overdueCount };
}

/** The matter and its meeting; tasks and ratings belong only to resolutions. */
export function resolutionItem(db: Db, agendaItemId: number) {
  const row = db
    .select({ item: agendaItems, meeting: meetings })
    .from(agendaItems)
    .innerJoin(meetings, eq(agendaItems.meetingId, meetings.id))
    .where(eq(agendaItems.id, agendaItemId))
    .get();
  if (!row) throw notFound('议题');
  if (!councilResolutionIds(db, row.meeting.councilId).has(agendaItemId)) {
    throw conflict(`“${row.item.title}”还没有表决通过，不是决议，不能安排任务或评价。`);
  }
  return row;
}

function taskRow(db: Db, taskId: number) {
  const row = db.select().from(tasks).where(eq(tasks.id, taskId)).get();
  if (!row) throw notFound('任务');
  return row;
}

function councilOfTask(db: Db, task: typeof tasks.$inferSelect): number {
  const row = db
    .select({ councilId: meetings.councilId })
    .from(agendaItems)
    .innerJoin(meetings, eq(agendaItems.meetingId, meetings.id))
    .where(eq(agendaItems.id, task.agendaItemId))
    .get();
  if (!row) throw notFound('议题');
  return row.councilId;
}

export function taskView(db: Db, taskId: number, now: Date): TaskView {
  return taskViews(db, [taskRow(db, taskId)], localDate(now))[0]!;
}

/** The owner as stored: a person of the council (their name kept as written), or a name alone. */
function owner(db: Db, councilId: number, input: { ownerPersonId: number | null; ownerName: string }) {
  if (input.ownerPersonId !== null) {
    const person = db.select().from(people).where(eq(people.id, input.ownerPersonId)).get();
    if (!person || person.councilId !== councilId) throw new HostError('invalid_input', '所选负责人不存在或不属于本议事会。');
    return { ownerPersonId: person.id, ownerName: input.ownerName || person.name };
  }
  if (!input.ownerName) throw new HostError('invalid_input', '请选择负责人，或写明负责单位（如 物业公司）。');
  return { ownerPersonId: null, ownerName: input.ownerName };
}

export function addTask(db: Db, input: ParsedInput<'followup:addTask'>, now: Date): TaskView {
  const { meeting } = resolutionItem(db, input.agendaItemId);
  const row = db
    .insert(tasks)
    .values({
      agendaItemId: input.agendaItemId,
      title: input.title,
      ...owner(db, meeting.councilId, input),
      deadline: input.deadline,
      createdAt: now.toISOString(),
    })
    .returning()
    .get();
  return taskView(db, row.id, now);
}

export function updateTask(db: Db, input: ParsedInput<'followup:updateTask'>, now: Date): TaskView {
  const row = taskRow(db, input.taskId);
  db.update(tasks)
    .set({ title: input.title, ...owner(db, councilOfTask(db, row), input), deadline: input.deadline })
    .where(eq(tasks.id, row.id))
    .run();
  return taskView(db, row.id, now);
}

export function deleteTask(db: Db, taskId: number): { deleted: true } {
  const row = taskRow(db, taskId);
  if (row.reportedMeetingId !== null) throw conflict('这项任务已在会上反馈过，不能删除；如有变化请补充进展说明。');
  db.delete(tasks).where(eq(tasks.id, row.id)).run();
  return { deleted: true };
}

export function setTaskStatus(db: Db, input: ParsedInput<'followup:setTaskStatus'>, now: Date): TaskView {
  const row = taskRow(db, input.taskId);
  const today = localDate(now);
  const result = transitionTask(row.status, input.status, today, input.note);
  if (!result.ok) throw new HostError('invalid_input', result.error);
  db.update(tasks).set({ status: result.status, doneAt: result.doneOn }).where(eq(tasks.id, row.id)).run();
  // The change is part of the task's history, with the reason when one was given.
  const text = `状态：${taskStatusLabels[row.status]} → ${taskStatusLabels[result.status]}${input.note ? `。${input.note}` : ''}`;
  db.insert(taskNotes).values({ taskId: row.id, text, personId: null, at: now.toISOString() }).run();
  return taskView(db, row.id, now);
}

export function addTaskNote(db: Db, input: ParsedInput<'followup:addTaskNote'>, now: Date): TaskView {
  const row = taskRow(db, input.taskId);
  if (input.personId !== null) {
    const person = db.select().from(people).where(eq(people.id, input.personId)).get();
    if (!person || person.councilId !== councilOfTask(db, row)) throw new HostError('invalid_input', '所选记录人不存在或不属于本议事会。');
  }
  db.insert(taskNotes).values({ taskId: row.id, text: input.text, personId: input.personId, at: now.toISOString() }).run();
  return taskView(db, row.id, now);
}

/**
 * Report-back happens at a later meeting of the same council: not the meeting that resolved
 * the matter, and not one held before it.
 */
export function reportTask(db: Db, input: ParsedInput<'followup:reportTask'>, now: Date): TaskView {
  const row = taskRow(db, input.taskId);
  if (input.meetingId === null) {
    db.update(tasks).set({ reportedMeetingId: null, reportedAt: null }).where(eq(tasks.id, row.id)).run();
    return taskView(db, row.id, now);
  }
  const resolved = db
    .select({ meeting: meetings })
    .from(agendaItems)
    .innerJoin(meetings, eq(agendaItems.meetingId, meetings.id))
    .where(eq(agendaItems.id, row.agendaItemId))
    .get();
  const target = db.select().from(meetings).where(eq(meetings.id, input.meetingId)).get();
  if (!resolved || !target) throw notFound('会议');
  if (target.councilId !== resolved.meeting.councilId) throw new HostError('invalid_input', '所选会议不属于本议事会。');
  if (target.id === resolved.meeting.id || target.date < resolved.meeting.date) {
    throw new HostError('invalid_input', `请选择作出决议（${resolved.meeting.date}）之后召开的会议来反馈。`);
  }
  if (target.status === 'cancelled') throw new HostError('invalid_input', '所选会议已取消。');
  db.update(tasks).set({ reportedMeetingId: target.id, reportedAt: now.toISOString() }).where(eq(tasks.id, row.id)).run();
  return taskView(db, row.id, now);
}
