import { describe, expect, it } from 'vitest';
import type { Voter } from './electorate';
import { atLeastHalf } from './ratio';
import type { VotingRule } from './rules';
import { presets } from './rules';
import type { Choice, Outcome, OutcomeNotes, Tally, VoteInput } from './tally';
import { decide } from './tally';

const people = (headcount: number, areaCenti: number | null = null): Tally => ({ headcount, areaCenti });

function counts(entitled: Tally, present: Tally, votes: Partial<Record<Choice, Tally>>): VoteInput {
  return {
    kind: 'counts',
    entitled,
    present,
    counts: { for: people(0, 0), against: people(0, 0), abstain: people(0, 0), blank: people(0, 0), ...votes },
  };
}

function outcome(rule: VotingRule, input: VoteInput, notes: OutcomeNotes = {}): Outcome {
  const result = decide(rule, input, notes);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('owners, ordinary matter （民法典 278: 2/3 take part, more than half of them consent）', () => {
  const rule = presets['owners-ordinary-matter'];
  const entitled = people(60, 600_000);

  it.each([
    ['exactly 2/3 by headcount and area: enough', people(40, 400_000), true],
    ['one owner short of 2/3', people(39, 400_000), false],
    ['one hundredth of a m² short of 2/3', people(40, 399_999), false],
  ])('participation %s', (_name, present, quorate) => {
    const result = outcome(rule, counts(entitled, present, { for: present }));
    expect(result.quorate).toBe(quorate);
    expect(result.passed).toBe(quorate);
  });

  it.each([
    ['exactly one half by headcount and area: not passed', people(20, 200_000), false],
    ['one over half by both: passed', people(21, 200_001), true],
    ['over half by headcount, exactly half by area: not passed', people(21, 200_000), false],
    ['over half by area, exactly half by headcount: not passed', people(20, 250_000), false],
  ])('consent %s', (_name, inFavour, passed) => {
    const present = people(40, 400_000);
    const result = outcome(rule, counts(entitled, present, { for: inFavour }));
    expect(result.passed).toBe(passed);
  });

  it('counts an abstention among those taking part, so it weighs against', () => {
    const present = people(40, 400_000);
    const result = outcome(rule, counts(entitled, present, { for: people(20, 200_000), abstain: people(20, 200_000) }));
    expect(result.passed).toBe(false);
    expect(result.threshold.needed).toEqual(people(21, 200_001));
  });

  it('refuses counts without area, since this rule weighs area', () => {
    const result = decide(rule, counts(entitled, people(40), { for: people(30) }));
    expect(result).toEqual({ ok: false, error: '本规则按专有部分面积计算，请填写各项面积' });
  });
});

describe('owners, special matter （民法典 278: 3/4 of those taking part consent）', () => {
  const rule = presets['owners-special-matter'];
  const entitled = people(60, 600_000);
  const present = people(40, 400_000);

  it.each([
    ['exactly 3/4 by headcount and area: passed', people(30, 300_000), true],
    ['one owner short of 3/4', people(29, 300_000), false],
    ['one hundredth of a m² short of 3/4', people(30, 299_999), false],
  ])('consent %s', (_name, inFavour, passed) => {
    expect(outcome(rule, counts(entitled, present, { for: inFavour })).passed).toBe(passed);
  });
});

describe("residents' meeting (more than half present, more than half of those present in favour)", () => {
  const rule = presets['residents-meeting'];

  it.each([
    ['exactly half present: not quorate', 50, false],
    ['one over half present: quorate', 51, true],
  ])('%s', (_name, present, quorate) => {
    expect(outcome(rule, counts(people(100), people(present), { for: people(present) })).quorate).toBe(quorate);
  });

  it.each([
    ['exactly half of 50 present in favour: not passed', 25, false],
    ['26 of 50 present in favour: passed', 26, true],
  ])('%s', (_name, inFavour, passed) => {
    const result = outcome(rule, counts(people(100), people(51), { for: people(inFavour) }));
    expect(result.passed).toBe(passed);
  });
});

describe("party members' meeting (at least 2/3 present, more than half of all members in favour)", () => {
  const rule = presets['party-members-meeting'];

  it.each([
    ['exactly 2/3 present: quorate', 20, true],
    ['one short of 2/3: not quorate', 19, false],
  ])('%s', (_name, present, quorate) => {
    expect(outcome(rule, counts(people(30), people(present), { for: people(present) })).quorate).toBe(quorate);
  });

  it.each([
    ['exactly half of the 30 members: not passed', 15, false],
    ['16 of 30 members: passed', 16, true],
  ])('%s', (_name, inFavour, passed) => {
    expect(outcome(rule, counts(people(30), people(20), { for: people(inFavour) })).passed).toBe(passed);
  });
});

describe('council majority (more than half present, more than half of votes cast; abstentions are not cast)', () => {
  const rule = presets['council-majority'];
  const members: Voter[] = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9'].map((voterId) => ({ voterId, areaCenti: 0 }));
  const named = (choicesInOrder: Choice[], present: string[] = []): Extract<VoteInput, { kind: 'named' }> => ({
    kind: 'named',
    entitled: members,
    present,
    ballots: choicesInOrder.map((choice, index) => ({ voterId: `m${index + 1}`, choice })),
  });

  it('a tie fails', () => {
    const result = outcome(rule, named(['for', 'for', 'for', 'against', 'against', 'against', 'abstain']));
    expect(result.tie).toBe(true);
    expect(result.passed).toBe(false);
    expect(result.explanation).toContain('平票');
  });

  it('abstentions do not count as cast', () => {
    const result = outcome(rule, named(['for', 'for', 'for', 'against', 'against', 'abstain', 'abstain']));
    expect(result.threshold.whole).toEqual(people(5, 0));
    expect(result.passed).toBe(true);
  });

  it('four of nine present is not a quorum; a fifth present without voting makes one', () => {
    expect(outcome(rule, named(['for', 'for', 'for', 'for'])).quorate).toBe(false);
    expect(outcome(rule, named(['for', 'for', 'for', 'for'], ['m9'])).passed).toBe(true);
  });

  it("a tie under '半数以上' passes only when the rule lets the threshold decide", () => {
    const atLeastHalfRule: VotingRule = { ...rule, threshold: { ...rule.threshold, bound: atLeastHalf } };
    const tied = named(['for', 'for', 'for', 'against', 'against', 'against']);
    expect(outcome(atLeastHalfRule, tied).passed).toBe(false);
    expect(outcome({ ...atLeastHalfRule, tie: 'threshold-decides' }, tied).passed).toBe(true);
  });

  it.each([
    ['an unknown voter', { ...named([]), ballots: [{ voterId: 'x', choice: 'for' as const }] }, '不在本次表决名单中'],
    ['a double vote', { ...named([]), ballots: [{ voterId: 'm1', choice: 'for' as const }, { voterId: 'm1', choice: 'against' as const }] }, '重复投票'],
    ['more ballots than people present', counts(people(9), people(2), { for: people(3) }), '投票数多于到会数'],
  ])('refuses %s', (_name, input, message) => {
    const result = decide(rule, input);
    expect(!result.ok && result.error).toContain(message);
  });
});

describe('the explanation', () => {
  it('reads like the minutes: who took part, how they voted, what was needed, the verdict', () => {
    const entitled: Voter[] = Array.from({ length: 60 }, (_, index) => ({
      voterId: `owner-${index}`,
      areaCenti: index < 40 ? 8_430 : index === 40 ? 8_420 : 8_000,
    }));
    const ballots = entitled.slice(0, 41).map((voter, index) => ({
      voterId: voter.voterId,
      choice: (index < 28 ? 'for' : index < 38 ? 'against' : 'abstain') as Choice,
    }));
    const result = outcome(presets['owners-ordinary-matter'], { kind: 'named', entitled, present: [], ballots });
    expect(result.passed).toBe(true);
    expect(result.explanation).toBe(
      '适用规则：业主共同决定一般事项（民法典第二百七十八条）。' +
        '应参与表决 60 位业主（面积 4,976.20㎡），参与表决 41 位业主（面积 3,456.20㎡），' +
        '须达到应参与表决的三分之二以上（至少 40 位业主、面积 3,317.47㎡），达到三分之二以上。' +
        '同意 28 位业主（面积 2,360.40㎡），反对 10 位业主（面积 843.00㎡），弃权 3 位业主（面积 252.80㎡）。' +
        '同意须达到参与表决的过半数（至少 21 位业主、面积 1,728.11㎡），达到过半数，通过。',
    );
  });

  it('says when the quorum fails, and that nothing passed', () => {
    const result = outcome(presets['residents-meeting'], counts(people(100), people(50), { for: people(50) }));
    expect(result.explanation).toBe(
      '适用规则：居民会议（城市居民委员会组织法第九条）。' +
        '应到会 100 户，到会 50 户，须达到应到会的过半数（至少 51 户），未达到过半数。' +
        '不足法定人数，表决无效，未通过。',
    );
  });

  it('says which measure fell short', () => {
    const result = outcome(presets['owners-special-matter'], counts(people(60, 600_000), people(40, 400_000), { for: people(30, 299_999) }));
    expect(result.explanation).toContain('未达到四分之三以上（人数达到，面积未达到），未通过。');
  });
});

describe('taking part （参与表决） and the words the frozen record adds', () => {
  const owners = (areas: number[]): Voter[] => areas.map((areaCenti, index) => ({ voterId: `o${index + 1}`, areaCenti }));

  it('under 民法典第二百七十八条 the present who cast nothing do not take part; at a residents’ meeting they do', () => {
    const entitled = owners([8_000, 9_000, 10_000, 11_000, 12_000, 13_000]);
    const input: VoteInput = {
      kind: 'named',
      entitled,
      present: entitled.map((voter) => voter.voterId),
      ballots: ['o1', 'o2', 'o3'].map((voterId) => ({ voterId, choice: 'for' as const })),
    };
    const byBallot = outcome(presets['owners-ordinary-matter'], input, { presentNotVoting: { present: 6, notVoted: 3 } });
    expect(byBallot).toMatchObject({ quorate: false, passed: false, present: { headcount: 3, areaCenti: 27_000 } });
    expect(byBallot.explanation).toContain('到会 6 位业主，其中 3 位未表决，不计入参与表决。');
    const byPresence = outcome({ ...presets['owners-ordinary-matter'], participation: 'presence' }, input);
    expect(byPresence).toMatchObject({ quorate: true, present: { headcount: 6 } });
  });

  it('a rule stored before rules declared how one takes part reads as its preset means it', () => {
    const { participation: _owners, ...storedOwners } = presets['owners-ordinary-matter'];
    const { participation: _residents, ...storedResidents } = presets['residents-meeting'];
    const entitled = owners([8_000, 9_000, 10_000]);
    const input: VoteInput = { kind: 'named', entitled, present: ['o1', 'o2', 'o3'], ballots: [{ voterId: 'o1', choice: 'for' }] };
    expect(outcome(storedOwners, input).present.headcount).toBe(1);
    expect(outcome(storedResidents, { ...input, entitled: entitled.map((voter) => ({ ...voter, areaCenti: 0 })) }).present.headcount).toBe(3);
    expect(outcome({ ...storedOwners, id: 'custom' }, input).present.headcount).toBe(1);
  });

  it('a tie of area alone says so', () => {
    const result = outcome(
      presets['owners-ordinary-matter'],
      counts(people(60, 600_000), people(40, 400_000), { for: people(21, 200_000), against: people(19, 200_000) }),
    );
    expect(result.tie).toBe(true);
    expect(result.passed).toBe(false);
    expect(result.explanation).toContain('同意与反对面积相同');
  });

  it('names units no one votes for and people who cast several votes', () => {
    const result = outcome(presets['owners-ordinary-matter'], counts(people(5, 50_000), people(4, 40_000), { for: people(4, 40_000) }), {
      unvoicedUnits: 1,
      multipleVotes: [{ name: '张三', votes: 2 }],
    });
    expect(result.explanation).toContain('应参与表决 5 位业主，其中 1 套房屋未登记产权人，无人代为表决。');
    expect(result.explanation).toContain('张三 一人投了 2 票');
    expect(result.explanation).toMatch(/，通过。$/);
  });

  it('with no one entitled, says that no vote can be taken', () => {
    const result = outcome(presets['council-majority'], counts(people(0), people(0), {}));
    expect(result.passed).toBe(false);
    expect(result.explanation).toBe('适用规则：议事会过半数表决。没有应参与表决的成员，不能表决。');
  });
});
