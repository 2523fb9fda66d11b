/**
 * What each step of a template is for. The guards of the step machine are written against
 * these roles, not against step numbers, so the three templates share one set of rules:
 * - collect: a matter is raised (收集议题, 集议, 党组织提议);
 * - second: residents add their support; the council sets how many seconds are needed (六议 附议);
 * - vet: the council reviews, merges, accepts or declines (审议议题, 定议, 两委会商议, 党员大会审议);
 * - announce: the agenda and notice are posted before the meeting (公示通知);
 * - deliberate: discussion at the meeting (协商讨论, 论议, 村民(代表)会议);
 * - vote: the resolution is voted on and its result locked (表决决议, 论议, 村民(代表)会议决议);
 * - publish: the resolution is posted (决议公开, 示议);
 * - implement: tasks are carried out, reported back and rated (落实公示, 践议, 实施结果公开).
 */
import { processTemplates, stepCount, type ProcessTemplateId } from './templates';

export const stepRoles = ['collect', 'second', 'vet', 'announce', 'deliberate', 'vote', 'publish', 'implement'] as const;
export type StepRole = (typeof stepRoles)[number];

export interface StepDefinition {
  name: string;
  roles: readonly StepRole[];
}

/** A council's process: its template's steps under the council's own names, and its 附议 threshold. */
export interface ProcessDefinition {
  templateId: ProcessTemplateId;
  steps: readonly StepDefinition[];
  /** Seconds a matter needs to leave a 'second' step (六议 附议); unused by templates without one. */
  secondsRequired: number;
}

type SixRoles = readonly [readonly StepRole[], readonly StepRole[], readonly StepRole[], readonly StepRole[], readonly StepRole[], readonly StepRole[]];

export const templateRoles: Record<ProcessTemplateId, SixRoles> = {
  // 收集议题 → 审议议题 → 公示通知 → 协商讨论 → 表决决议 → 落实公示
  'six-step': [['collect'], ['vet'], ['announce'], ['deliberate'], ['vote'], ['publish', 'implement']],
  // 集议 → 附议 → 定议 → 论议 → 示议 → 践议: the topic is fixed (and announced) at 定议, debated and
  // decided at 论议, the decision shown at 示议.
  'liu-yi': [['collect'], ['second'], ['vet', 'announce'], ['deliberate', 'vote'], ['publish'], ['implement']],
  // 党组织提议 → 两委会商议 → 党员大会审议 → 村民(代表)会议决议 → 决议公开 → 实施结果公开
  'si-yi-liang-gong-kai': [['collect'], ['vet'], ['vet', 'announce'], ['deliberate', 'vote'], ['publish'], ['publish', 'implement']],
};

export function processDefinition(templateId: ProcessTemplateId, names: readonly string[] | null, secondsRequired: number): ProcessDefinition {
  const template = processTemplates[templateId];
  const roles = templateRoles[templateId];
  const steps = Array.from({ length: stepCount }, (_, index) => ({
    name: names?.[index] ?? template.steps[index]!,
    roles: roles[index]!,
  }));
  return { templateId, steps, secondsRequired };
}

export const hasRole = (definition: ProcessDefinition, index: number, role: StepRole): boolean =>
  definition.steps[index]?.roles.includes(role) ?? false;

/** The first step carrying the role, or -1 when the template has none. */
export const stepOf = (definition: ProcessDefinition, role: StepRole): number =>
  definition.steps.findIndex((step) => step.roles.includes(role));

/**
 * Where a matter accepted at vetting stands: the announce step of every built-in template
 * (公示通知, 定议, 党员大会审议). Accepting walks it there one recorded step at a time.
 */
export const acceptedStep = (definition: ProcessDefinition): number => stepOf(definition, 'announce');
