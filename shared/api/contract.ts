/**
 * THE contract: every call the UI can make, its input schema and its result type,
 * defined once. The IPC binding, the preload bridge, the browser transport and the
 * renderer client are all derived from this object; add a call here and nowhere else.
 */
import { z } from 'zod';
import { parseAreaToCenti } from '../domain/roster/floor-area';
import { normaliseHouseholdCode } from '../domain/roster/household-code';
import { meetingStatuses, personRoles, tenures } from '../domain/roster/roles';
import { processTemplateIds } from '../domain/process/templates';
import type { VotingRule } from '../domain/voting/rules';
import { dateSchema, id, mutation, query, requiredText, returns, signatureSchema, text, timeSchema } from './contract-kit';
import { processContract } from './contracts/process';
import { followupContract } from './contracts/followup';
import { minutesContract } from './contracts/minutes';
import { sealsContract } from './contracts/seals';
import { compactsContract } from './contracts/compacts';
import { accessContract } from './contracts/access';
import type {
  AppInfo,
  AttendanceSheet,
  AuditReport,
  BackupInfo,
  BallotReceipt,
  ConsoleState,
  CouncilSettings,
  Council,
  FilePayload,
  IntakeStatus,
  Household,
  ImportPreview,
  ImportResult,
  Meeting,
  MeetingSummary,
  Person,
  RecoveryResult,
  RecoveryStatus,
  RollCallVoter,
  VoteMode,
  VoteState,
  Wish,
} from './types';

export const householdCodeSchema = z
  .string({ error: '请填写户号' })
  .trim()
  .min(1, '请填写户号')
  .transform((value, ctx) => {
    const code = normaliseHouseholdCode(value);
    if (!code) {
      ctx.addIssue({ code: 'custom', message: `户号“${value}”格式不对,应为 楼栋-单元-门牌,如 3-2-501` });
      return z.NEVER;
    }
    return code;
  });

/** Area as the user typed it ("85.5"); becomes whole hundredths of a m², or null when blank. */
export const areaTextSchema = z
  .string({ error: '面积必须是文字' })
  .trim()
  .transform((value, ctx) => {
    if (value === '') return null;
    const centi = parseAreaToCenti(value);
    if (centi === null) {
      ctx.addIssue({ code: 'custom', message: `面积“${value}”不是有效数字(最多两位小数,单位㎡)` });
      return z.NEVER;
    }
    return centi;
  });

const phoneSchema = z
  .string()
  .trim()
  .regex(/^[0-9+\-\s()]{0,20}$/, '电话只能包含数字、空格、+、-、括号')
  .default('');
const rolesSchema = z.array(z.enum(personRoles, { error: '未知的身份' })).max(personRoles.length).default([]);
const tenureSchema = z.enum(tenures, { error: '产权只能是 业主 或 租户' });
const fileSchema = z.object({
  councilId: id,
  fileName: requiredText(200, '文件名'),
  dataBase64: z
    .string()
    .min(1, '文件是空的')
    .max(28_000_000, '文件太大(最大 20 MB)')
    .regex(/^[A-Za-z0-9+/=\s]*$/, '文件内容无法读取'),
});

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
}) satisfies z.ZodType<VotingRule>;

export const voteModeSchema = z.enum(['hands', 'roll_call', 'secret'], { error: '未知的表决方式' }) satisfies z.ZodType<VoteMode>;

const councilFields = {
  name: requiredText(60, '议事会名称'),
  community: text(60, '所属社区').default(''),
  address: text(120, '地址').default(''),
  processTemplate: z.enum(processTemplateIds, { error: '未知的议事流程' }).default('six-step'),
};

const householdFields = {
  code: householdCodeSchema,
  area: areaTextSchema.prefault(''),
  tenure: tenureSchema.default('owner'),
  note: text(200, '备注').default(''),
  /**
   * The people on the unit's title (several for joint owners), from the council's roster. Left out,
   * an update keeps the owners already recorded.
   */
  ownerIds: z.array(id).max(20, '一套房屋最多登记 20 位业主').optional(),
};

const personFields = {
  name: requiredText(40, '姓名'),
  householdId: id.nullable().default(null),
  phone: phoneSchema,
  roles: rolesSchema,
};

const meetingFields = {
  title: requiredText(80, '会议名称'),
  date: dateSchema,
  startTime: timeSchema,
  place: text(80, '地点').default(''),
  chairId: id.nullable().default(null),
  secretaryId: id.nullable().default(null),
};

export const contract = {
  'app:info': query(z.object({}), returns<AppInfo>()),

  'council:list': query(z.object({}), returns<Council[]>()),
  'council:create': mutation(z.object(councilFields), returns<Council>()),
  'council:update': mutation(
    z.object({ councilId: id, ...councilFields }),
    returns<Council>(),
  ),

  'household:list': query(z.object({ councilId: id }), returns<Household[]>()),
  'household:create': mutation(z.object({ councilId: id, ...householdFields }), returns<Household>()),
  'household:update': mutation(z.object({ householdId: id, ...householdFields }), returns<Household>()),
  'household:delete': mutation(z.object({ householdId: id }), returns<{ deleted: true }>()),

  'person:list': query(z.object({ councilId: id }), returns<Person[]>()),
  'person:search': query(
    z.object({ councilId: id, query: text(40, '搜索内容'), limit: z.number().int().min(1).max(200).default(30) }),
    returns<Person[]>(),
  ),
  'person:create': mutation(z.object({ councilId: id, ...personFields }), returns<Person>()),
  'person:update': mutation(z.object({ personId: id, ...personFields }), returns<Person>()),
  'person:delete': mutation(z.object({ personId: id }), returns<{ deleted: true }>()),

  'meeting:list': query(z.object({ councilId: id }), returns<MeetingSummary[]>()),
  'meeting:get': query(z.object({ meetingId: id }), returns<Meeting>()),
  'meeting:create': mutation(z.object({ councilId: id, ...meetingFields }), returns<Meeting>()),
  'meeting:update': mutation(
    z.object({ meetingId: id, ...meetingFields, status: z.enum(meetingStatuses, { error: '未知的会议状态' }) }),
    returns<Meeting>(),
  ),
  'meeting:delete': mutation(z.object({ meetingId: id }), returns<{ deleted: true }>()),

  'agenda:add': mutation(
    z.object({ meetingId: id, title: requiredText(80, '议题名称'), text: text(4000, '议题内容').default('') }),
    returns<Meeting>(),
  ),
  'agenda:update': mutation(
    z.object({ agendaItemId: id, title: requiredText(80, '议题名称'), text: text(4000, '议题内容').default('') }),
    returns<Meeting>(),
  ),
  /** The proposal as amended in the meeting; empty text goes back to the proposal as tabled. */
  'agenda:amend': mutation(z.object({ agendaItemId: id, text: text(4000, '修改后的议案') }), returns<Meeting>()),
  'agenda:remove': mutation(z.object({ agendaItemId: id }), returns<Meeting>()),
  'agenda:reorder': mutation(
    z.object({ meetingId: id, orderedIds: z.array(id).min(1).max(200) }),
    returns<Meeting>(),
  ),

  'council:getSettings': query(z.object({ councilId: id }), returns<CouncilSettings>()),
  'council:updateSettings': mutation(
    z.object({
      councilId: id,
      maxProxiesPerHolder: z.number().int('委托上限必须是整数').min(1, '委托上限至少为 1').max(50).nullable(),
      requireSignature: z.boolean(),
      intakeOpen: z.boolean().default(false),
    }),
    returns<CouncilSettings>(),
  ),
  /** The rule and ballot mode every new vote of the council starts from (each vote may still adjust its own). */
  'council:setDefaultVote': mutation(
    z.object({ councilId: id, rule: votingRuleSchema, mode: voteModeSchema }),
    returns<CouncilSettings>(),
  ),

  'attendance:get': query(z.object({ meetingId: id }), returns<AttendanceSheet>()),
  'attendance:checkIn': mutation(
    z.object({
      meetingId: id,
      personId: id,
      observer: z.boolean().default(false),
      signaturePngBase64: signatureSchema.nullable().default(null),
    }),
    returns<AttendanceSheet>(),
  ),
  'attendance:checkOut': mutation(z.object({ meetingId: id, personId: id }), returns<AttendanceSheet>()),
  'proxy:grant': mutation(
    z.object({ meetingId: id, grantorId: id, holderId: id, note: text(200, '委托说明').default('') }),
    returns<AttendanceSheet>(),
  ),
  'proxy:revoke': mutation(z.object({ proxyId: id }), returns<AttendanceSheet>()),

  'vote:open': mutation(
    z.object({
      meetingId: id,
      agendaItemId: id.nullable().default(null),
      title: requiredText(80, '表决事项'),
      mode: voteModeSchema,
      rule: votingRuleSchema,
    }),
    returns<VoteState>(),
  ),
  'vote:get': query(z.object({ voteId: id }), returns<VoteState>()),
  'vote:list': query(z.object({ meetingId: id }), returns<VoteState[]>()),
  'vote:voters': query(z.object({ voteId: id }), returns<RollCallVoter[]>()),
  'vote:castBallot': mutation(
    z.object({
      voteId: id,
      voterKey: z.string().regex(/^(person|household):[1-9]\d{0,9}$/, '投票人编号格式不对'),
      choice: z.enum(['for', 'against', 'abstain', 'blank'], { error: '未知的选项' }),
    }),
    returns<BallotReceipt>(),
  ),
  'vote:enterCounts': mutation(
    z.object({
      voteId: id,
      for: z.number().int('票数必须是整数').min(0, '票数不能是负数'),
      against: z.number().int('票数必须是整数').min(0, '票数不能是负数'),
      abstain: z.number().int('票数必须是整数').min(0, '票数不能是负数'),
      blank: z.number().int('票数必须是整数').min(0, '票数不能是负数').default(0),
      enteredBy: text(40, '录入人').default(''),
    }),
    returns<VoteState>(),
  ),
  'vote:close': mutation(z.object({ voteId: id }), returns<VoteState>()),
  'vote:lock': mutation(z.object({ voteId: id }), returns<VoteState>()),
  'vote:revote': mutation(
    z.object({ voteId: id, reason: requiredText(400, '重新表决的理由').min(4, '请写明重新表决的理由(至少 4 个字)') }),
    returns<VoteState>(),
  ),

  'backup:list': query(z.object({}), returns<BackupInfo[]>()),
  'backup:create': mutation(z.object({}), returns<BackupInfo>()),

  'recovery:status': query(z.object({}), returns<RecoveryStatus>()),
  'recovery:restoreLatest': mutation(z.object({ confirm: z.literal(true, { error: '恢复前需要确认' }) }), returns<RecoveryResult>()),

  'console:get': query(z.object({ meetingId: id }), returns<ConsoleState>()),
  'console:setCurrent': mutation(z.object({ meetingId: id, agendaItemId: id }), returns<ConsoleState>()),
  'console:setScreen': mutation(
    z.object({ meetingId: id, screen: z.enum(['meeting', 'blank', 'break'], { error: '未知的投影画面' }) }),
    returns<ConsoleState>(),
  ),
  'console:setLimit': mutation(
    z.object({ meetingId: id, seconds: z.number().int('发言时限必须是整数秒').min(30, '发言时限至少 30 秒').max(3600, '发言时限最多 60 分钟') }),
    returns<ConsoleState>(),
  ),
  'speaker:add': mutation(z.object({ meetingId: id, personId: id }), returns<ConsoleState>()),
  'speaker:remove': mutation(z.object({ speakerId: id }), returns<ConsoleState>()),
  'speaker:move': mutation(z.object({ speakerId: id, direction: z.enum(['up', 'down']) }), returns<ConsoleState>()),
  'speaker:next': mutation(z.object({ meetingId: id }), returns<ConsoleState>()),
  'speaker:stop': mutation(z.object({ meetingId: id }), returns<ConsoleState>()),
  'speaker:note': mutation(
    z.object({
      speakerId: id,
      view: z.enum(['for', 'against', 'suggestion'], { error: '意见只能是 赞成、反对 或 建议' }).nullable(),
      note: text(2000, '发言要点').default(''),
    }),
    returns<ConsoleState>(),
  ),

  'wish:intake': query(z.object({ councilId: id }), returns<IntakeStatus>()),
  'wish:submit': mutation(
    z.object({
      councilId: id,
      text: requiredText(500, '议题内容').min(5, '请把事情写清楚一些(至少 5 个字)'),
      category: text(20, '类别').default(''),
      building: text(20, '楼栋').default(''),
      name: text(20, '姓名').default(''),
      household: text(20, '户号').default(''),
    }),
    returns<{ id: number }>(),
  ),
  'wish:list': query(z.object({ councilId: id }), returns<Wish[]>()),
  'wish:accept': mutation(z.object({ wishId: id, meetingId: id }), returns<Wish>()),
  'wish:decline': mutation(
    z.object({ wishId: id, reason: requiredText(200, '不采纳的理由').min(4, '请写明不采纳的理由,居民能看到') }),
    returns<Wish>(),
  ),

  'audit:verify': query(z.object({}), returns<AuditReport>()),

  'roster:previewImport': query(fileSchema, returns<ImportPreview>()),
  'roster:commitImport': mutation(fileSchema, returns<ImportResult>()),
  'roster:exportXlsx': query(z.object({ councilId: id }), returns<FilePayload>()),

  ...processContract,
  ...followupContract,
  ...minutesContract,
  ...sealsContract,
  ...compactsContract,
  ...accessContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = Contract[C]['output'];

export const channels = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
