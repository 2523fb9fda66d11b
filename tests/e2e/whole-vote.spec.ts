import { expect, test } from '@playwright/test';
import { demoHostPerTest } from './host-process';
import { confirmVoteStep } from './pages/vote-steps';

const host = demoHostPerTest();

/** The demo's household numbers, in the order the seed makes them. */
const households: string[] = [];
for (let building = 1; building <= 5; building += 1)
  for (let unit = 1; unit <= 2; unit += 1)
    for (let floor = 1; floor <= 6; floor += 1) households.push(`${building}-${unit}-${floor}0${1 + ((building + floor) % 2)}`);

test('a whole vote: 40 of 60 households sign in, one proxy, a roll call, the projector follows, the result is locked', async ({ browser }) => {
  test.setTimeout(180_000);
  const console = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } })).newPage();
  const projector = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1920, height: 1080 } })).newPage();
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
  await expect(projector.getByRole('status', { name: '到会情况' })).toHaveText('到会 40 户 / 共 60 户');

  // The 41st household authorises someone in the room.
  await console.getByRole('searchbox', { name: '委托人（谁委托别人代投）' }).fill(households[40]!);
  await console.locator('.person-picker .picker-results button').first().click();
  await console.getByRole('searchbox', { name: '受托人（由谁代投）' }).fill('hzp');
  await console.getByRole('button', { name: /何兆品/ }).click();
  await expect(projector.getByRole('status', { name: '到会情况' })).toHaveText('到会 41 户 / 共 60 户');

  await console.goto(`${host.url}#/meetings/3/vote`);
  const form = console.getByRole('form', { name: '发起表决' });
  await form.getByLabel('表决事项').selectOption({ label: '2. 增设电动车集中充电桩' });
  await form.getByLabel('记名表决').check();
  await form.getByLabel('表决规则').selectOption({ label: '居民会议' });
  await form.getByRole('button', { name: '开始表决' }).click();
  const vote = projector.getByRole('region', { name: '表决' });
  await expect(vote).toContainText('正在表决');
  await expect(vote).toContainText('到会人数符合要求');

  const rollCall = console.getByRole('list', { name: '逐人表决' });
  await expect(rollCall.getByRole('listitem')).toHaveCount(41);
  const plan = [...Array(26).fill('同意'), ...Array(10).fill('反对'), ...Array(5).fill('弃权')] as string[];
  for (const [index, choice] of plan.entries()) {
    const voter = rollCall.getByRole('listitem').nth(index);
    await voter.getByRole('button', { name: choice }).click();
    await expect(voter.getByRole('button')).toHaveCount(0);
  }
  await expect(rollCall.getByRole('button', { name: '同意' })).toHaveCount(0);
  const bars = projector.getByLabel('计票');
  await expect(bars).toContainText('同意26');
  await expect(bars).toContainText('反对10');
  await expect(bars).toContainText('弃权5');
  await expect(bars).toContainText('至少 21');

  await confirmVoteStep(console, '结束表决');
  await expect(vote).toContainText('表决结束');
  await confirmVoteStep(console, '锁定结果');
  const result = projector.getByRole('region', { name: '表决结果' });
  await expect(result).toContainText('通过');
  await expect(result).toContainText('居民会议');
  await expect(console.getByRole('table', { name: '本次会议的表决' })).toContainText('已锁定');
  await projector.screenshot({ path: 'test-results/projector-result.png' });
});
