/**
 * A screen on the LAN (a smart TV's browser) shows the projector through a join code for the
 * "only look" role (viewer): the participant app shows that role the projector page and nothing
 * around it. This pins the role to what that page reads: the calls in projector-view.tsx and in the
 * written vote's 唱票 it draws (paper-tally.tsx), for its own meeting, and nothing else, so a call
 * opened to viewers for another page shows up here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channels, contract } from '../../shared/api/contract';
import type { LanOpening } from '../../shared/api/areas/lan';
import type { MeetingSummary } from '../../shared/api/areas/meetings';
import type { Council } from '../../shared/api/areas/councils';
import type { PaperRound } from '../../shared/api/areas/paper';
import { presets } from '../../shared/domain/voting/rules';
import { publicChannels, roleChannels } from '../../src-main/host/core/policy';
import { httpCall, startAccessServer } from './access-fixture';

const rendererRoot = join(import.meta.dirname, '../../src-renderer');

/** The contract calls a page's source makes (useQuery('…') and call('…')). */
function callsIn(relativePath: string): string[] {
  const source = readFileSync(join(rendererRoot, relativePath), 'utf8');
  return [...new Set([...source.matchAll(/\b(?:useQuery|call)\(\s*'([a-z]+:[A-Za-z]+)'/g)].map((match) => match[1]!))].sort();
}

// The projector page, with its join screen (the room's code, shown on the wall on the chair's word)
// and a written vote's 唱票 and participation (drawn by paper-tally.tsx inside it).
const projectorCalls = [
  ...new Set([...callsIn('features/console/projector-view.tsx'), ...callsIn('features/paper/paper-tally.tsx'), 'access:roomCode']),
].sort();

describe('the projector-only join code (the viewer role)', () => {
  it('is shown the projector page alone', () => {
    const app = readFileSync(join(rendererRoot, 'features/lan/participant-app.tsx'), 'utf8');
    const viewerBranch = app.slice(app.indexOf("if (who.role === 'viewer')"), app.indexOf('return (', app.indexOf("if (who.role === 'viewer')") + 40));
    // The projector, under nothing but the notice that the host cannot be reached.
    expect(viewerBranch).toContain('<ProjectorView meetingId={who.meetingId} />');
    expect(viewerBranch).not.toMatch(/<(CheckInPage|MinutesPage|EditorPage)/);
    // The participant app's own check is public: the role needs nothing more for it.
    expect(callsIn('features/lan/participant-app.tsx').every((channel) => publicChannels.has(channel as never))).toBe(true);
  });

  it('may make the calls the projector page makes, all of them reads, and nothing else but one read of the same votes', () => {
    expect(projectorCalls).toEqual([
      'access:roomCode',
      'attendance:summary',
      'console:get',
      'council:list',
      'meeting:get',
      'paper:get',
      'paper:participation',
      'paper:tally',
      'vote:list',
    ]);
    expect(callsIn('features/lan/room-code-panel.tsx')).toContain('access:roomCode');
    const viewer = [...roleChannels.viewer].sort();
    expect(viewer.filter((channel) => !projectorCalls.includes(channel))).toEqual(['vote:get']);
    for (const channel of viewer) expect(contract[channel].kind, channel).toBe('query');
  });

  it('through the host: a screen joined with the code reads the projector of its meeting, and is refused everything else', async () => {
    const server = await startAccessServer();
    const [council] = await server.chair<Council[]>('council:list', {});
    const meetings = await server.chair<MeetingSummary[]>('meeting:list', { councilId: council!.id });
    const meetingId = meetings.find((meeting) => meeting.status === 'planned')!.id;
    const otherMeetingId = meetings.find((meeting) => meeting.id !== meetingId)!.id;
    // A written vote in the meeting, for the wall's 唱票 and participation.
    const today = new Date().toISOString().slice(0, 10);
    const round = await server.chair<PaperRound>('paper:open', {
      meetingId,
      title: '书面征求意见',
      opensOn: today,
      deadline: today,
      returnTo: '物业服务中心',
      secret: false,
      matters: [{ title: '增设充电桩', rule: presets['owners-ordinary-matter'] }],
    });
    const opening = await server.chair<LanOpening>('access:openLan', { meetingId, role: 'viewer' });
    const { cookie } = await server.join(opening.code, '会议室电视');

    for (const channel of projectorCalls) {
      const reply = await httpCall(server.port, channel, channel.startsWith('paper:') && channel !== 'paper:get' ? { roundId: round.id } : { meetingId }, { cookie });
      expect(reply.body, channel).toMatchObject({ ok: true });
    }
    expect((await httpCall(server.port, 'console:get', { meetingId: otherMeetingId }, { cookie })).body).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const before = server.dump();
    const answered: string[] = [];
    for (const channel of channels) {
      if (roleChannels.viewer.has(channel) || publicChannels.has(channel)) continue;
      const reply = await httpCall(server.port, channel, { meetingId, councilId: council!.id }, { cookie });
      if (reply.body.ok || reply.body.error.code !== 'forbidden') answered.push(`${channel}: ${reply.status}`);
    }
    expect(answered).toEqual([]);
    expect(server.dump()).toBe(before);
  });
});
