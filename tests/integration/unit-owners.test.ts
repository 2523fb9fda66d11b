import { describe, expect, it } from 'vitest';
import { unitsWithoutOwnerVoter } from '../../shared/domain/voting/electorate';
import { presets } from '../../shared/domain/voting/rules';
import type { Household } from '../../shared/api/areas/roster';
import type { FilePayload } from '../../shared/api/kit';
import type { ArchiveImportResult } from '../../shared/api/areas/archive';
import { tempHost, type TempHost } from './temp-host';

/**
 * A small courtyard with every case the Civil Code's owner count names:
 * 张三 owns 101 and 102 (lives in 101); 李四 and 王五 own 201 together (李四 lives elsewhere);
 * 202 is owner-occupied with no owner recorded; 301 is rented with no owner recorded;
 * 302 is rented, owned by 赵六 who lives elsewhere (his tenant 钱七 lives there).
 */
async function courtyard(host: TempHost) {
  const council = await host.ok('council:create', { name: '和平里院落议事会' });
  const unit = (code: string, area: string, tenure: 'owner' | 'tenant' = 'owner') =>
    host.ok('household:create', { councilId: council.id, code, area, tenure });
  const units: Record<string, Household> = {
    '101': await unit('3-1-101', '80'),
    '102': await unit('3-1-102', '60'),
    '201': await unit('3-1-201', '100'),
    '202': await unit('3-1-202', '90'),
    '301': await unit('3-1-301', '50', 'tenant'),
    '302': await unit('3-1-302', '70', 'tenant'),
  };
  const person = (name: string, householdId: number | null) => host.ok('person:create', { councilId: council.id, name, householdId });
  const people = {
    张三: await person('张三', units['101']!.id),
    李四: await person('李四', null),
    王五: await person('王五', units['201']!.id),
    周八: await person('周八', units['202']!.id),
    赵六: await person('赵六', null),
    钱七: await person('钱七', units['302']!.id),
  };
  const own = (key: string, ...owners: Array<keyof typeof people>) =>
    host.ok('household:update', { householdId: units[key]!.id, code: units[key]!.code, area: String(units[key]!.areaCenti! / 100), tenure: units[key]!.tenure, ownerIds: owners.map((name) => people[name].id) });
  await own('101', '张三');
  await own('102', '张三');
  await own('201', '李四', '王五');
  await own('302', '赵六');
  const meeting = await host.ok('meeting:create', { councilId: council.id, title: '业主大会', date: '2026-12-20', startTime: '19:00', place: '3 栋前小广场' });
  return { council, units, people, meeting };
}

describe('owners of units', () => {
  it('an owners’ vote counts one owner of two units once with both areas, a jointly owned unit once, and an owner who lives elsewhere', async () => {
    const host = tempHost();
    const { council, units, people, meeting } = await courtyard(host);
    const vote = await host.ok('vote:open', { meetingId: meeting.id, title: '使用维修资金修屋顶', mode: 'roll_call', rule: presets['owners-ordinary-matter'] });

    let voters = await host.ok('vote:voters', { voteId: vote.id });
    expect(voters.map((voter) => voter.label)).toEqual(['3-1-101、3-1-102 张三', '3-1-201 李四、王五', '3-1-202 周八', '3-1-301（未登记产权人）', '3-1-302 赵六']);
    // The vote form warns of exactly the units no one may vote for: 301, rented, no owner recorded.
    // It stays in the law's totals (one owner, its area) as a voter who cannot be present.
    const households = await host.ok('household:list', { councilId: council.id });
    const unvoiced = unitsWithoutOwnerVoter(households).map((unit) => unit.code);
    expect(unvoiced).toEqual(['3-1-301']);
    for (const unit of households) expect(voters.find((voter) => voter.label.includes(unit.code))?.noOneToCast, unit.code).toBe(unvoiced.includes(unit.code));
    expect(voters.every((voter) => !voter.present)).toBe(true);
    let state = await host.ok('vote:get', { voteId: vote.id });
    expect(state.entitled).toBe(5);

    // 张三 at home in 101, 李四 (who lives elsewhere) in person, and 赵六's tenant, who cannot vote for him.
    for (const name of ['张三', '李四', '钱七'] as const) await host.ok('attendance:checkIn', { meetingId: meeting.id, personId: people[name].id });
    voters = await host.ok('vote:voters', { voteId: vote.id });
    expect(voters.filter((voter) => voter.present).map((voter) => voter.label)).toEqual(['3-1-101、3-1-102 张三', '3-1-201 李四、王五']);
    const byTenant = await host.invoke('vote:castBallot', { voteId: vote.id, voterKey: voters[4]!.key, choice: 'for' });
    expect(byTenant).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // 赵六 authorises 张三 in writing: through the holder in the room, 302 takes part.
    await host.ok('proxy:grant', { meetingId: meeting.id, grantorId: people.赵六.id, holderId: people.张三.id });
    voters = await host.ok('vote:voters', { voteId: vote.id });
    expect(voters.filter((voter) => voter.present).map((voter) => voter.label)).toEqual(['3-1-101、3-1-102 张三', '3-1-201 李四、王五', '3-1-302 赵六']);

    const zhang = voters[0]!.key;
    expect(zhang).toBe(`household:${units['101']!.id}`);
    await host.ok('vote:castBallot', { voteId: vote.id, voterKey: zhang, choice: 'for' });
    // The second unit of the same owner is no voter of its own.
    const again = await host.invoke('vote:castBallot', { voteId: vote.id, voterKey: `household:${units['102']!.id}`, choice: 'for' });
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // 202 has nobody in the room.
    const absent = await host.invoke('vote:castBallot', { voteId: vote.id, voterKey: voters[2]!.key, choice: 'for' });
    expect(absent).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!absent.ok) expect(absent.error.message).toContain('3-1-202 周八 没有签到');
    await host.ok('vote:castBallot', { voteId: vote.id, voterKey: voters[1]!.key, choice: 'against' });

    state = await host.ok('vote:get', { voteId: vote.id });
    expect(state.totals.for).toEqual({ headcount: 1, areaCenti: 14_000 });
    expect(state.totals.against).toEqual({ headcount: 1, areaCenti: 10_000 });
    expect(state.present).toBe(3);
  });

  it('with no owners recorded, an owners’ vote is one vote per owner-occupied household, as before', async () => {
    const host = tempHost();
    const council = await host.ok('council:create', { name: '和平里院落议事会' });
    await host.ok('household:create', { councilId: council.id, code: '1-1-101', area: '80' });
    await host.ok('household:create', { councilId: council.id, code: '1-1-102', area: '60', tenure: 'tenant' });
    const meeting = await host.ok('meeting:create', { councilId: council.id, title: '业主大会', date: '2026-12-20', startTime: '19:00', place: '活动室' });
    const vote = await host.ok('vote:open', { meetingId: meeting.id, title: '选聘物业', mode: 'roll_call', rule: presets['owners-ordinary-matter'] });
    expect((await host.ok('vote:voters', { voteId: vote.id })).map((voter) => voter.label)).toEqual(['1-1-101', '1-1-102（未登记产权人）']);
  });

  it('owners and tenure cannot change while an owners’ vote is not locked, so no ballot moves to another voter', async () => {
    const host = tempHost();
    const { units, people, meeting } = await courtyard(host);
    const vote = await host.ok('vote:open', { meetingId: meeting.id, title: '使用维修资金修屋顶', mode: 'roll_call', rule: presets['owners-ordinary-matter'] });
    await host.ok('attendance:checkIn', { meetingId: meeting.id, personId: people.张三.id });
    await host.ok('vote:castBallot', { voteId: vote.id, voterKey: `household:${units['101']!.id}`, choice: 'for' });

    const addCoOwner = { householdId: units['101']!.id, code: '3-1-101', area: '80', ownerIds: [people.张三.id, people.周八.id] };
    const refused = await host.invoke('household:update', addCoOwner);
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!refused.ok) expect(refused.error.message).toContain('业主表决“使用维修资金修屋顶”的结果还没有锁定');
    const rented = await host.invoke('household:update', { householdId: units['202']!.id, code: '3-1-202', area: '90', tenure: 'tenant' });
    expect(rented.ok).toBe(false);
    // An edit that leaves owners and tenure as they are is fine.
    await host.ok('household:update', { householdId: units['101']!.id, code: '3-1-101', area: '80', note: '顶楼漏水', ownerIds: [people.张三.id] });

    await host.ok('vote:close', { voteId: vote.id });
    await host.ok('vote:lock', { voteId: vote.id });
    const locked = await host.ok('vote:get', { voteId: vote.id });
    expect(locked.totals.for).toEqual({ headcount: 1, areaCenti: 14_000 });
    await host.ok('household:update', addCoOwner);
    // The locked result stands as it was stored.
    expect((await host.ok('vote:get', { voteId: vote.id })).outcome).toEqual(locked.outcome);
  });

  it('owners are kept on the household, refused from another council’s roster, kept by an update that leaves them out, and must be removed before the person', async () => {
    const host = tempHost();
    const { units, people } = await courtyard(host);
    const households = await host.ok('household:list', { councilId: units['101']!.councilId });
    expect(households.find((h) => h.code === '3-1-201')!.owners.map((owner) => owner.name)).toEqual(['李四', '王五']);

    const other = await host.ok('council:create', { name: '别的院落' });
    const stranger = await host.ok('person:create', { councilId: other.id, name: '孙九', householdId: null });
    const refused = await host.invoke('household:update', { householdId: units['202']!.id, code: '3-1-202', area: '90', ownerIds: [stranger.id] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!refused.ok) expect(refused.error.message).toContain('业主必须是本议事会名册中的人员');
    expect((await host.ok('household:list', { councilId: units['101']!.councilId })).find((h) => h.code === '3-1-202')!.owners).toEqual([]);

    const noted = await host.ok('household:update', { householdId: units['201']!.id, code: '3-1-201', area: '100', note: '共有' });
    expect(noted.owners.map((owner) => owner.name)).toEqual(['李四', '王五']);

    const stillOwner = await host.invoke('person:delete', { personId: people.李四.id });
    expect(stillOwner).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!stillOwner.ok) expect(stillOwner.error.message).toContain('李四 登记为 3-1-201 的业主（产权人）');
    await host.ok('household:update', { householdId: units['201']!.id, code: '3-1-201', area: '100', ownerIds: [people.王五.id] });
    await host.ok('person:delete', { personId: people.李四.id });
    const after = (await host.ok('household:list', { councilId: units['101']!.councilId })).find((h) => h.code === '3-1-201')!;
    expect(after.owners.map((owner) => owner.name)).toEqual(['王五']);
  });

  it('owners move with the council archive', async () => {
    const source = tempHost();
    const { council } = await courtyard(source);
    const file = (await source.ok('archive:export', { councilId: council.id })) as FilePayload;
    const target = tempHost();
    const imported = (await target.ok('archive:import', { fileName: file.fileName, dataBase64: file.dataBase64 })) as ArchiveImportResult;
    const owners = (await target.ok('household:list', { councilId: imported.council.id })).map((h) => `${h.code}:${h.owners.map((o) => o.name).join('+')}`);
    expect(owners).toEqual(['3-1-101:张三', '3-1-102:张三', '3-1-201:李四+王五', '3-1-202:', '3-1-301:', '3-1-302:赵六']);
  });
});
