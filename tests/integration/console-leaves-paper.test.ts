/**
 * The chair moving through the meeting (the console, the speakers' list) never changes a written
 * vote's round: the change events of those calls do not make the projector ask for paper:get again
 * (shared/api/changes.ts), so this checks, on the real host, that its answer stays the same.
 */
import { describe, expect, it } from 'vitest';
import { concerns, type HostChange } from '../../shared/api/changes';
import { presets } from '../../shared/domain/voting/rules';
import { courtyard } from './paper-fixture';

describe('the console and a written vote', () => {
  it('every console and speaker call leaves the meeting’s paper round as it was, and its change event says so', async () => {
    const { host, people, meeting } = await courtyard(3);
    const meetingId = meeting.id;
    await host.ok('paper:open', {
      meetingId,
      title: '2026年第一次书面征求意见',
      opensOn: '2026-12-01',
      deadline: '2026-12-03',
      returnTo: '物业服务中心一楼固定票箱',
      secret: false,
      matters: [{ title: '续聘物业服务企业', rule: presets['owners-ordinary-matter'] }],
    });
    await host.ok('agenda:add', { meetingId, title: '楼道堆物清理', text: '' });
    const added = await host.ok('agenda:add', { meetingId, title: '电动车集中充电', text: '' });
    const second = added.agenda.at(-1)!.id;
    const changes: HostChange[] = [];
    host.subscribe((change) => changes.push(change));
    const round = await host.ok('paper:get', { meetingId });
    expect(round?.status).toBe('open');

    const steps: Array<[string, () => Promise<unknown>]> = [
      ['console:setCurrent', () => host.ok('console:setCurrent', { meetingId, agendaItemId: second })],
      ['console:setScreen', () => host.ok('console:setScreen', { meetingId, screen: 'break' })],
      ['console:setLimit', () => host.ok('console:setLimit', { meetingId, seconds: 120 })],
      ['speaker:add', () => host.ok('speaker:add', { meetingId, personId: people[0]!.id })],
      ['speaker:add', () => host.ok('speaker:add', { meetingId, personId: people[1]!.id })],
      ['speaker:next', () => host.ok('speaker:next', { meetingId })],
    ];
    for (const [channel, step] of steps) {
      await step();
      expect(await host.ok('paper:get', { meetingId }), channel).toEqual(round);
      expect(concerns(changes.at(-1)!, 'paper:get', { meetingId }), channel).toBe(false);
    }
    const state = await host.ok('console:get', { meetingId });
    const waiting = state.speakers.find((speaker) => speaker.status === 'waiting')!;
    const speaking = state.speakers.find((speaker) => speaker.status === 'speaking')!;
    const more: Array<[string, () => Promise<unknown>]> = [
      ['speaker:note', () => host.ok('speaker:note', { speakerId: speaking.id, view: 'for', note: '同意' })],
      ['speaker:move', () => host.ok('speaker:move', { speakerId: waiting.id, direction: 'up' })],
      ['speaker:stop', () => host.ok('speaker:stop', { meetingId })],
      ['speaker:remove', () => host.ok('speaker:remove', { speakerId: waiting.id })],
    ];
    for (const [channel, step] of more) {
      await step();
      expect(await host.ok('paper:get', { meetingId }), channel).toEqual(round);
      expect(concerns(changes.at(-1)!, 'paper:get', { meetingId }), channel).toBe(false);
    }
    expect(changes.map((change) => change.channel)).toEqual([...steps, ...more].map(([channel]) => channel));
    host.close();
  });
});
