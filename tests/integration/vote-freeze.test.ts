import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Household, Person } from '../../shared/api/areas/roster';
import { canonicalJson, type Json } from '../../shared/domain/seals/canonical-json';
import { presets } from '../../shared/domain/voting/rules';
import { tempHost, type TempHost } from './temp-host';

const names = ['王一', '李二', '张三', '赵四', '钱五', '孙六'] as const;

/**
 * A courtyard of six owner-occupied units (1-1-101 … 1-1-106, 80 to 130 m²), one resident each;
 * with `owners`, each resident is recorded as the owner of their unit.
 */
async function sixUnits(host: TempHost, options: { owners?: boolean } = {}) {
  const council = await host.ok('council:create', { name: '六户院落议事会' });
  const units: Household[] = [];
  const people: Record<string, Person> = {};
  for (const [index, name] of names.entries()) {
    const unit = await host.ok('household:create', { councilId: council.id, code: `1-1-10${index + 1}`, area: String(80 + index * 10) });
    units.push(unit);
    people[name] = await host.ok('person:create', { councilId: council.id, name, householdId: unit.id, roles: ['representative'] });
    if (options.owners) await host.ok('household:update', { householdId: unit.id, code: unit.code, area: String(80 + index * 10), ownerIds: [people[name]!.id] });
  }
  const meeting = await host.ok('meeting:create', { councilId: council.id, title: '院落议事会', date: '2026-12-20', startTime: '19:00', place: '活动室' });
  const checkIn = async (...who: string[]) => {
    for (const name of who) await host.ok('attendance:checkIn', { meetingId: meeting.id, personId: people[name]!.id });
  };
  const checkOut = async (...who: string[]) => {
    for (const name of who) await host.ok('attendance:checkOut', { meetingId: meeting.id, personId: people[name]!.id });
  };
  const key = (name: string) => `household:${people[name]!.householdId}`;
  return { council, units, people, meeting, checkIn, checkOut, key };
}

const hash = (value: unknown) => createHash('sha256').update(canonicalJson(value as Json), 'utf8').digest('hex');

describe('what a vote is decided on is fixed at its close', () => {
  it('6 present, 3 for, 1 against, 2 silent: 未通过 at close, and still 未通过 at lock after the silent two leave', async () => {
    const host = tempHost();
    const { meeting, checkIn, checkOut, key } = await sixUnits(host);
    await checkIn(...names);
    const vote = await host.ok('vote:open', { meetingId: meeting.id, title: '增设充电桩', mode: 'roll_call', rule: presets['residents-meeting'] });
    for (const name of ['王一', '李二', '张三']) await host.ok('vote:castBallot', { voteId: vote.id, voterKey: key(name), choice: 'for' });
    await host.ok('vote:castBallot', { voteId: vote.id, voterKey: key('赵四'), choice: 'against' });

    const closed = await host.ok('vote:close', { voteId: vote.id });
    expect(closed.outcome).toMatchObject({ passed: false, quorate: true, present: { headcount: 6 } });
    expect(closed.present).toBe(6);

    await checkOut('钱五', '孙六');
    const after = await host.ok('vote:get', { voteId: vote.id });
    expect(after.outcome).toEqual(closed.outcome);
    expect(after.present).toBe(6);

    const locked = await host.ok('vote:lock', { voteId: vote.id });
    expect(locked.outcome).toEqual(closed.outcome);
    const stored = host.database.sqlite.prepare('SELECT passed, explanation FROM vote_results WHERE vote_id = ?').get(vote.id) as { passed: number; explanation: string };
    expect(stored.passed).toBe(0);
    expect(stored.explanation).toContain('到会 6 户');
    expect(stored.explanation).toMatch(/未通过。$/);
  });

  it('a show of hands closed with 6 present is locked after one of them leaves, with the counts it was closed on', async () => {
    const host = tempHost();
    const { meeting, checkIn, checkOut } = await sixUnits(host);
    await checkIn(...names);
    const vote = await host.ok('vote:open', { meetingId: meeting.id, title: '楼道堆物清理', mode: 'hands', rule: presets['residents-meeting'] });
    await host.ok('vote:enterCounts', { voteId: vote.id, for: 4, against: 1, abstain: 1 });
    const closed = await host.ok('vote:close', { voteId: vote.id });
    expect(closed.outcome).toMatchObject({ passed: true, present: { headcount: 6 } });
    await checkOut('孙六');
    const locked = await host.ok('vote:lock', { voteId: vote.id });
    expect(locked.outcome).toEqual(closed.outcome);
  });

  it('the electorate is the one at opening: an area changed or a unit added behind the host’s back moves nothing', async () => {
    const host = tempHost();
    const { council, meeting, units, people, checkIn, key } = await sixUnits(host, { owners: true });
    await checkIn(...names);
    const vote = await host.ok('vote:open', { meetingId: meeting.id, title: '使用维修资金', mode: 'roll_call', rule: presets['owners-ordinary-matter'] });
    expect(vote.entitled).toBe(6);
    for (const name of ['王一', '李二', '张三', '赵四']) await host.ok('vote:castBallot', { voteId: vote.id, voterKey: key(name), choice: name === '赵四' ? 'against' : 'for' });
    const before = await host.ok('vote:get', { voteId: vote.id });

    // Another SQLite client (or a roster guard that missed a path) changes the roster under the open vote.
    const { sqlite } = host.database;
    sqlite.prepare('UPDATE households SET area_centi = 90000 WHERE id = ?').run(units[3]!.id);
    const added = sqlite.prepare("INSERT INTO households (council_id, building, unit, room, code, area_centi, tenure) VALUES (?, '1', '1', '107', '1-1-107', 50000, 'owner')").run(council.id);
    sqlite.prepare('INSERT INTO unit_owners (household_id, person_id) VALUES (?, ?)').run(added.lastInsertRowid, people['孙六']!.id);

    const during = await host.ok('vote:get', { voteId: vote.id });
    expect(during.entitled).toBe(6);
    expect(during.outcome!.entitled).toEqual(before.outcome!.entitled);
    expect(during.totals).toEqual(before.totals);
    const closed = await host.ok('vote:close', { voteId: vote.id });
    expect(closed.outcome!.entitled).toEqual({ headcount: 6, areaCenti: 80_00 + 90_00 + 100_00 + 110_00 + 120_00 + 130_00 });
    expect(closed.outcome!.counts.against).toEqual({ headcount: 1, areaCenti: 110_00 });
  });

  it('the open and close audit entries carry the hashes of the frozen electorate and of who took part', async () => {
    const host = tempHost();
    const { meeting, checkIn, key } = await sixUnits(host);
    await checkIn('王一', '李二', '张三', '赵四');
    const vote = await host.ok('vote:open', { meetingId: meeting.id, title: '增设充电桩', mode: 'roll_call', rule: presets['residents-meeting'] });
    await host.ok('vote:castBallot', { voteId: vote.id, voterKey: key('王一'), choice: 'for' });
    await host.ok('vote:close', { voteId: vote.id });
    const payload = (kind: string) =>
      JSON.parse(host.database.sqlite.prepare('SELECT payload FROM audit_log WHERE kind = ? ORDER BY seq DESC').pluck().get(kind) as string) as Record<string, unknown>;
    const opened = payload('vote.open');
    const closed = payload('vote.close');
    expect(opened.electorateHash).toMatch(/^[0-9a-f]{64}$/);
    expect(closed.electorateHash).toBe(opened.electorateHash);
    const record = JSON.parse(host.database.sqlite.prepare('SELECT closing_json FROM votes WHERE id = ?').pluck().get(vote.id) as string) as {
      present: string[];
      ballots: Array<{ voterKey: string; choice: string }>;
    };
    expect(record.present).toHaveLength(4);
    expect(record.ballots).toMatchObject([{ voterKey: key('王一'), choice: 'for' }]);
    expect(closed.closingHash).toBe(hash(record));
    expect(closed).toMatchObject({ present: 4, ballots: 1 });
    expect(await host.ok('audit:verify', {})).toMatchObject({ ok: true });
  });

  it('a frozen list or closing record changed with another SQLite client (its guards dropped) is named by the audit check', async () => {
    const host = tempHost();
    const { meeting, checkIn, key } = await sixUnits(host);
    await checkIn('王一', '李二', '张三', '赵四');
    const vote = await host.ok('vote:open', { meetingId: meeting.id, title: '增设充电桩', mode: 'roll_call', rule: presets['residents-meeting'] });
    await host.ok('vote:castBallot', { voteId: vote.id, voterKey: key('王一'), choice: 'for' });
    await host.ok('vote:close', { voteId: vote.id });
    const { sqlite } = host.database;
    const pristine = {
      closing: sqlite.prepare('SELECT closing_json FROM votes WHERE id = ?').pluck().get(vote.id) as string,
      list: sqlite.prepare('SELECT label FROM vote_electorate WHERE vote_id = ? AND position = 0').pluck().get(vote.id) as string,
    };
    sqlite.exec('DROP TRIGGER votes_closing_fixed; DROP TRIGGER vote_electorate_no_update;');

    // Two of the present are taken off the record of who took part.
    const record = JSON.parse(pristine.closing) as { present: string[] };
    sqlite.prepare('UPDATE votes SET closing_json = ? WHERE id = ?').run(JSON.stringify({ ...record, present: record.present.slice(2) }), vote.id);
    const closing = await host.ok('audit:verify', {});
    expect(closing.ok).toBe(false);
    expect(closing.problems).toEqual([expect.stringContaining('表决“增设充电桩”结束时的参与记录')]);
    sqlite.prepare('UPDATE votes SET closing_json = ? WHERE id = ?').run(pristine.closing, vote.id);
    expect(await host.ok('audit:verify', {})).toMatchObject({ ok: true });

    // A voter on the frozen list is renamed.
    sqlite.prepare("UPDATE vote_electorate SET label = '1-1-101 别人' WHERE vote_id = ? AND position = 0").run(vote.id);
    const list = await host.ok('audit:verify', {});
    expect(list.ok).toBe(false);
    expect(list.problems).toEqual([expect.stringContaining('表决“增设充电桩”的表决名单')]);
    expect(list.message).toContain('在本程序之外被改动过');
  });
});

describe('every way of voting gives a result, or is refused at opening', () => {
  it('a show of hands under a rule that weighs area is refused at opening, with the way that works', async () => {
    const host = tempHost();
    const { meeting } = await sixUnits(host, { owners: true });
    const refused = await host.invoke('vote:open', { meetingId: meeting.id, title: '选聘物业', mode: 'hands', rule: presets['owners-ordinary-matter'] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!refused.ok) {
      expect(refused.error.message).toContain('举手');
      expect(refused.error.message).toContain('记名表决');
    }
    expect(host.database.sqlite.prepare('SELECT count(*) FROM votes').pluck().get()).toBe(0);
  });

  it('a secret ballot under an area rule takes the area of each choice, checked against the frozen electorate', async () => {
    const host = tempHost();
    const { meeting, checkIn } = await sixUnits(host, { owners: true });
    await checkIn(...names);
    const vote = await host.ok('vote:open', { meetingId: meeting.id, title: '选聘物业', mode: 'secret', rule: presets['owners-ordinary-matter'] });
    const noArea = await host.invoke('vote:enterCounts', { voteId: vote.id, for: 4, against: 1, abstain: 0 });
    expect(noArea).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!noArea.ok) expect(noArea.error.message).toContain('面积');
    // No four of these owners hold 500 m² (the largest four hold 460).
    const tooLarge = await host.invoke('vote:enterCounts', {
      voteId: vote.id,
      for: 4,
      against: 1,
      abstain: 0,
      areaCenti: { for: 500_00, against: 80_00, abstain: 0, blank: 0 },
    });
    expect(tooLarge).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!tooLarge.ok) expect(tooLarge.error.message).toContain('同意');
    const entered = await host.ok('vote:enterCounts', {
      voteId: vote.id,
      for: 4,
      against: 1,
      abstain: 0,
      areaCenti: { for: 460_00, against: 80_00, abstain: 0, blank: 0 },
    });
    expect(entered.totals.for).toEqual({ headcount: 4, areaCenti: 460_00 });
    await host.ok('vote:close', { voteId: vote.id });
    const locked = await host.ok('vote:lock', { voteId: vote.id });
    expect(locked.outcome).toMatchObject({ passed: true, present: { headcount: 5, areaCenti: 540_00 }, entitled: { headcount: 6, areaCenti: 630_00 } });
  });

  it('a vote with no one entitled is refused at opening, and says so', async () => {
    const host = tempHost();
    const council = await host.ok('council:create', { name: '空院落' });
    const meeting = await host.ok('meeting:create', { councilId: council.id, title: '议事会', date: '2026-12-20', startTime: '19:00', place: '活动室' });
    const refused = await host.invoke('vote:open', { meetingId: meeting.id, title: '试表决', mode: 'hands', rule: presets['council-majority'] });
    expect(refused).toMatchObject({ ok: false });
    if (!refused.ok) expect(refused.error.message).toMatch(/^没有应参与表决的.+，不能表决/);
  });
});

describe('the law’s totals and who takes part', () => {
  it('a rented unit with no owner on record stays in the totals, as an entitled voter no one can cast for', async () => {
    const host = tempHost();
    const council = await host.ok('council:create', { name: '和平里院落议事会' });
    const own = await host.ok('household:create', { councilId: council.id, code: '3-1-101', area: '80' });
    const rented = await host.ok('household:create', { councilId: council.id, code: '3-1-301', area: '50', tenure: 'tenant' });
    const owner = await host.ok('person:create', { councilId: council.id, name: '张三', householdId: own.id });
    const tenant = await host.ok('person:create', { councilId: council.id, name: '钱七', householdId: rented.id });
    await host.ok('household:update', { householdId: own.id, code: own.code, area: '80', ownerIds: [owner.id] });
    const meeting = await host.ok('meeting:create', { councilId: council.id, title: '业主大会', date: '2026-12-20', startTime: '19:00', place: '活动室' });
    for (const person of [owner, tenant]) await host.ok('attendance:checkIn', { meetingId: meeting.id, personId: person.id });

    const vote = await host.ok('vote:open', { meetingId: meeting.id, title: '选聘物业', mode: 'roll_call', rule: presets['owners-ordinary-matter'] });
    expect(vote.entitled).toBe(2);
    expect(vote.unvoicedUnits).toBe(1);
    const voters = await host.ok('vote:voters', { voteId: vote.id });
    const unvoiced = voters.find((voter) => voter.label.includes('3-1-301'))!;
    expect(unvoiced).toMatchObject({ present: false, noOneToCast: true });
    const byTenant = await host.invoke('vote:castBallot', { voteId: vote.id, voterKey: unvoiced.key, choice: 'for' });
    expect(byTenant).toMatchObject({ ok: false });
    await host.ok('vote:castBallot', { voteId: vote.id, voterKey: `household:${own.id}`, choice: 'for' });

    const closed = await host.ok('vote:close', { voteId: vote.id });
    expect(closed.outcome!.entitled).toEqual({ headcount: 2, areaCenti: 130_00 });
    // One of two owners is not two thirds.
    expect(closed.outcome!.quorate).toBe(false);
    expect(closed.outcome!.explanation).toContain('应参与表决 2 位业主，其中 1 套房屋未登记产权人，无人代为表决');
  });

  it('under 民法典第二百七十八条 the present who do not vote do not take part: 3 of 6 present voting is not two thirds', async () => {
    const host = tempHost();
    const { meeting, checkIn, key } = await sixUnits(host, { owners: true });
    await checkIn(...names);
    const vote = await host.ok('vote:open', { meetingId: meeting.id, title: '使用维修资金', mode: 'roll_call', rule: presets['owners-ordinary-matter'] });
    for (const name of ['王一', '李二', '张三']) await host.ok('vote:castBallot', { voteId: vote.id, voterKey: key(name), choice: 'for' });
    const closed = await host.ok('vote:close', { voteId: vote.id });
    expect(closed.outcome).toMatchObject({ quorate: false, passed: false, present: { headcount: 3 } });
    expect(closed.outcome!.explanation).toContain('参与表决 3 位业主');
    expect(closed.outcome!.explanation).toContain('到会 6 位业主，其中 3 位未表决');
    const voters = await host.ok('vote:voters', { voteId: vote.id });
    expect(voters.filter((voter) => voter.notVoted).map((voter) => voter.label)).toEqual(['1-1-104 赵四', '1-1-105 钱五', '1-1-106 孙六']);
  });

  it('a residents’ meeting still counts the present, whether they vote or not', async () => {
    const host = tempHost();
    const { meeting, checkIn, key } = await sixUnits(host);
    await checkIn('王一', '李二', '张三', '赵四');
    const vote = await host.ok('vote:open', { meetingId: meeting.id, title: '增设充电桩', mode: 'roll_call', rule: presets['residents-meeting'] });
    for (const name of ['王一', '李二', '张三']) await host.ok('vote:castBallot', { voteId: vote.id, voterKey: key(name), choice: 'for' });
    const closed = await host.ok('vote:close', { voteId: vote.id });
    expect(closed.outcome).toMatchObject({ quorate: true, passed: true, present: { headcount: 4 } });
  });
});

describe('who casts which vote', () => {
  /**
   * 张三 owns 101 alone and 201 jointly with his wife 李四 (absent), and holds 赵六's proxy for 301;
   * 202 belongs to 周八, whose wife 吴九 lives there but owns nothing.
   */
  async function owners(host: TempHost) {
    const council = await host.ok('council:create', { name: '和平里院落议事会' });
    const unit = (code: string, area: string, tenure: 'owner' | 'tenant' = 'owner') => host.ok('household:create', { councilId: council.id, code, area, tenure });
    const u101 = await unit('3-1-101', '80');
    const u201 = await unit('3-1-201', '100');
    const u202 = await unit('3-1-202', '90');
    const u301 = await unit('3-1-301', '70', 'tenant');
    const person = (name: string, householdId: number | null) => host.ok('person:create', { councilId: council.id, name, householdId });
    const 张三 = await person('张三', u101.id);
    const 李四 = await person('李四', u201.id);
    const 周八 = await person('周八', u202.id);
    const 吴九 = await person('吴九', u202.id);
    const 赵六 = await person('赵六', null);
    const setOwners = (unitRow: Household, area: string, ids: number[]) =>
      host.ok('household:update', { householdId: unitRow.id, code: unitRow.code, area, tenure: unitRow.tenure, ownerIds: ids });
    await setOwners(u101, '80', [张三.id]);
    await setOwners(u201, '100', [张三.id, 李四.id]);
    await setOwners(u202, '90', [周八.id]);
    await setOwners(u301, '70', [赵六.id]);
    const meeting = await host.ok('meeting:create', { councilId: council.id, title: '业主大会', date: '2026-12-20', startTime: '19:00', place: '活动室' });
    return { units: { u101, u201, u202, u301 }, people: { 张三, 李四, 周八, 吴九, 赵六 }, meeting };
  }

  it('a joint unit is cast by a co-owner, a holder of several votes is marked, and a family member needs a proxy', async () => {
    const host = tempHost();
    const { units, people, meeting } = await owners(host);
    for (const person of [people.张三, people.吴九]) await host.ok('attendance:checkIn', { meetingId: meeting.id, personId: person.id });
    await host.ok('proxy:grant', { meetingId: meeting.id, grantorId: people.赵六.id, holderId: people.张三.id });
    const vote = await host.ok('vote:open', { meetingId: meeting.id, title: '使用维修资金', mode: 'roll_call', rule: presets['owners-ordinary-matter'] });

    let voters = await host.ok('vote:voters', { voteId: vote.id });
    const byUnit = (code: string) => voters.find((voter) => voter.label.includes(code))!;
    for (const code of ['3-1-101', '3-1-201', '3-1-301']) {
      expect(byUnit(code).present, code).toBe(true);
      expect(byUnit(code).casters, code).toEqual([expect.objectContaining({ name: '张三', votes: 3 })]);
    }
    expect(byUnit('3-1-301').casters[0]!.asProxy).toBe(true);
    expect(byUnit('3-1-201').casters[0]!.asProxy).toBe(false);
    // 吴九 lives in 202 but is not its owner: without 周八's written proxy she cannot cast his vote.
    expect(byUnit('3-1-202')).toMatchObject({ present: false, casters: [] });
    const refused = await host.invoke('vote:castBallot', { voteId: vote.id, voterKey: `household:${units.u202.id}`, choice: 'for' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!refused.ok) expect(refused.error.message).toContain('委托');

    await host.ok('proxy:grant', { meetingId: meeting.id, grantorId: people.周八.id, holderId: people.吴九.id });
    voters = await host.ok('vote:voters', { voteId: vote.id });
    expect(byUnit('3-1-202').casters).toEqual([expect.objectContaining({ name: '吴九', votes: 1, asProxy: true })]);

    for (const [unitRow, choice] of [
      [units.u101, 'for'],
      [units.u201, 'for'],
      [units.u301, 'against'],
      [units.u202, 'for'],
    ] as const) {
      await host.ok('vote:castBallot', { voteId: vote.id, voterKey: `household:${unitRow.id}`, choice });
    }
    const castBy = host.database.sqlite.prepare('SELECT voter_key AS voterKey, cast_by_id AS castById FROM ballots WHERE vote_id = ? ORDER BY id').all(vote.id);
    expect(castBy).toEqual([
      { voterKey: `household:${units.u101.id}`, castById: people.张三.id },
      { voterKey: `household:${units.u201.id}`, castById: people.张三.id },
      { voterKey: `household:${units.u301.id}`, castById: people.张三.id },
      { voterKey: `household:${units.u202.id}`, castById: people.吴九.id },
    ]);
    const closed = await host.ok('vote:close', { voteId: vote.id });
    expect(closed.outcome!.explanation).toContain('张三 一人投了 3 票');
  });

  it('a named caster must be one who may cast the vote', async () => {
    const host = tempHost();
    const { units, people, meeting } = await owners(host);
    for (const person of [people.张三, people.吴九]) await host.ok('attendance:checkIn', { meetingId: meeting.id, personId: person.id });
    const vote = await host.ok('vote:open', { meetingId: meeting.id, title: '使用维修资金', mode: 'roll_call', rule: presets['owners-ordinary-matter'] });
    const wrong = await host.invoke('vote:castBallot', { voteId: vote.id, voterKey: `household:${units.u101.id}`, choice: 'for', castById: people.吴九.id });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await host.ok('vote:castBallot', { voteId: vote.id, voterKey: `household:${units.u101.id}`, choice: 'for', castById: people.张三.id });
  });
});
