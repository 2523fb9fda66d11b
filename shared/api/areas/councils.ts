/** Councils: their names and addresses, their settings, the default vote and the names of their steps. */
import { z } from 'zod';
import { processTemplateIds, stepCount, type ProcessTemplateId } from '../../domain/process/templates';
import { secondsRequiredRange, stepNameLimit } from '../../domain/process/step-names';
import type { VotingRule } from '../../domain/voting/rules';
import { chairOnly, id, mutation, query, requiredText, returns, text } from '../kit';
import type { ProcessSettings } from './process';
import { voteModeSchema, votingRuleSchema, type RoomVoteMode, type VoterBasis } from './voting';

export interface Council {
  id: number;
  name: string;
  community: string;
  address: string;
  processTemplate: ProcessTemplateId;
  createdAt: string;
}

export interface CouncilSettings {
  councilId: number;
  maxProxiesPerHolder: number | null;
  requireSignature: boolean;
  /** A proxy is accepted only with its written authorisation (书面委托书) in hand. */
  requireWrittenProxy: boolean;
  intakeOpen: boolean;
  /** What a new vote starts from, as the council saved it; null until it saves one. */
  defaultVote: { rule: VotingRule; mode: RoomVoteMode } | null;
}

/** How far a new council has come on its first-run path (council → members → roster → meeting → notice). */
export interface CouncilSetup {
  councilId: number;
  /** People with the chair's or the secretary's role. */
  chairs: number;
  secretaries: number;
  /** Council members (officers included). */
  members: number;
  households: number;
  meetings: number;
  /** Meetings whose notice has been recorded as posted. */
  noticesPosted: number;
}

/** Who is entitled to vote under a voter basis now, as a vote opened now would list them. */
export interface Electorate {
  voterBasis: VoterBasis;
  count: number;
  /** The voters' exclusive floor area added up, in hundredths of a m² (0 for council members). */
  areaCenti: number;
  voters: Array<{ key: string; label: string; areaCenti: number }>;
}

const councilFields = {
  name: requiredText(60, '议事会名称'),
  community: text(60, '所属社区').default(''),
  address: text(120, '地址').default(''),
  processTemplate: z.enum(processTemplateIds, { error: '未知的议事流程' }).default('six-step'),
};

export const councilsArea = {
  /** A participant sees only the council of the meeting they joined. */
  'council:list': query(z.object({}), returns<Council[]>(), {
    roles: ['viewer', 'editor', 'door'],
    participantView: (councils, own) => councils.filter((council) => council.id === own.councilId),
  }),
  /** Counts for the first-run path on an empty database: what is there, never the rows themselves. */
  'council:setup': query(z.object({ councilId: id }), returns<CouncilSetup>()),
  'council:create': mutation(z.object(councilFields), returns<Council>(), chairOnly),
  'council:update': mutation(z.object({ councilId: id, ...councilFields }), returns<Council>(), chairOnly),

  /** The entitled list the vote form shows before the chair opens a vote. */
  'council:electorate': query(
    z.object({ councilId: id, voterBasis: z.enum(['members', 'households', 'owners'], { error: '未知的投票人范围' }) }),
    returns<Electorate>(),
    chairOnly,
  ),
  'council:getSettings': query(z.object({ councilId: id }), returns<CouncilSettings>(), { roles: ['door'] }),
  'council:updateSettings': mutation(
    z.object({
      councilId: id,
      maxProxiesPerHolder: z.number().int('委托上限必须是整数').min(1, '委托上限至少为 1').max(50).nullable(),
      requireSignature: z.boolean(),
      intakeOpen: z.boolean().default(false),
      /** Left out, the council's setting stays. */
      requireWrittenProxy: z.boolean().optional(),
    }),
    returns<CouncilSettings>(),
    chairOnly,
  ),
  /** The rule and ballot mode every new vote of the council starts from (each vote may still adjust its own). */
  'council:setDefaultVote': mutation(
    z.object({ councilId: id, rule: votingRuleSchema, mode: voteModeSchema }),
    returns<CouncilSettings>(),
    chairOnly,
  ),
  'council:setSteps': mutation(
    z.object({
      councilId: id,
      stepNames: z
        .array(text(stepNameLimit, '步骤名称').min(1, '请填写每一步的名称'), { error: '步骤名称格式不对' })
        .length(stepCount, `需要正好 ${stepCount} 个步骤名称`)
        .nullable(),
      secondsRequired: z
        .number({ error: '请填写附议人数' })
        .int('附议人数必须是整数')
        .min(secondsRequiredRange.min, `附议人数至少为 ${secondsRequiredRange.min}`)
        .max(secondsRequiredRange.max, `附议人数最多为 ${secondsRequiredRange.max}`),
      /** Days the notice must be up before the meeting; left out, the council's setting stays. */
      noticeDays: z
        .number({ error: '请填写通知提前张贴的天数' })
        .int('天数必须是整数')
        .min(0, '天数不能是负数')
        .max(30, '通知最多要求提前 30 天张贴')
        .optional(),
    }),
    returns<ProcessSettings>(),
    chairOnly,
  ),
} as const;
