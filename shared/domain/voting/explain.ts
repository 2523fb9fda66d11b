/**
 * The plain-Chinese account of an outcome, for the minutes and the projector, e.g.
 *   适用规则:业主共同决定一般事项(民法典第二百七十八条)。
 *   应参与表决 60 位业主(面积 4,976.20㎡),参与表决 41 位业主(面积 3,456.20㎡),
 *   须达到应参与表决的三分之二以上(至少 40 位业主、面积 3,317.47㎡),达到三分之二以上。
 *   同意 28 位业主(面积 2,360.40㎡),反对 10 位业主(面积 843.00㎡),弃权 3 位业主(面积 252.80㎡)。
 *   同意须达到参与表决的过半数(至少 21 位业主、面积 1,728.11㎡),达到过半数,通过。
 * Punctuation of the older parts follows the rest of the app at the time (ASCII commas and
 * brackets, Chinese full stop); the sentences added for the frozen record (units no one votes for,
 * the present who cast nothing, one person casting several votes, no one entitled) are typeset
 * with full-width punctuation.
 */
import { formatCentiArea } from '../roster/floor-area';
import type { VotingRule } from './rules';
import { participationOf } from './rules';
import type { Outcome, OutcomeNotes, Requirement, Tally } from './tally';

function area(centi: number): string {
  return `${formatCentiArea(centi, { grouping: true })}㎡`;
}

/** How voters of a basis are counted in words: members 人, households 户, owners 位业主 (by number, 民法典第二百七十八条). */
export function voterUnitWord(basis: VotingRule['voterBasis']): string {
  return { members: '人', households: '户', owners: '位业主' }[basis];
}

/** Who is entitled, as a noun: "没有应参与表决的业主". */
export function voterNoun(basis: VotingRule['voterBasis']): string {
  return { members: '成员', households: '户', owners: '业主' }[basis];
}

/** The counter for a number of voters inside a sentence: 3 人, 3 户, 3 位. */
function counter(basis: VotingRule['voterBasis']): string {
  return { members: '人', households: '户', owners: '位' }[basis];
}

/** Why no vote can be taken: no one is entitled to vote (e.g. a council without members). */
export function emptyElectorateReason(basis: VotingRule['voterBasis']): string {
  return `没有应参与表决的${voterNoun(basis)}，不能表决。`;
}

export function explainOutcome(rule: VotingRule, outcome: Omit<Outcome, 'explanation'>, showArea: boolean, notes: OutcomeNotes = {}): string {
  const unit = voterUnitWord(rule.voterBasis);
  const countWord = rule.voterBasis === 'households' ? '户数' : '人数';
  const byBallot = participationOf(rule) === 'ballot';
  const presentWord = byBallot ? '参与表决' : '到会';
  const entitledWord = byBallot ? '应参与表决' : '应到会';
  const tally = (value: Tally): string =>
    `${value.headcount} ${unit}` + (showArea && value.areaCenti !== null ? `（面积 ${area(value.areaCenti)}）` : '');
  const needed = (requirement: Requirement): string =>
    `至少 ${requirement.needed.headcount} ${unit}` +
    (requirement.needed.areaCenti !== null ? `、面积 ${area(requirement.needed.areaCenti)}` : '');
  const reached = (requirement: Requirement): string => {
    if (requirement.met) return `达到${requirement.label}`;
    if (requirement.areaMet === null) return `未达到${requirement.label}`;
    const headcount = requirement.headcountMet ? '达到' : '未达到';
    const byArea = requirement.areaMet ? '达到' : '未达到';
    return `未达到${requirement.label}（${countWord}${headcount}，面积${byArea}）`;
  };

  const parts: string[] = [];
  parts.push(`适用规则：${rule.name}${rule.legalBasis ? `（${rule.legalBasis}）` : ''}。`);
  if (outcome.entitled.headcount === 0) {
    parts.push(emptyElectorateReason(rule.voterBasis));
    return parts.join('');
  }
  if (notes.unvoicedUnits) {
    parts.push(`${entitledWord} ${outcome.entitled.headcount} ${unit}，其中 ${notes.unvoicedUnits} 套房屋未登记产权人，无人代为表决。`);
  }
  let attendance = `${entitledWord} ${tally(outcome.entitled)}，${presentWord} ${tally(outcome.present)}`;
  if (outcome.quorum) {
    const { quorum } = outcome;
    attendance += `，须达到${entitledWord}的${quorum.label}（${needed(quorum)}），${reached(quorum)}`;
  } else {
    attendance += '，本规则不设到会人数要求';
  }
  parts.push(`${attendance}。`);
  if (byBallot && notes.presentNotVoting && notes.presentNotVoting.notVoted > 0) {
    const { present, notVoted } = notes.presentNotVoting;
    parts.push(`到会 ${present} ${unit}，其中 ${notVoted} ${counter(rule.voterBasis)}未表决，不计入${presentWord}。`);
  }
  if (!outcome.quorate) {
    parts.push('不足法定人数，表决无效，未通过。');
    return parts.join('');
  }

  const { counts } = outcome;
  let votes = `同意 ${tally(counts.for)}，反对 ${tally(counts.against)}，弃权 ${tally(counts.abstain)}`;
  if (counts.blank.headcount > 0) votes += `，空白票 ${tally(counts.blank)}`;
  const notCast = [
    ...(rule.abstentions === 'not-cast' ? ['弃权'] : []),
    ...(rule.blankBallots === 'not-cast' && counts.blank.headcount > 0 ? ['空白票'] : []),
  ];
  if (rule.threshold.base === 'cast' && notCast.length > 0) votes += `（${notCast.join('、')}不计入表决票）`;
  parts.push(`${votes}。`);
  for (const holder of notes.multipleVotes ?? []) {
    parts.push(`${holder.name} 一人投了 ${holder.votes} 票（本人的、共有房屋的或受托的）。`);
  }

  const baseWord = { cast: '表决票', present: presentWord, entitled: entitledWord }[rule.threshold.base];
  const { threshold } = outcome;
  let verdict = `同意须达到${baseWord}的${threshold.label}`;
  verdict +=
    rule.threshold.base === 'cast'
      ? `（表决票 ${tally(threshold.whole)}，${needed(threshold)}）`
      : `（${needed(threshold)}）`;
  verdict += `，${reached(threshold)}`;
  if (outcome.tie) {
    // A tie by area alone (the headcounts differ) is named as such, so no one reads it as a tie of people.
    const same = counts.for.headcount === counts.against.headcount ? '同意与反对相同' : '同意与反对面积相同';
    verdict += rule.tie === 'fails' ? `，${same}，按规则平票不通过` : `，${same}`;
  }
  parts.push(`${verdict}，${outcome.passed ? '通过' : '未通过'}。`);
  return parts.join('');
}
