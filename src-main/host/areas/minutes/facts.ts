/**
 * The parts of the minutes laid out from the meeting's own data, in words ready to show: the
 * header (time, place, chair, secretary), attendance (entitled, present, absent, attending, proxies),
 * the agenda with each matter's step, and per matter the views heard and every vote with its
 * rule, counts and outcome. `gatherMeetingData` reads the database; `factsSections` only words it.
 */
import { and, asc, eq, ne } from 'drizzle-orm';
import type { AgendaItem, Meeting } from '../../../../shared/api/areas/meetings';
import type { BallotChoice, VoteMode, VoteState } from '../../../../shared/api/areas/voting';
import type { FactsBlock, FactsSection } from '../../../../shared/collab/doc-shape';
import { formatCentiArea } from '../../../../shared/domain/roster/floor-area';
import { chineseDate } from '../../../../shared/domain/followup/dates';
import { councilStepNames } from '../../../../shared/domain/process/step-names';
import { voterUnitWord } from '../../../../shared/domain/voting/explain';
import type { Db } from '../../db/client';
import { getCouncil } from '../councils/service';
import { getMeeting } from '../meetings/service';
import { listVotes } from '../voting/votes';
import { attendance } from '../attendance/schema';
import { proxiesInForce } from '../attendance/proxy-list';
import { speakers } from '../console/schema';
import { councilSettings } from '../councils/schema';
import { agendaItems } from '../meetings/schema';
import { households, people } from '../roster/schema';

export interface MeetingData {
  meeting: Meeting;
  stepNames: string[];
  /** Council members, in roster order: who was entitled. */
  members: string[];
  attendees: Array<{ name: string; household: string | null; observer: boolean; member: boolean }>;
  proxies: Array<{ grantor: string; household: string | null; holder: string }>;
  speakers: Array<{ agendaItemId: number; name: string; household: string | null; view: 'for' | 'against' | 'suggestion' | null; note: string }>;
  votes: VoteState[];
}

export function gatherMeetingData(db: Db, meetingId: number): MeetingData {
  const meeting = getMeeting(db, meetingId);
  const council = getCouncil(db, meeting.councilId);
  const override = db
    .select({ stepNames: councilSettings.stepNames })
    .from(councilSettings)
    .where(eq(councilSettings.councilId, meeting.councilId))
    .get()?.stepNames;
  const members = db
    .select({ name: people.name, roles: people.roles })
    .from(people)
    .where(eq(people.councilId, meeting.councilId))
    .orderBy(asc(people.id))
    .all()
    .filter((person) => person.roles.includes('member'))
    .map((person) => person.name);
  const attendees = db
    .select({ name: people.name, household: households.code, roles: people.roles, observer: attendance.observer })
    .from(attendance)
    .innerJoin(people, eq(people.id, attendance.personId))
    .leftJoin(households, eq(households.id, people.householdId))
    .where(eq(attendance.meetingId, meetingId))
    .orderBy(asc(attendance.arrivedAt), asc(attendance.id))
    .all()
    .map((row) => ({ name: row.name, household: row.household, observer: row.observer, member: row.roles.includes('member') }));
  const proxyRows = proxiesInForce(db, meetingId);
  const speakerRows = db
    .select({ agendaItemId: speakers.agendaItemId, name: people.name, household: households.code, view: speakers.view, note: speakers.note })
    .from(speakers)
    .innerJoin(agendaItems, eq(agendaItems.id, speakers.agendaItemId))
    .innerJoin(people, eq(people.id, speakers.personId))
    .leftJoin(households, eq(households.id, people.householdId))
    .where(and(eq(agendaItems.meetingId, meetingId), ne(speakers.status, 'waiting')))
    .orderBy(asc(speakers.agendaItemId), asc(speakers.position), asc(speakers.id))
    .all();
  return {
    meeting,
    stepNames: councilStepNames(council.processTemplate, override ?? null),
    members,
    attendees,
    proxies: proxyRows,
    speakers: speakerRows,
    votes: listVotes(db, meetingId),
  };
}

const chineseDigits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1 → 一, 12 → 十二, 23 → 二十三 (agenda numbers:议题一, 议题十二). */
export function chineseOrdinal(n: number): string {
  if (n < 10) return chineseDigits[n]!;
  if (n < 20) return `十${n % 10 ? chineseDigits[n % 10]! : ''}`;
  if (n < 100) return `${chineseDigits[Math.floor(n / 10)]!}十${n % 10 ? chineseDigits[n % 10]! : ''}`;
  return String(n);
}

export const matterSection = (item: Pick<AgendaItem, 'id'>): FactsSection => `matter:${item.id}`;
export const matterHeading = (item: Pick<AgendaItem, 'title'>, index: number): string => `议题${chineseOrdinal(index + 1)}：${item.title}`;

const names = (list: string[]): string => (list.length ? list.join('、') : '无');
const modeWord: Record<VoteMode, string> = { hands: '举手表决', roll_call: '记名表决', secret: '无记名投票', paper: '书面表决' };
const viewWord = { for: '赞成', against: '反对', suggestion: '建议' } as const;
const choiceWord: Record<BallotChoice, string> = { for: '同意', against: '反对', abstain: '弃权', blank: '空白票' };

function usesArea(vote: VoteState): boolean {
  return vote.rule.voterBasis === 'owners' && (vote.rule.threshold.measure === 'headcount-and-area' || vote.rule.quorum?.measure === 'headcount-and-area');
}

function voteBlock(vote: VoteState): FactsBlock {
  const unit = voterUnitWord(vote.voterBasis);
  const area = usesArea(vote);
  const count = (choice: BallotChoice): string => {
    const totals = vote.outcome ? vote.outcome.counts[choice] : vote.totals[choice];
    const text = `${totals.headcount} ${unit}`;
    return area && totals.areaCenti !== null && vote.mode !== 'hands' ? `${text}（面积 ${formatCentiArea(totals.areaCenti, { grouping: true })}㎡）` : text;
  };
  const pairs: Array<[string, string]> = [
    ['表决方式', modeWord[vote.mode]],
    ['适用规则', `${vote.rule.name}${vote.rule.legalBasis ? `（${vote.rule.legalBasis}）` : ''}`],
    ['应到 / 到会', `${vote.entitled} ${unit} / ${vote.present} ${unit}`],
  ];
  for (const choice of ['for', 'against', 'abstain'] as const) pairs.push([choiceWord[choice], count(choice)]);
  if ((vote.outcome?.counts.blank.headcount ?? vote.totals.blank.headcount) > 0) pairs.push([choiceWord.blank, count('blank')]);
  let result: string;
  if (vote.status === 'open') result = '表决进行中';
  else if (vote.outcome) result = vote.outcome.passed ? '通过' : '未通过';
  else result = '尚无结果';
  pairs.push(['表决结果', result]);
  const notes: string[] = [];
  if (vote.correctionReason) notes.push(`本次为重新表决，原因：${vote.correctionReason}`);
  if (vote.outcome) notes.push(vote.outcome.explanation);
  else if (vote.outcomeProblem) notes.push(vote.outcomeProblem);
  if (vote.status === 'closed') notes.push('表决已结束，结果尚未锁定。');
  return { caption: `表决：${vote.title}`, pairs, notes };
}

export interface FactsLayout {
  title: string;
  sections: Array<{ section: FactsSection; heading: string; block: FactsBlock }>;
  matters: Array<{ section: FactsSection; heading: string; block: FactsBlock }>;
}

/** The words of every generated block. Pure: the same data gives the same JSON, so a refresh without changes changes nothing. */
export function factsSections(data: MeetingData): FactsLayout {
  const { meeting } = data;
  const header: FactsBlock = {
    pairs: [
      ['时间', `${chineseDate(meeting.date)} ${meeting.startTime}`],
      ['地点', meeting.place || '未填写'],
      ['主持人', meeting.chairName ?? '未指定'],
      ['记录人', meeting.secretaryName ?? '未指定'],
    ],
  };

  const presentNames = new Set(data.attendees.filter((entry) => entry.member && !entry.observer).map((entry) => entry.name));
  const present = data.members.filter((name) => presentNames.has(name));
  const absent = data.members.filter((name) => !presentNames.has(name));
  const attending = data.attendees.filter((entry) => entry.observer || !entry.member).map((entry) => entry.name);
  const attendancePairs: Array<[string, string]> = [
    ['应到', `${data.members.length} 人：${names(data.members)}`],
    ['实到', `${present.length} 人：${names(present)}`],
    ['缺席', `${absent.length} 人：${names(absent)}`],
    ['列席', `${attending.length} 人：${names(attending)}`],
  ];
  if (data.proxies.length) {
    attendancePairs.push([
      '委托',
      data.proxies.map((proxy) => `${proxy.grantor}${proxy.household ? `（${proxy.household}）` : ''}委托${proxy.holder}`).join('；'),
    ]);
  }

  const stepName = (index: number): string => data.stepNames[index] ?? `第 ${index + 1} 步`;
  const agenda: FactsBlock = {
    table: {
      columns: ['序号', '议题', '当前步骤'],
      rows: meeting.agenda.map((item, index) => [String(index + 1), item.title, `${item.stepIndex + 1}. ${stepName(item.stepIndex)}`]),
    },
  };
  if (!meeting.agenda.length) agenda.notes = ['本次会议没有议题。'];

  const replaced = new Set(data.votes.map((vote) => vote.replacesVoteId).filter((id): id is number => id !== null));
  const matters = meeting.agenda.map((item, index) => {
    const parts: FactsBlock[] = [];
    if (item.text.trim()) parts.push({ caption: '议题内容', notes: [item.text.trim()] });
    if (item.amendedText) parts.push({ caption: '会上修改后的议案', notes: [item.amendedText] });
    const heard = data.speakers.filter((speaker) => speaker.agendaItemId === item.id);
    if (heard.length) {
      parts.push({
        caption: '发言',
        table: {
          columns: ['发言人', '户号', '意见', '要点'],
          rows: heard.map((speaker) => [speaker.name, speaker.household ?? '', speaker.view ? viewWord[speaker.view] : '', speaker.note]),
        },
      });
    }
    const votes = data.votes.filter((vote) => vote.agendaItemId === item.id && !replaced.has(vote.id));
    for (const vote of votes) parts.push(voteBlock(vote));
    if (!votes.length) parts.push({ caption: '表决', notes: ['本议题没有表决。'] });
    return { section: matterSection(item), heading: matterHeading(item, index), block: { pairs: [['当前步骤', `${item.stepIndex + 1}. ${stepName(item.stepIndex)}`]], parts } as FactsBlock };
  });

  // Votes on no particular matter (e.g. a procedural vote) still belong in the minutes.
  const loose = data.votes.filter((vote) => vote.agendaItemId === null && !replaced.has(vote.id));
  const sections: FactsLayout['sections'] = [
    { section: 'header', heading: '', block: header },
    { section: 'attendance', heading: '出席情况', block: { pairs: attendancePairs } },
    { section: 'agenda', heading: '会议议程', block: loose.length ? { ...agenda, parts: loose.map(voteBlock) } : agenda },
  ];
  return { title: `${meeting.title}会议记录`, sections, matters };
}
