/**
 * Step 6 tasks: a resolution becomes tasks with an owner and a deadline, followed up until
 * done and reported back. Pure rules: the clock comes in as `today` (YYYY-MM-DD).
 */
import { daysBetween } from './dates';

export const taskStatuses = ['open', 'in_progress', 'done'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const taskStatusLabels: Record<TaskStatus, string> = {
  open: '未开始',
  in_progress: '进行中',
  done: '已完成',
};

export interface TaskTiming {
  status: TaskStatus;
  /** YYYY-MM-DD, or null when no deadline was set. */
  deadline: string | null;
}

/**
 * Overdue: the deadline is before today and the task is not done. Due today is not overdue
 * yet; a task without a deadline is never overdue; a done task is never overdue, even if it
 * was finished late.
 */
export function isOverdue(task: TaskTiming, today: string): boolean {
  return task.status !== 'done' && task.deadline !== null && task.deadline < today;
}

/** How many whole days past the deadline (0 when not overdue). */
export function daysOverdue(task: TaskTiming, today: string): number {
  return isOverdue(task, today) ? daysBetween(task.deadline!, today) : 0;
}

/** Days left until the deadline (0 on the day), or null when there is none or the task is done. */
export function daysLeft(task: TaskTiming, today: string): number | null {
  if (task.status === 'done' || task.deadline === null) return null;
  return Math.max(0, daysBetween(today, task.deadline));
}

export type TransitionResult =
  | { ok: true; status: TaskStatus; doneOn: string | null }
  | { ok: false; error: string };

/**
 * Status changes. Forward moves are free (未开始 → 进行中 → 已完成, or straight to 已完成).
 * Going back is allowed, because work found unfinished must be reopened rather than hidden,
 * but it needs a note saying why (kept as a progress note). Setting the same status is refused
 * so a double click is not recorded twice.
 */
export function transitionTask(from: TaskStatus, to: TaskStatus, today: string, note: string): TransitionResult {
  if (from === to) return { ok: false, error: `任务已经是“${taskStatusLabels[to]}”了。` };
  const backwards = taskStatuses.indexOf(to) < taskStatuses.indexOf(from);
  if (backwards && note.trim().length < 2) {
    return { ok: false, error: `把任务从“${taskStatusLabels[from]}”改回“${taskStatusLabels[to]}”，请写明原因。` };
  }
  return { ok: true, status: to, doneOn: to === 'done' ? today : null };
}
