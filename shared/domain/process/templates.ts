/**
 * The six-step templates a council can follow. Agenda items store the index of
 * their step (0..5); the step machine itself is built on top of these names.
 */
export const processTemplateIds = ['six-step', 'liu-yi', 'si-yi-liang-gong-kai'] as const;
export type ProcessTemplateId = (typeof processTemplateIds)[number];

export interface ProcessTemplate {
  id: ProcessTemplateId;
  name: string;
  steps: readonly [string, string, string, string, string, string];
}

export const processTemplates: Record<ProcessTemplateId, ProcessTemplate> = {
  'six-step': {
    id: 'six-step',
    name: '六步工作法',
    steps: ['收集议题', '审议议题', '公示通知', '协商讨论', '表决决议', '落实公示'],
  },
  'liu-yi': {
    id: 'liu-yi',
    name: '六议',
    steps: ['集议', '附议', '定议', '论议', '示议', '践议'],
  },
  'si-yi-liang-gong-kai': {
    id: 'si-yi-liang-gong-kai',
    name: '四议两公开',
    steps: ['党组织提议', '两委会商议', '党员大会审议', '村民（代表）会议决议', '决议公开', '实施结果公开'],
  },
};

export const stepCount = 6;
