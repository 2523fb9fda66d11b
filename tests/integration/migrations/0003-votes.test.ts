import { describe, expect, it } from 'vitest';
import { presets } from '../../../shared/domain/voting/rules';
import { courtyardRows, databaseBefore, schemaNames, seedCourtyard } from './earlier-migrations';

describe('migration 0003_votes', () => {
  it('keeps the meetings, matters and sign-in, and adds votes on them with one ballot per voter', () => {
    const database = databaseBefore('0003_votes');
    const courtyard = seedCourtyard(database.sqlite);
    database.sqlite
      .prepare("INSERT INTO attendance (meeting_id, person_id, observer, arrived_at) VALUES (?, ?, 0, '2026-10-10T11:28:04.512Z')")
      .run(courtyard.meetingId, courtyard.people.王建国);
    const before = { ...courtyardRows(database), attendance: database.rows('attendance') };

    database.migrate();
    const { sqlite } = database;
    expect({ ...courtyardRows(database), attendance: database.rows('attendance') }).toEqual(before);
    expect(schemaNames(sqlite, 'table')).toEqual(expect.arrayContaining(['ballots', 'vote_counts', 'vote_results', 'votes']));

    const { meetingId, agenda, people, households } = courtyard;
    const voteId = Number(
      sqlite
        .prepare("INSERT INTO votes (meeting_id, agenda_item_id, title, mode, rule_json, opened_at) VALUES (?, ?, '是否加装充电桩', 'roll_call', ?, '2026-10-10T12:05:00.000Z')")
        .run(meetingId, agenda.充电桩, JSON.stringify(presets['owners-ordinary-matter']))
        .lastInsertRowid,
    );
    expect(sqlite.prepare('SELECT status, closed_at, replaces_vote_id FROM votes WHERE id = ?').get(voteId)).toEqual({ status: 'open', closed_at: null, replaces_vote_id: null });
    expect(JSON.parse(sqlite.prepare('SELECT rule_json FROM votes WHERE id = ?').pluck().get(voteId) as string)).toEqual(presets['owners-ordinary-matter']);

    const ballot = sqlite.prepare("INSERT INTO ballots (vote_id, voter_key, cast_by_id, choice, at) VALUES (?, ?, ?, ?, '2026-10-10T12:06:00.000Z')");
    ballot.run(voteId, `household:${households['3-2-501']}`, people.何兆品, 'for');
    ballot.run(voteId, `household:${households['3-2-502']}`, people.王建国, 'against');
    expect(() => ballot.run(voteId, `household:${households['3-2-501']}`, people.李秀英, 'abstain')).toThrow(/UNIQUE constraint failed: ballots.vote_id, ballots.voter_key/);

    sqlite.prepare("INSERT INTO vote_counts (vote_id, for_count, against_count, abstain_count, at) VALUES (?, 1, 1, 0, '2026-10-10T12:07:00.000Z')").run(voteId);
    expect(database.rows('vote_counts')).toEqual([
      { id: 1, vote_id: voteId, for_count: 1, against_count: 1, abstain_count: 0, blank_count: 0, entered_by: '', at: '2026-10-10T12:07:00.000Z' },
    ]);
    // A meeting, a matter or a voter with votes on record is not removed under them.
    expect(() => sqlite.prepare('DELETE FROM meetings WHERE id = ?').run(meetingId)).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => sqlite.prepare('DELETE FROM agenda_items WHERE id = ?').run(agenda.充电桩)).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => sqlite.prepare('DELETE FROM people WHERE id = ?').run(people.何兆品)).toThrow(/FOREIGN KEY constraint failed/);
  });
});
