import { describe, expect, it } from 'vitest';
import { tempHost, type TempHost } from './temp-host';

async function councilWithHousehold(host: TempHost) {
  const council = await host.ok('council:create', { name: '幸福里院落议事会' });
  const household = await host.ok('household:create', { councilId: council.id, code: '3栋2单元501室', area: '86.5' });
  return { council, household };
}

/** Everything a user can see, to prove a refused call changed nothing. */
async function snapshot(host: TempHost, councilId: number) {
  return JSON.stringify([
    await host.ok('council:list', {}),
    await host.ok('household:list', { councilId }),
    await host.ok('person:list', { councilId }),
    await host.ok('meeting:list', { councilId }),
  ]);
}

describe('the database file', () => {
  it('is created from empty by the committed migrations, in WAL mode with foreign keys on', () => {
    const host = tempHost();
    const tables = host.database.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(expect.arrayContaining(['agenda_items', 'councils', 'households', 'meetings', 'people']));
    expect(host.database.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(host.database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(host.database.sqlite.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('keeps everything across a restart', async () => {
    let host = tempHost();
    const { council } = await councilWithHousehold(host);
    const meeting = await host.ok('meeting:create', { councilId: council.id, title: '十月议事会', date: '2026-10-10', startTime: '19:30' });
    await host.ok('agenda:add', { meetingId: meeting.id, title: '电动车充电桩' });
    const before = await snapshot(host, council.id);
    host = host.reopen();
    expect(await snapshot(host, council.id)).toBe(before);
    expect((await host.ok('meeting:get', { meetingId: meeting.id })).agenda[0]!.title).toBe('电动车充电桩');
  });
});

describe('households and people', () => {
  it('normalises household numbers and keeps areas exact', async () => {
    const host = tempHost();
    const { household } = await councilWithHousehold(host);
    expect(household).toMatchObject({ code: '3-2-501', building: '3', unit: '2', room: '501', areaCenti: 8650, tenure: 'owner' });
  });

  it('refuses a second household with the same number', async () => {
    const host = tempHost();
    const { council } = await councilWithHousehold(host);
    const result = await host.invoke('household:create', { councilId: council.id, code: '3-2-501' });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', message: '户号 3-2-501 已经存在。' } });
  });

  it('gives pinyin keys to people and finds them by initials and by household', async () => {
    const host = tempHost();
    const { council, household } = await councilWithHousehold(host);
    await host.ok('person:create', { councilId: council.id, name: '何兆品', householdId: household.id, roles: ['representative'] });
    await host.ok('person:create', { councilId: council.id, name: '王建国', householdId: null, roles: ['observer'] });
    const found = await host.ok('person:search', { councilId: council.id, query: 'hzp' });
    expect(found.map((p) => p.name)).toEqual(['何兆品']);
    expect(found[0]).toMatchObject({ pinyinInitials: 'hzp', householdCode: '3-2-501', roles: ['representative'] });
    expect((await host.ok('person:search', { councilId: council.id, query: '3-2-501' })).map((p) => p.name)).toEqual(['何兆品']);
  });

  it('edits and deletes; a household with people cannot be deleted', async () => {
    const host = tempHost();
    const { council, household } = await councilWithHousehold(host);
    const person = await host.ok('person:create', { councilId: council.id, name: '李秀英', householdId: household.id });
    const refused = await host.invoke('household:delete', { householdId: household.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const renamed = await host.ok('person:update', { personId: person.id, name: '李秀兰', householdId: household.id, phone: '13800001111', roles: ['member'] });
    expect(renamed).toMatchObject({ name: '李秀兰', pinyinInitials: 'lxl', phone: '13800001111', roles: ['member'] });
    await host.ok('person:delete', { personId: person.id });
    await host.ok('household:delete', { householdId: household.id });
    expect(await host.ok('household:list', { councilId: council.id })).toEqual([]);
  });

  it('refuses a person put into another council’s household', async () => {
    const host = tempHost();
    const { household } = await councilWithHousehold(host);
    const other = await host.ok('council:create', { name: '另一个院落' });
    const result = await host.invoke('person:create', { councilId: other.id, name: '张三', householdId: household.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('the boundary', () => {
  it.each([
    ['household:create', { councilId: 1, code: '3-2' }, '户号“3-2”格式不对'],
    ['household:create', { councilId: 1, code: '3-2-502', area: '八十' }, '面积“八十”不是有效数字'],
    ['person:create', { councilId: 1, name: '   ' }, '请填写姓名'],
    ['person:create', { councilId: 1, name: '张三', roles: ['king'] }, '未知的身份'],
    ['meeting:create', { councilId: 1, title: '会', date: '2026-13-45', startTime: '19:00' }, '不是有效日期'],
    ['meeting:create', { councilId: 1, title: '会', date: '2026-10-10', startTime: '7pm' }, '时间格式应为 19:30'],
    ['council:create', { name: 42 }, '议事会名称必须是文字'],
  ] as const)('%s with %j is refused in Chinese and changes nothing', async (channel, input, message) => {
    const host = tempHost();
    const { council } = await councilWithHousehold(host);
    const before = await snapshot(host, council.id);
    const result = await host.invoke(channel, input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.message).toContain(message);
    }
    expect(await snapshot(host, council.id)).toBe(before);
  });

  it('refuses unknown calls and never throws', async () => {
    const host = tempHost();
    expect(await host.invoke('drop:tables', {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect(await host.invoke('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect(await host.invoke('council:create', null)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await host.invoke('meeting:get', { meetingId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('meetings and agendas', () => {
  it('creates a meeting with chair and secretary, adds, edits, reorders and removes matters', async () => {
    const host = tempHost();
    const { council, household } = await councilWithHousehold(host);
    const chair = await host.ok('person:create', { councilId: council.id, name: '王建国', householdId: household.id, roles: ['chair'] });
    const meeting = await host.ok('meeting:create', {
      councilId: council.id,
      title: '十二月议事会',
      date: '2026-12-05',
      startTime: '19:00',
      place: '活动室',
      chairId: chair.id,
    });
    expect(meeting).toMatchObject({ chairName: '王建国', status: 'planned', agenda: [] });
    const titles = ['广场铺装', '充电桩', '停车收费'];
    for (const title of titles) await host.ok('agenda:add', { meetingId: meeting.id, title });
    let current = await host.ok('meeting:get', { meetingId: meeting.id });
    expect(current.agenda.map((a) => [a.position, a.title, a.stepIndex])).toEqual([
      [1, '广场铺装', 0],
      [2, '充电桩', 0],
      [3, '停车收费', 0],
    ]);
    const [a, b, c] = current.agenda.map((item) => item.id) as [number, number, number];
    current = await host.ok('agenda:reorder', { meetingId: meeting.id, orderedIds: [c, a, b] });
    expect(current.agenda.map((item) => item.title)).toEqual(['停车收费', '广场铺装', '充电桩']);

    const stale = await host.invoke('agenda:reorder', { meetingId: meeting.id, orderedIds: [a, b] });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });

    current = await host.ok('agenda:update', { agendaItemId: a, title: '小广场地面铺装', text: '申请微更新资金' });
    current = await host.ok('agenda:remove', { agendaItemId: c });
    expect(current.agenda.map((item) => [item.position, item.title])).toEqual([
      [1, '小广场地面铺装'],
      [2, '充电桩'],
    ]);
    const closed = await host.ok('meeting:update', {
      meetingId: meeting.id,
      title: '十二月议事会',
      date: '2026-12-05',
      startTime: '19:00',
      status: 'closed',
    });
    expect(closed.status).toBe('closed');
    await host.ok('meeting:delete', { meetingId: meeting.id });
    expect(await host.ok('meeting:list', { councilId: council.id })).toEqual([]);
  });

  it('deleting a person who chaired a meeting keeps the meeting', async () => {
    const host = tempHost();
    const { council } = await councilWithHousehold(host);
    const chair = await host.ok('person:create', { councilId: council.id, name: '王建国' });
    const meeting = await host.ok('meeting:create', { councilId: council.id, title: '会', date: '2026-12-05', startTime: '19:00', chairId: chair.id });
    await host.ok('person:delete', { personId: chair.id });
    expect(await host.ok('meeting:get', { meetingId: meeting.id })).toMatchObject({ chairId: null, chairName: null });
  });
});
