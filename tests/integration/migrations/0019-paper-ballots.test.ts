import { describe, expect, it } from 'vitest';
import { courtyardRows, databaseBefore, seedCourtyard } from './earlier-migrations';

describe('migration 0019_paper_ballots', () => {
  it('adds the paper tables and votes.paper_round_id (null for every vote before it), leaves every row as it was, and guards a sealed count', () => {
    const database = databaseBefore('0019_paper_ballots');
    const courtyard = seedCourtyard(database.sqlite);
    const before = courtyardRows(database);
    const votesBefore = database.rows('votes');

    database.migrate();
    expect(database.rows('votes')).toEqual(votesBefore.map((row) => ({ ...row, paper_round_id: null })));
    expect(courtyardRows(database)).toEqual(before);

    const sqlite = database.sqlite;
    const round = sqlite
      .prepare(
        "INSERT INTO paper_rounds (meeting_id, title, opens_on, deadline, return_to, marking_rules, secret, voter_basis, opened_at, tellers_json, scrutineers_json) VALUES (?, '书面表决', '2027-01-01', '2027-01-10', '物业服务中心', '打勾', 0, 'owners', '2027-01-01T00:00:00Z', '[]', '[]')",
      )
      .run(courtyard.meetingId).lastInsertRowid;
    const ballot = sqlite
      .prepare("INSERT INTO paper_ballots (round_id, serial, check_code, units_json, area_centi) VALUES (?, 'P1-0001', 'ABCDEFGH', '[]', 9000)")
      .run(round).lastInsertRowid;
    expect(() => sqlite.prepare('DELETE FROM paper_ballots WHERE id = ?').run(ballot)).toThrow(/表决票记录不可删除/);
    sqlite.prepare("UPDATE paper_rounds SET status = 'closed' WHERE id = ?").run(round);
    expect(() =>
      sqlite.prepare("INSERT INTO paper_ballots (round_id, serial, check_code, units_json, area_centi) VALUES (?, 'P1-0002', 'ABCDEFGH', '[]', 1)").run(round),
    ).toThrow(/不能再增加表决票/);
    sqlite.prepare("UPDATE paper_ballots SET state = 'counted' WHERE id = ?").run(ballot);
    sqlite.prepare("UPDATE paper_rounds SET status = 'sealed' WHERE id = ?").run(round);
    expect(() => sqlite.prepare("UPDATE paper_ballots SET state = 'invalid' WHERE id = ?").run(ballot)).toThrow(/计票记录已封存/);
    expect(() => sqlite.prepare("UPDATE paper_rounds SET status = 'counting' WHERE id = ?").run(round)).toThrow(/计票记录已封存/);
    sqlite.prepare("UPDATE paper_rounds SET posted_on = '2027-01-12', posted_until = '2027-01-19' WHERE id = ?").run(round);
  });
});
