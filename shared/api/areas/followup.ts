/** After the meeting: notices (steps 3 and 6), tasks, report-back, satisfaction ratings, the dashboard. */
import { z } from 'zod';
import { chairOnly, dateSchema, id, mutation, query, requiredText, returns, text, type FilePayload } from '../kit';
import type { DashboardFigures } from '../../domain/followup/dashboard';
import type { RatingSummary, RatingValue } from '../../domain/followup/ratings';
import type { TaskStatus } from '../../domain/followup/tasks';
import type { WrittenVoteResult } from '../../domain/followup/notice-text';
import { ratingValues } from '../../domain/followup/ratings';
import { taskStatuses } from '../../domain/followup/tasks';

export interface NoticePosting {
  id: number;
  kind: 'announce' | 'results';
  meetingId: number | null;
  /** The day it went up on the notice board (YYYY-MM-DD), as the person recording it said. */
  postedOn: string;
  /** When it was recorded. */
  recordedAt: string;
}

/** Step 3: what the notice of a meeting says. The print view and the Word file show the same. */
export interface AnnouncementNotice {
  meetingId: number;
  councilId: number;
  councilName: string;
  community: string;
  address: string;
  /** 关于召开…的通知 */
  title: string;
  meetingTitle: string;
  date: string;
  startTime: string;
  place: string;
  chairName: string | null;
  status: 'planned' | 'in_progress' | 'closed' | 'cancelled';
  agenda: Array<{ id: number; title: string; text: string }>;
  /** Path of the residents' page the QR code points to, on whatever address the host is reached at. */
  wishPath: string;
  /** Whether the public page takes matters now; the notice says so either way. */
  intakeOpen: boolean;
  /** Date printed under the council's name: today. */
  issuedOn: string;
  /** The latest recorded posting date (meetings.notice_posted_at), or null if never posted. */
  postedOn: string | null;
  postings: NoticePosting[];
}

export interface TaskNote {
  id: number;
  text: string;
  personName: string | null;
  at: string;
}

export interface TaskView {
  id: number;
  agendaItemId: number;
  title: string;
  ownerPersonId: number | null;
  ownerName: string;
  deadline: string | null;
  status: TaskStatus;
  /** YYYY-MM-DD the task was marked done. */
  doneOn: string | null;
  overdue: boolean;
  daysOverdue: number;
  daysLeft: number | null;
  reportedMeetingId: number | null;
  reportedMeetingTitle: string | null;
  reportedMeetingDate: string | null;
  reportedAt: string | null;
  notes: TaskNote[];
  createdAt: string;
}

/** A matter whose vote passed, with what is being done about it and what residents think. */
export interface ResolutionView {
  agendaItemId: number;
  title: string;
  text: string;
  meetingId: number;
  meetingTitle: string;
  meetingDate: string;
  voteId: number;
  /** Counted but not locked: the result may still be corrected. */
  provisional: boolean;
  explanation: string;
  votesFor: number;
  votesAgainst: number;
  votesAbstain: number;
  /** Raised by residents (an accepted 微心愿), so it counts in the response and completion rates. */
  fromResidents: boolean;
  tasks: TaskView[];
  ratings: RatingSummary;
}

export interface TasksBoard {
  councilId: number;
  today: string;
  resolutions: ResolutionView[];
  overdueCount: number;
}

/** Step 6: the public notice of resolutions and how their tasks are going. */
export interface ResultsNotice {
  councilId: number;
  councilName: string;
  meetingId: number | null;
  /** The meeting the notice covers, or null for every resolution still being followed. */
  meetingTitle: string | null;
  title: string;
  issuedOn: string;
  today: string;
  resolutions: ResolutionView[];
  postings: NoticePosting[];
  /** The meeting's written votes whose count record is sealed (书面表决), with their 公示 dates. */
  writtenVotes?: WrittenVoteResult[];
}

export interface Dashboard extends DashboardFigures {
  councilId: number;
  councilName: string;
  today: string;
  referenceRate: number;
  definitions: Record<'mattersByStep' | 'responseRate' | 'completionRate' | 'satisfaction' | 'overdue', string>;
}

const publicBaseUrlSchema = z
  .string({ error: '缺少本机网址' })
  .trim()
  .max(200, '网址太长')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, '二维码网址必须以 http:// 或 https:// 开头，例如 http://192.168.1.10:5173');

const ownerFields = {
  title: requiredText(120, '任务内容'),
  /** A person from the roster, or null when the owner is written out (物业公司, 街道办 …). */
  ownerPersonId: id.nullable().default(null),
  ownerName: text(40, '负责人').default(''),
  deadline: dateSchema.nullable().default(null),
};

const ratingCount = z.number({ error: '请填写人数' }).int('人数必须是整数').min(0, '人数不能是负数').max(5000, '一次最多录入 5000 份');

export const followupArea = {
  /** Step 3: the notice of a meeting, for the print view. */
  'followup:notice': query(z.object({ meetingId: id }), returns<AnnouncementNotice>()),
  /** The notice as Word; the QR code points to `publicBaseUrl` + /wish?council=N. */
  'followup:exportNotice': query(z.object({ meetingId: id, publicBaseUrl: publicBaseUrlSchema }), returns<FilePayload>()),
  /** Records the day the notice went up on the board: the meeting counts as announced from then on. */
  'followup:postNotice': mutation(z.object({ meetingId: id, postedOn: dateSchema }), returns<AnnouncementNotice>(), chairOnly),

  'followup:tasks': query(z.object({ councilId: id }), returns<TasksBoard>()),
  'followup:addTask': mutation(z.object({ agendaItemId: id, ...ownerFields }), returns<TaskView>(), chairOnly),
  'followup:updateTask': mutation(z.object({ taskId: id, ...ownerFields }), returns<TaskView>(), chairOnly),
  'followup:deleteTask': mutation(z.object({ taskId: id }), returns<{ deleted: true }>(), chairOnly),
  'followup:setTaskStatus': mutation(
    z.object({ taskId: id, status: z.enum(taskStatuses, { error: '任务状态只能是 未开始、进行中 或 已完成' }), note: text(1000, '说明').default('') }),
    returns<TaskView>(),
    chairOnly,
  ),
  'followup:addTaskNote': mutation(
    z.object({ taskId: id, text: requiredText(1000, '进展情况'), personId: id.nullable().default(null) }),
    returns<TaskView>(),
    chairOnly,
  ),
  /** Report-back: the task's outcome was reported at a later meeting (null clears it). */
  'followup:reportTask': mutation(z.object({ taskId: id, meetingId: id.nullable() }), returns<TaskView>(), chairOnly),

  /** Ratings from a paper survey: how many ticked each box. */
  'followup:addRatingCounts': mutation(
    z.object({ agendaItemId: id, satisfied: ratingCount, basically: ratingCount, unsatisfied: ratingCount }),
    returns<RatingSummary>(),
    chairOnly,
  ),
  /** One household's rating; a household that rated before changes its answer. */
  'followup:addRating': mutation(
    z.object({
      agendaItemId: id,
      rating: z.enum(ratingValues, { error: '评价只能是 满意、基本满意 或 不满意' }) satisfies z.ZodType<RatingValue>,
      householdId: id.nullable().default(null),
    }),
    returns<RatingSummary>(),
    chairOnly,
  ),

  'followup:resultsNotice': query(z.object({ councilId: id, meetingId: id.nullable().default(null) }), returns<ResultsNotice>()),
  'followup:exportResultsNotice': query(z.object({ councilId: id, meetingId: id.nullable().default(null) }), returns<FilePayload>()),
  'followup:postResultsNotice': mutation(
    z.object({ councilId: id, meetingId: id.nullable().default(null), postedOn: dateSchema }),
    returns<ResultsNotice>(),
    chairOnly,
  ),

  'followup:dashboard': query(z.object({ councilId: id }), returns<Dashboard>()),
} as const;
