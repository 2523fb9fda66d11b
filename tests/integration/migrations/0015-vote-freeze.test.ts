import { describe, expect, it } from 'vitest';
import { presets } from '../../../shared/domain/voting/rules';
import { databaseBefore, schemaNames, seedCourtyard } from './earlier-migrations';

describe('migration 0015_vote_freeze', () => {
  it('keeps votes, ballots and counts as they were; frozen electorates and closing records are written once and never changed', () => {
    const database = databaseBefore('0015_vote_freeze');
    const { meetingId, agenda, people, households } = seedCourtyard(database.sqlite);
    const vote = database.sqlite.prepare('INSERT INTO votes (meeting_id, agenda_item_id, title, mode, rule_json, status, opened_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    // A rule stored before rules said what taking part means.
    const { participation: _participation, ...storedRule } = presets['owners-ordinary-matter'];
    const openId = Number(vote.run(meetingId, agenda.充电桩, '是否加装充电桩', 'roll_call', JSON.stringify(storedRule), 'open', '2026-10-10T12:05:00.000Z', null).lastInsertRowid);
    const closedId = Number(
      vote.run(meetingId, agenda.楼道堆物, '楼道堆物限期清理', 'hands', JSON.stringify(presets['council-majority']), 'closed', '2026-10-10T12:20:00.000Z', '2026-10-10T12:22:00.000Z').lastInsertRowid,
    );
    database.sqlite.prepare("INSERT INTO ballots (vote_id, voter_key, cast_by_id, choice, at) VALUES (?, ?, ?, 'for', '2026-10-10T12:06:00.000Z')").run(openId, `household:${households['3-2-501']}`, people.何兆品);
    database.sqlite
      .prepare("INSERT INTO vote_counts (vote_id, for_count, against_count, abstain_count, blank_count, entered_by, at) VALUES (?, 3, 1, 0, 0, '李秀英', '2026-10-10T12:21:30.000Z')")
      .run(closedId);
    const before = { votes: database.rows('votes'), ballots: database.rows('ballots'), vote_counts: database.rows('vote_counts') };

    database.migrate();
    const { sqlite } = database;
    expect(database.rows('votes')).toEqual(before.votes.map((row) => ({ ...row, closing_json: null })));
    expect(database.rows('ballots')).toEqual(before.ballots);
    expect(database.rows('vote_counts')).toEqual(
      before.vote_counts.map((row) => ({ ...row, for_area_centi: null, against_area_centi: null, abstain_area_centi: null, blank_area_centi: null })),
    );
    expect(schemaNames(sqlite, 'trigger')).toEqual(expect.arrayContaining(['vote_electorate_only_when_open', 'vote_electorate_no_update', 'vote_electorate_no_delete', 'votes_closing_fixed']));

    const freeze = sqlite.prepare(
      "INSERT INTO vote_electorate (vote_id, position, voter_key, label, area_centi, unit_ids_json, owner_ids_json, cast_through_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    freeze.run(openId, 0, `household:${households['3-2-501']}`, '3-2-501 何兆品', 8650, `[${households['3-2-501']}]`, `[${people.何兆品}]`, `["person:${people.何兆品}"]`);
    // A let unit with no owner on record: in the totals, no one may cast it.
    freeze.run(openId, 1, `household:${households['3-2-502']}`, '3-2-502', 7233, `[${households['3-2-502']}]`, '[]', '[]');
    expect(() => freeze.run(openId, 2, `household:${households['3-2-501']}`, '重复', 1, '[]', '[]', '[]')).toThrow(/UNIQUE constraint failed/);
    expect(() => freeze.run(closedId, 0, `person:${people.李秀英}`, '李秀英', 0, '[]', '[]', '[]')).toThrow('名单不可再添加');
    expect(() => sqlite.prepare('UPDATE vote_electorate SET area_centi = 90000').run()).toThrow('表决名单不可修改');
    expect(() => sqlite.prepare('DELETE FROM vote_electorate').run()).toThrow('表决名单不可删除');

    const close = sqlite.prepare("UPDATE votes SET status = 'closed', closed_at = '2026-10-10T12:10:00.000Z', closing_json = ? WHERE id = ?");
    close.run('{"ballots":[],"counts":null,"multipleVotes":[],"present":[]}', openId);
    expect(() => close.run('{"ballots":[],"counts":null,"multipleVotes":[],"present":["household:1"]}', openId)).toThrow('参与记录不可修改');
    sqlite.prepare("UPDATE votes SET status = 'locked' WHERE id = ?").run(openId);
    expect(database.rows('vote_electorate')).toHaveLength(2);
  });
});
