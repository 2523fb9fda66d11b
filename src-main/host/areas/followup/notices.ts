/** Step 3 announcement and step 6 results notices: what they say, and when they went up on the board. */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { AnnouncementNotice, NoticePosting, ResultsNotice } from '../../../../shared/api/areas/followup';
import { localDate } from '../../../../shared/domain/followup/dates';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../../db/client';
import { meetings } from '../meetings/schema';
import { notices } from './schema';
import { HostError, notFound } from '../../core/errors';
import { getCouncilSettings } from '../attendance/service';
import { getCouncil } from '../councils/service';
import { getMeeting } from '../meetings/service';
import { loadResolutions } from './resolutions';
import { writtenVoteResults } from '../paper/service';

export const wishPath = (councilId: number) => `/wish?council=${councilId}`;

const toPosting = (row: typeof notices.$inferSelect): NoticePosting => ({
  id: row.id,
  kind: row.kind,
  meetingId: row.meetingId,
  postedOn: row.postedAt,
  recordedAt: row.createdAt,
});

export function announcementNotice(db: Db, meetingId: number, now: Date): AnnouncementNotice {
  const meeting = getMeeting(db, meetingId);
  const council = getCouncil(db, meeting.councilId);
  const postedOn = db.select({ postedOn: meetings.noticePostedAt }).from(meetings).where(eq(meetings.id, meetingId)).get()?.postedOn ?? null;
  const postings = db
    .select()
    .from(notices)
    .where(and(eq(notices.meetingId, meetingId), eq(notices.kind, 'announce')))
    .orderBy(desc(notices.id))
    .all()
    .map(toPosting);
  return {
    meetingId,
    councilId: council.id,
    councilName: council.name,
    community: council.community,
    address: council.address,
    title: `关于召开${meeting.title}的通知`,
    meetingTitle: meeting.title,
    date: meeting.date,
    startTime: meeting.startTime,
    place: meeting.place,
    chairName: meeting.chairName,
    status: meeting.status,
    agenda: meeting.agenda.map((item) => ({ id: item.id, title: item.title, text: item.text })),
    wishPath: wishPath(council.id),
    intakeOpen: getCouncilSettings(db, council.id).intakeOpen,
    issuedOn: localDate(now),
    postedOn,
    postings,
  };
}

/**
 * Records that the notice went up on the board on `postedOn`. The meeting counts as
 * announced from then on (meetings.notice_posted_at, read by the step machine); posting again
 * (a reprint after the agenda changed) adds a row and moves the date.
 */
export function postNotice(db: Db, input: { meetingId: number; postedOn: string }, now: Date): AnnouncementNotice {
  const meeting = getMeeting(db, input.meetingId);
  if (meeting.status === 'cancelled') throw new HostError('invalid_input', '会议已取消，不能再张贴通知。');
  if (meeting.agenda.length === 0) throw new HostError('invalid_input', '通知里还没有议题，请先把议题列入议程再张贴。');
  if (input.postedOn > localDate(now)) throw new HostError('invalid_input', '张贴日期不能晚于今天。');
  const at = now.toISOString();
  db.insert(notices).values({ councilId: meeting.councilId, meetingId: meeting.id, kind: 'announce', postedAt: input.postedOn, createdAt: at }).run();
  db.update(meetings).set({ noticePostedAt: input.postedOn }).where(eq(meetings.id, meeting.id)).run();
  appendAudit(db, {
    kind: 'notice.post',
    meetingId: meeting.id,
    at,
    payload: { notice: 'announce', postedOn: input.postedOn, agenda: meeting.agenda.map((item) => item.title) },
  });
  return announcementNotice(db, meeting.id, now);
}

export function resultsNotice(db: Db, councilId: number, meetingId: number | null, now: Date): ResultsNotice {
  const council = getCouncil(db, councilId);
  const meeting = meetingId === null ? null : getMeeting(db, meetingId);
  if (meeting && meeting.councilId !== councilId) throw notFound('会议');
  const today = localDate(now);
  const postings = db
    .select()
    .from(notices)
    .where(and(eq(notices.councilId, councilId), eq(notices.kind, 'results'), meetingId === null ? isNull(notices.meetingId) : eq(notices.meetingId, meetingId)))
    .orderBy(desc(notices.id))
    .all()
    .map(toPosting);
  return {
    councilId,
    councilName: council.name,
    meetingId,
    meetingTitle: meeting?.title ?? null,
    title: meeting ? `关于${meeting.title}决议及落实情况的公示` : '关于院落议事决议落实情况的公示',
    issuedOn: today,
    today,
    resolutions: loadResolutions(db, councilId, today, meetingId),
    postings,
    ...(meetingId === null ? {} : { writtenVotes: writtenVoteResults(db, meetingId) }),
  };
}

export function postResultsNotice(db: Db, input: { councilId: number; meetingId: number | null; postedOn: string }, now: Date): ResultsNotice {
  const notice = resultsNotice(db, input.councilId, input.meetingId, now);
  if (notice.resolutions.length === 0) throw new HostError('invalid_input', '还没有表决通过的决议，公示里没有内容。');
  if (input.postedOn > notice.today) throw new HostError('invalid_input', '张贴日期不能晚于今天。');
  const at = now.toISOString();
  db.insert(notices).values({ councilId: input.councilId, meetingId: input.meetingId, kind: 'results', postedAt: input.postedOn, createdAt: at }).run();
  appendAudit(db, {
    kind: 'notice.post',
    meetingId: input.meetingId,
    at,
    payload: {
      notice: 'results',
      councilId: input.councilId,
      postedOn: input.postedOn,
      resolutions: notice.resolutions.map((r) => ({ title: r.title, tasks: r.tasks.length, done: r.tasks.filter((t) => t.status === 'done').length })),
    },
  });
  return resultsNotice(db, input.councilId, input.meetingId, now);
}
