import { describe, expect, it } from 'vitest';
import type { ConsoleState } from '../../shared/api/areas/console';
import { seedDemo } from '../../src-main/host/demo/seed';
import { createHost } from '../../src-main/host/core/host';
import { tempHost } from './temp-host';

async function demoConsole() {
  const base = tempHost();
  seedDemo(base.database, new Date('2026-11-22T12:00:00Z'));
  base.close();
  const host = createHost({ databasePath: base.databasePath, host: 'browser' });
  const [council] = ((await host.invoke('council:list', {})) as { ok: true; value: Array<{ id: number }> }).value;
  const meeting = ((await host.invoke('meeting:list', { councilId: council!.id })) as { ok: true; value: Array<{ id: number; status: string }> }).value.find(
    (m) => m.status === 'planned',
  )!;
  const people = ((await host.invoke('person:list', { councilId: council!.id })) as { ok: true; value: Array<{ id: number; name: string }> }).value;
  const person = (name: string) => people.find((p) => p.name === name)!.id;
  const ok = async (channel: string, input: unknown) => {
    const result = await host.invoke(channel, input);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as ConsoleState;
  };
  return { host, meetingId: meeting.id, person, ok };
}

describe('the chair’s console', () => {
  it('starts on the first matter; queues speakers, reorders, gives the floor in turn and records views', async () => {
    const { host, meetingId, person, ok } = await demoConsole();
    let state = await ok('console:get', { meetingId });
    expect(state).toMatchObject({ screen: 'meeting', speakingLimitSeconds: 180, speakers: [] });
    expect(state.currentAgendaItemId).not.toBeNull();

    for (const name of ['何兆品', '张桂兰', '刘德华']) state = await ok('speaker:add', { meetingId, personId: person(name) });
    expect(state.speakers.map((s) => s.name)).toEqual(['何兆品', '张桂兰', '刘德华']);
    const twice = await host.invoke('speaker:add', { meetingId, personId: person('何兆品') });
    expect(twice).toMatchObject({ ok: false, error: { code: 'conflict' } });

    state = await ok('speaker:move', { speakerId: state.speakers[2]!.id, direction: 'up' });
    expect(state.speakers.map((s) => s.name)).toEqual(['何兆品', '刘德华', '张桂兰']);

    state = await ok('speaker:next', { meetingId });
    expect(state.speakers[0]).toMatchObject({ name: '何兆品', status: 'speaking' });
    expect(state.speakers[0]!.startedAt).not.toBeNull();
    state = await ok('speaker:note', { speakerId: state.speakers[0]!.id, view: 'for', note: '支持建充电棚' });
    state = await ok('speaker:next', { meetingId });
    expect(state.speakers.map((s) => s.status)).toEqual(['done', 'speaking', 'waiting']);
    expect(state.speakers[0]).toMatchObject({ view: 'for', note: '支持建充电棚' });
    expect(await host.invoke('speaker:remove', { speakerId: state.speakers[0]!.id })).toMatchObject({ ok: false });
    state = await ok('speaker:remove', { speakerId: state.speakers[2]!.id });
    state = await ok('speaker:stop', { meetingId });
    expect(state.speakers.map((s) => s.status)).toEqual(['done', 'done']);
    host.close();
  });

  it('blanks the projector, sets the limit, and moves to another matter with its own queue', async () => {
    const { host, meetingId, person, ok } = await demoConsole();
    const meeting = (await host.invoke('meeting:get', { meetingId })) as { ok: true; value: { agenda: Array<{ id: number }> } };
    await ok('speaker:add', { meetingId, personId: person('何兆品') });
    let state = await ok('console:setScreen', { meetingId, screen: 'blank' });
    expect(state.screen).toBe('blank');
    state = await ok('console:setLimit', { meetingId, seconds: 120 });
    expect(state.speakingLimitSeconds).toBe(120);
    expect(await host.invoke('console:setLimit', { meetingId, seconds: 5 })).toMatchObject({ ok: false, error: { message: '发言时限至少 30 秒' } });
    state = await ok('console:setCurrent', { meetingId, agendaItemId: meeting.value.agenda[1]!.id });
    expect(state).toMatchObject({ currentAgendaItemId: meeting.value.agenda[1]!.id, speakers: [] });
    host.close();
  });
});

describe('a vote and the console', () => {
  it('opening a vote on a matter makes it the matter on, and stops the speaker', async () => {
    const { host, meetingId, person, ok } = await demoConsole();
    const meeting = (await host.invoke('meeting:get', { meetingId })) as { ok: true; value: { agenda: Array<{ id: number; title: string }> } };
    await ok('speaker:add', { meetingId, personId: person('何兆品') });
    await ok('speaker:next', { meetingId });
    const second = meeting.value.agenda[1]!;
    const { presets } = await import('../../shared/domain/voting/rules');
    const opened = await host.invoke('vote:open', { meetingId, agendaItemId: second.id, title: second.title, mode: 'hands', rule: presets['residents-meeting'] });
    expect(opened.ok).toBe(true);
    const state = await ok('console:get', { meetingId });
    expect(state.currentAgendaItemId).toBe(second.id);
    const back = await ok('console:setCurrent', { meetingId, agendaItemId: meeting.value.agenda[0]!.id });
    expect(back.speakers.map((s) => [s.name, s.status])).toEqual([['何兆品', 'done']]);
    host.close();
  });

  it('reading the console stores nothing; with no matter on (removed, or none yet), the first matter is on and takes speakers', async () => {
    const { host, meetingId, person, ok } = await demoConsole();
    const consoleRows = () => (host.database.sqlite.prepare('SELECT * FROM meeting_consoles WHERE meeting_id = ?').all(meetingId) as Array<{ current_agenda_item_id: number | null }>);
    const agenda = async (id: number) => ((await host.invoke('meeting:get', { meetingId: id })) as { ok: true; value: { agenda: Array<{ id: number }> } }).value.agenda;
    const [first, second] = await agenda(meetingId);
    expect((await ok('console:get', { meetingId })).currentAgendaItemId).toBe(first!.id);
    expect(consoleRows()).toEqual([]);

    // The chair moves to the second matter, which is then taken off the agenda: the first is on again.
    await ok('console:setCurrent', { meetingId, agendaItemId: second!.id });
    await host.invoke('agenda:remove', { agendaItemId: second!.id });
    expect(consoleRows()).toMatchObject([{ current_agenda_item_id: null }]);
    expect((await ok('console:get', { meetingId })).currentAgendaItemId).toBe(first!.id);
    const state = await ok('speaker:add', { meetingId, personId: person('何兆品') });
    expect(state.speakers.map((s) => [s.name, s.agendaItemId])).toEqual([['何兆品', first!.id]]);
    expect(consoleRows()).toMatchObject([{ current_agenda_item_id: first!.id }]);

    // A meeting whose console was written before it had an agenda: its first matter, once added.
    const council = ((await host.invoke('council:list', {})) as { ok: true; value: Array<{ id: number }> }).value[0]!;
    const created = (await host.invoke('meeting:create', { councilId: council.id, title: '临时会议', date: '2026-12-20', startTime: '19:00', place: '活动室' })) as { ok: true; value: { id: number } };
    const empty = created.value.id;
    expect((await ok('console:setScreen', { meetingId: empty, screen: 'break' })).currentAgendaItemId).toBeNull();
    await host.invoke('agenda:add', { meetingId: empty, title: '楼道堆物清理' });
    const added = (await agenda(empty))[0]!;
    expect((await ok('console:get', { meetingId: empty })).currentAgendaItemId).toBe(added.id);
    expect((await ok('speaker:add', { meetingId: empty, personId: person('张桂兰') })).speakers).toHaveLength(1);
    host.close();
  });
});
