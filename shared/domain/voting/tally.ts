/**
 * Counts a vote under a rule and says, in plain Chinese, what was counted and why it passed or not.
 * Two kinds of input: named ballots (roll call; each voter's area comes from the electorate) and
 * counts (show of hands or secret ballot, entered by the chair or the tellers; area only if entered).
 */
import type { Voter } from './electorate';
import { explainOutcome } from './explain';
import type { Bound } from './ratio';
import { boundLabel, meetsBound, minimumToMeet } from './ratio';
import type { Result } from './result';
import type { Measure, VotingRule } from './rules';
import type { Participation } from './rules';
import { participationOf, ruleUsesArea } from './rules';

export const choices = ['for', 'against', 'abstain', 'blank'] as const;
export type Choice = (typeof choices)[number];

/** A number of voters and their floor area in centi-m²; area is null when counts were entered without it. */
export interface Tally {
  headcount: number;
  areaCenti: number | null;
}

export interface NamedBallot {
  voterId: string;
  choice: Choice;
}

export type VoteInput =
  | {
      kind: 'named';
      entitled: readonly Voter[];
      /**
       * Voters present (in person or through a proxy holder); anyone who casts a ballot is counted
       * present anyway. Under a rule where taking part is casting a ballot, only the ballots count.
       */
      present: readonly string[];
      ballots: readonly NamedBallot[];
    }
  | {
      kind: 'counts';
      entitled: Tally;
      /** Those taking part as the rule counts them: present, or (casting a ballot) the ballots returned. */
      present: Tally;
      counts: Record<Choice, Tally>;
    };

/**
 * Facts about the vote the counting does not need but the explanation names, as the host knows
 * them from the frozen electorate and who took part.
 */
export interface OutcomeNotes {
  /** Entitled voters no one can cast for: let units with no owner on record (counted in the totals). */
  unvoicedUnits?: number;
  /** Under a rule where taking part is casting a ballot: how many were present, and of them how many cast nothing (未表决). */
  presentNotVoting?: { present: number; notVoted: number };
  /** People who cast more than one vote (their own, a jointly owned unit's, as a proxy holder). */
  multipleVotes?: ReadonlyArray<{ name: string; votes: number }>;
}

/** One test of the rule (quorum or threshold): what was needed of which whole, what there was. */
export interface Requirement {
  label: string;
  whole: Tally;
  needed: Tally;
  actual: Tally;
  headcountMet: boolean;
  /** null when the rule does not weigh area for this test. */
  areaMet: boolean | null;
  met: boolean;
}

export interface Outcome {
  ruleId: string;
  ruleName: string;
  legalBasis: string | null;
  entitled: Tally;
  present: Tally;
  counts: Record<Choice, Tally>;
  /** null when the rule requires no quorum. */
  quorum: Requirement | null;
  quorate: boolean;
  threshold: Requirement;
  tie: boolean;
  passed: boolean;
  explanation: string;
}

const zero = (): Tally => ({ headcount: 0, areaCenti: 0 });

function add(left: Tally, right: Tally): Tally {
  const areaCenti = left.areaCenti === null || right.areaCenti === null ? null : left.areaCenti + right.areaCenti;
  return { headcount: left.headcount + right.headcount, areaCenti };
}

const isCount = (value: number): boolean => Number.isSafeInteger(value) && value >= 0;
const isTally = (tally: Tally): boolean =>
  isCount(tally.headcount) && (tally.areaCenti === null || isCount(tally.areaCenti));

function checkRuleBound(bound: Bound): boolean {
  const { numerator, denominator } = bound.ratio;
  return isCount(numerator) && Number.isSafeInteger(denominator) && denominator >= 1 && numerator <= denominator;
}

interface Counted {
  entitled: Tally;
  present: Tally;
  counts: Record<Choice, Tally>;
}

function countNamed(input: Extract<VoteInput, { kind: 'named' }>, participation: Participation): Result<Counted> {
  const areaOf = new Map<string, number>();
  let entitled = zero();
  for (const voter of input.entitled) {
    if (areaOf.has(voter.voterId)) return { ok: false, error: `表决名单中 ${voter.voterId} 重复` };
    if (!isCount(voter.areaCenti)) return { ok: false, error: `${voter.voterId} 的面积无效` };
    areaOf.set(voter.voterId, voter.areaCenti);
    entitled = add(entitled, { headcount: 1, areaCenti: voter.areaCenti });
  }
  const presentIds = new Set<string>();
  for (const voterId of input.present) {
    if (!areaOf.has(voterId)) return { ok: false, error: `${voterId} 不在本次表决名单中` };
    presentIds.add(voterId);
  }
  const counts: Record<Choice, Tally> = { for: zero(), against: zero(), abstain: zero(), blank: zero() };
  const voted = new Set<string>();
  for (const ballot of input.ballots) {
    const area = areaOf.get(ballot.voterId);
    if (area === undefined) return { ok: false, error: `${ballot.voterId} 不在本次表决名单中` };
    if (voted.has(ballot.voterId)) return { ok: false, error: `${ballot.voterId} 重复投票` };
    if (!choices.includes(ballot.choice)) {
      return { ok: false, error: `无法识别的表决意见：${String(ballot.choice)}` };
    }
    voted.add(ballot.voterId);
    presentIds.add(ballot.voterId);
    counts[ballot.choice] = add(counts[ballot.choice], { headcount: 1, areaCenti: area });
  }
  const takingPart = participation === 'ballot' ? voted : presentIds;
  let present = zero();
  for (const voterId of takingPart) present = add(present, { headcount: 1, areaCenti: areaOf.get(voterId) ?? 0 });
  return { ok: true, value: { entitled, present, counts } };
}

function checkCounts(input: Extract<VoteInput, { kind: 'counts' }>, needsArea: boolean): string | null {
  const all = [input.entitled, input.present, ...choices.map((choice) => input.counts[choice])];
  if (!all.every(isTally)) return '人数和面积须为不小于零的整数';
  if (needsArea && all.some((tally) => tally.areaCenti === null)) {
    return '本规则按专有部分面积计算，请填写各项面积';
  }
  const cast = choices.reduce((sum, choice) => add(sum, input.counts[choice]), zero());
  const exceeds = (part: Tally, whole: Tally): boolean =>
    part.headcount > whole.headcount ||
    (part.areaCenti !== null && whole.areaCenti !== null && part.areaCenti > whole.areaCenti);
  if (exceeds(cast, input.present)) return '投票数多于到会数';
  if (exceeds(input.present, input.entitled)) return '到会数多于应到会数';
  return null;
}

function evaluate(actual: Tally, whole: Tally, bound: Bound, measure: Measure): Requirement {
  const weighsArea = measure === 'headcount-and-area';
  const headcountMet = meetsBound(actual.headcount, whole.headcount, bound);
  const areaMet = weighsArea ? meetsBound(actual.areaCenti ?? 0, whole.areaCenti ?? 0, bound) : null;
  return {
    label: boundLabel(bound),
    whole,
    actual,
    needed: {
      headcount: minimumToMeet(whole.headcount, bound),
      areaCenti: weighsArea ? minimumToMeet(whole.areaCenti ?? 0, bound) : null,
    },
    headcountMet,
    areaMet,
    met: headcountMet && areaMet !== false,
  };
}

/**
 * Applies the rule to the vote; refuses input that cannot be counted (unknown voter, double vote,
 * missing area). The notes only add to the explanation; they never change the outcome.
 */
export function decide(rule: VotingRule, input: VoteInput, notes: OutcomeNotes = {}): Result<Outcome> {
  const bounds = [rule.threshold.bound, ...(rule.quorum ? [rule.quorum.bound] : [])];
  if (!bounds.every(checkRuleBound)) return { ok: false, error: '规则中的比例无效' };
  const usesArea = ruleUsesArea(rule);
  let counted: Counted;
  if (input.kind === 'named') {
    const named = countNamed(input, participationOf(rule));
    if (!named.ok) return named;
    counted = named.value;
  } else {
    const problem = checkCounts(input, usesArea);
    if (problem) return { ok: false, error: problem };
    counted = { entitled: input.entitled, present: input.present, counts: input.counts };
  }
  const { entitled, present, counts } = counted;

  const quorum = rule.quorum ? evaluate(present, entitled, rule.quorum.bound, rule.quorum.measure) : null;
  const cast = [
    counts.for,
    counts.against,
    ...(rule.abstentions === 'counts-as-cast' ? [counts.abstain] : []),
    ...(rule.blankBallots === 'counts-as-cast' ? [counts.blank] : []),
  ].reduce(add, zero());
  const base = { cast, present, entitled }[rule.threshold.base];
  // An empty electorate decides nothing: every bound of nobody fails (meetsBound), and the explanation says why.
  const threshold = evaluate(counts.for, base, rule.threshold.bound, rule.threshold.measure);

  const sameHeadcount = counts.for.headcount === counts.against.headcount && counts.for.headcount > 0;
  const sameArea =
    rule.threshold.measure === 'headcount-and-area' &&
    counts.for.areaCenti === counts.against.areaCenti &&
    (counts.for.areaCenti ?? 0) > 0;
  const tie = sameHeadcount || sameArea;
  const quorate = quorum?.met ?? true;
  const passed = quorate && threshold.met && !(tie && rule.tie === 'fails');

  const outcome: Omit<Outcome, 'explanation'> = {
    ruleId: rule.id,
    ruleName: rule.name,
    legalBasis: rule.legalBasis,
    entitled,
    present,
    counts,
    quorum,
    quorate,
    threshold,
    tie,
    passed,
  };
  return { ok: true, value: { ...outcome, explanation: explainOutcome(rule, outcome, usesArea, notes) } };
}
