/** Votes: opened under a rule, cast or counted, closed, locked, corrected only by a re-vote. */
import { z } from 'zod';
import type { Outcome } from '../../domain/voting/tally';
import type { VotingRule } from '../../domain/voting/rules';
import { chairOnly, id, mutation, query, requiredText, returns, text } from '../kit';

export type BallotChoice = 'for' | 'against' | 'abstain' | 'blank';
/** 'paper': a matter of a written vote (书面表决), opened and counted only through the paper area. */
export type VoteMode = RoomVoteMode | 'paper';
/** The ways a vote is taken in the room (vote:open). */
export type RoomVoteMode = 'hands' | 'roll_call' | 'secret';
export type VoterBasis = 'members' | 'households' | 'owners';

export interface ChoiceTotals {
  headcount: number;
  areaCenti: number;
}

export interface VoteState {
  id: number;
  meetingId: number;
  agendaItemId: number | null;
  title: string;
  mode: VoteMode;
  status: 'open' | 'closed' | 'locked';
  voterBasis: VoterBasis;
  entitled: number;
  present: number;
  ballotsCast: number;
  totals: Record<BallotChoice, ChoiceTotals>;
  openedAt: string;
  closedAt: string | null;
  replacesVoteId: number | null;
  correctionReason: string | null;
  rule: VotingRule;
  /**
   * The outcome as the rule decides it: while open, from the room as it is now (a running count,
   * not a result: the screens say 表决中); once closed, from the frozen record only; once locked,
   * the stored result.
   */
  outcome: Outcome | null;
  /** Why there is no outcome yet (e.g. no ballots), in plain Chinese. */
  outcomeProblem: string | null;
  lockedAt: string | null;
  /**
   * Entitled voters no one can cast for (let units with no owner on record): in the totals, never
   * present. Optional only so that states made by hand elsewhere need not name it; the host always does.
   */
  unvoicedUnits?: number;
  /** A roll call: the present who cast no ballot (未表决); null for counted votes. */
  notVoted?: number | null;
}

export interface BallotReceipt {
  voteId: number;
  voterKey: string;
  choice: BallotChoice;
  ballotsCast: number;
}

/** Someone in the room who may cast a vote, and how many votes of this vote they may cast in all. */
export interface VoteCaster {
  personId: number;
  name: string;
  /** As the holder of a written proxy (委托), not in their own right. */
  asProxy: boolean;
  /** Votes this person may cast in this vote: more than one is marked for the chair (own unit and joint unit, or as proxy). */
  votes: number;
}

export interface RollCallVoter {
  key: string;
  label: string;
  /** Whether someone may cast this vote: while open, as the room is now; once closed, as it was at close. */
  present: boolean;
  choice: BallotChoice | null;
  /** A let unit with no owner on record: in the totals, but no one may cast its vote. */
  noOneToCast: boolean;
  /** While open: who in the room may cast this vote (in person, a co-owner, a proxy holder). */
  casters: VoteCaster[];
  /** Who cast the ballot, by name. */
  castBy: string | null;
  /** Closed, present, and no ballot: 未表决. */
  notVoted: boolean;
}

const boundSchema = z.object({
  ratio: z
    .object({
      numerator: z.number().int().min(0, '比例不能为负'),
      denominator: z.number().int().min(1, '比例的分母至少为 1').max(1000),
    })
    .refine((ratio) => ratio.numerator <= ratio.denominator, '比例不能大于 1'),
  inclusive: z.boolean(),
});
const measureSchema = z.enum(['headcount', 'headcount-and-area'], { error: '未知的计算方式' });

/** A council's voting rule: one of the presets, as adjusted by the council. */
export const votingRuleSchema = z.object({
  id: requiredText(40, '规则编号'),
  name: requiredText(60, '规则名称'),
  legalBasis: text(120, '规则依据').nullable(),
  voterBasis: z.enum(['members', 'households', 'owners'], { error: '未知的投票人范围' }),
  quorum: z.object({ bound: boundSchema, measure: measureSchema }).nullable(),
  threshold: z.object({
    base: z.enum(['cast', 'present', 'entitled'], { error: '未知的计算基数' }),
    bound: boundSchema,
    measure: measureSchema,
  }),
  abstentions: z.enum(['counts-as-cast', 'not-cast']),
  blankBallots: z.enum(['counts-as-cast', 'not-cast']),
  tie: z.enum(['fails', 'threshold-decides']),
  participation: z.enum(['presence', 'ballot'], { error: '未知的参与表决计算方式' }).optional(),
}) satisfies z.ZodType<VotingRule>;

export const voteModeSchema = z.enum(['hands', 'roll_call', 'secret'], { error: '未知的表决方式' }) satisfies z.ZodType<RoomVoteMode>;

const count = z.number().int('票数必须是整数').min(0, '票数不能是负数');
const areaCenti = z.number().int('面积须是以 0.01 平方米为单位的整数').min(0, '面积不能是负数');

export const votingArea = {
  'vote:open': mutation(
    z.object({
      meetingId: id,
      agendaItemId: id.nullable().default(null),
      title: requiredText(80, '表决事项'),
      mode: voteModeSchema,
      rule: votingRuleSchema,
    }),
    returns<VoteState>(),
    chairOnly,
  ),
  'vote:get': query(z.object({ voteId: id }), returns<VoteState>(), { roles: ['viewer', 'editor', 'door'] }),
  'vote:list': query(z.object({ meetingId: id }), returns<VoteState[]>(), { roles: ['viewer', 'editor', 'door'] }),
  'vote:voters': query(z.object({ voteId: id }), returns<RollCallVoter[]>()),
  'vote:castBallot': mutation(
    z.object({
      voteId: id,
      voterKey: z.string().regex(/^(person|household):[1-9]\d{0,9}$/, '投票人编号格式不对'),
      choice: z.enum(['for', 'against', 'abstain', 'blank'], { error: '未知的选项' }),
      /** Who casts it (the voter, a co-owner, a proxy holder in the room); left out, the host takes the first who may. */
      castById: id.nullable().default(null),
    }),
    returns<BallotReceipt>(),
    chairOnly,
  ),
  'vote:enterCounts': mutation(
    z.object({
      voteId: id,
      for: count,
      against: count,
      abstain: count,
      blank: count.default(0),
      enteredBy: text(40, '录入人').default(''),
      /** The floor area behind each choice (0.01 m²), for a secret ballot under a rule that weighs area. */
      areaCenti: z.object({ for: areaCenti, against: areaCenti, abstain: areaCenti, blank: areaCenti.default(0) }).nullable().default(null),
    }),
    returns<VoteState>(),
    chairOnly,
  ),
  'vote:close': mutation(z.object({ voteId: id }), returns<VoteState>(), chairOnly),
  'vote:lock': mutation(z.object({ voteId: id }), returns<VoteState>(), chairOnly),
  'vote:revote': mutation(
    z.object({ voteId: id, reason: requiredText(400, '重新表决的理由').min(4, '请写明重新表决的理由（至少 4 个字）') }),
    returns<VoteState>(),
    chairOnly,
  ),
} as const;
