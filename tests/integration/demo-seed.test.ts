import { describe, expect, it } from 'vitest';
import { presets } from '../../shared/domain/voting/rules';
import { seedOwnersDemo } from '../../src-main/host/demo/owners';
import { isDatabaseEmpty, seedDemo } from '../../src-main/host/demo/seed';
import { tempHost } from './temp-host';

describe('the demo courtyard', () => {
  it('is 平安小区 with about 60 households, a council of seven and three meetings', async () => {
    const host = tempHost();
    expect(isDatabaseEmpty(host.database)).toBe(true);
    seedDemo(host.database, new Date('2026-11-22T12:00:00Z'));
    expect(isDatabaseEmpty(host.database)).toBe(false);

    const [council] = await host.ok('council:list', {});
    expect(council!.name).toContain('平安小区');
    const households = await host.ok('household:list', { councilId: council!.id });
    expect(households).toHaveLength(60);
    expect(new Set(households.map((h) => h.building)).size).toBeGreaterThanOrEqual(3);
    expect(households.every((h) => h.areaCenti !== null && h.areaCenti > 5000)).toBe(true);

    const people = await host.ok('person:list', { councilId: council!.id });
    expect(people.filter((p) => p.roles.includes('member'))).toHaveLength(7);
    expect(people.filter((p) => p.roles.includes('chair')).map((p) => p.name)).toEqual(['王建国']);
    expect(people.filter((p) => p.roles.includes('secretary')).map((p) => p.name)).toEqual(['李秀英']);
    expect(people.every((p) => /^[\u4e00-\u9fa5 ]+$/.test(p.name))).toBe(true);
    // No namesakes: two people of one name would read as one owner of two flats.
    expect(new Set(people.map((p) => p.name)).size).toBe(people.length);

    const found = await host.ok('person:search', { councilId: council!.id, query: 'hzp' });
    expect(found[0]).toMatchObject({ name: '何兆品', householdCode: '3-2-501' });

    const meetings = await host.ok('meeting:list', { councilId: council!.id });
    expect(meetings.map((m) => m.status).sort()).toEqual(['closed', 'closed', 'planned']);
    const upcoming = meetings.find((m) => m.status === 'planned')!;
    expect(upcoming.date > '2026-11-22').toBe(true);
    const agenda = (await host.ok('meeting:get', { meetingId: upcoming.id })).agenda;
    expect(agenda.map((a) => a.title)).toEqual(expect.arrayContaining(['增设电动车集中充电桩', '一户多车阶梯停车收费']));
    expect(agenda).toHaveLength(4);
  });

  it('records title deeds so that an owners’ vote shows one owner of two units and a jointly owned unit', async () => {
    const host = tempHost();
    seedDemo(host.database, new Date('2026-11-22T12:00:00Z'));
    seedOwnersDemo(host.database);
    const [council] = await host.ok('council:list', {});
    const households = await host.ok('household:list', { councilId: council!.id });
    const ownerOccupied = households.filter((h) => h.tenure === 'owner');
    expect(ownerOccupied.every((h) => h.owners.length > 0)).toBe(true);
    expect(households.filter((h) => h.owners.length === 2)).toHaveLength(1);
    const rentedByChair = households.filter((h) => h.tenure === 'tenant' && h.owners.some((o) => o.name === '王建国'));
    expect(rentedByChair).toHaveLength(1);

    const meeting = (await host.ok('meeting:list', { councilId: council!.id })).find((m) => m.status === 'planned')!;
    const vote = await host.ok('vote:open', { meetingId: meeting.id, title: '维修资金使用', mode: 'roll_call', rule: presets['owners-ordinary-matter'] });
    const voters = await host.ok('vote:voters', { voteId: vote.id });
    // Every owner-occupied unit is a voter, and the chair's rented unit joins his own; the other rented
    // units, with no owner on record, stay in the totals as voters no one may cast for.
    expect(voters.filter((v) => !v.noOneToCast)).toHaveLength(ownerOccupied.length);
    expect(voters.filter((v) => v.noOneToCast)).toHaveLength(households.filter((h) => h.tenure === 'tenant' && h.owners.length === 0).length);
    const chair = voters.filter((v) => v.label.includes('王建国'));
    expect(chair).toHaveLength(1);
    expect(chair[0]!.label).toMatch(/ 王建国$/);
    expect(chair[0]!.label.split(' ')[0]!.split('、').sort()).toEqual(['1-1-301', rentedByChair[0]!.code].sort());
  });
});
