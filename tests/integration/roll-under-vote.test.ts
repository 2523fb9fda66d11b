/**
 * While a vote of a council is open, or closed and not yet locked, the roster cannot change in a way
 * that would move it: units, areas, tenure and owners, who lives where, and (for a council members'
 * vote) people's roles. The refusal names the vote; changes that cannot move it stay allowed.
 */
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api/errors';
import { presets } from '../../shared/domain/voting/rules';
import { tempHost, type TempHost } from './temp-host';

const base64 = (text: string) => Buffer.from(`\uFEFF${text}`).toString('base64');

async function courtyard(host: TempHost) {
  const council = await host.ok('council:create', { name: '和平里院落议事会' });
  const unit101 = await host.ok('household:create', { councilId: council.id, code: '1-1-101', area: '100' });
  const unit102 = await host.ok('household:create', { councilId: council.id, code: '1-1-102', area: '80' });
  const chair = await host.ok('person:create', { councilId: council.id, name: '王建国', householdId: unit101.id, roles: ['chair', 'member'] });
  const member = await host.ok('person:create', { councilId: council.id, name: '李秀英', householdId: unit102.id, roles: ['member'] });
  const meeting = await host.ok('meeting:create', { councilId: council.id, title: '院落夜话', date: '2026-12-20', startTime: '19:00', place: '活动室' });
  return { council, unit101, unit102, chair, member, meeting };
}

function expectRefused(result: ApiResult<unknown>, title: string): void {
  expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
  if (!result.ok) {
    expect(result.error.message).toContain(`表决“${title}”的结果还没有锁定`);
    expect(result.error.message).toMatch(/不能修改/);
  }
}

describe('the roll under an open vote', () => {
  it('an area edit (100 → 900 m²) during an open owners’ vote is refused, and allowed once the vote is locked', async () => {
    const host = tempHost();
    const { unit101, meeting } = await courtyard(host);
    const vote = await host.ok('vote:open', { meetingId: meeting.id, title: '加装电梯', mode: 'roll_call', rule: presets['owners-ordinary-matter'] });
    const bigger = { householdId: unit101.id, code: '1-1-101', area: '900' };

    expectRefused(await host.invoke('household:update', bigger), '加装电梯');
    expect((await host.ok('household:list', { councilId: unit101.councilId }))[0]!.areaCenti).toBe(10_000);
    // The note and the same area change nothing the vote counts.
    await host.ok('household:update', { householdId: unit101.id, code: '1-1-101', area: '100', note: '顶楼' });

    await host.ok('vote:close', { voteId: vote.id });
    expectRefused(await host.invoke('household:update', bigger), '加装电梯');
    await host.ok('vote:lock', { voteId: vote.id });
    await host.ok('household:update', bigger);
  });

  it('a new owner-occupied unit, a deleted unit, or a person moved in during a household vote is refused', async () => {
    const host = tempHost();
    const { council, unit102, member, meeting } = await courtyard(host);
    await host.ok('vote:open', { meetingId: meeting.id, title: '一户多车阶梯收费', mode: 'hands', rule: presets['residents-meeting'] });

    expectRefused(await host.invoke('household:create', { councilId: council.id, code: '2-1-101', area: '90', tenure: 'owner' }), '一户多车阶梯收费');
    const empty = await host.invoke('household:delete', { householdId: unit102.id });
    expect(empty.ok).toBe(false);
    expectRefused(await host.invoke('person:create', { councilId: council.id, name: '新住户', householdId: unit102.id }), '一户多车阶梯收费');
    expectRefused(await host.invoke('person:update', { personId: member.id, name: '李秀英', householdId: null, roles: ['member'] }), '一户多车阶梯收费');
    // A phone number or a role moves no household vote.
    await host.ok('person:update', { personId: member.id, name: '李秀英', householdId: unit102.id, phone: '13800138000', roles: ['member', 'supervisor'] });
    expect((await host.ok('household:list', { councilId: council.id })).map((unit) => unit.code)).toEqual(['1-1-101', '1-1-102']);
  });

  it('a role change during a council members’ vote is refused; a household edit is not', async () => {
    const host = tempHost();
    const { council, unit101, chair, member, meeting } = await courtyard(host);
    await host.ok('vote:open', { meetingId: meeting.id, title: '公共收益月月晒', mode: 'roll_call', rule: presets['council-majority'] });

    expectRefused(await host.invoke('person:update', { personId: member.id, name: '李秀英', householdId: member.householdId, roles: [] }), '公共收益月月晒');
    expectRefused(await host.invoke('person:create', { councilId: council.id, name: '赵卫东', householdId: null, roles: ['member'] }), '公共收益月月晒');
    expectRefused(await host.invoke('person:delete', { personId: chair.id }), '公共收益月月晒');
    // What a members' vote does not count may change.
    await host.ok('household:update', { householdId: unit101.id, code: '1-1-101', area: '120' });
    await host.ok('person:create', { councilId: council.id, name: '新住户', householdId: unit101.id });
    expect((await host.ok('person:list', { councilId: council.id })).find((p) => p.id === member.id)!.roles).toEqual(['member']);
  });

  it('a roster import during a household vote is refused as a whole, in the preview and at commit', async () => {
    const host = tempHost();
    const { council, meeting } = await courtyard(host);
    await host.ok('vote:open', { meetingId: meeting.id, title: '飞线充电整治', mode: 'hands', rule: presets['residents-meeting'] });
    const file = { councilId: council.id, fileName: 'roster.csv', dataBase64: base64('姓名,户号,面积\n张桂兰,3-1-101,85\n') };

    const preview = await host.ok('roster:previewImport', file);
    expect(preview.issues.map((issue) => issue.message).join('')).toContain('表决“飞线充电整治”的结果还没有锁定');
    const before = JSON.stringify([await host.ok('household:list', { councilId: council.id }), await host.ok('person:list', { councilId: council.id })]);
    const refused = await host.invoke('roster:commitImport', file);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(JSON.stringify(refused.error)).toContain('表决“飞线充电整治”的结果还没有锁定');
    const after = JSON.stringify([await host.ok('household:list', { councilId: council.id }), await host.ok('person:list', { councilId: council.id })]);
    expect(after).toBe(before);
  });

  it('a vote of another council does not hold this council’s roster', async () => {
    const host = tempHost();
    const { unit101 } = await courtyard(host);
    const other = await courtyard(host);
    await host.ok('vote:open', { meetingId: other.meeting.id, title: '加装电梯', mode: 'roll_call', rule: presets['owners-ordinary-matter'] });
    await host.ok('household:update', { householdId: unit101.id, code: '1-1-101', area: '900' });
  });
});
