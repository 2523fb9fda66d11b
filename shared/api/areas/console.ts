/** The chair's console and the projector: the matter on, the screen, the speakers' queue and timer. */
import { z } from 'zod';
import { chairOnly, id, mutation, query, returns, text } from '../kit';

export interface Speaker {
  id: number;
  agendaItemId: number;
  personId: number;
  name: string;
  householdCode: string | null;
  status: 'waiting' | 'speaking' | 'done';
  startedAt: string | null;
  endedAt: string | null;
  view: 'for' | 'against' | 'suggestion' | null;
  note: string;
}

export interface ConsoleState {
  meetingId: number;
  currentAgendaItemId: number | null;
  screen: 'meeting' | 'blank' | 'break' | 'join';
  speakingLimitSeconds: number;
  /** The current matter's queue: who spoke, who speaks, who waits, in order. */
  speakers: Speaker[];
  /** The host's clock, so screens can run the countdown against it. */
  now: string;
  /** The council's six step names (renamed or its template's), for the step bar. */
  stepNames: string[];
}

export const consoleArea = {
  'console:get': query(z.object({ meetingId: id }), returns<ConsoleState>(), { roles: ['viewer', 'editor', 'door'] }),
  'console:setCurrent': mutation(z.object({ meetingId: id, agendaItemId: id }), returns<ConsoleState>(), chairOnly),
  'console:setScreen': mutation(
    z.object({ meetingId: id, screen: z.enum(['meeting', 'blank', 'break', 'join'], { error: '未知的投影画面' }) }),
    returns<ConsoleState>(),
    chairOnly,
  ),
  'console:setLimit': mutation(
    z.object({ meetingId: id, seconds: z.number().int('发言时限必须是整数秒').min(30, '发言时限至少 30 秒').max(3600, '发言时限最多 60 分钟') }),
    returns<ConsoleState>(),
    chairOnly,
  ),
  'speaker:add': mutation(z.object({ meetingId: id, personId: id }), returns<ConsoleState>(), chairOnly),
  'speaker:remove': mutation(z.object({ speakerId: id }), returns<ConsoleState>(), chairOnly),
  'speaker:move': mutation(z.object({ speakerId: id, direction: z.enum(['up', 'down']) }), returns<ConsoleState>(), chairOnly),
  'speaker:next': mutation(z.object({ meetingId: id }), returns<ConsoleState>(), chairOnly),
  'speaker:stop': mutation(z.object({ meetingId: id }), returns<ConsoleState>(), chairOnly),
  'speaker:note': mutation(
    z.object({
      speakerId: id,
      view: z.enum(['for', 'against', 'suggestion'], { error: '意见只能是 赞成、反对 或 建议' }).nullable(),
      note: text(2000, '发言要点').default(''),
    }),
    returns<ConsoleState>(),
    chairOnly,
  ),
} as const;
