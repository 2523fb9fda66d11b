import { expect, test } from '@playwright/test';
import { demoHostPerTest } from './host-process';

const host = demoHostPerTest();

test('the chair queues speakers and starts the timer; the projector follows within a second', async ({ browser }) => {
  const chair = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } })).newPage();
  const projector = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1920, height: 1080 } })).newPage();
  await projector.goto(`${host.url}#/projector/3`);
  await chair.goto(`${host.url}#/meetings/3/console`);
  await expect(chair.getByRole('heading', { name: /当前议题：小广场地面重新铺装/ })).toBeVisible();
  await expect(projector.getByRole('heading', { name: '小广场地面重新铺装' })).toBeVisible({ timeout: 1000 });

  // A name nobody has says so; a click on a match or Enter (the first match) queues the speaker.
  const addSpeaker = chair.getByRole('searchbox', { name: '添加发言人' });
  await addSpeaker.fill('qqqq');
  await expect(chair.locator('.person-picker').getByRole('status')).toHaveText('没有找到符合的人员。');
  await addSpeaker.fill('hzp');
  await chair.locator('.person-picker .picker-results button').first().click();
  await addSpeaker.fill('zgl');
  await addSpeaker.press('Enter');
  await expect(addSpeaker).toHaveValue('');
  const queue = chair.getByRole('list', { name: '发言队列' });
  await expect(queue.getByRole('listitem')).toHaveCount(2);
  await expect(projector.getByLabel('等待发言')).toContainText('何兆品、张桂兰', { timeout: 1000 });

  await chair.getByRole('button', { name: '下移 何兆品' }).click();
  await expect(projector.getByLabel('等待发言')).toContainText('张桂兰、何兆品', { timeout: 1000 });

  await chair.keyboard.press('n');
  await expect(chair.getByRole('timer')).toContainText('张桂兰 · 3:00');
  await expect(projector.getByRole('timer')).toContainText('张桂兰', { timeout: 1000 });
  await expect(projector.getByRole('timer')).toContainText(/[23]:[0-5]\d/);
  await chair.getByRole('button', { name: '赞成' }).click();
  await expect(queue.getByRole('listitem').first()).toContainText('赞成');

  const blank = chair.getByRole('button', { name: '投影空白 (B)' });
  await chair.keyboard.press('b');
  await expect(projector.getByLabel('投影已暂停')).toBeVisible({ timeout: 1000 });
  await expect(blank).toHaveAttribute('aria-pressed', 'true');
  await chair.keyboard.press('b');
  await expect(blank).toHaveAttribute('aria-pressed', 'false');
  await chair.getByRole('list', { name: '议题' }).getByRole('button', { name: /小广场地面重新铺装/ }).focus();
  await chair.keyboard.press('PageDown');
  await expect(projector.getByRole('heading', { name: '增设电动车集中充电桩' })).toBeVisible({ timeout: 1000 });
  await expect(projector.getByRole('timer')).toHaveCount(0);
  await projector.screenshot({ path: 'test-results/projector-matter.png' });
});

test('a link to a meeting that is not there says so on the console and on the projector, instead of loading for ever', async ({ page }) => {
  await page.goto(`${host.url}#/meetings/999/console`);
  await expect(page.getByRole('alert')).toHaveText('找不到该会议，可能已被删除。');
  await page.goto(`${host.url}#/projector/999`);
  await expect(page.getByRole('alert')).toHaveText('找不到该会议，可能已被删除。');
});
