/** Meetings and their agendas: the matters in order, each at its step. */
import { z } from 'zod';
import { meetingStatuses, type MeetingStatus } from '../../domain/roster/roles';
import { chairOnly, dateSchema, id, mutation, query, requiredText, returns, text, timeSchema } from '../kit';

export interface AgendaItem {
  id: number;
  meetingId: number;
  position: number;
  title: string;
  text: string;
  /** The proposal as amended in the meeting; null while it stands as tabled. */
  amendedText: string | null;
  stepIndex: number;
}

export interface MeetingSummary {
  id: number;
  councilId: number;
  title: string;
  date: string;
  startTime: string;
  place: string;
  status: MeetingStatus;
  chairId: number | null;
  secretaryId: number | null;
  chairName: string | null;
  secretaryName: string | null;
  agendaCount: number;
}

export interface Meeting extends MeetingSummary {
  agenda: AgendaItem[];
}

const meetingFields = {
  title: requiredText(80, '会议名称'),
  date: dateSchema,
  startTime: timeSchema,
  place: text(80, '地点').default(''),
  chairId: id.nullable().default(null),
  secretaryId: id.nullable().default(null),
};

const matterFields = { title: requiredText(80, '议题名称'), text: text(4000, '议题内容').default('') };

export const meetingsArea = {
  'meeting:list': query(z.object({ councilId: id }), returns<MeetingSummary[]>()),
  'meeting:get': query(z.object({ meetingId: id }), returns<Meeting>(), { roles: ['viewer', 'editor', 'door'] }),
  'meeting:create': mutation(z.object({ councilId: id, ...meetingFields }), returns<Meeting>(), chairOnly),
  'meeting:update': mutation(
    z.object({ meetingId: id, ...meetingFields, status: z.enum(meetingStatuses, { error: '未知的会议状态' }) }),
    returns<Meeting>(),
    chairOnly,
  ),
  /** The evening begins: 筹备中 → 进行中. */
  'meeting:start': mutation(z.object({ meetingId: id }), returns<Meeting>(), chairOnly),
  /** The evening ends: 进行中 → 已结束; the minutes can then be signed. Refused while a vote is open. */
  'meeting:end': mutation(z.object({ meetingId: id }), returns<Meeting>(), chairOnly),
  'meeting:delete': mutation(z.object({ meetingId: id }), returns<{ deleted: true }>(), chairOnly),

  'agenda:add': mutation(z.object({ meetingId: id, ...matterFields }), returns<Meeting>(), chairOnly),
  'agenda:update': mutation(z.object({ agendaItemId: id, ...matterFields }), returns<Meeting>(), chairOnly),
  /** The proposal as amended in the meeting; empty text goes back to the proposal as tabled. */
  'agenda:amend': mutation(z.object({ agendaItemId: id, text: text(4000, '修改后的议案') }), returns<Meeting>(), chairOnly),
  'agenda:remove': mutation(z.object({ agendaItemId: id }), returns<Meeting>(), chairOnly),
  'agenda:reorder': mutation(z.object({ meetingId: id, orderedIds: z.array(id).min(1).max(200) }), returns<Meeting>(), chairOnly),
} as const;
