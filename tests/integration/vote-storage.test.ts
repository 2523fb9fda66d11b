import { describe, expect, it } from 'vitest';
import { tempHost } from './temp-host';

/** The database itself guards votes: whatever writes to the file, not only this app. */
describe('vote storage', () => {
  async function openVote() {
    const host = tempHost();
    const council = await host.ok('council:create', { name: '院落' });
    const meeting = await host.ok('meeting:create', { councilId: council.id, title: '会', date: '2026-12-05', startTime: '19:00' });
    const withItem = await host.ok('agenda:add', { meetingId: meeting.id, title: '充电桩' });
    const sqlite = host.database.sqlite;
    const voteId = Number(
      sqlite
        .prepare("INSERT INTO votes (meeting_id, agenda_item_id, title, mode, rule_json, opened_at) VALUES (?, ?, '充电桩', 'roll_call', '{}', 'now')")
        .run(meeting.id, withItem.agenda[0]!.id).lastInsertRowid,
    );
    const cast = (voter: string, choice = 'for') =>
      sqlite.prepare("INSERT INTO ballots (vote_id, voter_key, choice, at) VALUES (?, ?, ?, 'now')").run(voteId, voter, choice);
    return { host, sqlite, voteId, meeting, itemId: withItem.agenda[0]!.id, cast };
  }

  it('allows one ballot per voter, and none once the vote is closed', async () => {
    const { sqlite, voteId, cast } = await openVote();
    cast('household:1');
    expect(() => cast('household:1', 'against')).toThrow(/UNIQUE/);
    sqlite.prepare("UPDATE votes SET status = 'closed' WHERE id = ?").run(voteId);
    expect(() => cast('household:2')).toThrow(/表决未开放/);
  });

  it('refuses to change or remove ballots, counts and results', async () => {
    const { sqlite, voteId, cast } = await openVote();
    cast('household:1');
    sqlite.prepare("INSERT INTO vote_counts (vote_id, for_count, against_count, abstain_count, at) VALUES (?, 30, 5, 2, 'now')").run(voteId);
    sqlite.prepare("INSERT INTO vote_results (vote_id, passed, outcome_json, explanation, locked_at, audit_hash) VALUES (?, 1, '{}', '通过', 'now', 'x')").run(voteId);
    expect(() => sqlite.prepare("UPDATE ballots SET choice = 'against'").run()).toThrow(/选票不可修改/);
    expect(() => sqlite.prepare('DELETE FROM ballots').run()).toThrow(/选票不可删除/);
    expect(() => sqlite.prepare('UPDATE vote_counts SET for_count = 99').run()).toThrow(/计票记录不可修改/);
    expect(() => sqlite.prepare('DELETE FROM vote_counts').run()).toThrow(/计票记录不可删除/);
    expect(() => sqlite.prepare('UPDATE vote_results SET passed = 0').run()).toThrow(/表决结果不可修改/);
    expect(() => sqlite.prepare('DELETE FROM vote_results').run()).toThrow(/表决结果不可删除/);
  });

  it('keeps a meeting and a matter that were voted on', async () => {
    const { host, meeting, itemId } = await openVote();
    expect(await host.invoke('agenda:remove', { agendaItemId: itemId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await host.invoke('meeting:delete', { meetingId: meeting.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await host.ok('meeting:get', { meetingId: meeting.id })).agenda).toHaveLength(1);
  });
});
