import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Voter } from './electorate';
import type { Bound } from './ratio';
import type { VotingRule } from './rules';
import { presetIds, presets } from './rules';
import type { Choice, NamedBallot, Tally, VoteInput } from './tally';
import { choices, decide } from './tally';

const boundArbitrary = (atLeastHalfOnly: boolean): fc.Arbitrary<Bound> =>
  fc
    .integer({ min: 1, max: 6 })
    .chain((denominator) =>
      fc.record({
        ratio: fc.record({
          numerator: fc.integer({ min: atLeastHalfOnly ? Math.ceil(denominator / 2) : 0, max: denominator }),
          denominator: fc.constant(denominator),
        }),
        inclusive: fc.boolean(),
      }),
    );

const measure = fc.constantFrom('headcount' as const, 'headcount-and-area' as const);
const handling = fc.constantFrom('counts-as-cast' as const, 'not-cast' as const);

/**
 * Any preset, or a council's own rule. With a threshold under one half a tie can sit above the bar,
 * so "ties fail" there would let a vote in favour create a failing tie; such rules are only drawn
 * with tie: 'threshold-decides'.
 */
const ruleArbitrary: fc.Arbitrary<VotingRule> = fc.oneof(
  fc.constantFrom(...presetIds).map((id) => presets[id]),
  fc.constantFrom('fails' as const, 'threshold-decides' as const).chain((tie) =>
    fc.record({
      id: fc.constant('custom'),
      name: fc.constant('本会自定规则'),
      legalBasis: fc.constant(null),
      voterBasis: fc.constantFrom('members' as const, 'households' as const, 'owners' as const),
      quorum: fc.option(fc.record({ bound: boundArbitrary(false), measure }), { nil: null }),
      threshold: fc.record({
        base: fc.constantFrom('cast' as const, 'present' as const, 'entitled' as const),
        bound: boundArbitrary(tie === 'fails'),
        measure,
      }),
      abstentions: handling,
      blankBallots: handling,
      tie: fc.constant(tie),
    }),
  ),
);

type Attendance = 'absent' | 'present' | Choice;

/** An electorate and what each voter did: stayed away, came without voting, or voted. */
const meetingArbitrary = fc
  .array(
    fc.record({
      areaCenti: fc.integer({ min: 0, max: 1_000_000 }),
      did: fc.constantFrom<Attendance>('absent', 'present', ...choices),
    }),
    { minLength: 1, maxLength: 40 },
  )
  .map((rows) => rows.map((row, index) => ({ voter: { voterId: `v${index}`, areaCenti: row.areaCenti } as Voter, did: row.did })));

function toInput(meeting: { voter: Voter; did: Attendance }[]): Extract<VoteInput, { kind: 'named' }> {
  const ballots: NamedBallot[] = [];
  for (const { voter, did } of meeting) {
    if (did !== 'absent' && did !== 'present') ballots.push({ voterId: voter.voterId, choice: did });
  }
  return {
    kind: 'named',
    entitled: meeting.map((row) => row.voter),
    present: meeting.filter((row) => row.did === 'present').map((row) => row.voter.voterId),
    ballots,
  };
}

function decided(rule: VotingRule, input: VoteInput) {
  const result = decide(rule, input);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('invariants of every rule', () => {
  it("a vote in favour, new or changed, never turns a pass into a fail", () => {
    fc.assert(
      fc.property(ruleArbitrary, meetingArbitrary, fc.nat(), (rule, meeting, pick) => {
        const changeable = meeting.filter((row) => row.did !== 'for');
        fc.pre(changeable.length > 0);
        const target = changeable[pick % changeable.length]!;
        const before = decided(rule, toInput(meeting));
        const after = decided(
          rule,
          toInput(meeting.map((row) => (row === target ? { ...row, did: 'for' as const } : row))),
        );
        if (before.passed) expect(after.passed).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it('the outcome does not depend on the order ballots arrive', () => {
    fc.assert(
      fc.property(ruleArbitrary, meetingArbitrary, fc.array(fc.nat()), (rule, meeting, keys) => {
        const input = toInput(meeting);
        const key = (index: number) => keys[index % Math.max(keys.length, 1)] ?? 0;
        const shuffled = {
          ...input,
          ballots: input.ballots
            .map((ballot, index) => ({ ballot, order: key(index) }))
            .sort((a, b) => a.order - b.order)
            .map((row) => row.ballot),
          present: [...input.present].reverse(),
          entitled: [...input.entitled].reverse(),
        };
        expect(decided(rule, shuffled)).toEqual(decided(rule, input));
      }),
    );
  });

  it('named ballots and the same numbers entered as counts give the same outcome', () => {
    fc.assert(
      fc.property(ruleArbitrary, meetingArbitrary, (rule, meeting) => {
        const named = decided(rule, toInput(meeting));
        const entered = decided(rule, { kind: 'counts', entitled: named.entitled, present: named.present, counts: named.counts });
        expect(entered).toEqual(named);
      }),
    );
  });

  it('the explanation names the rule and ends in the verdict', () => {
    fc.assert(
      fc.property(ruleArbitrary, meetingArbitrary, (rule, meeting) => {
        const outcome = decided(rule, toInput(meeting));
        expect(outcome.explanation).toContain(rule.name);
        expect(outcome.explanation.endsWith(outcome.passed ? '，通过。' : '，未通过。')).toBe(true);
      }),
    );
  });

  it('show-of-hands counts without area are accepted by rules that count heads only', () => {
    const headcountOnly = ruleArbitrary.filter(
      (rule) => rule.threshold.measure === 'headcount' && rule.quorum?.measure !== 'headcount-and-area',
    );
    fc.assert(
      fc.property(headcountOnly, fc.array(fc.nat({ max: 50 }), { minLength: 6, maxLength: 6 }), (rule, numbers) => {
        const [forCount, against, abstain, blank, notVoting, absent] = numbers as [number, number, number, number, number, number];
        const none = (headcount: number): Tally => ({ headcount, areaCenti: null });
        const present = forCount + against + abstain + blank + notVoting;
        const result = decide(rule, {
          kind: 'counts',
          entitled: none(present + absent),
          present: none(present),
          counts: { for: none(forCount), against: none(against), abstain: none(abstain), blank: none(blank) },
        });
        expect(result.ok).toBe(true);
      }),
    );
  });
});
