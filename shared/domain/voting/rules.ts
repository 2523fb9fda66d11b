/**
 * A voting rule says who votes, how many must take part, and what share must agree.
 * The built-in presets follow the laws named in their legalBasis; a council picks one and may
 * adjust any field (laws change: the residents' committees law was revised in 2025), so no rule
 * is ever a constant in the code that counts.
 */
import type { Bound } from './ratio';
import { atLeastThreeQuarters, atLeastTwoThirds, moreThanHalf } from './ratio';

/** Who is entitled: council members (one each), one vote per household, or owners (by headcount and floor area). */
export type VoterBasis = 'members' | 'households' | 'owners';

/** Headcount alone, or headcount and exclusive floor area together (both must reach the bound). */
export type Measure = 'headcount' | 'headcount-and-area';

/**
 * What the share of consent is taken of:
 * - 'cast': ballots cast (abstentions and blank ballots only if the rule counts them as cast);
 * - 'present': everyone present or taking part in the vote (民法典 278: "参与表决"), so abstaining counts against;
 * - 'entitled': everyone entitled to vote, present or not.
 */
export type ThresholdBase = 'cast' | 'present' | 'entitled';

/** Whether an abstention (弃权) or a blank ballot (空白票) is a vote cast. Only matters when the base is 'cast'. */
export type NotAVoteHandling = 'counts-as-cast' | 'not-cast';

/**
 * 'fails': when as many are for as against (by headcount, or by area where area counts) the motion fails.
 * 'threshold-decides': only the threshold decides. With a threshold of one half or more the two agree
 * except for "半数以上", where an exact tie meets the bound; 'fails' is what keeps a tie from passing there.
 */
export type TieHandling = 'fails' | 'threshold-decides';

/**
 * Who takes part, for the quorum and for a threshold taken of those taking part:
 * - 'presence': being there (居民会议: 到会), in person or through a proxy holder in the room;
 * - 'ballot': casting a ballot, an abstention or a blank one included (民法典第二百七十八条: 参与表决),
 *   so the present who say nothing in a roll call (未表决) do not take part.
 */
export type Participation = 'presence' | 'ballot';

export interface VotingRule {
  id: string;
  /** Chinese name shown in the record and the explanation, e.g. "业主共同决定一般事项". */
  name: string;
  /** The law or rule the preset follows, e.g. "民法典第二百七十八条"; null for a council's own rule. */
  legalBasis: string | null;
  voterBasis: VoterBasis;
  /** Share of the entitled who must be present or take part; null when no quorum is required. */
  quorum: { bound: Bound; measure: Measure } | null;
  threshold: { base: ThresholdBase; bound: Bound; measure: Measure };
  abstentions: NotAVoteHandling;
  blankBallots: NotAVoteHandling;
  tie: TieHandling;
  /**
   * Absent in a rule stored before rules declared it: read as its preset means it (see
   * participationOf), so an owners' rule counts ballots and every other rule counts presence.
   */
  participation?: Participation;
}

export const presetIds = [
  'council-majority',
  'residents-meeting',
  'party-members-meeting',
  'owners-ordinary-matter',
  'owners-special-matter',
] as const;
export type PresetId = (typeof presetIds)[number];

export const presets: Record<PresetId, VotingRule> = {
  'council-majority': {
    id: 'council-majority',
    name: '议事会过半数表决',
    legalBasis: null,
    voterBasis: 'members',
    quorum: { bound: moreThanHalf, measure: 'headcount' },
    threshold: { base: 'cast', bound: moreThanHalf, measure: 'headcount' },
    abstentions: 'not-cast',
    blankBallots: 'not-cast',
    tie: 'fails',
    participation: 'presence',
  },
  'residents-meeting': {
    id: 'residents-meeting',
    name: '居民会议',
    legalBasis: '城市居民委员会组织法第九条',
    voterBasis: 'households',
    quorum: { bound: moreThanHalf, measure: 'headcount' },
    threshold: { base: 'present', bound: moreThanHalf, measure: 'headcount' },
    abstentions: 'counts-as-cast',
    blankBallots: 'counts-as-cast',
    tie: 'fails',
    participation: 'presence',
  },
  'party-members-meeting': {
    id: 'party-members-meeting',
    name: '党员大会',
    // The consent share follows 中国共产党支部工作条例(试行)第十一条 (赞成人数超过应到会有表决权的党员的半数);
    // that article asks only 半数以上 to be present, the 2/3 quorum here is what issue 5 specifies. Because the
    // two differ, no legal basis is claimed: the council names its own when it adopts or adjusts this preset.
    legalBasis: null,
    voterBasis: 'members',
    quorum: { bound: atLeastTwoThirds, measure: 'headcount' },
    threshold: { base: 'entitled', bound: moreThanHalf, measure: 'headcount' },
    abstentions: 'counts-as-cast',
    blankBallots: 'counts-as-cast',
    tie: 'fails',
    participation: 'presence',
  },
  'owners-ordinary-matter': {
    id: 'owners-ordinary-matter',
    name: '业主共同决定一般事项',
    legalBasis: '民法典第二百七十八条',
    voterBasis: 'owners',
    quorum: { bound: atLeastTwoThirds, measure: 'headcount-and-area' },
    threshold: { base: 'present', bound: moreThanHalf, measure: 'headcount-and-area' },
    abstentions: 'counts-as-cast',
    blankBallots: 'counts-as-cast',
    tie: 'fails',
    participation: 'ballot',
  },
  'owners-special-matter': {
    id: 'owners-special-matter',
    // 民法典 278 (六)(七)(八): raising maintenance funds, rebuilding, changing the use of common parts.
    name: '业主共同决定重大事项',
    legalBasis: '民法典第二百七十八条',
    voterBasis: 'owners',
    quorum: { bound: atLeastTwoThirds, measure: 'headcount-and-area' },
    threshold: { base: 'present', bound: atLeastThreeQuarters, measure: 'headcount-and-area' },
    abstentions: 'counts-as-cast',
    blankBallots: 'counts-as-cast',
    tie: 'fails',
    participation: 'ballot',
  },
};

/** Whether the rule looks at floor area anywhere, so area must be known and is worth showing. */
export function ruleUsesArea(rule: VotingRule): boolean {
  return rule.threshold.measure === 'headcount-and-area' || rule.quorum?.measure === 'headcount-and-area';
}

/**
 * What taking part means under the rule: as it declares; for a rule stored before rules declared
 * it, as its preset means it; for a council's own rule of that time, by who votes (owners under
 * 民法典第二百七十八条 take part by casting a ballot, everyone else by being there).
 */
export function participationOf(rule: VotingRule): Participation {
  if (rule.participation) return rule.participation;
  const preset = (presetIds as readonly string[]).includes(rule.id) ? presets[rule.id as PresetId] : null;
  return preset?.participation ?? (rule.voterBasis === 'owners' ? 'ballot' : 'presence');
}
