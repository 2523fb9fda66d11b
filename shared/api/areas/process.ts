/** Each matter's way through its council's process (the six steps): seconds (附议), locks, overrides. */
import { z } from 'zod';
import { stepCount, type ProcessTemplateId } from '../../domain/process/templates';
import type { HistoryEntry, Move } from '../../domain/process/machine';
import type { StepRole } from '../../domain/process/step-roles';
import { chairOnly, id, mutation, query, returns, text } from '../kit';

export interface ProcessStep {
  index: number;
  name: string;
  roles: StepRole[];
}

export interface StepTransition extends HistoryEntry {
  id: number;
  fromName: string;
  toName: string;
}

/** One matter's place in its council's process, what the chair may do next, and everything done so far. */
export interface MatterProcess {
  agendaItemId: number;
  meetingId: number;
  title: string;
  templateId: ProcessTemplateId;
  steps: ProcessStep[];
  stepIndex: number;
  locked: boolean;
  /** The meeting's notice was posted (公示), with its date. */
  announced: boolean;
  noticePostedOn: string | null;
  /** 附议: seconds so far (residents' "me too" on the wish it came from, and named seconds), and how many are needed. */
  seconds: number;
  secondsRequired: number;
  secondsNeeded: boolean;
  seconders: Array<{ id: number; name: string; at: string }>;
  advance: Move | null;
  back: Move | null;
  history: StepTransition[];
}

export interface ProcessSettings {
  councilId: number;
  templateId: ProcessTemplateId;
  templateName: string;
  templateSteps: string[];
  /** The council's own names, or null when it uses the template's. */
  stepNames: string[] | null;
  effectiveSteps: string[];
  secondsRequired: number;
  /** Whether the template has a 附议 step, where secondsRequired applies. */
  hasSecondStep: boolean;
  /** Days the meeting's notice must be up before the meeting for deliberation to begin. */
  noticeDays: number;
}

const note = text(200, '备注').default('');
const actor = {
  /** Who acts; without it the meeting's chair is recorded. */
  personId: id.nullable().default(null),
  note,
};

export const processArea = {
  'process:get': query(z.object({ agendaItemId: id }), returns<MatterProcess>()),
  'process:advance': mutation(z.object({ agendaItemId: id, ...actor }), returns<MatterProcess>(), chairOnly),
  'process:back': mutation(z.object({ agendaItemId: id, ...actor }), returns<MatterProcess>(), chairOnly),
  'process:override': mutation(
    z.object({
      agendaItemId: id,
      toStep: z.number({ error: '请选择目标步骤' }).int('请选择目标步骤').min(0, '目标步骤不存在').max(stepCount - 1, '目标步骤不存在'),
      reason: text(200, '强制变更的理由').min(1, '强制变更步骤必须写明理由。'),
      personId: id.nullable().default(null),
    }),
    returns<MatterProcess>(),
    chairOnly,
  ),
  'process:second': mutation(
    z.object({ agendaItemId: id, personId: id.nullable().default(null), name: text(40, '附议人姓名').default('') }),
    returns<MatterProcess>(),
    chairOnly,
  ),
  /** A result reached without a vote in the app (e.g. a paper ballot held elsewhere), recorded with a note. */
  'process:lock': mutation(z.object({ agendaItemId: id, personId: id.nullable().default(null), note: text(200, '说明').min(1, '请写明结果是怎么得出的') }), returns<MatterProcess>(), chairOnly),
  'process:settings': query(z.object({ councilId: id }), returns<ProcessSettings>()),
} as const;
