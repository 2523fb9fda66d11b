import { describe, expect, it } from 'vitest';
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
});
