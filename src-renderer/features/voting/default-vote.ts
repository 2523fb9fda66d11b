import type { CouncilSettings } from '../../../shared/api/areas/councils';
import type { RoomVoteMode } from '../../../shared/api/areas/voting';
import { presets, ruleUsesArea, type VotingRule } from '../../../shared/domain/voting/rules';

/** Without a saved default: a residents' meeting by show of hands. */
const appDefault: { rule: VotingRule; mode: RoomVoteMode } = { rule: presets['residents-meeting'], mode: 'hands' };

/**
 * The rule and the way of voting a new vote starts from: the council's saved default, else the app's.
 * A show of hands cannot weigh area, so under such a rule it starts as a roll call (the host refuses hands).
 */
export function startingVote(saved: CouncilSettings['defaultVote']): { rule: VotingRule; mode: RoomVoteMode } {
  const start = saved ?? appDefault;
  return { rule: start.rule, mode: start.mode === 'hands' && ruleUsesArea(start.rule) ? 'roll_call' : start.mode };
}
