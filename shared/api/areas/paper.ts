/**
 * Paper ballots (书面征求意见): a written vote over days, several matters on one printed 表决票, a
 * register of ballots issued and returned, counting in public by scan, the signed and sealed count record.
 * Each matter is an ordinary vote (mode 'paper'); the voting engine decides it on the frozen electorate.
 */
import { z } from 'zod';
import {
  base64FileSchema,
  chairOnly,
  dateSchema,
  id,
  mutation,
  query,
  requiredText,
  returns,
  signatureSchema,
  text,
  type FilePayload,
} from '../kit';
import { votingRuleSchema } from './voting';
import type { VerifyReport } from './seals';

export type IssueHow = 'in_person' | 'door' | 'mailbox';
export type PaperChoice = 'for' | 'against' | 'abstain';

export interface PaperMatter {
  voteId: number;
  position: number;
  title: string;
  ruleName: string;
  /** What the rule needs, in words, e.g. 经参与表决专有部分面积过半数且人数过半数的业主同意. */
  ruleSummary: string;
  special: boolean;
}

export interface PaperRound {
  id: number;
  meetingId: number;
  councilName: string;
  title: string;
  opensOn: string;
  deadline: string;
  returnTo: string;
  markingRules: string;
  secret: boolean;
  status: 'open' | 'closed' | 'counting' | 'sealed';
  matters: PaperMatter[];
  tellers: string[];
  scrutineers: string[];
  postedOn: string | null;
  postedUntil: string | null;
}

export interface PrintedBallot {
  serial: string;
  checkCode: string;
  /** courtyard-ballot:1:<roundId>:<serial>:<checkCode> */
  qrText: string;
  names: string | null;
  /** 楼栋-单元-门牌 */
  units: string[];
  areaCenti: number;
  building: string | null;
}

export interface RegisterLine {
  voterKey: string;
  label: string;
  building: string | null;
  units: string[];
  areaCenti: number;
  issuedAt: string | null;
  issuedHow: IssueHow | null;
  issuedBy: string | null;
  returnedAt: string | null;
  returnedOnPaper: boolean;
  hasSignature: boolean;
  returnedBox: string | null;
}

export interface Participation {
  entitledHeadcount: number;
  entitledAreaCenti: number;
  returnedHeadcount: number;
  returnedAreaCenti: number;
  /** Two thirds of the entitled (民法典第二百七十八条), by headcount and by area. */
  neededHeadcount: number;
  neededAreaCenti: number;
  headcountMet: boolean;
  areaMet: boolean;
  issued: number;
  returned: number;
  counted: number;
  invalid: number;
}

export interface ChoiceCount {
  headcount: number;
  areaCenti: number;
}

export interface MatterTally {
  voteId: number;
  title: string;
  for: ChoiceCount;
  against: ChoiceCount;
  abstain: ChoiceCount;
  blank: ChoiceCount;
  /** The threshold line: consent needed by headcount and by area, from what has been counted so far. */
  neededHeadcount: number;
  neededAreaCenti: number;
}

export interface ScanAnswer {
  ballot: {
    serial: string;
    names: string | null;
    units: string[];
    areaCenti: number;
    state: 'uncounted' | 'counted' | 'invalid';
    countedAt: string | null;
    countedBy: string | null;
    marks: Record<number, PaperChoice | null>;
    invalidReason: string | null;
  };
  matters: PaperMatter[];
}

export interface CountAnswer {
  serial: string;
  tallies: MatterTally[];
  participation: Participation;
}

export interface PendingCorrection {
  id: number;
  serial: string;
  askedBy: string;
  askedAt: string;
  reason: string;
  /** What the ballot says now, in words. */
  from: string;
  /** What it will say once confirmed, in words. */
  to: string;
}

export interface CountRecordStatus {
  roundId: number;
  signatures: { role: 'teller' | 'scrutineer'; name: string; signedAt: string }[];
  sealed: { digest: string; code: string; signedAt: string } | null;
  /** Why the record cannot be signed or sealed yet, in plain Chinese; empty when it can. */
  blockers: string[];
}

export const issueHows = ['in_person', 'door', 'mailbox'] as const satisfies readonly IssueHow[];
export const paperChoices = ['for', 'against', 'abstain'] as const satisfies readonly PaperChoice[];

const roundId = id;
const voterKey = z.string({ error: '请选择业主' }).regex(/^(person|household):[1-9]\d{0,9}$/, '投票人编号格式不对');
const issueHow = z.enum(issueHows, { error: '请选择发放方式：当面、上门或投入信箱' });
const personName = (label: string) => requiredText(40, label);
const building = text(40, '楼栋').nullable().optional();
/** A scanned QR text or a typed serial and check code; read leniently (spaces, dashes, case). */
const ballotCode = requiredText(200, '表决票编号和校验码');
const choice = z.enum(paperChoices, { error: '选项只能是同意、反对或弃权' });
/** The choice marked per matter (by vote id); null or left out: the matter was left unmarked (空白). */
const marks = z.record(z.string().regex(/^[1-9]\d{0,9}$/, '表决事项编号无效'), choice.nullable(), { error: '请为每个事项选择' });
const names = (label: string) =>
  z
    .array(personName(label), { error: `请填写${label}` })
    .min(1, `至少要有一位${label}`)
    .max(5, `${label}最多 5 位`);

const matterSchema = z.object({
  title: requiredText(80, '表决事项'),
  rule: votingRuleSchema,
});

export const paperArea = {
  /** Opens a written vote: each matter as a vote of mode 'paper', every electorate frozen now, in one transaction. */
  'paper:open': mutation(
    z
      .object({
        meetingId: id,
        title: requiredText(80, '书面表决的名称'),
        opensOn: dateSchema,
        deadline: dateSchema,
        returnTo: requiredText(200, '交回地点'),
        markingRules: text(2000, '填写说明').nullable().optional(),
        secret: z.boolean({ error: '请选择是否无记名' }),
        matters: z.array(matterSchema, { error: '请填写表决事项' }).min(1, '至少要有一个表决事项').max(20, '一张表决票最多 20 个事项'),
      })
      .refine((input) => input.deadline >= input.opensOn, { message: '截止日期不能早于开始日期', path: ['deadline'] }),
    returns<PaperRound>(),
    chairOnly,
  ),
  'paper:get': query(z.object({ meetingId: id }), returns<PaperRound | null>(), { roles: ['counter', 'viewer'] }),
  'paper:ballots': query(z.object({ roundId, building }), returns<PrintedBallot[]>()),
  'paper:register': query(z.object({ roundId }), returns<RegisterLine[]>()),
  'paper:issue': mutation(z.object({ roundId, voterKey, how: issueHow, by: personName('发放人') }), returns<RegisterLine>(), chairOnly),
  'paper:issueAll': mutation(
    z.object({ roundId, how: issueHow, by: personName('发放人'), building }),
    returns<{ issued: number }>(),
    chairOnly,
  ),
  'paper:return': mutation(
    z.object({
      roundId,
      voterKey,
      signaturePngBase64: signatureSchema.nullable().optional(),
      onPaper: z.boolean({ error: '请说明是否已在纸上签收' }),
      box: text(40, '票箱').optional(),
    }),
    returns<RegisterLine>(),
    chairOnly,
  ),
  /** Who has not returned a ballot (issued or not), for door-to-door reminders. */
  'paper:absentees': query(z.object({ roundId, building }), returns<RegisterLine[]>()),
  'paper:participation': query(z.object({ roundId }), returns<Participation>(), { roles: ['viewer'] }),
  /** Stops returns (after the deadline, or early when the chair confirms). */
  'paper:close': mutation(z.object({ roundId, early: z.boolean().optional() }), returns<PaperRound>(), chairOnly),
  'paper:startCount': mutation(
    z.object({ roundId, tellers: names('计票人'), scrutineers: names('监票人') }),
    returns<PaperRound>(),
    chairOnly,
  ),
  'paper:scan': query(z.object({ roundId, code: ballotCode }), returns<ScanAnswer>(), { roles: ['counter'] }),
  'paper:count': mutation(
    z.object({ roundId, code: ballotCode, teller: personName('计票人'), marks }),
    returns<CountAnswer>(),
    { roles: ['counter'] },
  ),
  'paper:invalid': mutation(
    z.object({ roundId, code: ballotCode, teller: personName('计票人'), reason: requiredText(200, '废票理由') }),
    returns<CountAnswer>(),
    { roles: ['counter'] },
  ),
  /** Asks for a correction of a counted ballot; it applies only once a scrutineer confirms it. */
  'paper:correct': mutation(
    z.object({
      roundId,
      code: ballotCode,
      teller: personName('计票人'),
      marks: marks.nullable(),
      invalidReason: text(200, '废票理由').nullable(),
      reason: requiredText(400, '更正理由').min(4, '请写明更正理由（至少 4 个字）'),
    }),
    returns<PendingCorrection>(),
    { roles: ['counter'] },
  ),
  'paper:corrections': query(z.object({ roundId }), returns<PendingCorrection[]>()),
  'paper:confirmCorrection': mutation(z.object({ correctionId: id, scrutineer: personName('监票人') }), returns<CountAnswer>(), chairOnly),
  'paper:tally': query(z.object({ roundId }), returns<{ tallies: MatterTally[]; participation: Participation }>(), {
    roles: ['counter', 'viewer'],
  }),
  /** A teller or scrutineer signs the count record; the last signature seals it and closes and locks every matter. */
  'paper:sign': mutation(
    z.object({
      roundId,
      role: z.enum(['teller', 'scrutineer'], { error: '只有计票人和监票人在计票记录上签字' }),
      name: personName('签字人'),
      signaturePngBase64: signatureSchema,
    }),
    returns<CountRecordStatus>(),
    chairOnly,
  ),
  'paper:recordStatus': query(z.object({ roundId }), returns<CountRecordStatus>()),
  /** The 公示 dates of the result. */
  'paper:post': mutation(
    z
      .object({ roundId, postedOn: dateSchema, postedUntil: dateSchema })
      .refine((input) => input.postedUntil >= input.postedOn, { message: '公示结束日期不能早于公示开始日期', path: ['postedUntil'] }),
    returns<PaperRound>(),
    chairOnly,
  ),
  'paper:ballotsDocx': query(z.object({ roundId, building }), returns<FilePayload>()),
  'paper:registerDocx': query(z.object({ roundId, building }), returns<FilePayload>()),
  /** 催告: a reminder notice to the households that have not returned a ballot. */
  'paper:reminderDocx': query(z.object({ roundId, building }), returns<FilePayload>()),
  'paper:recordDocx': query(z.object({ roundId }), returns<FilePayload>()),
  /** Checks a count record's Word file against this council's keys: signed, altered or unknown. */
  'paper:verifyRecord': query(
    z.object({ fileName: requiredText(200, '文件名'), dataBase64: base64FileSchema }),
    returns<VerifyReport>(),
  ),
} as const;
