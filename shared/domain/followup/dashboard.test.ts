import { describe, expect, it } from 'vitest';
import { processTemplates } from '../process/templates';
import { dashboardFigures, type DashboardInput } from './dashboard';
import { decideMatters, resolutionIds } from './resolutions';
import { councilStepNames } from '../process/step-names';

const steps = [...processTemplates['six-step'].steps];

function input(partial: Partial<DashboardInput>): DashboardInput {
  return { stepNames: steps, matters: [], wishes: [], resolutions: new Set(), tasks: [], ratings: [], today: '2026-11-23', ...partial };
}

describe('resolutions', () => {
  it('a matter is a resolution when its latest finished vote passed', () => {
    const votes = [
      { id: 1, agendaItemId: 10, status: 'locked', passed: false },
      { id: 2, agendaItemId: 10, status: 'locked', passed: true }, // re-vote replaces the failed one
      { id: 3, agendaItemId: 11, status: 'locked', passed: true },
      { id: 4, agendaItemId: 11, status: 'locked', passed: false }, // a later vote overturned it
      { id: 5, agendaItemId: 12, status: 'closed', passed: true }, // counted, not locked yet
      { id: 6, agendaItemId: 13, status: 'open', passed: true }, // still voting
      { id: 7, agendaItemId: null, status: 'locked', passed: true }, // a vote on no matter
    ] as const;
    expect([...resolutionIds(votes)].sort()).toEqual([10, 12]);
    expect(decideMatters(votes).get(12)?.provisional).toBe(true);
    expect(decideMatters(votes).get(10)?.provisional).toBe(false);
    expect(decideMatters(votes).has(13)).toBe(false);
  });
});

describe('step names', () => {
  it('uses the council’s own names when it renamed all six, else the template', () => {
    expect(councilStepNames('liu-yi', null)[1]).toBe('附议');
    expect(councilStepNames('six-step', JSON.stringify(['征集', '', '公告', '商量', '表决', '公开']))).toEqual(['征集', '审议议题', '公告', '商量', '表决', '公开']);
    expect(councilStepNames('six-step', '["only one"]')).toEqual(steps);
    expect(councilStepNames('six-step', '{broken')).toEqual(steps);
  });
});

describe('dashboard figures', () => {
  it('counts matters by step: unvetted wishes in step 1, agenda items at their step', () => {
    const figures = dashboardFigures(
      input({
        wishes: [
          { status: 'new', agendaItemId: null },
          { status: 'new', agendaItemId: null },
          { status: 'accepted', agendaItemId: 1 },
          { status: 'declined', agendaItemId: null },
        ],
        matters: [
          { agendaItemId: 1, stepIndex: 2 },
          { agendaItemId: 2, stepIndex: 5 },
          { agendaItemId: 3, stepIndex: 5 },
        ],
      }),
    );
    expect(figures.mattersByStep.map((step) => [step.name, step.count])).toEqual([
      ['收集议题', 2],
      ['审议议题', 0],
      ['公示通知', 1],
      ['协商讨论', 0],
      ['表决决议', 0],
      ['落实公示', 2],
    ]);
    expect(figures.totalMatters).toBe(5);
  });

  it('response rate: accepted, declined and merged are answered; new ones are not', () => {
    const wishes = [
      ...Array.from({ length: 17 }, () => ({ status: 'accepted' as const, agendaItemId: 1 })),
      { status: 'declined' as const, agendaItemId: null },
      { status: 'merged' as const, agendaItemId: null },
      { status: 'new' as const, agendaItemId: null },
    ];
    const { responseRate } = dashboardFigures(input({ wishes }));
    expect(responseRate).toEqual({ numerator: 19, denominator: 20, rate: 0.95 });
  });

  it('completion rate: resolved residents’ matters whose tasks are all done (and at least one task)', () => {
    const figures = dashboardFigures(
      input({
        wishes: [
          { status: 'accepted', agendaItemId: 1 }, // resolution, all tasks done → complete
          { status: 'accepted', agendaItemId: 2 }, // resolution, one task still open
          { status: 'accepted', agendaItemId: 3 }, // resolution without tasks → not complete
          { status: 'accepted', agendaItemId: 4 }, // vote failed: not a resolution, not counted
          { status: 'declined', agendaItemId: null },
        ],
        resolutions: new Set([1, 2, 3, 9]), // 9: a matter the council raised itself, not a resident's
        tasks: [
          { agendaItemId: 1, status: 'done', deadline: '2026-10-01' },
          { agendaItemId: 1, status: 'done', deadline: null },
          { agendaItemId: 2, status: 'done', deadline: null },
          { agendaItemId: 2, status: 'in_progress', deadline: '2026-11-01' },
          { agendaItemId: 9, status: 'open', deadline: '2026-11-22' },
          { agendaItemId: 9, status: 'open', deadline: '2026-11-23' },
        ],
      }),
    );
    expect(figures.completionRate).toEqual({ numerator: 1, denominator: 3, rate: 1 / 3 });
    expect(figures.resolutions).toBe(4);
    expect(figures.tasks).toEqual({ total: 6, done: 3, overdue: 2 });
  });

  it('has no rates and no satisfaction before there is anything to measure', () => {
    const figures = dashboardFigures(input({}));
    expect(figures.responseRate.rate).toBeNull();
    expect(figures.completionRate.rate).toBeNull();
    expect(figures.satisfaction.satisfactionRate).toBeNull();
  });

  it('satisfaction over every rating of the council', () => {
    const figures = dashboardFigures(
      input({ ratings: [{ rating: 'satisfied' }, { rating: 'basically' }, { rating: 'unsatisfied' }, { rating: 'satisfied' }] }),
    );
    expect(figures.satisfaction.satisfactionRate).toBe(0.75);
  });
});
