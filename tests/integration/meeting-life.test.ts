import { describe, expect, it } from 'vitest';
import { presets } from '../../shared/domain/voting/rules';
import { tempHost } from './temp-host';

/** A council with one member and a meeting with one matter, as the chair prepares the evening. */
async function preparedMeeting() {
  const host = tempHost();
  const council = await host.ok('council:create', { name: '平安小区院落议事会' });
  await host.ok('person:create', { councilId: council.id, name: '王建国', roles: ['chair'] });
  const meeting = await host.ok('meeting:create', { councilId: council.id, title: '院落议事会（12 月）', date: '2026-12-05', startTime: '19:00' });
  return { host, meeting };
}

const viewer = { kind: 'participant', participantId: 1, meetingId: 1, role: 'viewer', name: '赵大妈' } as const;
const editor = { ...viewer, role: 'editor' } as const;

describe('the meeting’s life: 筹备中 → 进行中 → 已结束', () => {
  it('the chair starts and ends the meeting; each move is kept in the audit log', async () => {
    const { host, meeting } = await preparedMeeting();
    expect(meeting.status).toBe('planned');
    const started = await host.ok('meeting:start', { meetingId: meeting.id });
    expect(started.status).toBe('in_progress');
    const ended = await host.ok('meeting:end', { meetingId: meeting.id });
    expect(ended.status).toBe('closed');
    expect((await host.ok('meeting:get', { meetingId: meeting.id })).status).toBe('closed');
    const kinds = host.database.sqlite.prepare("SELECT kind FROM audit_log WHERE kind LIKE 'meeting.%' ORDER BY seq").pluck().all();
    expect(kinds).toEqual(['meeting.start', 'meeting.end']);
  });

  it('refuses a move out of order, in Chinese, and changes nothing', async () => {
    const { host, meeting } = await preparedMeeting();
    const early = await host.invoke('meeting:end', { meetingId: meeting.id });
    expect(early).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!early.ok) expect(early.error.message).toContain('还没有开始');
    expect((await host.ok('meeting:get', { meetingId: meeting.id })).status).toBe('planned');

    await host.ok('meeting:start', { meetingId: meeting.id });
    const twice = await host.invoke('meeting:start', { meetingId: meeting.id });
    expect(twice).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!twice.ok) expect(twice.error.message).toContain('已经开始');

    await host.ok('meeting:end', { meetingId: meeting.id });
    const again = await host.invoke('meeting:start', { meetingId: meeting.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!again.ok) expect(again.error.message).toContain('已结束');
    expect((await host.ok('meeting:get', { meetingId: meeting.id })).status).toBe('closed');
    expect(await host.invoke('meeting:start', { meetingId: meeting.id + 99 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('does not end while a vote is still open: its result would have no close', async () => {
    const { host, meeting } = await preparedMeeting();
    await host.ok('meeting:start', { meetingId: meeting.id });
    await host.ok('vote:open', { meetingId: meeting.id, agendaItemId: null, title: '临时动议', mode: 'hands', rule: presets['council-majority'] });
    const ended = await host.invoke('meeting:end', { meetingId: meeting.id });
    expect(ended).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!ended.ok) expect(ended.error.message).toContain('临时动议');
    // Nor by setting 已结束 in the meeting's form.
    const { id: meetingId, title, date, startTime, place, chairId, secretaryId } = meeting;
    const byForm = await host.invoke('meeting:update', { meetingId, title, date, startTime, place, chairId, secretaryId, status: 'closed' });
    expect(byForm).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await host.ok('meeting:get', { meetingId: meeting.id })).status).toBe('in_progress');
  });

  it('only the chair starts or ends a meeting: a viewer or an editor on the LAN is refused', async () => {
    const { host, meeting } = await preparedMeeting();
    for (const caller of [viewer, editor]) {
      expect(await host.invoke('meeting:start', { meetingId: meeting.id }, caller)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    await host.ok('meeting:start', { meetingId: meeting.id });
    expect(await host.invoke('meeting:end', { meetingId: meeting.id }, viewer)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await host.ok('meeting:get', { meetingId: meeting.id })).status).toBe('in_progress');
  });
});
