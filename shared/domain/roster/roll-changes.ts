/**
 * Which roster changes move a vote, by the vote's voter basis. A vote's entitled list and who may
 * cast each of its votes come from the roster; while a vote is open or closed and not locked, a
 * change the vote counts is refused (the frozen electorate is the real guard, this keeps the room's
 * list and the roster telling the same story).
 */
import type { VoterBasis } from '../voting/rules';

/**
 * - units: a unit added or removed
 * - area: a unit's exclusive floor area
 * - tenure: owner-occupied or let
 * - owners: who is on a unit's title
 * - residence: who lives in which unit (a household is present through its people)
 * - roles: a person's roles (council membership comes from them)
 */
export const rollChanges = ['units', 'area', 'tenure', 'owners', 'residence', 'roles'] as const;
export type RollChange = (typeof rollChanges)[number];

const countedBy: Record<VoterBasis, readonly RollChange[]> = {
  members: ['roles'],
  households: ['units', 'area', 'residence'],
  owners: ['units', 'area', 'tenure', 'owners', 'residence'],
};

/** The first of `changes` that a vote on this basis counts, or null when none moves it. */
export function changeThatMoves(basis: VoterBasis, changes: Iterable<RollChange>): RollChange | null {
  for (const change of changes) if (countedBy[basis].includes(change)) return change;
  return null;
}

const changeWords: Record<RollChange, string> = {
  units: '住户（房屋）',
  area: '房屋面积',
  tenure: '产权性质（业主或租户）',
  owners: '业主（产权人）登记',
  residence: '人员所在的住户',
  roles: '人员身份',
};
const basisWords: Record<VoterBasis, string> = { members: '议事会成员', households: '按户', owners: '业主' };

/** Why the change is refused, naming the vote: the chair reads it at the desk. */
export function rollChangeRefusal(vote: { title: string; basis: VoterBasis }, change: RollChange): string {
  return (
    `${basisWords[vote.basis]}表决“${vote.title}”的结果还没有锁定，不能修改${changeWords[change]}：` +
    '这会改变这次表决的应参与表决名单或投票人。请先结束并锁定这次表决，再修改。'
  );
}
