/**
 * Who is entitled under a rule, before any vote opens: the vote form shows the list and its count,
 * and it is the list the vote then opens with.
 */
import { describe, expect, it } from 'vitest';
import { presets } from '../../shared/domain/voting/rules';
import { tempHost, type TempHost } from './temp-host';

async function courtyard(host: TempHost) {
  const council = await host.ok('council:create', { name: '和平里院落议事会' });
  const unit = (code: string, area: string, tenure: 'owner' | 'tenant' = 'owner') => host.ok('household:create', { councilId: council.id, code, area, tenure });
  const [a, b, c] = [await unit('1-1-101', '80'), await unit('1-1-102', '60'), await unit('1-1-201', '100', 'tenant')];
  const person = (name: string, householdId: number | null, roles: Array<'chair' | 'secretary' | 'member' | 'supervisor'> = []) =>
    host.ok('person:create', { councilId: council.id, name, householdId, roles });
  await person('王建国', a.id, ['chair']);
  await person('李秀英', b.id, ['secretary']);
  await person('何兆品', c.id, ['member']);
  await person('陈淑珍', b.id, ['supervisor']);
  const meeting = await host.ok('meeting:create', { councilId: council.id, title: '院落夜话', date: '2026-12-20', startTime: '19:00', place: '活动室' });
  return { council, meeting };
}

describe('council:electorate', () => {
  it('lists the council members, chair and secretary included, and the vote opens with the same list', async () => {
    const host = tempHost();
    const { council, meeting } = await courtyard(host);
    const electorate = await host.ok('council:electorate', { councilId: council.id, voterBasis: 'members' });
    expect(electorate).toMatchObject({ voterBasis: 'members', count: 3 });
    expect(electorate.voters.map((voter) => voter.label).sort()).toEqual(['王建国', '李秀英', '何兆品'].sort());

    const vote = await host.ok('vote:open', { meetingId: meeting.id, title: '公共收益月月晒', mode: 'roll_call', rule: presets['council-majority'] });
    expect((await host.ok('vote:get', { voteId: vote.id })).entitled).toBe(electorate.count);
    expect((await host.ok('vote:voters', { voteId: vote.id })).map((voter) => voter.key)).toEqual(electorate.voters.map((voter) => voter.key));
  });

  it('lists every household with its people, and the owners’ voters with their areas; a rented unit with no owner on the roll stays in the totals', async () => {
    const host = tempHost();
    const { council } = await courtyard(host);
    const households = await host.ok('council:electorate', { councilId: council.id, voterBasis: 'households' });
    expect(households.count).toBe(3);
    expect(households.voters.map((voter) => voter.label)).toEqual(['1-1-101 王建国', '1-1-102 李秀英、陈淑珍', '1-1-201 何兆品']);

    const owners = await host.ok('council:electorate', { councilId: council.id, voterBasis: 'owners' });
    expect(owners.voters.map((voter) => [voter.label, voter.areaCenti])).toEqual([
      ['1-1-101 王建国', 8000],
      ['1-1-102 李秀英、陈淑珍', 6000],
      ['1-1-201（未登记产权人）', 10000],
    ]);
    expect(owners).toMatchObject({ count: 3, areaCenti: 24_000 });
  });

  it('is the chair’s alone, and refuses an unknown council or basis in Chinese', async () => {
    const host = tempHost();
    const { council, meeting } = await courtyard(host);
    const participant = { kind: 'participant', participantId: 1, meetingId: meeting.id, role: 'door', name: '门口' } as const;
    expect(await host.invoke('council:electorate', { councilId: council.id, voterBasis: 'members' }, participant)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await host.invoke('council:electorate', { councilId: 999, voterBasis: 'members' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const unknown = await host.invoke('council:electorate', { councilId: council.id, voterBasis: 'everyone' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '未知的投票人范围' } });
  });
});
