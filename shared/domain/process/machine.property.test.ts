import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { processTemplateIds } from './templates';
import { apply, initialState, invariantBroken, type ProcessAction, type ProcessState } from './machine';
import { hasRole, processDefinition, stepOf } from './step-roles';

/** A step of a random run: an action of the machine, or the notice being posted (a fact from outside). */
type Step = { kind: 'action'; action: ProcessAction } | { kind: 'announce' };

const reason = fc.oneof(fc.constant(''), fc.constant('   '), fc.string({ maxLength: 12 }), fc.string({ minLength: 195, maxLength: 205 }));
const action: fc.Arbitrary<ProcessAction> = fc.oneof(
  fc.constant<ProcessAction>({ type: 'advance' }),
  fc.constant<ProcessAction>({ type: 'advance' }),
  fc.constant<ProcessAction>({ type: 'back' }),
  fc.constant<ProcessAction>({ type: 'second' }),
  fc.constant<ProcessAction>({ type: 'lock' }),
  fc.record({ type: fc.constant('override' as const), toStep: fc.integer({ min: -1, max: 6 }), reason }),
);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 9, arbitrary: action.map((a): Step => ({ kind: 'action', action: a })) },
  { weight: 1, arbitrary: fc.constant<Step>({ kind: 'announce' }) },
);

const scenario = fc.record({
  template: fc.constantFrom(...processTemplateIds),
  secondsRequired: fc.integer({ min: 1, max: 5 }),
  announced: fc.boolean(),
  steps: fc.array(step, { maxLength: 60 }),
});

describe('the step machine under random sequences of actions', () => {
  it('never reaches an illegal state, and every change of step is in the history', () => {
    fc.assert(
      fc.property(scenario, ({ template, secondsRequired, announced, steps }) => {
        const definition = processDefinition(template, null, secondsRequired);
        const voteStep = stepOf(definition, 'vote');
        let state: ProcessState = initialState(announced);
        let lockedAt: number | null = null;
        for (const [index, next] of steps.entries()) {
          if (next.kind === 'announce') {
            state = { ...state, announced: true };
            continue;
          }
          const before = state;
          const result = apply(definition, state, next.action, `t${index}`, { personId: null, name: '主持人' });
          if (!result.ok) {
            expect(result.reason.length).toBeGreaterThan(0);
            continue;
          }
          state = result.state;
          // Exactly one entry more, describing this very move.
          expect(state.history).toHaveLength(before.history.length + 1);
          expect(state.history.at(-1)).toMatchObject({ action: next.action.type, from: before.stepIndex, to: state.stepIndex, at: `t${index}` });
          expect(state.stepIndex).toBeGreaterThanOrEqual(0);
          expect(state.stepIndex).toBeLessThanOrEqual(5);
          // A move that is not an override is one step at a time.
          if (next.action.type !== 'override') expect(Math.abs(state.stepIndex - before.stepIndex)).toBeLessThanOrEqual(1);
          // A locked matter never moves back.
          if (before.locked) expect(state.stepIndex).toBeGreaterThanOrEqual(before.stepIndex);
          if (state.locked && lockedAt === null) lockedAt = state.stepIndex;
          // Deliberation and the vote are entered without the notice only by a written override.
          const entered = state.stepIndex !== before.stepIndex;
          const needsNotice = hasRole(definition, state.stepIndex, 'deliberate') || hasRole(definition, state.stepIndex, 'vote');
          if (entered && needsNotice && !before.announced && next.action.type !== 'back') {
            expect(next.action.type).toBe('override');
            expect(state.history.at(-1)!.overrideReason?.length).toBeGreaterThan(0);
          }
          // 附议 is passed forward only with enough seconds, or by override.
          if (next.action.type === 'advance' && hasRole(definition, before.stepIndex, 'second')) {
            expect(before.seconds).toBeGreaterThanOrEqual(secondsRequired);
          }
          // Past the vote only with a locked result, or by override.
          if (next.action.type === 'advance' && before.stepIndex === voteStep) expect(before.locked).toBe(true);
          expect(invariantBroken(definition, state)).toBeNull();
        }
        // Replaying the history from the first step lands on the current step.
        const replayed = state.history.reduce((at, entry) => {
          expect(entry.from).toBe(at);
          return entry.to;
        }, 0);
        expect(replayed).toBe(state.stepIndex);
        if (lockedAt !== null) expect(state.stepIndex).toBeGreaterThanOrEqual(lockedAt);
        const overridden = state.history.some((entry) => entry.action === 'override');
        const reachedVote = state.history.some((entry) => entry.to >= voteStep && entry.from < voteStep);
        if (reachedVote && !overridden) expect(state.announced).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('reaches every step of every template from the first by legal moves alone', () => {
    fc.assert(
      fc.property(fc.constantFrom(...processTemplateIds), fc.integer({ min: 1, max: 5 }), (template, secondsRequired) => {
        const definition = processDefinition(template, null, secondsRequired);
        let state = initialState(true);
        for (let guard = 0; guard < 40 && state.stepIndex < 5; guard += 1) {
          const forward = apply(definition, state, { type: 'advance' }, 't', { personId: null, name: '主持人' });
          if (forward.ok) state = forward.state;
          else {
            const helper = [{ type: 'second' as const }, { type: 'lock' as const }]
              .map((a) => apply(definition, state, a, 't', { personId: null, name: '主持人' }))
              .find((r) => r.ok);
            expect(helper, forward.ok ? '' : forward.reason).toBeDefined();
            if (helper?.ok) state = helper.state;
          }
        }
        expect(state.stepIndex).toBe(5);
        expect(state.history.some((entry) => entry.action === 'override')).toBe(false);
      }),
    );
  });
});
