import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../src-main/host/demo/seed';
import { tempHost } from './temp-host';

async function demoVote(mode: 'roll_call' | 'hands' = 'roll_call') {
  const host = tempHost();
  seedDemo(host.database, new Date('2026-11-22T12:00:00Z'));
  const [council] = await host.ok('council:list', {});
  const meeting = (await host.ok('meeting:list', { councilId: council!.id })).find((m) => m.status === 'planned')!;
  const people = await host.ok('person:list', { councilId: council!.id });
  const person = (name: string) => people.find((p) => p.name === name)!;
  const agenda = (await host.ok('meeting:get', { meetingId: meeting.id })).agenda;
  for (const name of ['王建国', '李秀英', '何兆品']) await host.ok('attendance:checkIn', { meetingId: meeting.id, personId: person(name).id });
  const vote = await host.ok('vote:open', {
    meetingId: meeting.id,
    agendaItemId: agenda[1]!.id,
    title: agenda[1]!.title,
    mode,
    rule: { voterBasis: 'households' },
  });
  const key = (name: string) => `household:${person(name).householdId}`;
  return { host, meeting, vote, person, key };
}

describe('roll-call ballots', () => {
  it('records one ballot per present household and totals them by headcount and area', async () => {
    const { host, vote, key } = await demoVote();
    expect(vote).toMatchObject({ status: 'open', entitled: 60, present: 3, ballotsCast: 0 });
    expect(await host.ok('vote:castBallot', { voteId: vote.id, voterKey: key('王建国'), choice: 'for' })).toMatchObject({ ballotsCast: 1 });
    await host.ok('vote:castBallot', { voteId: vote.id, voterKey: key('何兆品'), choice: 'against' });
    const again = await host.invoke('vote:castBallot', { voteId: vote.id, voterKey: key('何兆品'), choice: 'for' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const state = await host.ok('vote:get', { voteId: vote.id });
    expect(state.totals.for.headcount).toBe(1);
    expect(state.totals.against.headcount).toBe(1);
    expect(state.totals.for.areaCenti).toBeGreaterThan(0);
  });

  it('refuses ballots from households not in the room, and after the vote is closed', async () => {
    const { host, vote, key } = await demoVote();
    const absent = await host.invoke('vote:castBallot', { voteId: vote.id, voterKey: key('张桂兰'), choice: 'for' });
    expect(absent).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!absent.ok) expect(absent.error.message).toContain('没有签到');
    await host.ok('vote:close', { voteId: vote.id });
    const late = await host.invoke('vote:castBallot', { voteId: vote.id, voterKey: key('李秀英'), choice: 'for' });
    expect(late).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await host.ok('vote:get', { voteId: vote.id })).ballotsCast).toBe(0);
  });

  it('a proxy holder in the room votes for the grantor’s household', async () => {
    const { host, meeting, vote, person, key } = await demoVote();
    await host.ok('proxy:grant', { meetingId: meeting.id, grantorId: person('张桂兰').id, holderId: person('何兆品').id });
    await host.ok('vote:castBallot', { voteId: vote.id, voterKey: key('张桂兰'), choice: 'for' });
    expect((await host.ok('vote:get', { voteId: vote.id })).present).toBe(4);
  });

  it('only one vote is open at a time, and a show of hands stores no names', async () => {
    const { host, meeting, vote, key } = await demoVote('hands');
    const second = await host.invoke('vote:open', { meetingId: meeting.id, title: '另一项', mode: 'hands', rule: { voterBasis: 'households' } });
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const named = await host.invoke('vote:castBallot', { voteId: vote.id, voterKey: key('王建国'), choice: 'for' });
    expect(named).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('counted ballots (show of hands, secret ballot)', () => {
  it('keeps every entry, counts the latest, never more than are present, and no names', async () => {
    const { host, vote } = await demoVote('hands');
    const over = await host.invoke('vote:enterCounts', { voteId: vote.id, for: 3, against: 1, abstain: 0 });
    expect(over).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await host.ok('vote:enterCounts', { voteId: vote.id, for: 1, against: 1, abstain: 0, enteredBy: '王建国' });
    const state = await host.ok('vote:enterCounts', { voteId: vote.id, for: 2, against: 1, abstain: 0, enteredBy: '王建国' });
    expect(state).toMatchObject({ ballotsCast: 3, totals: { for: { headcount: 2 }, against: { headcount: 1 } } });
    const rows = host.database.sqlite.prepare('SELECT * FROM vote_counts WHERE vote_id = ?').all(vote.id);
    expect(rows).toHaveLength(2);
    expect(host.database.sqlite.prepare('SELECT count(*) FROM ballots').pluck().get()).toBe(0);
  });
});
