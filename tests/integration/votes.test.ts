import { describe, expect, it } from 'vitest';
import { presets } from '../../shared/domain/voting/rules';
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
    rule: presets['residents-meeting'],
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
    const second = await host.invoke('vote:open', { meetingId: meeting.id, title: '另一项', mode: 'hands', rule: presets['residents-meeting'] });
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

describe('secret ballots', () => {
  it('take counts only: no ballot row, no name, ever', async () => {
    const { host, vote: handsVote } = await demoVote('hands');
    await host.ok('vote:close', { voteId: handsVote.id });
    const meetingId = handsVote.meetingId;
    const secret = await host.ok('vote:open', { meetingId, title: '无记名', mode: 'secret', rule: presets['residents-meeting'] });
    const named = await host.invoke('vote:castBallot', { voteId: secret.id, voterKey: 'household:1', choice: 'for' });
    expect(named).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await host.ok('vote:enterCounts', { voteId: secret.id, for: 2, against: 0, abstain: 1, enteredBy: '计票人 张' });
    const columns = host.database.sqlite.prepare("SELECT name FROM pragma_table_info('vote_counts')").pluck().all();
    expect(columns).not.toContain('voter_key');
    expect(host.database.sqlite.prepare('SELECT count(*) FROM ballots WHERE vote_id = ?').pluck().get(secret.id)).toBe(0);
    const logged = host.database.sqlite.prepare("SELECT payload FROM audit_log WHERE kind = 'vote.counts'").pluck().all() as string[];
    expect(logged.join('')).not.toMatch(/household:|person:/);
  });
});

describe('results', () => {
  it('the outcome follows the ballots; locking stores it with its explanation; a correction is a re-vote', async () => {
    const { host, vote, key } = await demoVote();
    expect((await host.ok('vote:get', { voteId: vote.id })).outcome).toMatchObject({ passed: false, quorate: false });
    await host.ok('vote:castBallot', { voteId: vote.id, voterKey: key('王建国'), choice: 'for' });
    const refusedLock = await host.invoke('vote:lock', { voteId: vote.id });
    expect(refusedLock).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await host.ok('vote:close', { voteId: vote.id });
    const locked = await host.ok('vote:lock', { voteId: vote.id });
    expect(locked.status).toBe('locked');
    expect(locked.outcome!.explanation).toContain('居民会议');
    expect(locked.outcome!.explanation).toMatch(/未通过。$/);
    const stored = host.database.sqlite.prepare('SELECT passed, explanation, audit_hash FROM vote_results WHERE vote_id = ?').get(vote.id) as {
      passed: number;
      explanation: string;
      audit_hash: string;
    };
    expect(stored).toMatchObject({ passed: 0, explanation: locked.outcome!.explanation });
    expect(await host.invoke('vote:lock', { voteId: vote.id })).toMatchObject({ ok: false });

    const noReason = await host.invoke('vote:revote', { voteId: vote.id, reason: '错' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const again = await host.ok('vote:revote', { voteId: vote.id, reason: '计票时漏记了 2 栋的票' });
    expect(again).toMatchObject({ status: 'open', replacesVoteId: vote.id, correctionReason: '计票时漏记了 2 栋的票', ballotsCast: 0 });
    expect((await host.ok('vote:get', { voteId: vote.id })).status).toBe('locked');
    expect(await host.ok('audit:verify', {})).toMatchObject({ ok: true });
  });

  it('a show of hands is decided from the entered counts under the rule', async () => {
    const { host, vote } = await demoVote('hands');
    expect((await host.ok('vote:get', { voteId: vote.id })).outcomeProblem).toBe('还没有录入票数。');
    await host.ok('vote:enterCounts', { voteId: vote.id, for: 2, against: 1, abstain: 0 });
    const state = await host.ok('vote:get', { voteId: vote.id });
    // 3 of 60 households present: a residents' meeting is not quorate.
    expect(state.outcome).toMatchObject({ quorate: false, passed: false });
  });

  it('refuses a rule that is not a rule', async () => {
    const { host, meeting } = await demoVote('hands');
    const broken = await host.invoke('vote:open', {
      meetingId: meeting.id,
      title: '坏规则',
      mode: 'hands',
      rule: { ...presets['council-majority'], threshold: { base: 'cast', bound: { ratio: { numerator: 3, denominator: 2 }, inclusive: true }, measure: 'headcount' } },
    });
    expect(broken).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '比例不能大于 1' } });
  });
});
