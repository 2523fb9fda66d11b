/**
 * The six-step process of one matter as a pure state machine: no clock, no storage. The
 * caller passes the time and the actor; every accepted action returns the new state with
 * one more history entry, and every refused one says why in a sentence the chair can read.
 *
 * Rules (by the role of each step, see roles.ts):
 * - one step at a time, forward or back; a jump needs an override;
 * - no step of deliberation or voting until the meeting was announced (notice posted), and
 *   posted the council's number of days before the meeting (an override with a reason may go on);
 * - a 'second' step (六议 附议) is left forward only with the council's number of seconds;
 * - the vote step is left forward only once the result is locked;
 * - once the result is locked the matter never moves back, not even by override;
 * - an override needs a written reason (at most 200 characters) and is recorded as such.
 */
import { stepCount } from './templates';
import { hasRole, stepOf, type ProcessDefinition } from './step-roles';

export type TransitionKind = 'advance' | 'back' | 'override' | 'second' | 'lock';

export interface Actor {
  personId: number | null;
  name: string;
}

export interface HistoryEntry {
  action: TransitionKind;
  from: number;
  to: number;
  at: string;
  personId: number | null;
  actorName: string;
  note: string;
  /** Only for an override: the written reason. */
  overrideReason: string | null;
}

export interface ProcessState {
  stepIndex: number;
  /** The result was locked (a vote's result, or one recorded by hand): no going back. */
  locked: boolean;
  /** Seconds (附议) the matter has. */
  seconds: number;
  /** The meeting's notice was posted (公示). */
  announced: boolean;
  /** How many days before the meeting the notice went up, and how many the council asks; null when not posted. */
  noticeLead: { days: number; required: number } | null;
  history: readonly HistoryEntry[];
}

export type ProcessAction =
  | { type: 'advance'; note?: string }
  | { type: 'back'; note?: string }
  | { type: 'override'; toStep: number; reason: string; note?: string }
  | { type: 'second'; note?: string }
  | { type: 'lock'; note?: string };

export type Refusal = { ok: false; reason: string };
export type Applied = { ok: true; state: ProcessState; entry: HistoryEntry };

export const overrideReasonLimit = 200;

const quoted = (definition: ProcessDefinition, index: number) => `“${definition.steps[index]?.name ?? index + 1}”`;
const refuse = (reason: string): Refusal => ({ ok: false, reason });

export function initialState(announced = false): ProcessState {
  return { stepIndex: 0, locked: false, seconds: 0, announced, noticeLead: null, history: [] };
}

/** Why moving into step `to` is refused on the announcement alone, or null. */
function announcementRefusal(definition: ProcessDefinition, state: ProcessState, to: number): string | null {
  if (!hasRole(definition, to, 'deliberate') && !hasRole(definition, to, 'vote')) return null;
  if (!state.announced) return `会议通知还没有张贴公示，议题不能进入${quoted(definition, to)}。请先张贴会议通知并记录张贴日期。`;
  const lead = state.noticeLead;
  if (lead && lead.days < lead.required) {
    const when = lead.days <= 0 ? '在开会当天' : `只在开会前 ${lead.days} 天`;
    return `会议通知${when}张贴，议事规则要求至少提前 ${lead.required} 天公示，议题不能进入${quoted(definition, to)}。如确需继续，请用“强制变更步骤”写明理由。`;
  }
  return null;
}

/** Why a single step forward is refused, or null when it is allowed. */
export function advanceRefusal(definition: ProcessDefinition, state: ProcessState): string | null {
  const from = state.stepIndex;
  if (from >= stepCount - 1) return `议题已经在最后一步${quoted(definition, from)}，不能再往下走。`;
  const to = from + 1;
  const unannounced = announcementRefusal(definition, state, to);
  if (unannounced) return unannounced;
  if (hasRole(definition, from, 'second') && state.seconds < definition.secondsRequired) {
    return `${quoted(definition, from)}需要至少 ${definition.secondsRequired} 人附议，现在只有 ${state.seconds} 人，还不能进入${quoted(definition, to)}。`;
  }
  if (hasRole(definition, from, 'vote') && !state.locked) {
    return `表决结果还没有锁定，不能进入${quoted(definition, to)}。请先完成表决并锁定结果。`;
  }
  return null;
}

const lockedRefusal = '表决结果已经锁定，议题不能退回。如需更正，请重新表决并写明理由。';

export function backRefusal(definition: ProcessDefinition, state: ProcessState): string | null {
  if (state.stepIndex <= 0) return `议题已经在第一步${quoted(definition, 0)}，不能再退回。`;
  if (state.locked) return lockedRefusal;
  return null;
}

/** Checks the written reason of an override; returns it trimmed, or why it is not enough. */
export function checkOverrideReason(reason: string): { ok: true; reason: string } | Refusal {
  const trimmed = reason.trim();
  if (trimmed.length === 0) return refuse('强制变更步骤必须写明理由。');
  if (trimmed.length > overrideReasonLimit) return refuse(`理由不能超过 ${overrideReasonLimit} 个字。`);
  return { ok: true, reason: trimmed };
}

export function overrideRefusal(definition: ProcessDefinition, state: ProcessState, toStep: number, reason: string): string | null {
  if (!Number.isInteger(toStep) || toStep < 0 || toStep >= stepCount) return '目标步骤不存在。';
  if (toStep === state.stepIndex) return `议题已经在${quoted(definition, toStep)}这一步。`;
  if (state.locked && toStep < state.stepIndex) return lockedRefusal;
  const checked = checkOverrideReason(reason);
  return checked.ok ? null : checked.reason;
}

export function secondRefusal(definition: ProcessDefinition, state: ProcessState): string | null {
  const secondStep = stepOf(definition, 'second');
  if (secondStep < 0) return '本议事会的议事流程没有“附议”这一步。';
  if (state.stepIndex > secondStep) return `议题已经过了${quoted(definition, secondStep)}这一步，不再收集附议。`;
  return null;
}

export function lockRefusal(definition: ProcessDefinition, state: ProcessState): string | null {
  if (state.locked) return '表决结果已经锁定。';
  const voteStep = stepOf(definition, 'vote');
  if (state.stepIndex < voteStep) return `议题还没有进入${quoted(definition, voteStep)}，没有可以锁定的结果。`;
  return null;
}

export function refusalOf(definition: ProcessDefinition, state: ProcessState, action: ProcessAction): string | null {
  switch (action.type) {
    case 'advance':
      return advanceRefusal(definition, state);
    case 'back':
      return backRefusal(definition, state);
    case 'override':
      return overrideRefusal(definition, state, action.toStep, action.reason);
    case 'second':
      return secondRefusal(definition, state);
    case 'lock':
      return lockRefusal(definition, state);
  }
}

/** Applies one action at `at` by `actor`: the new state and its history entry, or the refusal. */
export function apply(definition: ProcessDefinition, state: ProcessState, action: ProcessAction, at: string, actor: Actor): Applied | Refusal {
  const refusal = refusalOf(definition, state, action);
  if (refusal) return refuse(refusal);
  const from = state.stepIndex;
  let next: ProcessState = state;
  let to = from;
  let overrideReason: string | null = null;
  switch (action.type) {
    case 'advance':
      to = from + 1;
      next = { ...state, stepIndex: to };
      break;
    case 'back':
      to = from - 1;
      next = { ...state, stepIndex: to };
      break;
    case 'override':
      to = action.toStep;
      overrideReason = action.reason.trim();
      next = { ...state, stepIndex: to };
      break;
    case 'second':
      next = { ...state, seconds: state.seconds + 1 };
      break;
    case 'lock':
      next = { ...state, locked: true };
      break;
  }
  const entry: HistoryEntry = {
    action: action.type,
    from,
    to,
    at,
    personId: actor.personId,
    actorName: actor.name,
    note: (action.note ?? '').trim(),
    overrideReason,
  };
  return { ok: true, state: { ...next, history: [...state.history, entry] }, entry };
}

export interface Move {
  toStep: number;
  toName: string;
  allowed: boolean;
  /** Why it is refused (Chinese), when it is. */
  reason: string | null;
}

/** The chair's two buttons and what each would do now. */
export function possibleMoves(definition: ProcessDefinition, state: ProcessState): { advance: Move | null; back: Move | null } {
  const move = (toStep: number, refusal: string | null): Move | null =>
    toStep < 0 || toStep >= stepCount ? null : { toStep, toName: definition.steps[toStep]!.name, allowed: refusal === null, reason: refusal };
  return {
    advance: move(state.stepIndex + 1, advanceRefusal(definition, state)),
    back: move(state.stepIndex - 1, backRefusal(definition, state)),
  };
}

/**
 * What must hold of every state the machine can reach from the initial state (the property
 * tests check it after random action sequences). Returns the broken rule, or null.
 */
export function invariantBroken(definition: ProcessDefinition, state: ProcessState): string | null {
  if (!Number.isInteger(state.stepIndex) || state.stepIndex < 0 || state.stepIndex >= stepCount) return 'step out of range';
  let step = 0;
  let lockedSince = -1;
  const voteStep = stepOf(definition, 'vote');
  const overridden = state.history.some((entry) => entry.action === 'override');
  for (const [index, entry] of state.history.entries()) {
    if (entry.from !== step) return `history entry ${index} starts at ${entry.from}, the matter was at ${step}`;
    if (lockedSince >= 0 && entry.to < entry.from) return `history entry ${index} moves back after the lock`;
    if (entry.action === 'override' && !entry.overrideReason) return `override ${index} without a reason`;
    if (entry.action !== 'override' && Math.abs(entry.to - entry.from) > 1) return `history entry ${index} jumps without an override`;
    if (entry.action === 'lock') lockedSince = index;
    step = entry.to;
  }
  if (step !== state.stepIndex) return 'the history does not end at the current step';
  if (state.locked !== lockedSince >= 0) return 'locked without a lock entry';
  if (!overridden && !state.announced && voteStep >= 0 && state.stepIndex >= voteStep) return 'vote reached without announcement';
  return null;
}
