import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { minutesField } from '../../shared/collab/doc-shape';
import { presets } from '../../shared/domain/voting/rules';
import { seedDemo } from '../../src-main/host/demo/seed';
import { startBrowserHost } from '../../src-main/host/core/server';
import { tempHost } from './temp-host';

const clock = new Date('2026-11-22T12:00:00Z');

async function demo() {
  const host = tempHost();
  seedDemo(host.database, clock);
  const [council] = await host.ok('council:list', {});
  const councilId = council!.id;
  const meeting = (await host.ok('meeting:list', { councilId })).find((m) => m.status === 'planned')!;
  const agenda = (await host.ok('meeting:get', { meetingId: meeting.id })).agenda;
  const people = await host.ok('person:list', { councilId });
  const person = (name: string) => people.find((p) => p.name === name)!;
  return { host, council: council!, councilId, meetingId: meeting.id, agenda, person };
}

/** A second meeting of the demo council whose notice was never posted. */
async function unannouncedMatter(host: Awaited<ReturnType<typeof demo>>['host'], councilId: number) {
  const meeting = await host.ok('meeting:create', { councilId, title: '临时议事会', date: '2026-12-20', startTime: '19:00' });
  const added = await host.ok('agenda:add', { meetingId: meeting.id, title: '楼道照明改造' });
  return { meetingId: meeting.id, itemId: added.agenda[0]!.id };
}

const auditKinds = (host: Awaited<ReturnType<typeof demo>>['host']) =>
  host.database.sqlite.prepare("SELECT kind FROM audit_log WHERE kind LIKE 'process.%' ORDER BY seq").pluck().all() as string[];

describe('the step machine on stored matters', () => {
  it('moves the demo’s announced matter one step at a time, records who/when/from/to, and refuses with a readable reason', async () => {
    const { host, agenda } = await demo();
    const item = agenda[0]!;
    let process = await host.ok('process:get', { agendaItemId: item.id });
    expect(process).toMatchObject({ stepIndex: 2, announced: true, locked: false, history: [] });
    expect(process.noticePostedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(process.advance).toMatchObject({ toStep: 3, toName: '协商讨论', allowed: true });

    process = await host.ok('process:advance', { agendaItemId: item.id, note: '会议开始' });
    expect(process.stepIndex).toBe(3);
    process = await host.ok('process:advance', { agendaItemId: item.id });
    expect(process.stepIndex).toBe(4);
    expect(process.history.map((h) => [h.action, h.fromName, h.toName, h.actorName])).toEqual([
      ['advance', '公示通知', '协商讨论', '王建国'],
      ['advance', '协商讨论', '表决决议', '王建国'],
    ]);
    expect(process.history[0]).toMatchObject({ note: '会议开始', overrideReason: null });
    expect(process.advance).toMatchObject({ toStep: 5, allowed: false, reason: '表决结果还没有锁定，不能进入“落实公示”。请先完成表决并锁定结果。' });
    const refused = await host.invoke('process:advance', { agendaItemId: item.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: '表决结果还没有锁定，不能进入“落实公示”。请先完成表决并锁定结果。' } });
    expect(auditKinds(host)).toEqual(['process.advance', 'process.advance']);
    expect(await host.ok('audit:verify', {})).toMatchObject({ ok: true });

    // The record survives a restart.
    const reopened = host.reopen();
    expect((await reopened.ok('process:get', { agendaItemId: item.id })).history).toHaveLength(2);
  });

  it('refuses deliberation and votes on a matter whose meeting was never announced; an override needs a reason and is recorded', async () => {
    const { host, councilId } = await demo();
    const { meetingId, itemId } = await unannouncedMatter(host, councilId);
    await host.ok('process:advance', { agendaItemId: itemId });
    await host.ok('process:advance', { agendaItemId: itemId });
    const unannounced = '会议通知还没有张贴公示，议题不能进入“协商讨论”。请先张贴会议通知并记录张贴日期。';
    expect(await host.invoke('process:advance', { agendaItemId: itemId })).toMatchObject({ ok: false, error: { message: unannounced } });
    const vote = await host.invoke('vote:open', { meetingId, agendaItemId: itemId, title: '楼道照明改造', mode: 'hands', rule: presets['council-majority'] });
    expect(vote).toMatchObject({ ok: false, error: { code: 'conflict', message: `不能对“楼道照明改造”表决：${unannounced}` } });
    expect(await host.ok('vote:list', { meetingId })).toEqual([]);

    expect(await host.invoke('process:override', { agendaItemId: itemId, toStep: 3, reason: '  ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const overridden = await host.ok('process:override', { agendaItemId: itemId, toStep: 3, reason: '通知已在微信群发布，公示栏次日补贴' });
    expect(overridden.history.at(-1)).toMatchObject({ action: 'override', from: 2, to: 3, overrideReason: '通知已在微信群发布，公示栏次日补贴' });
    const row = host.database.sqlite.prepare('SELECT action, from_step, to_step, override_reason FROM step_transitions ORDER BY id DESC LIMIT 1').get();
    expect(row).toEqual({ action: 'override', from_step: 2, to_step: 3, override_reason: '通知已在微信群发布，公示栏次日补贴' });
    expect(auditKinds(host).at(-1)).toBe('process.override');
  });

  it('vote:open moves an announced matter to 表决决议，vote:lock locks it: no going back', async () => {
    const { host, meetingId, agenda, person } = await demo();
    const item = agenda[1]!;
    for (const name of ['王建国', '李秀英', '何兆品']) await host.ok('attendance:checkIn', { meetingId, personId: person(name).id });
    const vote = await host.ok('vote:open', { meetingId, agendaItemId: item.id, title: item.title, mode: 'hands', rule: presets['council-majority'] });
    let process = await host.ok('process:get', { agendaItemId: item.id });
    expect(process.stepIndex).toBe(4);
    expect(process.history.map((h) => [h.from, h.to, h.note])).toEqual([
      [2, 3, '开始表决'],
      [3, 4, '开始表决'],
    ]);
    expect(await host.invoke('process:back', { agendaItemId: item.id })).toMatchObject({
      ok: false,
      error: { message: `“${item.title}”的表决正在进行，请先结束表决，再变更议题的步骤。` },
    });
    await host.ok('vote:enterCounts', { voteId: vote.id, for: 3, against: 0, abstain: 0 });
    await host.ok('vote:close', { voteId: vote.id });
    await host.ok('vote:lock', { voteId: vote.id });
    process = await host.ok('process:get', { agendaItemId: item.id });
    expect(process).toMatchObject({ locked: true, stepIndex: 4, advance: { allowed: true }, back: { allowed: false } });
    expect(host.database.sqlite.prepare('SELECT count(*) FROM matter_locks WHERE agenda_item_id = ?').pluck().get(item.id)).toBe(1);
    const locked = '表决结果已经锁定，议题不能退回。如需更正，请重新表决并写明理由。';
    expect(await host.invoke('process:back', { agendaItemId: item.id })).toMatchObject({ ok: false, error: { message: locked } });
    expect(await host.invoke('process:override', { agendaItemId: item.id, toStep: 1, reason: '重新审议' })).toMatchObject({ ok: false, error: { message: locked } });
    process = await host.ok('process:advance', { agendaItemId: item.id });
    expect(process.stepIndex).toBe(5);

    // A correction is voted on the same matter without moving it; its lock leaves the first.
    const again = await host.ok('vote:revote', { voteId: vote.id, reason: '计票有误，重新表决' });
    await host.ok('vote:enterCounts', { voteId: again.id, for: 3, against: 0, abstain: 0 });
    await host.ok('vote:close', { voteId: again.id });
    await host.ok('vote:lock', { voteId: again.id });
    expect((await host.ok('process:get', { agendaItemId: item.id })).history.filter((h) => h.action === 'lock')).toHaveLength(1);
  });

  it('the proposal is amended in the meeting (recorded, in the minutes), taken back, and frozen once the result is locked', async () => {
    const { host, meetingId, agenda, person } = await demo();
    const item = agenda[1]!;
    const amended = '在 3 栋和 5 栋之间建 12 个充电桩，费用由公共收益支出。';
    let meeting = await host.ok('agenda:amend', { agendaItemId: item.id, text: `  ${amended}\n` });
    expect(meeting.agenda[1]).toMatchObject({ text: item.text, amendedText: amended });
    // The same wording again changes nothing and records nothing.
    await host.ok('agenda:amend', { agendaItemId: item.id, text: amended });
    const amendments = () =>
      (host.database.sqlite.prepare("SELECT payload FROM audit_log WHERE kind = 'agenda.amend' ORDER BY seq").pluck().all() as string[]).map((p) => JSON.parse(p) as { before: string | null; after: string | null });
    expect(amendments()).toEqual([expect.objectContaining({ agendaItemId: item.id, before: null, after: amended })]);

    // The minutes' generated block for the matter carries the amended wording.
    await host.ok('minutes:open', { meetingId });
    await host.ok('minutes:refresh', { meetingId });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Buffer.from((await host.ok('minutes:open', { meetingId })).stateBase64, 'base64'));
    expect(copy.getXmlFragment(minutesField).toString()).toContain(amended);

    // Empty text (or the tabled text) takes the amendment back.
    meeting = await host.ok('agenda:amend', { agendaItemId: item.id, text: item.text });
    expect(meeting.agenda[1]!.amendedText).toBeNull();
    await host.ok('agenda:amend', { agendaItemId: item.id, text: amended });

    for (const name of ['王建国', '李秀英', '何兆品']) await host.ok('attendance:checkIn', { meetingId, personId: person(name).id });
    const vote = await host.ok('vote:open', { meetingId, agendaItemId: item.id, title: item.title, mode: 'hands', rule: presets['council-majority'] });
    await host.ok('vote:enterCounts', { voteId: vote.id, for: 3, against: 0, abstain: 0 });
    await host.ok('vote:close', { voteId: vote.id });
    await host.ok('vote:lock', { voteId: vote.id });
    expect(await host.invoke('agenda:amend', { agendaItemId: item.id, text: '锁定后再改' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: `议题“${item.title}”的表决结果已经锁定，议案不能再修改。` },
    });
    expect((await host.ok('meeting:get', { meetingId })).agenda[1]!.amendedText).toBe(amended);
    // Nor can the tabled text or the title be changed behind the vote.
    expect(await host.invoke('agenda:update', { agendaItemId: item.id, title: item.title, text: '改过的原议案' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await host.ok('meeting:get', { meetingId })).agenda[1]!.text).toBe(item.text);
    expect(amendments()).toHaveLength(3);
  });

  it('refuses deliberation when the notice went up fewer days before the meeting than the council asks (3 unless set)', async () => {
    const { host, councilId } = await demo();
    const { meetingId, itemId } = await unannouncedMatter(host, councilId);
    await host.ok('process:advance', { agendaItemId: itemId });
    await host.ok('process:advance', { agendaItemId: itemId });
    // Posted the day before the meeting of 2026-12-20.
    host.database.sqlite.prepare("UPDATE meetings SET notice_posted_at = '2026-12-19' WHERE id = ?").run(meetingId);
    const late = '会议通知只在开会前 1 天张贴，议事规则要求至少提前 3 天公示，议题不能进入“协商讨论”。如确需继续，请用“强制变更步骤”写明理由。';
    expect((await host.ok('process:get', { agendaItemId: itemId })).advance).toMatchObject({ toStep: 3, allowed: false, reason: late });
    expect(await host.invoke('process:advance', { agendaItemId: itemId })).toMatchObject({ ok: false, error: { code: 'conflict', message: late } });
    expect((await host.ok('process:settings', { councilId })).noticeDays).toBe(3);
    // The council that asks one day: the matter goes on; its other settings stay as they were.
    const before = await host.ok('process:settings', { councilId });
    expect(await host.invoke('council:setSteps', { councilId, stepNames: null, secondsRequired: before.secondsRequired, noticeDays: -1 })).toMatchObject({ ok: false, error: { message: '天数不能是负数' } });
    await host.ok('council:setSteps', { councilId, stepNames: null, secondsRequired: before.secondsRequired, noticeDays: 1 });
    expect((await host.ok('process:advance', { agendaItemId: itemId })).stepIndex).toBe(3);
    // Left out, the setting stays.
    await host.ok('council:setSteps', { councilId, stepNames: null, secondsRequired: before.secondsRequired });
    expect((await host.ok('process:settings', { councilId })).noticeDays).toBe(1);
  });

  it('refuses a vote on a matter still being vetted', async () => {
    const { host, councilId } = await demo();
    const { meetingId, itemId } = await unannouncedMatter(host, councilId);
    await host.database.sqlite.prepare("UPDATE meetings SET notice_posted_at = '2026-11-20' WHERE id = ?").run(meetingId);
    const vote = await host.invoke('vote:open', { meetingId, agendaItemId: itemId, title: '楼道照明改造', mode: 'hands', rule: presets['council-majority'] });
    expect(vote).toMatchObject({ ok: false, error: { message: '议题“楼道照明改造”还在“收集议题”这一步，还没有审议列入会议，不能表决。' } });
  });
});

describe('六议 and renamed steps', () => {
  it('a council renames its steps, sets the seconds needed, and 附议 holds a matter until it has them', async () => {
    const { host, council, councilId, person } = await demo();
    await host.ok('council:update', { councilId, name: council.name, community: council.community, address: council.address, processTemplate: 'liu-yi' });
    let settings = await host.ok('process:settings', { councilId });
    expect(settings).toMatchObject({ templateName: '六议', stepNames: null, effectiveSteps: ['集议', '附议', '定议', '论议', '示议', '践议'], secondsRequired: 3, hasSecondStep: true });
    expect(await host.invoke('council:setSteps', { councilId, stepNames: ['集议', '附议', '定议', '论议', '示议', '定议'], secondsRequired: 2 })).toMatchObject({
      ok: false,
      error: { message: '第 6 步的名称“定议”和前面的步骤重复了。' },
    });
    expect(await host.invoke('council:setSteps', { councilId, stepNames: ['集议', '附议', '定议', '论议', '示议', '很长很长很长很长很长很长的名字'], secondsRequired: 2 })).toMatchObject({ ok: false });
    settings = await host.ok('council:setSteps', { councilId, stepNames: ['居民提议', '居民附议', '定议', '论议', '示议', '践议'], secondsRequired: 2 });
    expect(settings).toMatchObject({ stepNames: ['居民提议', '居民附议', '定议', '论议', '示议', '践议'], secondsRequired: 2 });
    expect((await host.ok('console:get', { meetingId: 3 })).stepNames[0]).toBe('居民提议');

    const { itemId } = await unannouncedMatter(host, councilId);
    await host.ok('process:advance', { agendaItemId: itemId });
    expect(await host.invoke('process:advance', { agendaItemId: itemId })).toMatchObject({
      ok: false,
      error: { message: '“居民附议”需要至少 2 人附议，现在只有 0 人，还不能进入“定议”。' },
    });
    await host.ok('process:second', { agendaItemId: itemId, personId: person('何兆品').id });
    expect(await host.invoke('process:second', { agendaItemId: itemId, name: '何兆品' })).toMatchObject({ ok: false, error: { message: '何兆品 已经附议过了。' } });
    const seconded = await host.ok('process:second', { agendaItemId: itemId, name: '3 栋 刘阿姨' });
    expect(seconded).toMatchObject({ seconds: 2, seconders: [{ name: '何兆品' }, { name: '3 栋 刘阿姨' }] });
    expect((await host.ok('process:advance', { agendaItemId: itemId })).stepIndex).toBe(2);
    expect(await host.invoke('process:second', { agendaItemId: itemId, name: '张桂兰' })).toMatchObject({ ok: false, error: { message: '议题已经过了“居民附议”这一步，不再收集附议。' } });
  });

  it('under 六议 an accepted wish needs residents’ support to get past 附议', async () => {
    const { host, council, councilId, meetingId } = await demo();
    await host.ok('council:update', { councilId, name: council.name, community: council.community, address: council.address, processTemplate: 'liu-yi' });
    await host.ok('council:updateSettings', { councilId, maxProxiesPerHolder: null, requireSignature: false, intakeOpen: true });
    const weak = await host.ok('wish:submit', { councilId, text: '希望在院里放一张乒乓球桌' });
    const strong = await host.ok('wish:submit', { councilId, text: '东门晚上没有路灯，老人回家看不清' });
    for (let i = 0; i < 3; i += 1) await host.ok('wish:support', { wishId: strong.id, browserId: `browser-${i}-0123456789abcdef` });
    const weakItem = (await host.ok('wish:accept', { wishId: weak.id, meetingId })).agendaItemId!;
    const strongItem = (await host.ok('wish:accept', { wishId: strong.id, meetingId })).agendaItemId!;
    expect(await host.ok('process:get', { agendaItemId: weakItem })).toMatchObject({ stepIndex: 1, seconds: 0 });
    expect(await host.ok('process:get', { agendaItemId: strongItem })).toMatchObject({ stepIndex: 2, seconds: 3 });
  });
});

describe('vetting: merge duplicates and residents’ "me too"', () => {
  it('merges a duplicate into another wish, adds up the supporters, and lists open matters without names on the public page', async () => {
    const { host, councilId, meetingId } = await demo();
    await host.ok('council:updateSettings', { councilId, maxProxiesPerHolder: null, requireSignature: false, intakeOpen: true });
    const first = await host.ok('wish:submit', { councilId, text: '5 栋门口的路灯坏了一个月了', name: '刘阿姨', household: '5-1-101' });
    const duplicate = await host.ok('wish:submit', { councilId, text: '5 栋路灯不亮，晚上很黑', name: '张大爷' });
    await host.ok('wish:support', { wishId: duplicate.id, browserId: 'browser-a-0123456789abcdef' });
    await host.ok('wish:support', { wishId: first.id, browserId: 'browser-a-0123456789abcdef' });

    const intake = await host.ok('wish:intake', { councilId });
    expect(intake.openWishes.map((w) => [w.text, w.supporters])).toEqual([
      ['5 栋路灯不亮，晚上很黑', 1],
      ['5 栋门口的路灯坏了一个月了', 1],
    ]);
    expect(JSON.stringify(intake)).not.toContain('刘阿姨');
    expect(JSON.stringify(intake)).not.toContain('5-1-101');

    const merged = await host.ok('wish:merge', { wishId: duplicate.id, intoWishId: first.id });
    expect(merged).toMatchObject({ status: 'merged', mergedIntoId: first.id, reason: '与“5 栋门口的路灯坏了一个月了”是同一件事，已合并办理。' });
    const list = await host.ok('wish:list', { councilId });
    // Its own supporter, the duplicate's one, and the duplicate's author.
    expect(list.find((w) => w.id === first.id)!.supporters).toBe(3);
    expect(await host.invoke('wish:merge', { wishId: first.id, intoWishId: duplicate.id })).toMatchObject({
      ok: false,
      error: { message: '这条议题已经合并到别的议题了，请选择合并后的那一条。' },
    });
    expect(await host.invoke('wish:support', { wishId: duplicate.id, browserId: 'browser-b-0123456789abcdef' })).toMatchObject({ ok: false, error: { message: '这条议题已经和别的议题合并，请支持合并后的那一条。' } });
    expect((await host.ok('wish:intake', { councilId })).openWishes.map((w) => w.id)).toEqual([first.id]);

    await host.ok('wish:accept', { wishId: first.id, meetingId });
    expect((await host.ok('wish:intake', { councilId })).openWishes).toEqual([expect.objectContaining({ id: first.id, status: 'accepted', supporters: 3 })]);
    // The accepted wish walked 收集议题 → 审议议题 → 公示通知, every step recorded.
    const itemId = (await host.ok('wish:list', { councilId })).find((w) => w.id === first.id)!.agendaItemId!;
    expect((await host.ok('process:get', { agendaItemId: itemId })).history.map((h) => [h.from, h.to, h.actorName])).toEqual([
      [0, 1, '议事会审议'],
      [1, 2, '议事会审议'],
    ]);
  });

  it('"me too" is public but limited per address: calls past the limit get 429, and one address counts once however many browsers it claims', async () => {
    const { host, councilId } = await demo();
    await host.ok('council:updateSettings', { councilId, maxProxiesPerHolder: null, requireSignature: false, intakeOpen: true });
    const wish = await host.ok('wish:submit', { councilId, text: '希望增加垃圾分类指导员' });
    const server = await startBrowserHost({ host, webRoot: host.dir, port: 0, bindAddress: '127.0.0.1' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 22; i += 1) {
        const response = await fetch(`${server.url}api/call/wish:support`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ input: { wishId: wish.id, browserId: `browser-${i}-0123456789abcdef` } }),
        });
        statuses.push(response.status);
      }
      expect(statuses.filter((s) => s === 200)).toHaveLength(20);
      expect(statuses.slice(-2)).toEqual([429, 429]);
      expect((await host.ok('wish:list', { councilId }))[0]!.supporters).toBe(1);
    } finally {
      await server.close();
    }
  });
});
