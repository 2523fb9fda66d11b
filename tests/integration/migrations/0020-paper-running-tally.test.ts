import { describe, expect, it } from 'vitest';
import { presets } from '../../../shared/domain/voting/rules';
import { courtyardRows, databaseBefore, seedCourtyard } from './earlier-migrations';

const sums = {
  marks: 'SELECT vote_id, choice, count(*) AS headcount, sum(area_centi) AS area_centi FROM paper_marks GROUP BY vote_id, choice ORDER BY vote_id, choice',
  tally: 'SELECT vote_id, choice, headcount, area_centi FROM paper_tally WHERE headcount <> 0 ORDER BY vote_id, choice',
  ballots: 'SELECT round_id, state, count(*) AS headcount, sum(area_centi) AS area_centi FROM paper_ballots GROUP BY round_id, state ORDER BY round_id, state',
  ballotTally: 'SELECT round_id, state, headcount, area_centi FROM paper_ballot_tally WHERE headcount <> 0 ORDER BY round_id, state',
};

describe('migration 0020_paper_running_tally', () => {
  it('adds up what a count in progress has read, leaves every row as it was, and keeps the running counts with every later write', () => {
    const database = databaseBefore('0020_paper_running_tally');
    const courtyard = seedCourtyard(database.sqlite);
    let sqlite = database.sqlite;
    // A written vote counted halfway under the release before: three ballots, two read, one invalid.
    const round = Number(
      sqlite
        .prepare(
          "INSERT INTO paper_rounds (meeting_id, title, opens_on, deadline, return_to, marking_rules, secret, voter_basis, opened_at, tellers_json, scrutineers_json) VALUES (?, '书面表决', '2027-01-01', '2027-01-10', '物业服务中心', '打勾', 0, 'owners', '2027-01-01T00:00:00Z', '[\"王芳\"]', '[\"陈静\"]')",
        )
        .run(courtyard.meetingId).lastInsertRowid,
    );
    const matter = sqlite.prepare(
      "INSERT INTO votes (meeting_id, title, mode, rule_json, opened_at, paper_round_id) VALUES (?, ?, 'paper', ?, '2027-01-01T00:00:00Z', ?)",
    );
    const voteIds = [
      Number(matter.run(courtyard.meetingId, '续聘物业', JSON.stringify(presets['owners-ordinary-matter']), round).lastInsertRowid),
      Number(matter.run(courtyard.meetingId, '使用维修资金', JSON.stringify(presets['owners-special-matter']), round).lastInsertRowid),
    ];
    const ballot = (serial: string, area: number) =>
      Number(sqlite.prepare("INSERT INTO paper_ballots (round_id, serial, check_code, units_json, area_centi) VALUES (?, ?, 'ABCDEFGH', '[]', ?)").run(round, serial, area).lastInsertRowid);
    const ballots = [ballot('P1-0001', 9000), ballot('P1-0002', 12050), ballot('P1-0003', 8000), ballot('P1-0004', 7000)];
    sqlite.prepare("UPDATE paper_rounds SET status = 'counting' WHERE id = ?").run(round);
    const mark = sqlite.prepare('INSERT INTO paper_marks (ballot_id, vote_id, choice, area_centi) VALUES (?, ?, ?, ?)');
    mark.run(ballots[0], voteIds[0], 'for', 9000);
    mark.run(ballots[0], voteIds[1], 'against', 9000);
    mark.run(ballots[1], voteIds[0], 'for', 12050);
    mark.run(ballots[1], voteIds[1], 'blank', 12050);
    sqlite.prepare("UPDATE paper_ballots SET state = 'counted' WHERE id IN (?, ?)").run(ballots[0], ballots[1]);
    sqlite.prepare("UPDATE paper_ballots SET state = 'invalid', invalid_reason = '无法辨认' WHERE id = ?").run(ballots[2]);
    const before = courtyardRows(database);
    const paperBefore = ['paper_rounds', 'paper_ballots', 'paper_marks'].map((table) => database.rows(table));

    database.migrate();
    sqlite = database.sqlite;
    expect(courtyardRows(database)).toEqual(before);
    expect(['paper_rounds', 'paper_ballots', 'paper_marks'].map((table) => database.rows(table))).toEqual(paperBefore);
    const check = () => {
      expect(sqlite.prepare(sums.tally).all()).toEqual(sqlite.prepare(sums.marks).all());
      expect(sqlite.prepare(sums.ballotTally).all()).toEqual(sqlite.prepare(sums.ballots).all());
    };
    check();
    expect(sqlite.prepare(sums.tally).all()).toEqual([
      { vote_id: voteIds[0], choice: 'for', headcount: 2, area_centi: 21050 },
      { vote_id: voteIds[1], choice: 'against', headcount: 1, area_centi: 9000 },
      { vote_id: voteIds[1], choice: 'blank', headcount: 1, area_centi: 12050 },
    ]);

    // Whatever writes next (the app or another SQLite client), the running counts follow.
    sqlite.prepare('INSERT INTO paper_marks (ballot_id, vote_id, choice, area_centi) VALUES (?, ?, ?, ?)').run(ballots[3], voteIds[0], 'abstain', 7000);
    sqlite.prepare("UPDATE paper_ballots SET state = 'counted' WHERE id = ?").run(ballots[3]);
    check();
    sqlite.prepare("UPDATE paper_marks SET choice = 'for' WHERE ballot_id = ? AND vote_id = ?").run(ballots[0], voteIds[1]);
    check();
    sqlite.prepare('DELETE FROM paper_marks WHERE ballot_id = ?').run(ballots[1]);
    sqlite.prepare("UPDATE paper_ballots SET state = 'invalid' WHERE id = ?").run(ballots[1]);
    check();
    expect(sqlite.prepare(sums.ballotTally).all()).toEqual([
      { round_id: round, state: 'counted', headcount: 2, area_centi: 16000 },
      { round_id: round, state: 'invalid', headcount: 2, area_centi: 20050 },
    ]);
  });
});
