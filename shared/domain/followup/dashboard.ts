/**
 * The figures a council reports upward: matters by step, response rate, completion rate,
 * overdue tasks and satisfaction. Pure: the host gathers rows, this decides what they mean.
 */
import { isOverdue, type TaskStatus } from './tasks';
import { fromCounts, type RatingSummary, type RatingValue } from './ratings';

export interface DashboardInput {
  /** The council's six step names, in order. */
  stepNames: readonly string[];
  /** Matters on agendas of meetings that were not cancelled, with the step each has reached (0..5). */
  matters: ReadonlyArray<{ agendaItemId: number; stepIndex: number }>;
  /** Residents' matters (微心愿 and other raised matters), as vetting left them. */
  wishes: ReadonlyArray<{ status: 'new' | 'accepted' | 'declined' | 'merged'; agendaItemId: number | null }>;
  /** Agenda items whose vote passed (see resolutions.ts). */
  resolutions: ReadonlySet<number>;
  tasks: ReadonlyArray<{ agendaItemId: number; status: TaskStatus; deadline: string | null }>;
  ratings: ReadonlyArray<{ rating: RatingValue }>;
  today: string;
}

export interface Rate {
  numerator: number;
  denominator: number;
  /** null when the denominator is 0: nothing to measure yet. */
  rate: number | null;
}

export interface DashboardFigures {
  mattersByStep: Array<{ stepIndex: number; name: string; count: number }>;
  totalMatters: number;
  responseRate: Rate;
  completionRate: Rate;
  resolutions: number;
  tasks: { total: number; done: number; overdue: number };
  satisfaction: RatingSummary;
}

/** What good councils report for response and completion (about 95 %). */
export const referenceRate = 0.95;

/** The definitions, in the words the dashboard shows under each figure. */
export const definitions = {
  mattersByStep: '每个议题所处的步骤：尚未审议的居民议题算作第 1 步；已列入议程的议题按其当前步骤统计（已取消会议的议题不计）。',
  responseRate: '响应率 = 已答复的居民议题 ÷ 全部居民议题。已答复指：已采纳列入议程、已说明理由不采纳、或已与同类议题合并。',
  completionRate: '办结率 = 已办结的居民议题 ÷ 已形成决议的居民议题。居民议题被采纳后经表决通过形成决议；该决议至少有一项任务、且全部任务已完成，才算办结。',
  satisfaction: '满意率 =（满意 + 基本满意）÷ 全部评价。',
  overdue: '逾期：截止日期已过（早于今天）且尚未完成的任务。',
} as const;

const rate = (numerator: number, denominator: number): Rate => ({ numerator, denominator, rate: denominator === 0 ? null : numerator / denominator });

export function dashboardFigures(input: DashboardInput): DashboardFigures {
  const counts = input.stepNames.map(() => 0);
  // A raised matter not yet vetted is still being collected (step 1); once accepted it is an
  // agenda item and counted there, so no matter is counted twice.
  for (const wish of input.wishes) if (wish.status === 'new') counts[0] = (counts[0] ?? 0) + 1;
  for (const matter of input.matters) {
    const index = Math.min(Math.max(matter.stepIndex, 0), counts.length - 1);
    counts[index] = (counts[index] ?? 0) + 1;
  }

  // Response: every residents' matter that got an answer (accepted, declined with a reason, or
  // merged into another) over every residents' matter raised.
  const answered = input.wishes.filter((wish) => wish.status !== 'new').length;

  // Completion: of the accepted residents' matters whose agenda item became a resolution, those
  // whose resolution has at least one task and every task done. A resolution with no task yet is
  // not complete: nobody has been asked to carry it out.
  const tasksByItem = new Map<number, TaskStatus[]>();
  for (const task of input.tasks) tasksByItem.set(task.agendaItemId, [...(tasksByItem.get(task.agendaItemId) ?? []), task.status]);
  const resolvedWishes = input.wishes.filter(
    (wish) => wish.status === 'accepted' && wish.agendaItemId !== null && input.resolutions.has(wish.agendaItemId),
  );
  const completed = resolvedWishes.filter((wish) => {
    const statuses = tasksByItem.get(wish.agendaItemId!) ?? [];
    return statuses.length > 0 && statuses.every((status) => status === 'done');
  }).length;

  const ratingCounts: Record<RatingValue, number> = { satisfied: 0, basically: 0, unsatisfied: 0 };
  for (const { rating } of input.ratings) ratingCounts[rating] += 1;

  return {
    mattersByStep: input.stepNames.map((name, stepIndex) => ({ stepIndex, name, count: counts[stepIndex] ?? 0 })),
    totalMatters: counts.reduce((sum, n) => sum + n, 0),
    responseRate: rate(answered, input.wishes.length),
    completionRate: rate(completed, resolvedWishes.length),
    resolutions: input.resolutions.size,
    tasks: {
      total: input.tasks.length,
      done: input.tasks.filter((task) => task.status === 'done').length,
      overdue: input.tasks.filter((task) => isOverdue(task, input.today)).length,
    },
    satisfaction: fromCounts(ratingCounts),
  };
}
