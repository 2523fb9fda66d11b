import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { localDate } from '../../shared/domain/followup/dates';
import { qrPng } from '../../src-main/host/exports/qr';
import { followupDemo, passMatters } from './followup-fixture';

const today = () => localDate(new Date());
const daysFromToday = (days: number) => localDate(new Date(Date.now() + days * 86_400_000));

async function documentXml(file: { dataBase64: string }) {
  const zip = await JSZip.loadAsync(Buffer.from(file.dataBase64, 'base64'));
  return { zip, xml: await zip.file('word/document.xml')!.async('string') };
}

/** The visible text of a Word body, runs joined (a paragraph's words may be split across runs). */
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('step 3: the announcement notice', () => {
  it('says when, where and what, and recording the posting marks the meeting announced', async () => {
    const { host, planned } = await followupDemo({ announced: false });
    const notice = await host.ok('followup:notice', { meetingId: planned.id });
    expect(notice).toMatchObject({ title: '关于召开院落议事会（12 月）的通知', place: '平安小区活动室', postedOn: null, postings: [] });
    expect(notice.agenda.map((item) => item.title)).toContain('增设电动车集中充电桩');
    expect(notice.wishPath).toBe(`/wish?council=${notice.councilId}`);

    const future = await host.invoke('followup:postNotice', { meetingId: planned.id, postedOn: daysFromToday(2) });
    expect(future).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '张贴日期不能晚于今天。' } });
    expect(host.database.sqlite.prepare('SELECT notice_posted_at FROM meetings WHERE id = ?').pluck().get(planned.id)).toBeNull();

    const posted = await host.ok('followup:postNotice', { meetingId: planned.id, postedOn: daysFromToday(-1) });
    expect(posted.postedOn).toBe(daysFromToday(-1));
    expect(posted.postings).toHaveLength(1);
    expect(host.database.sqlite.prepare('SELECT notice_posted_at FROM meetings WHERE id = ?').pluck().get(planned.id)).toBe(daysFromToday(-1));
    const audit = host.database.sqlite.prepare("SELECT payload FROM audit_log WHERE kind = 'notice.post'").pluck().all() as string[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!)).toMatchObject({ notice: 'announce', postedOn: daysFromToday(-1) });
    expect(await host.ok('audit:verify', {})).toMatchObject({ ok: true });

    // A reprint moves the date and keeps the earlier posting on record; it survives a restart.
    await host.ok('followup:postNotice', { meetingId: planned.id, postedOn: today() });
    const reopened = host.reopen();
    const again = await reopened.ok('followup:notice', { meetingId: planned.id });
    expect(again.postedOn).toBe(today());
    expect(again.postings.map((p) => p.postedOn)).toEqual([today(), daysFromToday(-1)]);
  });

  it('refuses to post a notice with no matters on it', async () => {
    const { host, councilId } = await followupDemo({ announced: false });
    const empty = await host.ok('meeting:create', { councilId, title: '临时会议', date: daysFromToday(5), startTime: '19:30' });
    const result = await host.invoke('followup:postNotice', { meetingId: empty.id, postedOn: today() });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(host.database.sqlite.prepare('SELECT count(*) FROM notices').pluck().get()).toBe(0);
  });

  it('as Word: title, time, place, every matter and the QR code to the residents’ page', async () => {
    const { host, planned, councilId } = await followupDemo();
    for (const bad of ['ftp://192.168.1.10', 'javascript:alert(1)', '192.168.1.10:5173', 'http://user:pw@host/']) {
      const refused = await host.invoke('followup:exportNotice', { meetingId: planned.id, publicBaseUrl: bad });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    const file = await host.ok('followup:exportNotice', { meetingId: planned.id, publicBaseUrl: 'http://192.168.1.10:5173/#/meetings/3/notice' });
    expect(file.fileName).toMatch(/^院落议事会（12 月） \d{4}年\d{1,2}月\d{1,2}日 会议通知\.docx$/);
    const { zip, xml } = await documentXml(file);
    const text = textOf(xml);
    expect(text).toContain('关于召开院落议事会（12 月）的通知');
    expect(text).toContain('一、会议时间');
    expect(text).toContain('平安小区活动室');
    for (const matter of ['小广场地面重新铺装', '增设电动车集中充电桩', '一户多车阶梯停车收费', '5 栋顶楼漏水维修费用分摊']) expect(text).toContain(matter);
    const url = `http://192.168.1.10:5173/wish?council=${councilId}`;
    expect(text).toContain(url);
    expect(text).toContain('平安小区院落议事会');
    expect(xml).toContain('w:eastAsia="仿宋"');
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    // The picture is exactly the QR code of the residents' page address.
    const png = await zip.file(media[0]!)!.async('nodebuffer');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.equals(await qrPng(url))).toBe(true);
  });
});

describe('step 6: tasks of resolutions', () => {
  it('only a matter whose vote passed takes tasks; a task has an owner, a deadline, a status and notes', async () => {
    const { host, councilId, planned, person } = await followupDemo();
    const [paving, charging, parking] = (await host.ok('meeting:get', { meetingId: planned.id })).agenda;
    await passMatters(host, planned.id, [
      { agendaItemId: paving!.id, for: 4, against: 1 },
      { agendaItemId: charging!.id, for: 1, against: 4 },
    ]);
    const board = await host.ok('followup:tasks', { councilId });
    const ours = board.resolutions.filter((r) => r.meetingId === planned.id);
    expect(ours.map((r) => r.title)).toEqual(['小广场地面重新铺装']);
    expect(ours[0]).toMatchObject({ votesFor: 4, votesAgainst: 1, provisional: false, fromResidents: false });

    for (const itemId of [charging!.id, parking!.id]) {
      const refused = await host.invoke('followup:addTask', { agendaItemId: itemId, title: '施工', ownerName: '物业公司' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    }
    const noOwner = await host.invoke('followup:addTask', { agendaItemId: paving!.id, title: '申请微更新资金' });
    expect(noOwner).toMatchObject({ ok: false, error: { message: '请选择负责人，或写明负责单位（如 物业公司）。' } });

    const apply = await host.ok('followup:addTask', { agendaItemId: paving!.id, title: '申请微更新资金', ownerPersonId: person('王建国').id, deadline: daysFromToday(14) });
    expect(apply).toMatchObject({ ownerName: '王建国', status: 'open', overdue: false, daysLeft: 14 });
    const build = await host.ok('followup:addTask', { agendaItemId: paving!.id, title: '施工铺装', ownerName: '物业公司', deadline: null });
    expect(build.ownerPersonId).toBeNull();

    await host.ok('followup:setTaskStatus', { taskId: apply.id, status: 'in_progress' });
    const noted = await host.ok('followup:addTaskNote', { taskId: apply.id, text: '已向街道提交申请表', personId: person('李秀英').id });
    expect(noted.notes.map((n) => [n.text, n.personName])).toEqual([
      ['状态：未开始 → 进行中', null],
      ['已向街道提交申请表', '李秀英'],
    ]);
    const done = await host.ok('followup:setTaskStatus', { taskId: apply.id, status: 'done' });
    expect(done).toMatchObject({ status: 'done', doneOn: today() });
    const back = await host.invoke('followup:setTaskStatus', { taskId: apply.id, status: 'in_progress' });
    expect(back).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const reopened = await host.ok('followup:setTaskStatus', { taskId: apply.id, status: 'in_progress', note: '资金未批，需补材料' });
    expect(reopened).toMatchObject({ status: 'in_progress', doneOn: null });
    expect(reopened.notes.at(-1)!.text).toBe('状态：已完成 → 进行中。资金未批，需补材料');

    const edited = await host.ok('followup:updateTask', { taskId: build.id, title: '施工铺装（透水砖）', ownerName: '平安物业公司', deadline: daysFromToday(60) });
    expect(edited).toMatchObject({ title: '施工铺装（透水砖）', ownerName: '平安物业公司' });
    await host.ok('followup:deleteTask', { taskId: build.id });
    const after = (await host.ok('followup:tasks', { councilId })).resolutions.find((r) => r.agendaItemId === paving!.id)!;
    expect(after.tasks.map((t) => t.id)).toEqual([apply.id]);
  });

  it('a task past its deadline and not done is flagged overdue with the days', async () => {
    const { host, councilId, planned } = await followupDemo({ history: true });
    const [paving] = (await host.ok('meeting:get', { meetingId: planned.id })).agenda;
    await passMatters(host, planned.id, [{ agendaItemId: paving!.id, for: 5, against: 0 }]);
    const before = await host.ok('followup:dashboard', { councilId });
    const late = await host.ok('followup:addTask', { agendaItemId: paving!.id, title: '清理碎砖', ownerName: '物业公司', deadline: daysFromToday(-3) });
    expect(late).toMatchObject({ overdue: true, daysOverdue: 3 });
    await host.ok('followup:addTask', { agendaItemId: paving!.id, title: '今天到期', ownerName: '物业公司', deadline: today() });
    expect((await host.ok('followup:tasks', { councilId })).overdueCount).toBe(before.tasks.overdue + 1);
    await host.ok('followup:setTaskStatus', { taskId: late.id, status: 'done' });
    const board = await host.ok('followup:tasks', { councilId });
    expect(board.overdueCount).toBe(before.tasks.overdue);
    expect((await host.ok('followup:dashboard', { councilId })).tasks).toEqual({
      total: before.tasks.total + 2,
      done: before.tasks.done + 1,
      overdue: before.tasks.overdue,
    });
  });

  it('report-back is at a later meeting of the council', async () => {
    const { host, councilId, planned } = await followupDemo();
    const [paving] = (await host.ok('meeting:get', { meetingId: planned.id })).agenda;
    await passMatters(host, planned.id, [{ agendaItemId: paving!.id, for: 5, against: 0 }]);
    const task = await host.ok('followup:addTask', { agendaItemId: paving!.id, title: '铺装', ownerName: '物业公司' });
    const earlier = (await host.ok('meeting:list', { councilId })).find((m) => m.status === 'closed')!;
    const later = await host.ok('meeting:create', { councilId, title: '院落议事会（1 月）', date: daysFromToday(40), startTime: '19:00' });
    for (const meetingId of [planned.id, earlier.id]) {
      expect(await host.invoke('followup:reportTask', { taskId: task.id, meetingId })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    const reported = await host.ok('followup:reportTask', { taskId: task.id, meetingId: later.id });
    expect(reported).toMatchObject({ reportedMeetingId: later.id, reportedMeetingTitle: '院落议事会（1 月）' });
    expect(await host.invoke('followup:deleteTask', { taskId: task.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await host.ok('followup:reportTask', { taskId: task.id, meetingId: null })).reportedMeetingId).toBeNull();
  });
});

describe('satisfaction ratings', () => {
  it('take counts from a paper survey and one household at a time; a household answers once', async () => {
    const { host, councilId, planned } = await followupDemo();
    const [paving, charging] = (await host.ok('meeting:get', { meetingId: planned.id })).agenda;
    await passMatters(host, planned.id, [{ agendaItemId: paving!.id, for: 5, against: 0 }]);
    const before = (await host.ok('followup:dashboard', { councilId })).satisfaction;
    expect(await host.invoke('followup:addRatingCounts', { agendaItemId: charging!.id, satisfied: 1, basically: 0, unsatisfied: 0 })).toMatchObject({ ok: false });
    expect(await host.invoke('followup:addRatingCounts', { agendaItemId: paving!.id, satisfied: 0, basically: 0, unsatisfied: 0 })).toMatchObject({ ok: false });
    expect(await host.invoke('followup:addRatingCounts', { agendaItemId: paving!.id, satisfied: -1, basically: 0, unsatisfied: 0 })).toMatchObject({ ok: false });
    const paper = await host.ok('followup:addRatingCounts', { agendaItemId: paving!.id, satisfied: 30, basically: 8, unsatisfied: 2 });
    expect(paper).toEqual({ satisfied: 30, basically: 8, unsatisfied: 2, total: 40, satisfactionRate: 0.95 });
    const households = await host.ok('household:list', { councilId });
    await host.ok('followup:addRating', { agendaItemId: paving!.id, rating: 'unsatisfied', householdId: households[0]!.id });
    const changed = await host.ok('followup:addRating', { agendaItemId: paving!.id, rating: 'satisfied', householdId: households[0]!.id });
    expect(changed).toMatchObject({ satisfied: 31, unsatisfied: 2, total: 41 });
    const anonymous = await host.ok('followup:addRating', { agendaItemId: paving!.id, rating: 'basically' });
    expect(anonymous.total).toBe(42);
    const council = (await host.ok('followup:dashboard', { councilId })).satisfaction;
    expect(council).toMatchObject({ satisfied: before.satisfied + 31, basically: before.basically + 9, unsatisfied: before.unsatisfied + 2 });
    expect(council.satisfactionRate).toBeCloseTo((before.satisfied + before.basically + 40) / (before.total + 42));
  });
});

describe('dashboard', () => {
  it('counts matters by step and reports response and completion rates as defined', async () => {
    const { host, councilId, planned } = await followupDemo({ history: true });
    const before = await host.ok('followup:dashboard', { councilId });
    await host.ok('council:updateSettings', { councilId, maxProxiesPerHolder: null, requireSignature: false, intakeOpen: true });
    for (let i = 0; i < 20; i += 1) await host.ok('wish:submit', { councilId, text: `第 ${i + 1} 条居民心愿：希望改善院落环境` });
    const wishes = (await host.ok('wish:list', { councilId })).slice(0, 20).reverse();
    // 3 accepted onto the coming meeting, 15 declined with a reason, 2 still waiting.
    for (const wish of wishes.slice(0, 3)) await host.ok('wish:accept', { wishId: wish.id, meetingId: planned.id });
    for (const wish of wishes.slice(3, 18)) await host.ok('wish:decline', { wishId: wish.id, reason: '不属于院落议事范围' });
    const accepted = wishes.slice(0, 3).map((w) => w.id);
    const items = (await host.ok('wish:list', { councilId })).filter((w) => accepted.includes(w.id)).sort((a, b) => a.id - b.id).map((w) => w.agendaItemId!);
    // Two pass, one fails; of the two, one gets all its tasks done.
    await passMatters(host, planned.id, [
      { agendaItemId: items[0]!, for: 5, against: 0 },
      { agendaItemId: items[1]!, for: 4, against: 1 },
      { agendaItemId: items[2]!, for: 0, against: 5 },
    ]);
    const first = await host.ok('followup:addTask', { agendaItemId: items[0]!, title: '办理', ownerName: '社区' });
    await host.ok('followup:setTaskStatus', { taskId: first.id, status: 'done' });
    await host.ok('followup:addTask', { agendaItemId: items[1]!, title: '办理', ownerName: '社区', deadline: daysFromToday(-1) });

    const dashboard = await host.ok('followup:dashboard', { councilId });
    const { responseRate: response, completionRate: completion } = before;
    expect(dashboard.responseRate).toMatchObject({ numerator: response.numerator + 18, denominator: response.denominator + 20 });
    expect(dashboard.completionRate).toMatchObject({ numerator: completion.numerator + 1, denominator: completion.denominator + 2 });
    expect(dashboard.resolutions).toBe(before.resolutions + 2);
    expect(dashboard.tasks.overdue).toBe(before.tasks.overdue + 1);
    expect(dashboard.referenceRate).toBe(0.95);
    expect(dashboard.definitions.responseRate).toContain('已答复');
    // 2 more waiting wishes (step 1); 3 accepted onto the announced meeting and voted on there (step 5, 表决决议).
    expect(dashboard.mattersByStep.map((s) => s.count - before.mattersByStep[s.stepIndex]!.count)).toEqual([2, 0, 0, 0, 3, 0]);
  });

  it('shows the demo council’s figures once its past meetings were held and followed up', async () => {
    const { host, councilId } = await followupDemo({ history: true });
    const dashboard = await host.ok('followup:dashboard', { councilId });
    // Five residents' matters: three accepted and resolved, one declined, one waiting.
    expect(dashboard.responseRate).toEqual({ numerator: 4, denominator: 5, rate: 0.8 });
    // Of the three resolved, 垃圾房 still has a task under way (and overdue).
    expect(dashboard.completionRate).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 });
    expect(dashboard.resolutions).toBe(4);
    expect(dashboard.tasks).toEqual({ total: 7, done: 5, overdue: 1 });
    expect(dashboard.satisfaction).toMatchObject({ satisfied: 33, basically: 9, unsatisfied: 5, total: 47 });
    expect(dashboard.mattersByStep.map((s) => [s.name, s.count])).toEqual([
      ['收集议题', 1],
      ['审议议题', 0],
      ['公示通知', 4],
      ['协商讨论', 0],
      ['表决决议', 0],
      ['落实公示', 4],
    ]);
    const board = await host.ok('followup:tasks', { councilId });
    const late = board.resolutions.flatMap((r) => r.tasks).filter((t) => t.overdue);
    expect(late.map((t) => [t.title, t.daysOverdue])).toEqual([['垃圾房安装纱门和排风扇', 10]]);
    expect(board.resolutions.flatMap((r) => r.tasks).filter((t) => t.reportedMeetingId !== null).length).toBe(3); // the first meeting's done tasks, at the second
    expect(await host.ok('audit:verify', {})).toMatchObject({ ok: true });
  });
});

describe('step 6: the public notice of results', () => {
  it('lists each resolution with its vote, tasks and ratings, as a page and as Word, and records the posting', async () => {
    const { host, councilId, planned } = await followupDemo();
    const [paving] = (await host.ok('meeting:get', { meetingId: planned.id })).agenda;
    expect(await host.invoke('followup:postResultsNotice', { councilId, meetingId: planned.id, postedOn: today() })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await passMatters(host, planned.id, [{ agendaItemId: paving!.id, for: 4, against: 1 }]);
    const task = await host.ok('followup:addTask', { agendaItemId: paving!.id, title: '申请微更新资金', ownerName: '社区居委会', deadline: daysFromToday(-2) });
    await host.ok('followup:addTaskNote', { taskId: task.id, text: '材料已报街道' });
    await host.ok('followup:addRatingCounts', { agendaItemId: paving!.id, satisfied: 9, basically: 1, unsatisfied: 0 });

    const notice = await host.ok('followup:resultsNotice', { councilId, meetingId: planned.id });
    expect(notice.title).toBe('关于院落议事会（12 月）决议及落实情况的公示');
    const { xml } = await documentXml(await host.ok('followup:exportResultsNotice', { councilId, meetingId: planned.id }));
    const text = textOf(xml);
    for (const part of ['关于院落议事会（12 月）决议及落实情况的公示', '一、小广场地面重新铺装', '同意 4 票，反对 1 票', '申请微更新资金', '社区居委会', '已逾期 2 天', '材料已报街道', '满意率 100%']) {
      expect(text).toContain(part);
    }
    expect(xml).toContain('<w:tbl>');

    const posted = await host.ok('followup:postResultsNotice', { councilId, meetingId: planned.id, postedOn: today() });
    expect(posted.postings).toHaveLength(1);
    expect((await host.ok('followup:resultsNotice', { councilId, meetingId: null })).postings).toHaveLength(0);
    expect(host.database.sqlite.prepare("SELECT count(*) FROM audit_log WHERE kind = 'notice.post'").pluck().get()).toBe(1);
  });
});
