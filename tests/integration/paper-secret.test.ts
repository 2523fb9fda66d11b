/**
 * A secret written vote (无记名书面表决): the register knows who returned a ballot, the ballots know
 * what was chosen, and no table (audit log included) ties the two together.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { presets } from '../../shared/domain/voting/rules';
import { at, courtyard, fakeClock, png } from './paper-fixture';

afterEach(() => {
  vi.useRealTimers();
});

describe('a secret written vote', () => {
  it('counts by headcount and area with the engine, and leaves no table tying a person to a choice', async () => {
    fakeClock();
    at(1, 9);
    const { host, people, meeting } = await courtyard(12);
    const sqlite = host.database.sqlite;
    const round = await host.ok('paper:open', {
      meetingId: meeting.id,
      title: '无记名书面表决',
      opensOn: '2026-12-01',
      deadline: '2026-12-03',
      returnTo: '固定票箱',
      secret: true,
      matters: [{ title: '选聘物业服务企业', rule: presets['owners-ordinary-matter'] }],
    });
    const voteId = round.matters[0]!.voteId;
    const ballots = await host.ok('paper:ballots', { roundId: round.id });
    expect(ballots).toHaveLength(12);
    for (const ballot of ballots) {
      expect(ballot.serial).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
      expect(ballot).toMatchObject({ names: null, units: [], building: null });
    }
    // Rows are not in the register's order (12! orders; the chance of the same one is nil), and carry no voter.
    const stored = sqlite.prepare('SELECT voter_key, label, building, units_json, position FROM paper_ballots').all() as Array<Record<string, unknown>>;
    expect(stored.every((row) => row.voter_key === null && row.label === null && row.building === null && row.units_json === '[]' && row.position === null)).toBe(true);

    await host.ok('paper:issueAll', { roundId: round.id, how: 'mailbox', by: '刘楼长' });
    for (const person of people.slice(0, 9)) await host.ok('paper:return', { roundId: round.id, voterKey: person.key, signaturePngBase64: png, onPaper: false });
    at(2, 9);
    await host.ok('paper:close', { roundId: round.id, early: true });
    await host.ok('paper:startCount', { roundId: round.id, tellers: ['王芳'], scrutineers: ['陈静'] });
    // The box is emptied: nine ballots, in no particular order; the ballot's printed area is what counts.
    const read = ballots.slice(0, 9);
    const choices = ['for', 'for', 'against', 'for', 'abstain', 'for', 'for', 'against'] as const;
    for (const [index, choice] of choices.entries()) {
      const ballot = read[index]!;
      const code = index % 2 ? ballot.qrText : `${ballot.serial.slice(0, 4)}-${ballot.serial.slice(4)} ${ballot.checkCode.toLowerCase()}`;
      await host.ok('paper:count', { roundId: round.id, code, teller: '王芳', marks: { [String(voteId)]: choice } });
    }
    await host.ok('paper:invalid', { roundId: round.id, code: read[8]!.qrText, teller: '王芳', reason: '撕毁' });
    await host.ok('paper:sign', { roundId: round.id, role: 'teller', name: '王芳', signaturePngBase64: png });
    const status = await host.ok('paper:sign', { roundId: round.id, role: 'scrutineer', name: '陈静', signaturePngBase64: png });
    expect(status.sealed).not.toBeNull();

    const vote = await host.ok('vote:get', { voteId });
    const area = (list: typeof read) => list.reduce((sum, ballot) => sum + ballot.areaCenti, 0);
    const pick = (wanted: string) => read.slice(0, 8).filter((_, index) => choices[index] === wanted);
    expect(vote.status).toBe('locked');
    expect(vote.outcome?.present).toEqual({ headcount: 9, areaCenti: area(read) });
    expect(vote.outcome?.counts.for).toEqual({ headcount: 5, areaCenti: area(pick('for')) });
    expect(vote.outcome?.counts.against).toEqual({ headcount: 2, areaCenti: area(pick('against')) });
    // The invalid ballot takes part as neither for nor against.
    expect(vote.outcome?.counts.blank).toEqual({ headcount: 1, areaCenti: read[8]!.areaCenti });
    expect(vote.outcome?.entitled.headcount).toBe(12);

    // Every table, every row: a row naming a voter names no ballot (serial or check code), and no
    // table holding voter keys has a key to the ballots.
    const voterKeys = people.map((person) => person.key);
    const ballotWords = ballots.flatMap((ballot) => [ballot.serial, ballot.checkCode]);
    const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>).map((row) => row.name);
    expect(tables).toEqual(expect.arrayContaining(['paper_ballots', 'paper_register', 'paper_marks', 'audit_log', 'vote_electorate']));
    const ties: string[] = [];
    const tablesWithKeys: string[] = [];
    const keyPattern = new RegExp(voterKeys.map((key) => `${key}(?!\\d)`).join('|'));
    for (const table of tables) {
      const rows = sqlite.prepare(`SELECT * FROM "${table}"`).all() as Array<Record<string, unknown>>;
      const withKeys = rows.filter((row) => keyPattern.test(JSON.stringify(row, (_, value: unknown) => (Buffer.isBuffer(value) ? '' : value))));
      for (const row of withKeys) {
        const text = JSON.stringify(row);
        for (const word of ballotWords) if (text.includes(word)) ties.push(`${table}: ${text.slice(0, 120)}`);
        if (/"choice"|"(for|against|abstain)"/.test(text)) ties.push(`${table} (choice): ${text.slice(0, 120)}`);
      }
      if (withKeys.length) {
        tablesWithKeys.push(table);
        const keys = sqlite.prepare(`PRAGMA foreign_key_list("${table}")`).all() as Array<{ table: string }>;
        if (keys.some((key) => key.table === 'paper_ballots' || key.table === 'paper_marks')) ties.push(`${table} refers to the ballots`);
      }
    }
    expect(ties).toEqual([]);
    // The check looked where voters are named: the register, the frozen electorate, the audit log.
    expect(tablesWithKeys).toEqual(expect.arrayContaining(['paper_register', 'vote_electorate', 'audit_log']));
    expect(tablesWithKeys).not.toContain('paper_ballots');
    // The register still says who returned a ballot: the participation is checkable.
    expect((await host.ok('paper:register', { roundId: round.id })).filter((line) => line.returnedAt).map((line) => line.voterKey)).toEqual(voterKeys.slice(0, 9));
  });
});
