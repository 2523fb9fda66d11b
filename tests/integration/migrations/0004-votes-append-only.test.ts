import { describe, expect, it } from 'vitest';
import { presets } from '../../../shared/domain/voting/rules';
import { databaseBefore, seedCourtyard } from './earlier-migrations';

describe('migration 0004_votes_append_only', () => {
  it('keeps the ballots, counts and results cast before it, refuses to change them, and takes ballots only into an open vote', () => {
    const database = databaseBefore('0004_votes_append_only');
    const { meetingId, agenda, people, households } = seedCourtyard(database.sqlite);
    const vote = database.sqlite.prepare('INSERT INTO votes (meeting_id, agenda_item_id, title, mode, rule_json, status, opened_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const rule = JSON.stringify(presets['council-majority']);
    // A roll call still open, and a show of hands counted and locked.
    const openId = Number(vote.run(meetingId, agenda.充电桩, '是否加装充电桩', 'roll_call', rule, 'open', '2026-10-10T12:05:00.000Z', null).lastInsertRowid);
    const lockedId = Number(vote.run(meetingId, agenda.楼道堆物, '楼道堆物限期清理', 'hands', rule, 'locked', '2026-10-10T12:20:00.000Z', '2026-10-10T12:22:00.000Z').lastInsertRowid);
    const ballot = database.sqlite.prepare("INSERT INTO ballots (vote_id, voter_key, cast_by_id, choice, at) VALUES (?, ?, ?, ?, '2026-10-10T12:06:00.000Z')");
    ballot.run(openId, `person:${people.何兆品}`, people.何兆品, 'for');
    ballot.run(openId, `person:${people.赵六}`, people.王建国, 'against');
    database.sqlite
      .prepare("INSERT INTO vote_counts (vote_id, for_count, against_count, abstain_count, blank_count, entered_by, at) VALUES (?, 9, 2, 1, 0, '李秀英', '2026-10-10T12:21:30.000Z')")
      .run(lockedId);
    database.sqlite
      .prepare("INSERT INTO vote_results (vote_id, passed, outcome_json, explanation, locked_at, audit_hash) VALUES (?, 1, ?, ?, '2026-10-10T12:22:00.000Z', ?)")
      .run(lockedId, JSON.stringify({ passed: true, for: 9, against: 2, abstain: 1 }), '赞成9票，超过到会成员的半数，通过。', 'ab'.repeat(32));
    const before = { votes: database.rows('votes'), ballots: database.rows('ballots'), vote_counts: database.rows('vote_counts'), vote_results: database.rows('vote_results') };

    database.migrate();
    const { sqlite } = database;
    expect({ votes: database.rows('votes'), ballots: database.rows('ballots'), vote_counts: database.rows('vote_counts'), vote_results: database.rows('vote_results') }).toEqual(before);

    expect(() => sqlite.prepare("UPDATE ballots SET choice = 'abstain' WHERE vote_id = ?").run(openId)).toThrow('选票不可修改');
    expect(() => sqlite.prepare('DELETE FROM ballots WHERE vote_id = ?').run(openId)).toThrow('选票不可删除');
    expect(() => sqlite.prepare('UPDATE vote_counts SET for_count = 10').run()).toThrow('计票记录不可修改');
    expect(() => sqlite.prepare('DELETE FROM vote_counts').run()).toThrow('计票记录不可删除');
    expect(() => sqlite.prepare('UPDATE vote_results SET passed = 0').run()).toThrow('表决结果不可修改');
    expect(() => sqlite.prepare('DELETE FROM vote_results').run()).toThrow('表决结果不可删除');
    expect(() => sqlite.prepare("INSERT INTO ballots (vote_id, voter_key, choice, at) VALUES (?, ?, 'for', '2026-10-10T12:23:00.000Z')").run(lockedId, `household:${households['3-2-501']}`)).toThrow('表决未开放');

    // The open vote still takes ballots; once closed it takes no more.
    sqlite.prepare("INSERT INTO ballots (vote_id, voter_key, cast_by_id, choice, at) VALUES (?, ?, ?, 'abstain', '2026-10-10T12:07:00.000Z')").run(openId, `person:${people.李秀英}`, people.李秀英);
    sqlite.prepare("UPDATE votes SET status = 'closed', closed_at = '2026-10-10T12:10:00.000Z' WHERE id = ?").run(openId);
    expect(() => sqlite.prepare("INSERT INTO ballots (vote_id, voter_key, cast_by_id, choice, at) VALUES (?, ?, ?, 'for', '2026-10-10T12:11:00.000Z')").run(openId, `person:${people.王建国}`, people.王建国)).toThrow('表决未开放');
    expect(database.rows('ballots').map((row) => [row.voter_key, row.choice])).toEqual([
      [`person:${people.何兆品}`, 'for'],
      [`person:${people.赵六}`, 'against'],
      [`person:${people.李秀英}`, 'abstain'],
    ]);
  });
});
