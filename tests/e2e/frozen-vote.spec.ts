import { expect, test, type BrowserContext } from '@playwright/test';
import { demoHostPerTest } from './host-process';
import { confirmVoteStep } from './pages/vote-steps';

const host = demoHostPerTest();

// The chair's and the projector's windows close with the test, so no page of its host lingers into the next test.
const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

/** The demo's household numbers, in the order the seed makes them. */
const households: string[] = [];
for (let building = 1; building <= 5; building += 1)
  for (let unit = 1; unit <= 2; unit += 1)
    for (let floor = 1; floor <= 6; floor += 1) households.push(`${building}-${unit}-${floor}0${1 + ((building + floor) % 2)}`);

test('a whole vote, then two of the silent present leave after the close: the projector and the locked result show what the room saw at close', async ({ browser }) => {
  test.setTimeout(240_000);
  const consoleContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
  const projectorContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1920, height: 1080 } });
  contexts.push(consoleContext, projectorContext);
  const console = await consoleContext.newPage();
  const projector = await projectorContext.newPage();
  await projector.goto(`${host.url}#/projector/3`);
  await expect(projector.getByRole('heading', { name: '院落议事会（12 月）' })).toBeVisible();

  await console.goto(`${host.url}#/meetings/3/check-in`);
  const search = console.getByRole('searchbox', { name: '查找到会人员' });
  for (const code of households.slice(0, 40)) {
    await search.fill(code);
    await console.getByRole('list', { name: '查找结果' }).getByRole('listitem').filter({ hasText: code }).getByRole('button', { name: '签到' }).first().click();
    // Done when the door confirms whom (the search keeps its text, selected for the next).
    await expect(console.getByRole('status', { name: '签到确认' })).toContainText(`（${code}）`);
  }
  await console.getByRole('searchbox', { name: '委托人（谁委托别人代投）' }).fill(households[40]!);
  await console.locator('.person-picker .picker-results button').first().click();
  await console.getByRole('searchbox', { name: '受托人（由谁代投）' }).fill('hzp');
  await console.getByRole('button', { name: /何兆品/ }).click();
  const attendance = projector.getByRole('status', { name: '到会情况' });
  await expect(attendance).toHaveText('到会 41 户 / 共 60 户');

  await console.goto(`${host.url}#/meetings/3/vote`);
  const form = console.getByRole('form', { name: '发起表决' });
  await form.getByLabel('表决事项').selectOption({ label: '2. 增设电动车集中充电桩' });
  await form.getByLabel('记名表决').check();
  await form.getByLabel('表决规则').selectOption({ label: '居民会议' });
  await form.getByRole('button', { name: '开始表决' }).click();
  const vote = projector.getByRole('region', { name: '表决' });
  await expect(vote).toContainText('正在表决');
  await expect(vote).toContainText('表决中');
  const result = console.getByLabel('结果');
  await expect(result).toContainText('表决中');

  // 20 for, 10 against, 5 abstain; the last 6 present say nothing.
  const rollCall = console.getByRole('list', { name: '逐人表决' });
  await expect(rollCall.getByRole('listitem')).toHaveCount(41);
  const plan = [...Array(20).fill('同意'), ...Array(10).fill('反对'), ...Array(5).fill('弃权')] as string[];
  for (const [index, choice] of plan.entries()) {
    const voter = rollCall.getByRole('listitem').nth(index);
    await voter.getByRole('button', { name: choice }).click();
    await expect(voter.getByRole('button')).toHaveCount(0);
  }
  // While open no verdict is shown anywhere, though 20 of 41 is not more than half.
  await expect(result).toContainText('表决中');
  await expect(result).not.toContainText('未通过');
  await expect(vote).not.toContainText('未通过');
  const bars = projector.getByLabel('计票');
  await expect(bars).toContainText('同意20');
  await expect(bars).toContainText('至少 21');
  // Two of the silent present, neither the proxy holder nor the household voted for by proxy.
  const leaving = await Promise.all([35, 36].map(async (index) => (await rollCall.getByRole('listitem').nth(index).locator('.name-cell').textContent())!.split(' ')[0]!));

  await confirmVoteStep(console, '结束表决');
  await expect(vote).toContainText('表决结束');
  await expect(result).toContainText('到会 41 户');
  await expect(result).toHaveText(/未通过。$/);
  await expect(console.getByLabel('未表决')).toContainText('到会但未表决（6）');

  await console.goto(`${host.url}#/meetings/3/check-in`);
  for (const code of leaving) {
    await search.fill(code);
    await console.getByRole('list', { name: '查找结果' }).getByRole('button', { name: '离场' }).click();
    await expect(console.getByRole('table', { name: '签到名单' }).getByRole('row').filter({ hasText: code })).toContainText('离场');
  }
  await expect(attendance).toHaveText('到会 39 户 / 共 60 户');
  // The room is smaller now; the vote is what it was at its close.
  await expect(bars).toContainText('至少 21');

  await console.goto(`${host.url}#/meetings/3/vote`);
  await expect(result).toContainText('到会 41 户');
  await expect(result).toHaveText(/未通过。$/);
  await confirmVoteStep(console, '锁定结果');
  const locked = projector.getByRole('region', { name: '表决结果' });
  await expect(locked).toContainText('未通过');
  await expect(locked).toContainText('到会 41 户');
  await expect(console.getByRole('table', { name: '本次会议的表决' })).toContainText('未通过');
});
