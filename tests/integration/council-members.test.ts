/**
 * Council membership comes from the roster as offices write it: the chair (主任), the vice chair and
 * the secretary (记录人, 秘书) are council members, counted in a council members' vote and listed
 * as members, not 列席, in the minutes; the 身份 column reads the words offices use.
 */
import { describe, expect, it } from 'vitest';
import { presets } from '../../shared/domain/voting/rules';
import { gatherMeetingData } from '../../src-main/host/areas/minutes/facts';
import { tempHost } from './temp-host';

const base64 = (text: string) => Buffer.from(`\uFEFF${text}`).toString('base64');

const roster = [
  '姓名,户号,身份',
  '王建国,1-1-301,主任',
  '李秀英,2-1-502,记录人',
  '何兆品,3-2-501,理事',
  '张桂兰,4-1-201,"副主任、党员"',
  '刘德华,5-2-602,秘书 楼栋长',
  '陈淑珍,2-2-102,"监事，户代表"',
  '赵卫东,4-2-401,"单元长,网格员;户主"',
].join('\n');

describe('council members from the roster', () => {
  it('a roster imported with 主任 / 记录人 / 理事 gives a council of the right size, and the minutes list them as members', async () => {
    const host = tempHost();
    const council = await host.ok('council:create', { name: '平安小区院落议事会' });
    const file = { councilId: council.id, fileName: 'roster.csv', dataBase64: base64(roster) };
    const preview = await host.ok('roster:previewImport', file);
    expect(preview.issues).toEqual([]);
    await host.ok('roster:commitImport', file);

    const people = await host.ok('person:list', { councilId: council.id });
    const rolesOf = (name: string) => people.find((person) => person.name === name)!.roles;
    expect(rolesOf('王建国')).toEqual(['chair', 'member']);
    expect(rolesOf('李秀英')).toEqual(['secretary', 'member']);
    expect(rolesOf('何兆品')).toEqual(['member']);
    expect(rolesOf('张桂兰')).toEqual(['vice_chair', 'party_member', 'member']);
    expect(rolesOf('刘德华')).toEqual(['secretary', 'building_head', 'member']);
    expect(rolesOf('陈淑珍')).toEqual(['supervisor', 'representative']);
    expect(rolesOf('赵卫东')).toEqual(['unit_head', 'grid_worker', 'household_head']);

    const byName = (name: string) => people.find((person) => person.name === name)!.id;
    const meeting = await host.ok('meeting:create', {
      councilId: council.id,
      title: '院落夜话',
      date: '2026-12-20',
      startTime: '19:00',
      place: '活动室',
      chairId: byName('王建国'),
      secretaryId: byName('李秀英'),
    });
    const vote = await host.ok('vote:open', { meetingId: meeting.id, title: '公共收益月月晒', mode: 'roll_call', rule: presets['council-majority'] });
    expect((await host.ok('vote:get', { voteId: vote.id })).entitled).toBe(5);
    expect((await host.ok('vote:voters', { voteId: vote.id })).map((voter) => voter.label).sort()).toEqual(
      ['王建国', '李秀英', '何兆品', '张桂兰', '刘德华'].sort(),
    );

    for (const name of ['王建国', '李秀英', '陈淑珍']) await host.ok('attendance:checkIn', { meetingId: meeting.id, personId: byName(name) });
    const facts = gatherMeetingData(host.database.db, meeting.id);
    expect(facts.members).toHaveLength(5);
    expect(facts.attendees.map(({ name, member }) => [name, member])).toEqual([
      ['王建国', true],
      ['李秀英', true],
      ['陈淑珍', false],
    ]);
  });

  it('a chair or secretary entered by hand is a member too', async () => {
    const host = tempHost();
    const council = await host.ok('council:create', { name: '和平里院落议事会' });
    const chair = await host.ok('person:create', { councilId: council.id, name: '王建国', householdId: null, roles: ['chair'] });
    expect(chair.roles).toEqual(['chair', 'member']);
    const secretary = await host.ok('person:update', { personId: chair.id, name: '王建国', householdId: null, roles: ['secretary'] });
    expect(secretary.roles).toEqual(['secretary', 'member']);
    const party = await host.ok('person:create', { councilId: council.id, name: '何兆品', householdId: null, roles: ['party_member', 'grid_worker'] });
    expect(party.roles).toEqual(['party_member', 'grid_worker']);
  });

  it('reports an unknown word in the 身份 column by row and column, with the words it understands', async () => {
    const host = tempHost();
    const council = await host.ok('council:create', { name: '和平里院落议事会' });
    const file = { councilId: council.id, fileName: 'roster.csv', dataBase64: base64('姓名,户号,身份\n王建国,1-1-301,主任\n李秀英,2-1-502,"理事、队长"\n') };
    const preview = await host.ok('roster:previewImport', file);
    expect(preview.issues).toHaveLength(1);
    const [issue] = preview.issues;
    expect(issue).toMatchObject({ row: 3, column: '身份' });
    expect(issue!.message).toMatch(/^身份“队长”无法识别，可填：/);
    for (const label of ['理事会主任', '理事会副主任', '记录人', '理事会成员', '监督员', '党员', '楼栋长', '单元长', '网格员', '户代表', '户主', '列席']) {
      expect(issue!.message).toContain(label);
    }
  });
});
