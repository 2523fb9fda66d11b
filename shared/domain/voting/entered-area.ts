/**
 * Counts entered for a secret ballot under a rule that weighs area carry the area behind each
 * choice. The tellers add it up from the ballots; the host checks it against the frozen electorate:
 * k ballots of the voters present can hold no less area than the k smallest of them and no more
 * than the k largest, and so for all the ballots together.
 */
import { formatCentiArea } from '../roster/floor-area';
import type { Choice, Tally } from './tally';

const choiceWords: Record<Choice, string> = { for: '同意', against: '反对', abstain: '弃权', blank: '空白票' };

/** Why the entered areas cannot be right, in Chinese, or null when they can. */
export function checkEnteredAreas(presentAreas: readonly number[], entered: Record<Choice, { headcount: number; areaCenti: number }>): string | null {
  const ascending = [...presentAreas].sort((a, b) => a - b);
  const smallest = [0];
  for (const area of ascending) smallest.push(smallest.at(-1)! + area);
  const largest = [0];
  for (const area of [...ascending].reverse()) largest.push(largest.at(-1)! + area);
  const range = (headcount: number) => ({ min: smallest[headcount] ?? Infinity, max: largest[headcount] ?? -Infinity });
  const m2 = (centi: number) => `${formatCentiArea(centi, { grouping: true })}㎡`;
  const check = (word: string, tally: Tally & { areaCenti: number }): string | null => {
    const { min, max } = range(tally.headcount);
    if (tally.areaCenti >= min && tally.areaCenti <= max) return null;
    return `${word} ${tally.headcount} 票的面积 ${m2(tally.areaCenti)} 不可能：到会业主中任意 ${tally.headcount} 位的专有部分面积在 ${m2(min)} 到 ${m2(max)} 之间，请核对。`;
  };
  for (const choice of ['for', 'against', 'abstain', 'blank'] as const) {
    const problem = check(choiceWords[choice], entered[choice]);
    if (problem) return problem;
  }
  const total = Object.values(entered).reduce((sum, tally) => ({ headcount: sum.headcount + tally.headcount, areaCenti: sum.areaCenti + tally.areaCenti }), {
    headcount: 0,
    areaCenti: 0,
  });
  return check('合计', total);
}
