/**
 * The wording of the two public notices, written once and laid out twice: as Word by the host
 * and as the print view by the browser, so what is printed and what is filed say the same.
 */
import { chineseDate, chineseTime, chineseWeekday } from './dates';
import { percent, type RatingSummary } from './ratings';
import { taskStatusLabels, type TaskStatus } from './tasks';

const digits = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 40 → 四十: heading numbers of Chinese notices. */
export function chineseOrdinal(n: number): string {
  if (n <= 10) return digits[n - 1]!;
  if (n < 20) return `十${digits[n - 11]!}`;
  const ones = n % 10;
  return `${digits[Math.floor(n / 10) - 1]!}十${ones ? digits[ones - 1]! : ''}`;
}

export interface NoticeSection {
  heading: string;
  paragraphs: string[];
  /** Where the QR code to the residents' page goes. */
  qr?: boolean;
  /** A table of tasks: header row first. */
  table?: string[][];
}

export interface NoticeText {
  title: string;
  salutation: string;
  opening: string;
  sections: NoticeSection[];
  closing: string;
  signature: string[];
}

export interface AnnouncementFacts {
  title: string;
  councilName: string;
  meetingTitle: string;
  date: string;
  startTime: string;
  place: string;
  agenda: ReadonlyArray<{ title: string; text: string }>;
  intakeOpen: boolean;
  issuedOn: string;
}

/** A matter's description on the notice board: its first 80 characters; the full text is read at the meeting. */
export function brief(text: string, limit = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return Array.from(flat).length > limit ? `${Array.from(flat).slice(0, limit).join('')}…` : flat;
}

export function meetingWhen(date: string, startTime: string): string {
  return `${chineseDate(date)}（${chineseWeekday(date)}）${chineseTime(startTime)}`;
}

export function announcementText(facts: AnnouncementFacts): NoticeText {
  const place = facts.place || '另行通知';
  const how = facts.intakeOpen
    ? '对上述议题或院落其他事务有意见和建议的，请用手机扫描下方二维码填写，也可以告诉楼栋长、议事会成员，或到会当面发言。'
    : '对上述议题或院落其他事务有意见和建议的，可以告诉楼栋长、议事会成员，或到会当面发言；议事会征集议题期间，也可以用手机扫描下方二维码填写。';
  return {
    title: facts.title,
    salutation: '各位居民朋友：',
    opening: `为共商院落事务，${facts.councilName}定于${meetingWhen(facts.date, facts.startTime)}在${place}召开${facts.meetingTitle}，欢迎各位居民（户代表）准时参加。现将有关事项通知如下：`,
    sections: [
      { heading: '一、会议时间', paragraphs: [meetingWhen(facts.date, facts.startTime)] },
      { heading: '二、会议地点', paragraphs: [place] },
      {
        heading: '三、会议议题',
        paragraphs: facts.agenda.length
          ? facts.agenda.map((item, index) => `${index + 1}. ${item.title}${item.text && item.text !== item.title ? `：${brief(item.text)}` : ''}`)
          : ['议题另行公布。'],
      },
      { heading: '四、意见和建议', paragraphs: [how], qr: true },
    ],
    closing: '特此通知。',
    signature: [facts.councilName, chineseDate(facts.issuedOn)],
  };
}

export interface ResultsFacts {
  title: string;
  councilName: string;
  meetingTitle: string | null;
  issuedOn: string;
  resolutions: ReadonlyArray<{
    title: string;
    text: string;
    meetingTitle: string;
    meetingDate: string;
    provisional: boolean;
    votesFor: number;
    votesAgainst: number;
    votesAbstain: number;
    ratings: RatingSummary;
    tasks: ReadonlyArray<{
      title: string;
      ownerName: string;
      deadline: string | null;
      status: TaskStatus;
      doneOn: string | null;
      overdue: boolean;
      daysOverdue: number;
      reportedMeetingTitle: string | null;
      notes: ReadonlyArray<{ text: string; at: string }>;
    }>;
  }>;
  /** The meeting's written votes (书面表决) whose count record is sealed: each matter's result and the 公示 dates. */
  writtenVotes?: ReadonlyArray<WrittenVoteResult>;
}

/** A sealed written vote as the results notice states it. */
export interface WrittenVoteResult {
  title: string;
  opensOn: string;
  deadline: string;
  postedOn: string | null;
  postedUntil: string | null;
  /** The count record's verification code (核验码). */
  code: string;
  returned: number;
  entitled: number;
  matters: ReadonlyArray<{ title: string; passed: boolean; for: number; against: number; abstain: number }>;
}

function writtenVoteSection(vote: WrittenVoteResult, index: number): NoticeText['sections'][number] {
  return {
    heading: `${chineseOrdinal(index)}、书面表决“${vote.title}”的结果`,
    paragraphs: [
      `${chineseDate(vote.opensOn)}至${chineseDate(vote.deadline)}书面征求意见，应参与表决 ${vote.entitled} 户（人），交回表决票 ${vote.returned} 张。计票记录经计票人、监票人签字封存，核验码 ${vote.code}。`,
      ...vote.matters.map(
        (matter, position) =>
          `第${chineseOrdinal(position + 1)}项“${matter.title}”：同意 ${matter.for} 票，反对 ${matter.against} 票，弃权 ${matter.abstain} 票，${matter.passed ? '通过' : '未通过'}。`,
      ),
      ...(vote.postedOn && vote.postedUntil ? [`公示期：${chineseDate(vote.postedOn)}至${chineseDate(vote.postedUntil)}。`] : []),
    ],
  };
}

/** The task's progress in one cell: status, the latest note, lateness, report-back. */
export function taskProgress(task: ResultsFacts['resolutions'][number]['tasks'][number]): string {
  const parts: string[] = [task.status === 'done' && task.doneOn ? `已完成（${chineseDate(task.doneOn)}）` : taskStatusLabels[task.status]];
  if (task.overdue) parts.push(`已逾期 ${task.daysOverdue} 天`);
  // Status changes are noted automatically; the last note a person wrote says more.
  const written = [...task.notes].reverse().find((note) => !note.text.startsWith('状态：'));
  if (written) parts.push(written.text);
  if (task.reportedMeetingTitle) parts.push(`已在“${task.reportedMeetingTitle}”上反馈`);
  return parts.join('；');
}

export function ratingLine(ratings: RatingSummary): string {
  if (ratings.total === 0) return '居民评价：尚未开展。';
  return `居民评价：满意 ${ratings.satisfied} 户，基本满意 ${ratings.basically} 户，不满意 ${ratings.unsatisfied} 户，满意率 ${percent(ratings.satisfactionRate)}。`;
}

export function resultsText(facts: ResultsFacts): NoticeText {
  const scope = facts.meetingTitle ? `“${facts.meetingTitle}”` : '院落议事会';
  const text: NoticeText = {
    title: facts.title,
    salutation: '各位居民朋友：',
    opening: facts.resolutions.length
      ? `现将${scope}表决通过的决议及落实情况公示如下，请大家监督。`
      : `${scope}目前没有表决通过的决议。`,
    sections: facts.resolutions.map((resolution, index) => ({
      heading: `${chineseOrdinal(index + 1)}、${resolution.title}`,
      paragraphs: [
        `${chineseDate(resolution.meetingDate)}“${resolution.meetingTitle}”表决通过${resolution.provisional ? '（结果待确认）' : ''}：同意 ${resolution.votesFor} 票，反对 ${resolution.votesAgainst} 票，弃权 ${resolution.votesAbstain} 票。`,
        ...(resolution.text && resolution.text !== resolution.title ? [resolution.text] : []),
        ...(resolution.tasks.length ? [] : ['落实任务正在安排中。']),
        ratingLine(resolution.ratings),
      ],
      ...(resolution.tasks.length
        ? {
            table: [
              ['任务', '负责人', '完成时限', '进展情况'],
              ...resolution.tasks.map((task) => [task.title, task.ownerName, task.deadline ? chineseDate(task.deadline) : '—', taskProgress(task)]),
            ],
          }
        : {}),
    })),
    closing: '公示期间如有意见和建议，请向院落议事会反映。',
    signature: [facts.councilName, chineseDate(facts.issuedOn)],
  };
  const written = facts.writtenVotes ?? [];
  if (!written.length) return text;
  return {
    ...text,
    opening: facts.resolutions.length ? text.opening : `现将${scope}书面表决的结果公示如下，请大家监督。`,
    sections: [...text.sections, ...written.map((vote, index) => writtenVoteSection(vote, text.sections.length + index + 1))],
  };
}
