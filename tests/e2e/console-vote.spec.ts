import { expect, test, type Locator } from '@playwright/test';
import { presets } from '../../shared/domain/voting/rules';
import { demoHostPerTest } from './host-process';

const host = demoHostPerTest();

test('the evening from the console: the chair starts the meeting, votes at step 5 in three clicks plus the counts, the projector says 表决中 until the lock, and ends the meeting', async ({
  browser,
  request,
}) => {
  // The council's default: the members vote by show of hands, more than half of the votes cast. Five members are in.
  const council = (await host.api<Array<{ id: number }>>(request, 'council:list', {}))[0]!;
  const rule = (await host.api<{ defaultVote: unknown }>(request, 'council:getSettings', { councilId: council.id })).defaultVote;
  expect(rule).toBeNull();
  await host.api(request, 'council:setDefaultVote', { councilId: council.id, rule: presets['council-majority'], mode: 'hands' });
  const people = await host.api<Array<{ id: number; name: string }>>(request, 'person:list', { councilId: council.id });
  for (const name of ['王建国', '李秀英', '何兆品', '张桂兰', '刘德华']) {
    await host.api(request, 'attendance:checkIn', { meetingId: 3, personId: people.find((p) => p.name === name)!.id });
  }

  const chair = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } })).newPage();
  const projector = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1920, height: 1080 } })).newPage();
  await projector.goto(`${host.url}#/projector/3`);

  // The meeting page lists its actions in the order of the evening, and starts the meeting.
  await chair.goto(`${host.url}#/meetings/3`);
  const actions = chair.getByRole('navigation', { name: '会议流程' });
  await expect(actions.getByRole('link')).toHaveText(['会议通知（公示）', '门口签到', '主持会议', '表决', '会议记录', '签署会议记录']);
  const status = chair.getByRole('status', { name: '会议状态' });
  await expect(status).toHaveText('筹备中');
  await chair.getByRole('button', { name: '开始会议' }).click();
  await expect(status).toHaveText('进行中');
  await expect(chair.getByRole('button', { name: '开始会议' })).toHaveCount(0);

  await actions.getByRole('link', { name: '主持会议' }).click();
  await expect(chair.getByRole('heading', { name: /当前议题：小广场地面重新铺装/ })).toBeVisible();
  const consoleStep = chair.locator('.step-bar-console li[aria-current="step"]');
  await chair.getByRole('button', { name: '下一步：协商讨论 →' }).click();
  await chair.getByRole('button', { name: '下一步：表决决议 →' }).click();
  await expect(consoleStep).toContainText('表决决议');

  // From here: at most three clicks plus the counts.
  let clicks = 0;
  const click = async (target: Locator) => {
    clicks += 1;
    await target.click();
  };
  const vote = chair.getByRole('region', { name: '本议题表决' });
  await expect(vote).toContainText('议事会过半数表决');
  await expect(vote).toContainText('举手表决');
  await click(vote.getByRole('button', { name: '开始表决' }));
  // The keyboard lands in the new panel, on the first count.
  const counts = vote.getByRole('form', { name: '录入票数' });
  await expect(counts.getByLabel('同意')).toBeFocused();
  await expect(projector.getByRole('region', { name: '表决' })).toContainText('表决中', { timeout: 1000 });
  await expect(projector.locator('.projector')).not.toContainText('未通过');
  // A members' vote: the projector's header counts people, as its rule text does.
  await expect(projector.getByRole('status', { name: '到会情况' })).toContainText('到会成员 5 人');

  await chair.keyboard.type('4');
  await counts.getByLabel('反对').fill('1');
  await counts.getByLabel('弃权').fill('0');
  await counts.getByLabel('弃权').press('Enter');
  await expect(vote.getByLabel('计票')).toContainText('同意4');
  await expect(projector.getByLabel('计票')).toContainText('4', { timeout: 1000 });
  await expect(vote.getByLabel('结果')).toContainText('表决中');
  await expect(projector.locator('.projector')).toContainText('表决中');
  await expect(projector.locator('.projector')).not.toContainText('未通过');
  await chair.screenshot({ path: 'test-results/console-vote-open-1366x768.png', fullPage: true });
  await projector.screenshot({ path: 'test-results/projector-vote-open-1920x1080.png' });

  // Closing asks, says what cannot be undone, and offers to lock the result with it.
  await click(vote.getByRole('button', { name: '结束表决' }));
  const dialog = chair.getByRole('dialog');
  await expect(dialog).toContainText('不能再投票或改票');
  await expect(dialog).toContainText('不能再改动');
  await click(dialog.getByRole('button', { name: '结束表决并锁定结果' }));
  await expect(dialog).toBeHidden();
  expect(clicks).toBeLessThanOrEqual(3);

  const projected = projector.getByRole('region', { name: '表决结果' });
  await expect(projected).toContainText('通过', { timeout: 1000 });
  await expect(projected).not.toContainText('未通过');
  await expect(consoleStep).toContainText('落实公示');
  const resolution = chair.getByRole('region', { name: '本议题表决' });
  await expect(resolution).toContainText('已锁定');
  await expect(resolution).toBeFocused();
  await chair.screenshot({ path: 'test-results/console-vote-locked-1366x768.png', fullPage: true });
  await projector.screenshot({ path: 'test-results/projector-result-1920x1080.png' });

  // The chair ends the meeting from the console; it asks first.
  await chair.getByRole('button', { name: '结束会议' }).click();
  const ending = chair.getByRole('dialog');
  await expect(ending).toContainText('结束后');
  await ending.getByRole('button', { name: '结束会议' }).click();
  await expect(ending).toBeHidden();
  await chair.goto(`${host.url}#/meetings/3`);
  await expect(chair.getByRole('status', { name: '会议状态' })).toHaveText('已结束');
  await chair.screenshot({ path: 'test-results/meeting-ended-1366.png' });
});

test('a roll call opened from the console shows 表决中 on the console and the projector, never a red 未通过', async ({ browser, request }) => {
  const council = (await host.api<Array<{ id: number }>>(request, 'council:list', {}))[0]!;
  await host.api(request, 'council:setDefaultVote', { councilId: council.id, rule: presets['residents-meeting'], mode: 'roll_call' });
  await host.api(request, 'meeting:start', { meetingId: 3 });
  const chair = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } })).newPage();
  const projector = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1920, height: 1080 } })).newPage();
  await projector.goto(`${host.url}#/projector/3`);
  await chair.goto(`${host.url}#/meetings/3/console`);
  await chair.getByRole('button', { name: '下一步：协商讨论 →' }).click();
  await chair.getByRole('button', { name: '下一步：表决决议 →' }).click();
  const vote = chair.getByRole('region', { name: '本议题表决' });
  await vote.getByRole('button', { name: '开始表决' }).click();
  await expect(vote.getByRole('searchbox', { name: '查找投票人' })).toBeFocused();
  await expect(vote.getByLabel('结果')).toContainText('表决中');
  await expect(chair.locator('.outcome-failed')).toHaveCount(0);
  await expect(projector.getByRole('region', { name: '表决' })).toContainText('表决中', { timeout: 1000 });
  await expect(projector.locator('.projector')).not.toContainText('未通过');
  await chair.goto(`${host.url}#/meetings/3/vote`);
  await expect(chair.getByLabel('结果')).toContainText('表决中');
  await expect(chair.getByRole('main')).not.toContainText('未通过');
});

test('the vote page starts on the matter the console has on, not on matter 1', async ({ page, request }) => {
  const meeting = await host.api<{ agenda: Array<{ id: number; title: string }> }>(request, 'meeting:get', { meetingId: 3 });
  await host.api(request, 'console:setCurrent', { meetingId: 3, agendaItemId: meeting.agenda[1]!.id });
  await page.goto(`${host.url}#/meetings/3/vote`);
  const matter = page.getByRole('form', { name: '发起表决' }).getByLabel('表决事项');
  await expect(matter.locator('option:checked')).toHaveText(`2. ${meeting.agenda[1]!.title}`);
});

test('on the console, counts typed but not saved stop the close; 只结束表决 shows the result first, and 锁定结果 asks again', async ({ browser, request }) => {
  const council = (await host.api<Array<{ id: number }>>(request, 'council:list', {}))[0]!;
  await host.api(request, 'council:setDefaultVote', { councilId: council.id, rule: presets['council-majority'], mode: 'hands' });
  const people = await host.api<Array<{ id: number; name: string }>>(request, 'person:list', { councilId: council.id });
  for (const name of ['王建国', '李秀英', '何兆品', '张桂兰']) {
    await host.api(request, 'attendance:checkIn', { meetingId: 3, personId: people.find((p) => p.name === name)!.id });
  }
  const chair = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } })).newPage();
  await chair.goto(`${host.url}#/meetings/3/console`);
  await chair.getByRole('button', { name: '下一步：协商讨论 →' }).click();
  await chair.getByRole('button', { name: '下一步：表决决议 →' }).click();
  const vote = chair.getByRole('region', { name: '本议题表决' });
  await vote.getByRole('button', { name: '开始表决' }).click();
  const counts = vote.getByRole('form', { name: '录入票数' });
  await counts.getByLabel('同意').fill('1');
  await counts.getByLabel('反对').fill('3');
  await vote.getByRole('button', { name: '结束表决' }).click();
  await expect(vote.getByRole('alert')).toContainText('票数还没有保存');
  await expect(chair.getByRole('dialog')).toHaveCount(0);

  await counts.getByRole('button', { name: '保存票数' }).click();
  await expect(vote.getByLabel('计票')).toContainText('反对3');
  await vote.getByRole('button', { name: '结束表决' }).click();
  await chair.getByRole('dialog').getByRole('button', { name: '只结束表决，先看结果' }).click();
  await expect(chair.getByRole('dialog')).toBeHidden();
  await expect(vote).toBeFocused();
  await expect(vote.getByLabel('结果')).toContainText('未通过');
  await expect(chair.locator('.step-bar-console li[aria-current="step"]')).toContainText('表决决议');

  await vote.getByRole('button', { name: '锁定结果' }).click();
  const dialog = chair.getByRole('dialog');
  await expect(dialog).toContainText('不能再改动');
  await dialog.getByRole('button', { name: '锁定结果' }).click();
  await expect(dialog).toBeHidden();
  await expect(chair.locator('.step-bar-console li[aria-current="step"]')).toContainText('落实公示');
  await expect(vote).toContainText('已锁定');
  await expect(vote).toBeFocused();
});
