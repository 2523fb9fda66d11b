/**
 * A written vote (书面征求意见) from opening to the sealed count record.
 *
 * - Opening opens every matter as a vote of mode 'paper' through the voting area's own openVote
 *   (each electorate frozen there), prints one ballot per voter of the frozen electorate (none for a
 *   let unit with no owner on record, which stays in the totals) and writes the register.
 * - A named round's ballots are `P<round>-<0001>` in register order and carry the voter; a secret
 *   round's have random serials, are inserted in a shuffled order and carry no voter, label or unit:
 *   the register is then the only table with voter keys, and nothing links it to a serial.
 * - Counting reads each returned ballot once (a second read says when and by whom); a correction
 *   waits for a scrutineer. The last signature on the count record closes and locks every matter
 *   through the voting engine, and seals the record (canonical JSON, SHA-256, the council's key).
 * - Every step is an audit entry; a secret round's entries never put a voter key beside a serial.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type {
  ChoiceCount,
  CountAnswer,
  CountRecordStatus,
  IssueHow,
  MatterTally,
  PaperChoice,
  PaperMatter,
  PaperRound,
  Participation,
  PendingCorrection,
  PrintedBallot,
  RegisterLine,
  ScanAnswer,
} from '../../../../shared/api/areas/paper';
import type { ParsedInput } from '../../../../shared/api/contract';
import { localDate } from '../../../../shared/domain/followup/dates';
import type { WrittenVoteResult } from '../../../../shared/domain/followup/notice-text';
import { canonicalJson, type Json } from '../../../../shared/domain/seals/canonical-json';
import { voterNoun } from '../../../../shared/domain/voting/explain';
import { atLeastTwoThirds, boundLabel, meetsBound, minimumToMeet } from '../../../../shared/domain/voting/ratio';
import type { VotingRule } from '../../../../shared/domain/voting/rules';
import type { Db } from '../../db/client';
import { preparedOnce } from '../../db/prepared';
import { HostError, conflict, notFound } from '../../core/errors';
import { appendAudit } from '../audit/audit-log';
import { councils } from '../councils/schema';
import { getMeeting } from '../meetings/service';
import { households } from '../roster/schema';
import { verificationCode } from '../seals/code';
import { activeSigningKey, signDigest, type KeyProtector } from '../seals/keys';
import { noOneToCast, type EntitledVoter } from '../voting/electorate';
import { frozenElectorate } from '../voting/frozen';
import { voteResults, votes } from '../voting/schema';
import { closeVote, lockVote, openVote } from '../voting/votes';
import type { CountRecordDoc, CountRecordMatter } from './record';
import { paperBallots, paperBallotTally, paperCorrections, paperMarks, paperRegister, paperRounds, paperSeals, paperSignatures, paperTally } from './schema';

type RoundRow = typeof paperRounds.$inferSelect;
type BallotRow = typeof paperBallots.$inferSelect;
type VoteRow = typeof votes.$inferSelect;
type StoredChoice = PaperChoice | 'blank';

export const defaultMarkingRules =
  '每个表决事项只能在“同意”“反对”“弃权”中选择一项，在对应的方框内打“√”；未作选择的事项计为未表示意见。' +
  '表决票须为本次发出的原票（二维码和校验码可以核对）；复印、涂改无法辨认或撕毁的表决票为废票，废票计入参与表决，但不计同意也不计反对。' +
  '逾期交回的表决票不予计入。';

/** Check codes and secret serials: no 0/O/1/I, so they read aloud and type without mix-ups. */
const codeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const randomCode = (length: number): string => Array.from({ length }, () => codeAlphabet[randomInt(codeAlphabet.length)]!).join('');
const chunk = 400;
const forged = () => new HostError('invalid_input', '这张表决票不是本系统发出的，或校验码不对。请核对票上的编号和校验码；仍不对的，交监票人处理。');

const choiceWord: Record<StoredChoice, string> = { for: '同意', against: '反对', abstain: '弃权', blank: '未选' };

// ---------------------------------------------------------------------------------------------
// Reading

// The statements a public count runs for every ballot, compiled once per database (preparedOnce).
const roundQuery = preparedOnce((db) => db.select().from(paperRounds).where(eq(paperRounds.id, sql.placeholder('round'))).prepare());
const mattersQuery = preparedOnce((db) => db.select().from(votes).where(eq(votes.paperRoundId, sql.placeholder('round'))).orderBy(asc(votes.id)).prepare());

function roundRow(db: Db, roundId: number): RoundRow {
  const row = roundQuery(db).get({ round: roundId });
  if (!row) throw notFound('书面表决');
  return row;
}

function matterRows(db: Db, roundId: number): VoteRow[] {
  return mattersQuery(db).all({ round: roundId });
}

const isSpecial = (rule: VotingRule): boolean => rule.threshold.bound.ratio.numerator * 4 >= rule.threshold.bound.ratio.denominator * 3;

/** What a rule needs, in a sentence for the ballot: 经参与表决专有部分面积过半数且人数过半数的业主同意. */
export function ruleSummary(rule: VotingRule): string {
  const base = { present: '参与表决', cast: '投票', entitled: '全体' }[rule.threshold.base];
  const label = boundLabel(rule.threshold.bound);
  const noun = voterNoun(rule.voterBasis);
  const consent =
    rule.threshold.measure === 'headcount-and-area' ? `经${base}专有部分面积${label}且人数${label}的${noun}同意` : `经${base}${noun}${label}同意`;
  if (!rule.quorum) return consent;
  const quorum = boundLabel(rule.quorum.bound);
  const takingPart = rule.quorum.measure === 'headcount-and-area' ? `专有部分面积${quorum}且人数${quorum}的${noun}参与表决` : `${noun}${quorum}参与表决`;
  return `应由${takingPart}，${consent}`;
}

function toMatter(row: VoteRow, position: number): PaperMatter {
  return { voteId: row.id, position, title: row.title, ruleName: row.rule.name, ruleSummary: ruleSummary(row.rule), special: isSpecial(row.rule) };
}

function toRound(db: Db, row: RoundRow): PaperRound {
  const meeting = getMeeting(db, row.meetingId);
  const council = db.select({ name: councils.name }).from(councils).where(eq(councils.id, meeting.councilId)).get();
  return {
    id: row.id,
    meetingId: row.meetingId,
    councilName: council?.name ?? '',
    title: row.title,
    opensOn: row.opensOn,
    deadline: row.deadline,
    returnTo: row.returnTo,
    markingRules: row.markingRules,
    secret: row.secret,
    status: row.status,
    matters: matterRows(db, row.id).map((vote, index) => toMatter(vote, index + 1)),
    tellers: row.tellers,
    scrutineers: row.scrutineers,
    postedOn: row.postedOn,
    postedUntil: row.postedUntil,
  };
}

export function getRound(db: Db, roundId: number): PaperRound {
  return toRound(db, roundRow(db, roundId));
}

/** The meeting's written vote: the latest one. */
export function roundOfMeeting(db: Db, meetingId: number): PaperRound | null {
  getMeeting(db, meetingId);
  const row = db.select().from(paperRounds).where(eq(paperRounds.meetingId, meetingId)).orderBy(desc(paperRounds.id)).limit(1).get();
  return row ? toRound(db, row) : null;
}

// ---------------------------------------------------------------------------------------------
// Opening

/** Each unit as printed: 楼栋-单元-门牌. */
function unitsOf(db: Db, voters: readonly EntitledVoter[]): Map<number, { code: string; building: string }> {
  const ids = [...new Set(voters.flatMap((voter) => voter.unitIds))];
  const out = new Map<number, { code: string; building: string }>();
  for (let start = 0; start < ids.length; start += chunk) {
    const rows = db
      .select({ id: households.id, building: households.building, unit: households.unit, room: households.room })
      .from(households)
      .where(inArray(households.id, ids.slice(start, start + chunk)))
      .all();
    for (const row of rows) out.set(row.id, { code: [row.building, row.unit, row.room].filter((part) => part !== '').join('-'), building: row.building });
  }
  return out;
}

function shuffled<T>(list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function openRound(db: Db, input: ParsedInput<'paper:open'>, now: Date): PaperRound {
  const meeting = getMeeting(db, input.meetingId);
  const bases = new Set(input.matters.map((matter) => matter.rule.voterBasis));
  if (bases.size > 1) throw new HostError('invalid_input', '一张表决票上的事项须按同一投票人范围计票（都按业主，或都按户）。请把不同范围的事项分开发起。');
  const basis = input.matters[0]!.rule.voterBasis;
  if (basis === 'members') throw new HostError('invalid_input', '书面表决面向业主或住户。议事会成员的表决请在会上进行。');
  const running = db
    .select()
    .from(paperRounds)
    .where(and(eq(paperRounds.meetingId, input.meetingId), inArray(paperRounds.status, ['open', 'closed', 'counting'])))
    .get();
  if (running) throw conflict(`本次会议的书面表决“${running.title}”还没有完成计票封存，请完成后再发起新的书面表决。`);
  const titles = input.matters.map((matter) => matter.title);
  if (new Set(titles).size !== titles.length) throw new HostError('invalid_input', '表决事项的名称重复了，请修改后再发起。');
  const at = now.toISOString();
  const round = db
    .insert(paperRounds)
    .values({
      meetingId: input.meetingId,
      title: input.title,
      opensOn: input.opensOn,
      deadline: input.deadline,
      returnTo: input.returnTo,
      markingRules: input.markingRules?.trim() ? input.markingRules.trim() : defaultMarkingRules,
      secret: input.secret,
      voterBasis: basis,
      openedAt: at,
      tellers: [],
      scrutineers: [],
    })
    .returning()
    .get();
  const voteIds = input.matters.map(
    (matter) => openVote(db, { meetingId: meeting.id, agendaItemId: null, title: matter.title, mode: 'paper', rule: matter.rule }, now, { roundId: round.id }).id,
  );
  // Every matter froze the same roster in this one transaction: the first one's electorate is the round's.
  const electorate = frozenElectorate(db, voteIds[0]!) ?? [];
  db.update(paperRounds)
    .set({ entitledHeadcount: electorate.length, entitledAreaCenti: electorate.reduce((sum, voter) => sum + voter.areaCenti, 0) })
    .where(eq(paperRounds.id, round.id))
    .run();
  const voters = electorate.filter((voter) => !noOneToCast(voter));
  const units = unitsOf(db, voters);
  const lines = voters.map((voter, index) => {
    const own = voter.unitIds.map((unitId) => units.get(unitId)).filter((unit) => unit !== undefined);
    return { voter, position: index + 1, units: own.map((unit) => unit.code), building: own[0]?.building ?? null };
  });
  const registerRows = lines.map((line) => ({
    roundId: round.id,
    voterKey: line.voter.key,
    position: line.position,
    label: line.voter.label,
    building: line.building,
    units: line.units,
    areaCenti: line.voter.areaCenti,
  }));
  for (let start = 0; start < registerRows.length; start += chunk) db.insert(paperRegister).values(registerRows.slice(start, start + chunk)).run();
  let ballotRows: Array<typeof paperBallots.$inferInsert>;
  if (input.secret) {
    const serials = new Set<string>();
    while (serials.size < lines.length) serials.add(randomCode(8));
    const serialList = [...serials];
    ballotRows = shuffled(lines).map((line, index) => ({
      roundId: round.id,
      serial: serialList[index]!,
      checkCode: randomCode(8),
      voterKey: null,
      label: null,
      building: null,
      units: [],
      position: null,
      areaCenti: line.voter.areaCenti,
    }));
  } else {
    ballotRows = lines.map((line) => ({
      roundId: round.id,
      serial: `P${round.id}-${String(line.position).padStart(4, '0')}`,
      checkCode: randomCode(8),
      voterKey: line.voter.key,
      label: line.voter.label,
      building: line.building,
      units: line.units,
      position: line.position,
      areaCenti: line.voter.areaCenti,
    }));
  }
  for (let start = 0; start < ballotRows.length; start += chunk) db.insert(paperBallots).values(ballotRows.slice(start, start + chunk)).run();
  appendAudit(db, {
    kind: 'paper.open',
    meetingId: meeting.id,
    at,
    payload: {
      roundId: round.id,
      title: input.title,
      opensOn: input.opensOn,
      deadline: input.deadline,
      secret: input.secret,
      voteIds,
      entitled: electorate.length,
      ballots: ballotRows.length,
      registerHash: createHash('sha256')
        .update(canonicalJson(lines.map((line) => ({ key: line.voter.key, area: line.voter.areaCenti })) as unknown as Json))
        .digest('hex'),
    },
  });
  return getRound(db, round.id);
}

// ---------------------------------------------------------------------------------------------
// Ballot papers and the register

export function printedBallots(db: Db, roundId: number, building: string | null = null): PrintedBallot[] {
  const round = roundRow(db, roundId);
  const filter = round.secret || !building ? eq(paperBallots.roundId, roundId) : and(eq(paperBallots.roundId, roundId), eq(paperBallots.building, building));
  const rows = db
    .select()
    .from(paperBallots)
    .where(filter)
    .orderBy(round.secret ? asc(paperBallots.serial) : asc(paperBallots.position))
    .all();
  return rows.map((row) => ({
    serial: row.serial,
    checkCode: row.checkCode,
    qrText: `courtyard-ballot:1:${roundId}:${row.serial}:${row.checkCode}`,
    names: round.secret ? null : namesOf(row.label, row.units),
    units: row.units,
    areaCenti: row.areaCenti,
    building: row.building,
  }));
}

/** The name(s) part of a voter's label (the label is "<units> <names>"). */
function namesOf(label: string | null, units: readonly string[]): string | null {
  if (label === null) return null;
  const space = label.indexOf(' ');
  const names = space < 0 ? label : label.slice(space + 1);
  return names.trim() || (units.length ? null : label);
}

type RegisterRow = typeof paperRegister.$inferSelect;

function toLine(row: RegisterRow): RegisterLine {
  return {
    voterKey: row.voterKey,
    label: row.label,
    building: row.building,
    units: row.units,
    areaCenti: row.areaCenti,
    issuedAt: row.issuedAt,
    issuedHow: row.issuedHow,
    issuedBy: row.issuedBy,
    returnedAt: row.returnedAt,
    returnedOnPaper: row.returnedOnPaper,
    hasSignature: row.returnedSignature !== null,
    returnedBox: row.returnedBox,
  };
}

export function registerLines(db: Db, roundId: number, building: string | null = null): RegisterLine[] {
  roundRow(db, roundId);
  const filter = building ? and(eq(paperRegister.roundId, roundId), eq(paperRegister.building, building)) : eq(paperRegister.roundId, roundId);
  return db.select().from(paperRegister).where(filter).orderBy(asc(paperRegister.position)).all().map(toLine);
}

export function absentees(db: Db, roundId: number, building: string | null = null): RegisterLine[] {
  return registerLines(db, roundId, building).filter((line) => line.returnedAt === null);
}

function registerRow(db: Db, roundId: number, voterKey: string): RegisterRow {
  const row = db.select().from(paperRegister).where(and(eq(paperRegister.roundId, roundId), eq(paperRegister.voterKey, voterKey))).get();
  if (!row) throw new HostError('invalid_input', '此户（人）不在本次书面表决的名单中（没有表决权，或是未登记产权人的出租房屋）。');
  return row;
}

/** 12月6日 20:14, on the machine's clock. */
export function whenWords(iso: string): string {
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getMonth() + 1}月${at.getDate()}日 ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

const howWord: Record<IssueHow, string> = { in_person: '当面发放', door: '上门发放', mailbox: '投入信箱' };

function requireOpen(round: RoundRow, what: string): void {
  if (round.status !== 'open') throw conflict(`书面表决“${round.title}”已截止，不能再${what}。`);
}

export function issueBallot(db: Db, input: ParsedInput<'paper:issue'>, now: Date): RegisterLine {
  const round = roundRow(db, input.roundId);
  requireOpen(round, '发放表决票');
  const row = registerRow(db, input.roundId, input.voterKey);
  if (row.issuedAt) throw conflict(`${row.label} 的表决票已于 ${whenWords(row.issuedAt)} 由 ${row.issuedBy ?? ''} ${howWord[row.issuedHow ?? 'in_person']}，不必再登记。`);
  const at = now.toISOString();
  db.update(paperRegister)
    .set({ issuedAt: at, issuedHow: input.how, issuedBy: input.by })
    .where(and(eq(paperRegister.roundId, input.roundId), eq(paperRegister.voterKey, input.voterKey)))
    .run();
  appendAudit(db, { kind: 'paper.issue', meetingId: round.meetingId, at, payload: { roundId: round.id, voterKey: input.voterKey, how: input.how, by: input.by } });
  return toLine(registerRow(db, input.roundId, input.voterKey));
}

export function issueAll(db: Db, input: ParsedInput<'paper:issueAll'>, now: Date): { issued: number } {
  const round = roundRow(db, input.roundId);
  requireOpen(round, '发放表决票');
  const where = and(
    eq(paperRegister.roundId, input.roundId),
    isNull(paperRegister.issuedAt),
    ...(input.building ? [eq(paperRegister.building, input.building)] : []),
  );
  const pending = db.select({ n: count() }).from(paperRegister).where(where).get()!.n;
  if (pending === 0) return { issued: 0 };
  const at = now.toISOString();
  db.update(paperRegister).set({ issuedAt: at, issuedHow: input.how, issuedBy: input.by }).where(where).run();
  appendAudit(db, {
    kind: 'paper.issue',
    meetingId: round.meetingId,
    at,
    payload: { roundId: round.id, count: pending, how: input.how, by: input.by, building: input.building ?? null },
  });
  return { issued: pending };
}

export function returnBallot(db: Db, input: ParsedInput<'paper:return'>, now: Date): RegisterLine {
  const round = roundRow(db, input.roundId);
  requireOpen(round, '登记交回');
  if (localDate(now) > round.deadline) throw conflict(`已过截止日期（${round.deadline}），逾期交回的表决票不予登记。请主持人截止收票。`);
  const row = registerRow(db, input.roundId, input.voterKey);
  if (!row.issuedAt) throw conflict(`还没有登记发放给 ${row.label} 的表决票，请先登记发放。`);
  if (row.returnedAt) throw conflict(`${row.label} 的表决票已于 ${whenWords(row.returnedAt)} 交回，不能重复登记。`);
  const signature = input.signaturePngBase64 ?? null;
  if (!signature && !input.onPaper) throw new HostError('invalid_input', '请让交票人在签名板上签字，或勾选“已在纸质登记册上签收”。');
  const at = now.toISOString();
  db.update(paperRegister)
    .set({
      returnedAt: at,
      returnedSignature: signature ? Buffer.from(signature, 'base64') : null,
      returnedOnPaper: signature ? false : input.onPaper,
      returnedBox: input.box?.trim() ? input.box.trim() : null,
    })
    .where(and(eq(paperRegister.roundId, input.roundId), eq(paperRegister.voterKey, input.voterKey)))
    .run();
  appendAudit(db, {
    kind: 'paper.return',
    meetingId: round.meetingId,
    at,
    payload: { roundId: round.id, voterKey: input.voterKey, onPaper: !signature, box: input.box?.trim() ?? '' },
  });
  return toLine(registerRow(db, input.roundId, input.voterKey));
}

// ---------------------------------------------------------------------------------------------
// Participation and tallies

/** The frozen electorate's size and area, as the round keeps it from its opening. */
const entitledQuery = preparedOnce((db) =>
  db
    .select({ headcount: paperRounds.entitledHeadcount, areaCenti: paperRounds.entitledAreaCenti })
    .from(paperRounds)
    .where(eq(paperRounds.id, sql.placeholder('round')))
    .prepare(),
);

function entitledOf(db: Db, roundId: number): ChoiceCount {
  return entitledQuery(db).get({ round: roundId }) ?? zero();
}

/**
 * The register's totals of a round whose returns are closed: they cannot change any more (issue and
 * return refuse a round that is not open), so a count reads them once, not with every ballot.
 */
const closedRegisters = new WeakMap<Db, Map<number, { issued: number; returned: number; returnedArea: number }>>();

function registerTotals(db: Db, roundId: number): { issued: number; returned: number; returnedArea: number } {
  const status = roundQuery(db).get({ round: roundId })?.status;
  const frozen = status === 'counting' || status === 'sealed';
  const known = frozen ? closedRegisters.get(db)?.get(roundId) : undefined;
  if (known) return known;
  const register = db
    .select({
      issued: sql<number>`coalesce(sum(${paperRegister.issuedAt} IS NOT NULL), 0)`,
      returned: sql<number>`coalesce(sum(${paperRegister.returnedAt} IS NOT NULL), 0)`,
      returnedArea: sql<number>`coalesce(sum(CASE WHEN ${paperRegister.returnedAt} IS NOT NULL THEN ${paperRegister.areaCenti} ELSE 0 END), 0)`,
    })
    .from(paperRegister)
    .where(eq(paperRegister.roundId, roundId))
    .get()!;
  const totals = { issued: Number(register.issued), returned: Number(register.returned), returnedArea: Number(register.returnedArea) };
  if (frozen) {
    if (!closedRegisters.has(db)) closedRegisters.set(db, new Map());
    closedRegisters.get(db)!.set(roundId, totals);
  }
  return totals;
}

/**
 * Where counts come from: 'running', the counts the triggers keep (paper_tally, paper_ballot_tally), for
 * the answer to every ballot counted in public; 'marks', the ballots and marks themselves added up, for
 * the count record and the close. Both give the same figures (tests/integration/paper-running-tally.test.ts).
 */
export type CountSource = 'running' | 'marks';

const ballotStatesQuery = preparedOnce((db) =>
  db
    .select({ state: paperBallots.state, n: count(), area: sql<number>`coalesce(sum(${paperBallots.areaCenti}), 0)` })
    .from(paperBallots)
    .where(eq(paperBallots.roundId, sql.placeholder('round')))
    .groupBy(paperBallots.state)
    .prepare(),
);
const runningStatesQuery = preparedOnce((db) =>
  db
    .select({ state: paperBallotTally.state, n: paperBallotTally.headcount, area: paperBallotTally.areaCenti })
    .from(paperBallotTally)
    .where(eq(paperBallotTally.roundId, sql.placeholder('round')))
    .prepare(),
);

/** How many of the round's ballots are in each state, with their area. */
function ballotStates(db: Db, roundId: number, from: CountSource): Record<BallotRow['state'], ChoiceCount> {
  const rows = (from === 'running' ? runningStatesQuery : ballotStatesQuery)(db).all({ round: roundId });
  const states = { uncounted: zero(), counted: zero(), invalid: zero() };
  for (const row of rows) states[row.state] = { headcount: Number(row.n), areaCenti: Number(row.area) };
  return states;
}

export function participation(db: Db, roundId: number, matters: VoteRow[] = matterRows(db, roundId), from: CountSource = 'marks'): Participation {
  const first = matters[0];
  const entitled = entitledOf(db, roundId);
  const register = registerTotals(db, roundId);
  const states = ballotStates(db, roundId, from);
  const bound = first?.rule.quorum?.bound ?? atLeastTwoThirds;
  const { returned, returnedArea } = register;
  return {
    entitledHeadcount: entitled.headcount,
    entitledAreaCenti: entitled.areaCenti,
    returnedHeadcount: returned,
    returnedAreaCenti: returnedArea,
    neededHeadcount: minimumToMeet(entitled.headcount, bound),
    neededAreaCenti: minimumToMeet(entitled.areaCenti, bound),
    headcountMet: meetsBound(returned, entitled.headcount, bound),
    areaMet: meetsBound(returnedArea, entitled.areaCenti, bound),
    issued: register.issued,
    returned,
    counted: states.counted.headcount,
    invalid: states.invalid.headcount,
  };
}

const zero = (): ChoiceCount => ({ headcount: 0, areaCenti: 0 });
const plus = (a: ChoiceCount, b: ChoiceCount): ChoiceCount => ({ headcount: a.headcount + b.headcount, areaCenti: a.areaCenti + b.areaCenti });

const marksTallyQuery = preparedOnce((db) =>
  db
    .select({ voteId: paperMarks.voteId, choice: paperMarks.choice, n: count(), area: sql<number>`coalesce(sum(${paperMarks.areaCenti}), 0)` })
    .from(paperMarks)
    .innerJoin(votes, eq(votes.id, paperMarks.voteId))
    .where(eq(votes.paperRoundId, sql.placeholder('round')))
    .groupBy(paperMarks.voteId, paperMarks.choice)
    .prepare(),
);
const runningTallyQuery = preparedOnce((db) =>
  db
    .select({ voteId: paperTally.voteId, choice: paperTally.choice, n: paperTally.headcount, area: paperTally.areaCenti })
    .from(paperTally)
    .innerJoin(votes, eq(votes.id, paperTally.voteId))
    .where(eq(votes.paperRoundId, sql.placeholder('round')))
    .prepare(),
);

/** Each matter's running count from the marks read so far, with the line consent must reach under its rule. */
export function tallies(db: Db, roundId: number, matters: VoteRow[] = matterRows(db, roundId), from: CountSource = 'marks'): MatterTally[] {
  // Only a counted ballot has marks (an invalid one has none): one walk of the tally index per matter.
  const marks = matters.length ? (from === 'running' ? runningTallyQuery : marksTallyQuery)(db).all({ round: roundId }) : [];
  const invalid = ballotStates(db, roundId, from).invalid;
  const entitled = matters.some((matter) => matter.rule.threshold.base === 'entitled') ? entitledOf(db, roundId) : zero();
  return matters.map((matter) => {
    const counts = { for: zero(), against: zero(), abstain: zero(), blank: zero() };
    for (const mark of marks) if (mark.voteId === matter.id) counts[mark.choice] = { headcount: mark.n, areaCenti: Number(mark.area) };
    const rule = matter.rule;
    const takingPart = [counts.for, counts.against, counts.abstain, counts.blank, invalid].reduce(plus, zero());
    const cast = [
      counts.for,
      counts.against,
      ...(rule.abstentions === 'counts-as-cast' ? [counts.abstain] : []),
      ...(rule.blankBallots === 'counts-as-cast' ? [counts.blank, invalid] : []),
    ].reduce(plus, zero());
    const whole = { present: takingPart, cast, entitled }[rule.threshold.base];
    return {
      voteId: matter.id,
      title: matter.title,
      ...counts,
      neededHeadcount: minimumToMeet(whole.headcount, rule.threshold.bound),
      neededAreaCenti: rule.threshold.measure === 'headcount-and-area' ? minimumToMeet(whole.areaCenti, rule.threshold.bound) : 0,
    };
  });
}

export function tallyOf(db: Db, roundId: number): { tallies: MatterTally[]; participation: Participation } {
  roundRow(db, roundId);
  const matters = matterRows(db, roundId);
  return { tallies: tallies(db, roundId, matters, 'running'), participation: participation(db, roundId, matters, 'running') };
}

// ---------------------------------------------------------------------------------------------
// Closing returns, starting the count

export function closeRound(db: Db, input: ParsedInput<'paper:close'>, now: Date): PaperRound {
  const round = roundRow(db, input.roundId);
  if (round.status !== 'open') throw conflict(`书面表决“${round.title}”已经截止收票。`);
  if (localDate(now) <= round.deadline && !input.early) {
    throw conflict(`截止日期是 ${round.deadline}，还没有到。如确需提前截止收票，请确认“提前截止”后再操作。`);
  }
  const at = now.toISOString();
  db.update(paperRounds).set({ status: 'closed', closedAt: at }).where(eq(paperRounds.id, round.id)).run();
  const counts = participation(db, round.id);
  appendAudit(db, {
    kind: 'paper.close',
    meetingId: round.meetingId,
    at,
    payload: { roundId: round.id, early: localDate(now) <= round.deadline, issued: counts.issued, returned: counts.returned },
  });
  return getRound(db, round.id);
}

export function startCount(db: Db, input: ParsedInput<'paper:startCount'>, now: Date): PaperRound {
  const round = roundRow(db, input.roundId);
  if (round.status === 'open') throw conflict('还没有截止收票。请先截止收票，再开始公开计票。');
  if (round.status !== 'closed') throw conflict('计票已经开始（或已封存），计票人和监票人不能再更换。');
  const tellers = [...new Set(input.tellers)];
  const scrutineers = [...new Set(input.scrutineers)];
  const both = tellers.filter((name) => scrutineers.includes(name));
  if (both.length) throw new HostError('invalid_input', `${both.join('、')} 不能既是计票人又是监票人，请另请一位。`);
  const at = now.toISOString();
  db.update(paperRounds).set({ status: 'counting', countStartedAt: at, tellers, scrutineers }).where(eq(paperRounds.id, round.id)).run();
  appendAudit(db, { kind: 'paper.count-start', meetingId: round.meetingId, at, payload: { roundId: round.id, tellers, scrutineers } });
  return getRound(db, round.id);
}

// ---------------------------------------------------------------------------------------------
// Counting

const ballotQuery = preparedOnce((db) =>
  db
    .select()
    .from(paperBallots)
    .where(and(eq(paperBallots.roundId, sql.placeholder('round')), eq(paperBallots.serial, sql.placeholder('serial'))))
    .prepare(),
);

/** The ballot a scanned QR text or a typed serial and code names, if this round issued it with that code. */
function ballotByCode(db: Db, round: RoundRow, code: string): BallotRow {
  const text = code.trim();
  let serial: string;
  let check: string;
  const qr = /^courtyard-ballot:1:(\d+):([^:]+):([^:]+)$/i.exec(text);
  if (qr) {
    if (Number(qr[1]) !== round.id) throw new HostError('invalid_input', '这张表决票属于另一次书面表决，不能在这里计票。请交监票人处理。');
    serial = qr[2]!.toUpperCase();
    check = qr[3]!.toUpperCase();
  } else {
    const clean = text.toUpperCase().replace(/[^0-9A-Z]/g, '');
    if (clean.length < 9) throw forged();
    check = clean.slice(-8);
    const rest = clean.slice(0, -8);
    if (round.secret) serial = rest;
    else {
      const prefix = `P${round.id}`;
      if (!rest.startsWith(prefix) || rest.length === prefix.length) throw forged();
      serial = `${prefix}-${rest.slice(prefix.length)}`;
    }
  }
  const row = ballotQuery(db).get({ round: round.id, serial });
  const expected = Buffer.from(row?.checkCode ?? 'XXXXXXXX', 'utf8');
  const given = Buffer.from(check.padEnd(expected.length, '#').slice(0, expected.length), 'utf8');
  const same = timingSafeEqual(expected, given) && check.length === expected.length;
  if (!row || !same) throw forged();
  return row;
}

function requireCounting(round: RoundRow): void {
  if (round.status === 'sealed') throw conflict('计票记录已经签字封存，不能再计票或更正。');
  if (round.status !== 'counting') throw conflict('还没有开始计票。请主持人先截止收票，并在“开始计票”里填写计票人和监票人。');
}

function requireTeller(round: RoundRow, teller: string): void {
  if (!round.tellers.includes(teller)) throw new HostError('invalid_input', `“${teller}”不是本次的计票人（计票人：${round.tellers.join('、')}）。请选择计票人的名字。`);
}

function alreadyRead(row: BallotRow): HostError {
  const what = row.state === 'invalid' ? '作为废票登记' : '计入';
  return conflict(`这张票已于 ${whenWords(row.countedAt ?? '')} 由 ${row.countedBy ?? ''} ${what}，不能重复计票。如有错误，请提出更正，由监票人确认。`);
}

const marksQuery = preparedOnce((db) =>
  db.select({ voteId: paperMarks.voteId, choice: paperMarks.choice }).from(paperMarks).where(eq(paperMarks.ballotId, sql.placeholder('ballot'))).prepare(),
);

function marksOf(db: Db, ballotId: number): Map<number, StoredChoice> {
  return new Map(marksQuery(db).all({ ballot: ballotId }).map((mark) => [mark.voteId, mark.choice]));
}

export function scanBallot(db: Db, input: ParsedInput<'paper:scan'>): ScanAnswer {
  const round = roundRow(db, input.roundId);
  requireCounting(round);
  const row = ballotByCode(db, round, input.code);
  const matters = matterRows(db, round.id);
  const marks = marksOf(db, row.id);
  return {
    ballot: {
      serial: row.serial,
      names: round.secret ? null : namesOf(row.label, row.units),
      units: row.units,
      areaCenti: row.areaCenti,
      state: row.state,
      countedAt: row.countedAt,
      countedBy: row.countedBy,
      marks: Object.fromEntries(
        matters.map((matter) => {
          const choice = marks.get(matter.id);
          return [matter.id, choice === undefined || choice === 'blank' ? null : choice];
        }),
      ),
      invalidReason: row.invalidReason,
    },
    matters: matters.map((matter, index) => toMatter(matter, index + 1)),
  };
}

/** The marks given, checked against the round's matters: each matter once, unmarked ones blank. */
function readMarks(matters: VoteRow[], given: Record<string, PaperChoice | null>): Map<number, StoredChoice> {
  const ids = new Set(matters.map((matter) => matter.id));
  for (const key of Object.keys(given)) if (!ids.has(Number(key))) throw new HostError('invalid_input', '表决票上没有这个事项，请刷新后重新录入。');
  return new Map(matters.map((matter) => [matter.id, given[String(matter.id)] ?? 'blank']));
}

const insertMark = preparedOnce((db) =>
  db
    .insert(paperMarks)
    .values({ ballotId: sql.placeholder('ballot'), voteId: sql.placeholder('vote'), choice: sql.placeholder('choice'), areaCenti: sql.placeholder('area') })
    .prepare(),
);
const markCounted = preparedOnce((db) =>
  db
    .update(paperBallots)
    .set({ state: 'counted', countedAt: sql`${sql.placeholder('at')}`, countedBy: sql`${sql.placeholder('teller')}` })
    .where(eq(paperBallots.id, sql.placeholder('ballot')))
    .prepare(),
);

function writeMarks(db: Db, ballot: Pick<BallotRow, 'id' | 'areaCenti'>, marks: Map<number, StoredChoice>, fresh = false): void {
  if (!fresh) db.delete(paperMarks).where(eq(paperMarks.ballotId, ballot.id)).run();
  const insert = insertMark(db);
  for (const [voteId, choice] of marks) insert.run({ ballot: ballot.id, vote: voteId, choice, area: ballot.areaCenti });
}

function countAnswer(db: Db, roundId: number, serial: string, matters: VoteRow[] = matterRows(db, roundId)): CountAnswer {
  return { serial, tallies: tallies(db, roundId, matters, 'running'), participation: participation(db, roundId, matters, 'running') };
}

const marksPayload = (marks: Map<number, StoredChoice>): Json => Object.fromEntries([...marks].map(([voteId, choice]) => [String(voteId), choice]));

export function countBallot(db: Db, input: ParsedInput<'paper:count'>, now: Date): CountAnswer {
  const round = roundRow(db, input.roundId);
  requireCounting(round);
  requireTeller(round, input.teller);
  const row = ballotByCode(db, round, input.code);
  if (row.state !== 'uncounted') throw alreadyRead(row);
  const matters = matterRows(db, round.id);
  const marks = readMarks(matters, input.marks);
  const at = now.toISOString();
  writeMarks(db, row, marks, true);
  markCounted(db).run({ at, teller: input.teller, ballot: row.id });
  appendAudit(db, { kind: 'paper.count', meetingId: round.meetingId, at, payload: { roundId: round.id, serial: row.serial, teller: input.teller, marks: marksPayload(marks) } });
  return countAnswer(db, round.id, row.serial, matters);
}

export function invalidBallot(db: Db, input: ParsedInput<'paper:invalid'>, now: Date): CountAnswer {
  const round = roundRow(db, input.roundId);
  requireCounting(round);
  requireTeller(round, input.teller);
  const row = ballotByCode(db, round, input.code);
  if (row.state !== 'uncounted') throw alreadyRead(row);
  const at = now.toISOString();
  db.update(paperBallots)
    .set({ state: 'invalid', invalidReason: input.reason, countedAt: at, countedBy: input.teller })
    .where(eq(paperBallots.id, row.id))
    .run();
  appendAudit(db, { kind: 'paper.invalid', meetingId: round.meetingId, at, payload: { roundId: round.id, serial: row.serial, teller: input.teller, reason: input.reason } });
  return countAnswer(db, round.id, row.serial);
}

function describeBallot(matters: VoteRow[], state: BallotRow['state'], marks: Map<number, StoredChoice>, invalidReason: string | null): string {
  if (state === 'invalid') return `废票（${invalidReason ?? ''}）`;
  return matters.map((matter, index) => `${index + 1}. ${choiceWord[marks.get(matter.id) ?? 'blank']}`).join('；');
}

function toCorrection(row: typeof paperCorrections.$inferSelect, serial: string): PendingCorrection {
  return { id: row.id, serial, askedBy: row.askedBy, askedAt: row.askedAt, reason: row.reason, from: row.fromText, to: row.toText };
}

export function askCorrection(db: Db, input: ParsedInput<'paper:correct'>, now: Date): PendingCorrection {
  const round = roundRow(db, input.roundId);
  requireCounting(round);
  requireTeller(round, input.teller);
  const row = ballotByCode(db, round, input.code);
  if (row.state === 'uncounted') throw conflict('这张票还没有计入，直接计票即可，不需要更正。');
  const invalidReason = input.invalidReason?.trim() ? input.invalidReason.trim() : null;
  if ((input.marks === null) === (invalidReason === null)) {
    throw new HostError('invalid_input', '请填写更正后的选择，或者填写废票理由（二者选一）。');
  }
  const waiting = db
    .select()
    .from(paperCorrections)
    .where(and(eq(paperCorrections.ballotId, row.id), isNull(paperCorrections.confirmedAt)))
    .get();
  if (waiting) throw conflict(`这张票已有一条更正（${waiting.askedBy} 提出）在等监票人确认，请先处理那一条。`);
  const matters = matterRows(db, round.id);
  const marks = input.marks === null ? null : readMarks(matters, input.marks);
  const from = describeBallot(matters, row.state, marksOf(db, row.id), row.invalidReason);
  const to = marks ? describeBallot(matters, 'counted', marks, null) : describeBallot(matters, 'invalid', new Map(), invalidReason);
  if (from === to) throw new HostError('invalid_input', '更正后的内容和现在一样，不需要更正。');
  const at = now.toISOString();
  const stored = db
    .insert(paperCorrections)
    .values({
      ballotId: row.id,
      askedBy: input.teller,
      askedAt: at,
      reason: input.reason,
      marks: marks ? Object.fromEntries([...marks].map(([voteId, choice]) => [String(voteId), choice])) : null,
      invalidReason,
      fromText: from,
      toText: to,
    })
    .returning()
    .get();
  appendAudit(db, {
    kind: 'paper.correct',
    meetingId: round.meetingId,
    at,
    payload: { roundId: round.id, correctionId: stored.id, serial: row.serial, teller: input.teller, reason: input.reason, from, to },
  });
  return toCorrection(stored, row.serial);
}

export function pendingCorrections(db: Db, roundId: number): PendingCorrection[] {
  roundRow(db, roundId);
  return db
    .select({ correction: paperCorrections, serial: paperBallots.serial })
    .from(paperCorrections)
    .innerJoin(paperBallots, eq(paperBallots.id, paperCorrections.ballotId))
    .where(and(eq(paperBallots.roundId, roundId), isNull(paperCorrections.confirmedAt)))
    .orderBy(asc(paperCorrections.id))
    .all()
    .map(({ correction, serial }) => toCorrection(correction, serial));
}

export function confirmCorrection(db: Db, input: ParsedInput<'paper:confirmCorrection'>, now: Date): CountAnswer {
  const correction = db.select().from(paperCorrections).where(eq(paperCorrections.id, input.correctionId)).get();
  if (!correction) throw notFound('更正');
  const ballot = db.select().from(paperBallots).where(eq(paperBallots.id, correction.ballotId)).get()!;
  const round = roundRow(db, ballot.roundId);
  requireCounting(round);
  if (correction.confirmedAt) throw conflict(`这条更正已于 ${whenWords(correction.confirmedAt)} 由监票人 ${correction.confirmedBy ?? ''} 确认。`);
  if (!round.scrutineers.includes(input.scrutineer)) {
    throw new HostError('invalid_input', `“${input.scrutineer}”不是本次的监票人（监票人：${round.scrutineers.join('、')}）。更正须由监票人确认。`);
  }
  if (input.scrutineer === correction.askedBy) throw new HostError('invalid_input', '提出更正的人不能自己确认，请另一位监票人确认。');
  const at = now.toISOString();
  if (correction.marks) {
    writeMarks(db, ballot, new Map(Object.entries(correction.marks).map(([voteId, choice]) => [Number(voteId), choice as StoredChoice])));
    db.update(paperBallots).set({ state: 'counted', invalidReason: null }).where(eq(paperBallots.id, ballot.id)).run();
  } else {
    writeMarks(db, ballot, new Map());
    db.update(paperBallots).set({ state: 'invalid', invalidReason: correction.invalidReason }).where(eq(paperBallots.id, ballot.id)).run();
  }
  db.update(paperCorrections).set({ confirmedBy: input.scrutineer, confirmedAt: at }).where(eq(paperCorrections.id, correction.id)).run();
  appendAudit(db, {
    kind: 'paper.correction-confirmed',
    meetingId: round.meetingId,
    at,
    payload: { roundId: round.id, correctionId: correction.id, serial: ballot.serial, scrutineer: input.scrutineer, to: correction.toText },
  });
  return countAnswer(db, round.id, ballot.serial);
}

// ---------------------------------------------------------------------------------------------
// The count record: signatures, seal, 公示

function signaturesOf(db: Db, roundId: number) {
  return db.select().from(paperSignatures).where(eq(paperSignatures.roundId, roundId)).orderBy(asc(paperSignatures.signedAt), asc(paperSignatures.role)).all();
}

export function recordStatus(db: Db, roundId: number): CountRecordStatus {
  const round = roundRow(db, roundId);
  const signatures = signaturesOf(db, roundId).map((row) => ({ role: row.role, name: row.name, signedAt: row.signedAt }));
  const seal = db.select().from(paperSeals).where(eq(paperSeals.roundId, roundId)).get();
  const blockers: string[] = [];
  if (round.status === 'open') blockers.push('还没有截止收票。');
  else if (round.status === 'closed') blockers.push('还没有开始计票（请填写计票人和监票人）。');
  if (round.status === 'counting') {
    const waiting = pendingCorrections(db, roundId).length;
    if (waiting) blockers.push(`还有 ${waiting} 条更正等待监票人确认。`);
    const read = db
      .select({ n: count() })
      .from(paperBallots)
      .where(and(eq(paperBallots.roundId, roundId), inArray(paperBallots.state, ['counted', 'invalid'])))
      .get()!.n;
    if (read === 0) blockers.push('还没有读入任何一张表决票。');
  }
  return {
    roundId,
    signatures,
    sealed: seal ? { digest: seal.digest, code: verificationCode(seal.digest), signedAt: seal.signedAt } : null,
    blockers,
  };
}

export function signRecord(db: Db, input: ParsedInput<'paper:sign'>, now: Date, keyProtector?: KeyProtector): CountRecordStatus {
  const round = roundRow(db, input.roundId);
  if (round.status === 'sealed') throw conflict('计票记录已经签字封存。');
  const status = recordStatus(db, round.id);
  if (status.blockers.length) throw conflict(`现在还不能签字：${status.blockers.join('')}`);
  const names = input.role === 'teller' ? round.tellers : round.scrutineers;
  const roleWord = input.role === 'teller' ? '计票人' : '监票人';
  if (!names.includes(input.name)) throw new HostError('invalid_input', `“${input.name}”不是本次的${roleWord}（${roleWord}：${names.join('、')}）。`);
  if (status.signatures.some((signature) => signature.role === input.role && signature.name === input.name)) {
    throw conflict(`${roleWord} ${input.name} 已经签过字了。`);
  }
  const at = now.toISOString();
  db.insert(paperSignatures).values({ roundId: round.id, role: input.role, name: input.name, image: Buffer.from(input.signaturePngBase64, 'base64'), signedAt: at }).run();
  appendAudit(db, { kind: 'paper.sign', meetingId: round.meetingId, at, payload: { roundId: round.id, role: input.role, name: input.name } });
  const signed = signaturesOf(db, round.id);
  const everyone = [...round.tellers.map((name) => `teller:${name}`), ...round.scrutineers.map((name) => `scrutineer:${name}`)];
  const have = new Set(signed.map((row) => `${row.role}:${row.name}`));
  if (everyone.every((key) => have.has(key))) sealRound(db, round, now, keyProtector);
  return recordStatus(db, round.id);
}

/** Closes and locks every matter through the voting engine, then seals the count record. */
function sealRound(db: Db, round: RoundRow, now: Date, keyProtector?: KeyProtector): void {
  const matters = matterRows(db, round.id);
  for (const matter of matters) {
    if (matter.status === 'open') closeVote(db, matter.id, now, keyProtector, true);
    if (matter.status !== 'locked') lockVote(db, matter.id, now, keyProtector, true);
  }
  const at = now.toISOString();
  const record = buildRecord(db, round, at);
  const canonical = canonicalJson(record as unknown as Json);
  const digest = createHash('sha256').update(canonical, 'utf8').digest('hex');
  const councilId = getMeeting(db, round.meetingId).councilId;
  const key = activeSigningKey(db, councilId, now, keyProtector);
  db.insert(paperSeals).values({ roundId: round.id, keyId: key.id, canonical, digest, signature: signDigest(key.privateKey, digest), signedAt: at }).run();
  db.update(paperRounds).set({ status: 'sealed', sealedAt: at }).where(eq(paperRounds.id, round.id)).run();
  appendAudit(db, {
    kind: 'paper.seal',
    meetingId: round.meetingId,
    at,
    payload: { roundId: round.id, digest, code: verificationCode(digest), results: matters.map((matter) => matter.id) },
  });
}

/** The count record as it is sealed, from the stored rows and the locked results. */
export function buildRecord(db: Db, round: RoundRow, sealedAt: string): CountRecordDoc {
  const meeting = getMeeting(db, round.meetingId);
  const council = db.select({ name: councils.name }).from(councils).where(eq(councils.id, meeting.councilId)).get();
  const matters = matterRows(db, round.id);
  const counts = participation(db, round.id, matters);
  const running = tallies(db, round.id, matters);
  const invalidRows = db
    .select({ serial: paperBallots.serial, reason: paperBallots.invalidReason, areaCenti: paperBallots.areaCenti })
    .from(paperBallots)
    .where(and(eq(paperBallots.roundId, round.id), eq(paperBallots.state, 'invalid')))
    .orderBy(asc(paperBallots.serial))
    .all();
  const invalid = invalidRows.reduce((sum, row) => plus(sum, { headcount: 1, areaCenti: row.areaCenti }), zero());
  const printed = db.select({ n: count() }).from(paperBallots).where(eq(paperBallots.roundId, round.id)).get()!.n;
  const entitled = entitledOf(db, round.id).headcount;
  const read = counts.counted + counts.invalid;
  const mismatches: string[] = [];
  if (read !== counts.returned) {
    mismatches.push(
      `登记册记录收回 ${counts.returned} 张，计票读入 ${read} 张（有效 ${counts.counted} 张、废票 ${counts.invalid} 张），${read > counts.returned ? '多' : '少'} ${Math.abs(read - counts.returned)} 张，请核对票箱和登记册。`,
    );
  }
  if (counts.returned > counts.issued) mismatches.push(`登记收回 ${counts.returned} 张，多于登记发放的 ${counts.issued} 张。`);
  const results = new Map(
    db
      .select()
      .from(voteResults)
      .where(
        inArray(
          voteResults.voteId,
          matters.map((matter) => matter.id),
        ),
      )
      .all()
      .map((row) => [row.voteId, row]),
  );
  const recordMatters: CountRecordMatter[] = matters.map((matter, index) => {
    const tally = running[index]!;
    const result = results.get(matter.id);
    return {
      voteId: matter.id,
      position: index + 1,
      title: matter.title,
      ruleName: matter.rule.name,
      ruleSummary: ruleSummary(matter.rule),
      special: isSpecial(matter.rule),
      counts: { for: tally.for, against: tally.against, abstain: tally.abstain, blank: tally.blank },
      invalid,
      passed: result?.passed ?? false,
      explanation: result?.explanation ?? '',
    };
  });
  const corrections = db
    .select({ correction: paperCorrections, serial: paperBallots.serial })
    .from(paperCorrections)
    .innerJoin(paperBallots, eq(paperBallots.id, paperCorrections.ballotId))
    .where(and(eq(paperBallots.roundId, round.id), isNotNull(paperCorrections.confirmedAt)))
    .orderBy(asc(paperCorrections.id))
    .all()
    .map(({ correction, serial }) => ({
      serial,
      askedBy: correction.askedBy,
      askedAt: correction.askedAt,
      reason: correction.reason,
      from: correction.fromText,
      to: correction.toText,
      confirmedBy: correction.confirmedBy ?? '',
      confirmedAt: correction.confirmedAt ?? '',
    }));
  return {
    format: 1,
    councilName: council?.name ?? '',
    meetingTitle: meeting.title,
    round: {
      id: round.id,
      title: round.title,
      opensOn: round.opensOn,
      deadline: round.deadline,
      returnTo: round.returnTo,
      secret: round.secret,
      voterBasis: round.voterBasis,
      closedAt: round.closedAt,
      countStartedAt: round.countStartedAt,
    },
    tellers: round.tellers,
    scrutineers: round.scrutineers,
    reconciliation: {
      entitled,
      printed,
      issued: counts.issued,
      returned: counts.returned,
      counted: counts.counted,
      invalid: counts.invalid,
      uncounted: printed - read,
      mismatches,
    },
    participation: counts,
    matters: recordMatters,
    invalidBallots: invalidRows.map((row) => ({ serial: row.serial, reason: row.reason ?? '' })),
    corrections,
    signatures: signaturesOf(db, round.id).map((row) => ({ role: row.role, name: row.name, signedAt: row.signedAt, pngBase64: row.image.toString('base64') })),
    sealedAt,
  };
}

/** The sealed record, as stored (for the Word file and verification). */
export function sealedRecord(db: Db, roundId: number): { record: CountRecordDoc; digest: string; code: string; signedAt: string; signature: string; keyId: number } | null {
  const seal = db.select().from(paperSeals).where(eq(paperSeals.roundId, roundId)).get();
  if (!seal) return null;
  return {
    record: JSON.parse(seal.canonical) as CountRecordDoc,
    digest: seal.digest,
    code: verificationCode(seal.digest),
    signedAt: seal.signedAt,
    signature: seal.signature,
    keyId: seal.keyId,
  };
}

export function postResult(db: Db, input: ParsedInput<'paper:post'>, now: Date): PaperRound {
  const round = roundRow(db, input.roundId);
  if (round.status !== 'sealed') throw conflict('计票记录签字封存后才能公示结果。');
  db.update(paperRounds).set({ postedOn: input.postedOn, postedUntil: input.postedUntil }).where(eq(paperRounds.id, round.id)).run();
  appendAudit(db, {
    kind: 'paper.post',
    meetingId: round.meetingId,
    at: now.toISOString(),
    payload: { roundId: round.id, postedOn: input.postedOn, postedUntil: input.postedUntil },
  });
  return getRound(db, round.id);
}

/** The meeting's sealed written votes as the results notice and the minutes state them. */
export function writtenVoteResults(db: Db, meetingId: number): WrittenVoteResult[] {
  const rounds = db
    .select()
    .from(paperRounds)
    .where(and(eq(paperRounds.meetingId, meetingId), eq(paperRounds.status, 'sealed')))
    .orderBy(asc(paperRounds.id))
    .all();
  return rounds.flatMap((round) => {
    const sealed = sealedRecord(db, round.id);
    if (!sealed) return [];
    const { record } = sealed;
    return [
      {
        title: round.title,
        opensOn: round.opensOn,
        deadline: round.deadline,
        postedOn: round.postedOn,
        postedUntil: round.postedUntil,
        code: sealed.code,
        returned: record.participation.returned,
        entitled: record.participation.entitledHeadcount,
        matters: record.matters.map((matter) => ({
          title: matter.title,
          passed: matter.passed,
          for: matter.counts.for.headcount,
          against: matter.counts.against.headcount,
          abstain: matter.counts.abstain.headcount,
        })),
      },
    ];
  });
}
