import { describe, expect, it } from 'vitest';
import { apply, initialState, invariantBroken, possibleMoves, type ProcessAction, type ProcessState } from './machine';
import { acceptedStep, processDefinition, stepOf } from './step-roles';
import { checkStepNames, storedStepNames } from './step-names';
import { mergeRefusal, mergedSupporters, supportRefusal } from './wish-merge';

const sixStep = processDefinition('six-step', null, 3);
const liuYi = processDefinition('liu-yi', null, 3);
const ruralFour = processDefinition('si-yi-liang-gong-kai', null, 3);
const chair = { personId: 1, name: '王建国' };
const at = '2026-12-02T11:00:00.000Z';

function run(definition = sixStep, start: ProcessState, ...actions: ProcessAction[]): ProcessState {
  let state = start;
  for (const action of actions) {
    const result = apply(definition, state, action, at, chair);
    if (!result.ok) throw new Error(result.reason);
    state = result.state;
  }
  return state;
}

const refusal = (definition: typeof sixStep, state: ProcessState, action: ProcessAction) => {
  const result = apply(definition, state, action, at, chair);
  return result.ok ? null : result.reason;
};

describe('the default six-step template', () => {
  it('walks 收集议题 → 落实公示 one step at a time and records each move', () => {
    let state = run(sixStep, initialState(true), { type: 'advance' }, { type: 'advance' }, { type: 'advance' }, { type: 'advance', note: '讨论结束' });
    expect(sixStep.steps[state.stepIndex]!.name).toBe('表决决议');
    expect(refusal(sixStep, state, { type: 'advance' })).toBe('表决结果还没有锁定，不能进入“落实公示”。请先完成表决并锁定结果。');
    state = run(sixStep, state, { type: 'lock' }, { type: 'advance' });
    expect(state).toMatchObject({ stepIndex: 5, locked: true });
    expect(state.history.map((entry) => [entry.action, entry.from, entry.to])).toEqual([
      ['advance', 0, 1],
      ['advance', 1, 2],
      ['advance', 2, 3],
      ['advance', 3, 4],
      ['lock', 4, 4],
      ['advance', 4, 5],
    ]);
    expect(state.history[3]).toMatchObject({ at, personId: 1, actorName: '王建国', note: '讨论结束', overrideReason: null });
    expect(refusal(sixStep, state, { type: 'advance' })).toBe('议题已经在最后一步“落实公示”，不能再往下走。');
  });

  it('refuses deliberation and voting on a matter whose meeting was never announced', () => {
    const atNotice = run(sixStep, initialState(false), { type: 'advance' }, { type: 'advance' });
    expect(refusal(sixStep, atNotice, { type: 'advance' })).toBe('会议通知还没有张贴公示，议题不能进入“协商讨论”。请先张贴会议通知并记录张贴日期。');
    expect(possibleMoves(sixStep, atNotice).advance).toMatchObject({ toStep: 3, toName: '协商讨论', allowed: false });
    expect(possibleMoves(sixStep, atNotice).back).toMatchObject({ toStep: 1, toName: '审议议题', allowed: true, reason: null });
    const announced = { ...atNotice, announced: true };
    expect(run(sixStep, announced, { type: 'advance' }).stepIndex).toBe(3);
  });

  it('refuses deliberation when the notice went up fewer days before the meeting than the council asks; an override with a reason goes on', () => {
    const atNotice = run(sixStep, initialState(true), { type: 'advance' }, { type: 'advance' });
    const late = { ...atNotice, noticeLead: { days: 1, required: 3 } };
    expect(refusal(sixStep, late, { type: 'advance' })).toBe('会议通知只在开会前 1 天张贴，议事规则要求至少提前 3 天公示，议题不能进入“协商讨论”。如确需继续，请用“强制变更步骤”写明理由。');
    expect(refusal(sixStep, { ...late, noticeLead: { days: 0, required: 3 } }, { type: 'advance' })).toContain('会议通知在开会当天张贴');
    expect(run(sixStep, { ...late, noticeLead: { days: 3, required: 3 } }, { type: 'advance' }).stepIndex).toBe(3);
    expect(run(sixStep, { ...late, noticeLead: { days: 0, required: 0 } }, { type: 'advance' }).stepIndex).toBe(3);
    const overridden = run(sixStep, late, { type: 'override', toStep: 3, reason: '通知晚贴，已逐户电话告知' });
    expect(overridden.stepIndex).toBe(3);
    expect(overridden.history.at(-1)).toMatchObject({ action: 'override', overrideReason: '通知晚贴，已逐户电话告知' });
  });

  it('never goes back once the result is locked, not even by override', () => {
    const voted = run(sixStep, initialState(true), { type: 'override', toStep: 4, reason: '纸质流程已走完' }, { type: 'lock' });
    const locked = '表决结果已经锁定，议题不能退回。如需更正，请重新表决并写明理由。';
    expect(refusal(sixStep, voted, { type: 'back' })).toBe(locked);
    expect(refusal(sixStep, voted, { type: 'override', toStep: 3, reason: '想再讨论' })).toBe(locked);
    expect(refusal(sixStep, voted, { type: 'lock' })).toBe('表决结果已经锁定。');
    expect(run(sixStep, voted, { type: 'override', toStep: 5, reason: '决议已张贴' }).stepIndex).toBe(5);
  });

  it('goes back one step before the lock, and only as far as the first step', () => {
    const state = run(sixStep, initialState(true), { type: 'advance' }, { type: 'back', note: '材料不全' });
    expect(state.stepIndex).toBe(0);
    expect(state.history.at(-1)).toMatchObject({ action: 'back', from: 1, to: 0, note: '材料不全' });
    expect(refusal(sixStep, state, { type: 'back' })).toBe('议题已经在第一步“收集议题”，不能再退回。');
  });

  it('jumps only by override, with a written reason of at most 200 characters, recorded as such', () => {
    const start = initialState(false);
    expect(refusal(sixStep, start, { type: 'override', toStep: 4, reason: '   ' })).toBe('强制变更步骤必须写明理由。');
    expect(refusal(sixStep, start, { type: 'override', toStep: 4, reason: '理'.repeat(201) })).toBe('理由不能超过 200 个字。');
    expect(refusal(sixStep, start, { type: 'override', toStep: 0, reason: '无' })).toBe('议题已经在“收集议题”这一步。');
    expect(refusal(sixStep, start, { type: 'override', toStep: 6, reason: '无' })).toBe('目标步骤不存在。');
    const jumped = run(sixStep, start, { type: 'override', toStep: 4, reason: ' 上级要求当场表决 ' });
    expect(jumped.history).toEqual([
      { action: 'override', from: 0, to: 4, at, personId: 1, actorName: '王建国', note: '', overrideReason: '上级要求当场表决' },
    ]);
    expect(invariantBroken(sixStep, jumped)).toBeNull();
  });

  it('has no 附议 step: seconds are refused', () => {
    expect(refusal(sixStep, initialState(true), { type: 'second' })).toBe('本议事会的议事流程没有“附议”这一步。');
    expect(acceptedStep(sixStep)).toBe(2);
  });
});

describe('六议', () => {
  it('needs the council’s number of seconds to pass 附议', () => {
    const atSecond = run(liuYi, initialState(true), { type: 'advance' });
    expect(liuYi.steps.map((step) => step.name)).toEqual(['集议', '附议', '定议', '论议', '示议', '践议']);
    expect(refusal(liuYi, atSecond, { type: 'advance' })).toBe('“附议”需要至少 3 人附议，现在只有 0 人，还不能进入“定议”。');
    const seconded = run(liuYi, atSecond, { type: 'second', note: '何兆品' }, { type: 'second' }, { type: 'second' }, { type: 'advance' });
    expect(seconded).toMatchObject({ stepIndex: 2, seconds: 3 });
    expect(refusal(liuYi, seconded, { type: 'second' })).toBe('议题已经过了“附议”这一步，不再收集附议。');
    const twoNeeded = processDefinition('liu-yi', null, 2);
    expect(run(twoNeeded, { ...atSecond, seconds: 2 }, { type: 'advance' }).stepIndex).toBe(2);
  });

  it('debates and decides at 论议，which needs the announcement', () => {
    expect(stepOf(liuYi, 'vote')).toBe(3);
    const fixed = { ...initialState(false), stepIndex: 2, seconds: 5 };
    expect(refusal(liuYi, fixed, { type: 'advance' })).toBe('会议通知还没有张贴公示，议题不能进入“论议”。请先张贴会议通知并记录张贴日期。');
    const debated = run(liuYi, { ...fixed, announced: true }, { type: 'advance' });
    expect(refusal(liuYi, debated, { type: 'advance' })).toContain('表决结果还没有锁定');
  });
});

describe('四议两公开', () => {
  it('resolves at the assembly （村民（代表）会议决议） after announcement, then publishes twice', () => {
    expect(stepOf(ruralFour, 'vote')).toBe(3);
    expect(acceptedStep(ruralFour)).toBe(2);
    const reviewed = run(ruralFour, initialState(false), { type: 'advance' }, { type: 'advance' });
    expect(refusal(ruralFour, reviewed, { type: 'advance' })).toContain('不能进入“村民（代表）会议决议”');
    const done = run(ruralFour, { ...reviewed, announced: true }, { type: 'advance' }, { type: 'lock' }, { type: 'advance' }, { type: 'advance' });
    expect(ruralFour.steps[done.stepIndex]!.name).toBe('实施结果公开');
  });
});

describe('renamed steps', () => {
  it('uses the council’s names in the reasons it gives', () => {
    const renamed = processDefinition('six-step', ['征集', '把关', '公告', '商量', '表决', '落实'], 3);
    const state = { ...initialState(false), stepIndex: 2 };
    expect(refusal(renamed, state, { type: 'advance' })).toContain('议题不能进入“商量”');
  });

  it('accepts six distinct names of 1 to 12 characters', () => {
    expect(checkStepNames([' 征集 ', '把关', '公告', '商量', '表决', '落实'])).toEqual({ ok: true, names: ['征集', '把关', '公告', '商量', '表决', '落实'] });
    expect(checkStepNames(['征集', '把关'])).toEqual({ ok: false, error: '需要正好 6 个步骤名称。' });
    expect(checkStepNames(['征集', '', '公告', '商量', '表决', '落实'])).toEqual({ ok: false, error: '请填写第 2 步的名称。' });
    expect(checkStepNames(['征集', '把关', '公告公告公告公告公告公告公', '商量', '表决', '落实'])).toEqual({ ok: false, error: '第 3 步的名称不能超过 12 个字。' });
    expect(checkStepNames(['征集', '把关', '公告', '商量', '表决', '公告'])).toEqual({ ok: false, error: '第 6 步的名称“公告”和前面的步骤重复了。' });
  });

  it('stores names equal to the template as null', () => {
    const template = ['收集议题', '审议议题', '公示通知', '协商讨论', '表决决议', '落实公示'];
    expect(storedStepNames(template, template)).toBeNull();
    expect(storedStepNames(null, template)).toBeNull();
    expect(storedStepNames(['征集', ...template.slice(1)], template)).toBe(JSON.stringify(['征集', ...template.slice(1)]));
  });
});

describe('merging duplicate wishes and "me too"', () => {
  const wish = (id: number, status: 'new' | 'accepted' | 'declined' | 'merged', supporters = 0) => ({ id, councilId: 1, status, supporters });

  it('merges a waiting duplicate into an open wish and adds up the supporters', () => {
    expect(mergeRefusal(wish(2, 'new', 4), wish(1, 'accepted', 6))).toBeNull();
    expect(mergedSupporters(wish(2, 'new', 4), wish(1, 'accepted', 6))).toBe(11);
    expect(mergeRefusal(wish(1, 'new'), wish(1, 'new'))).toBe('不能把议题合并到它自己。');
    expect(mergeRefusal(wish(2, 'accepted'), wish(1, 'new'))).toBe('只有待审议的议题可以合并到别的议题。');
    expect(mergeRefusal(wish(2, 'new'), wish(1, 'declined'))).toBe('不能合并到已经不采纳的议题。');
    expect(mergeRefusal(wish(2, 'new'), wish(1, 'merged'))).toBe('这条议题已经合并到别的议题了，请选择合并后的那一条。');
    expect(mergeRefusal(wish(2, 'new'), { ...wish(1, 'new'), councilId: 2 })).toBe('只能合并同一议事会的议题。');
  });

  it('takes "me too" only for open wishes', () => {
    expect(supportRefusal(wish(1, 'new'))).toBeNull();
    expect(supportRefusal(wish(1, 'accepted'))).toBeNull();
    expect(supportRefusal(wish(1, 'declined'))).toContain('不采纳');
    expect(supportRefusal(wish(1, 'merged'))).toContain('合并');
  });
});
