import { expect, test } from '@playwright/test';
import { demoHostPerTest } from './host-process';
import { RosterPage } from './pages/app-page';

const host = demoHostPerTest();

test('an owner of two units, recorded in the roster, is one voter with both units in an owners’ roll call', async ({ page }) => {
  const roster = new RosterPage(page);
  await roster.open(host.url);
  await page.getByRole('tab', { name: /住户/ }).click();
  for (const code of ['3-2-501', '3-2-602']) {
    await roster.search.fill(code);
    await roster.householdsTable.getByRole('row').filter({ hasText: code }).getByRole('button', { name: '编辑' }).click();
    const dialog = page.getByRole('dialog', { name: '编辑住户' });
    await dialog.getByRole('searchbox', { name: '添加业主' }).fill('hzp');
    await dialog.getByRole('searchbox', { name: '添加业主' }).press('Enter');
    await expect(dialog.getByRole('list', { name: '业主（产权人）' })).toContainText('何兆品');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(roster.householdsTable.getByRole('row').filter({ hasText: code })).toContainText('何兆品');
  }

  await page.goto(`${host.url}#/meetings/3/check-in`);
  await page.getByRole('searchbox', { name: '查找到会人员' }).fill('hzp');
  await page.getByRole('list', { name: '查找结果' }).getByRole('button', { name: '签到' }).first().click();
  await expect(page.getByRole('table', { name: '签到名单' })).toContainText('何兆品');

  await page.goto(`${host.url}#/meetings/3/vote`);
  const form = page.getByRole('form', { name: '发起表决' });
  await form.getByLabel('记名表决').check();
  // Before an owners' vote the chair is told which rented units have no owner on record (no one votes for them).
  const unvoiced = form.getByRole('note').filter({ hasText: '出租房没有登记产权人' });
  await expect(unvoiced).toHaveCount(0);
  await form.getByLabel('表决规则').selectOption({ label: '业主共同决定一般事项' });
  await expect(unvoiced).toContainText(/有 \d+ 户出租房没有登记产权人/);
  await expect(unvoiced).not.toContainText('3-2-501');
  await form.getByRole('button', { name: '开始表决' }).click();
  const rollCall = page.getByRole('list', { name: '逐人表决' });
  const owner = rollCall.getByRole('listitem').filter({ hasText: '3-2-501、3-2-602 何兆品' });
  await expect(owner).toHaveCount(1);
  await expect(rollCall.getByRole('listitem').filter({ hasText: '3-2-602' })).toHaveCount(1);
  await owner.getByRole('button', { name: '同意' }).click();
  await expect(page.getByLabel('计票')).toContainText('同意1');
});
