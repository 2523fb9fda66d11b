import { expect, test } from '@playwright/test';
import { demoHostPerTest } from './host-process';
import { RosterPage } from './pages/app-page';

const host = demoHostPerTest();

test('the demo roster shows in Chinese and is found by pinyin initials and household number', async ({ page }) => {
  const roster = new RosterPage(page);
  await roster.open(host.url);
  await expect(page.getByText('平安小区院落议事会')).toBeVisible();
  await expect(roster.personRow('王建国')).toContainText('理事会主任');
  expect(await roster.peopleCount()).toBeGreaterThan(100);

  await roster.search.fill('hzp');
  await expect(roster.peopleTable.locator('tbody tr').first()).toContainText('何兆品');
  await expect(roster.peopleTable.locator('tbody tr').first()).toContainText('3-2-501');

  await roster.search.fill('3-2-501');
  await expect(roster.peopleTable.locator('tbody tr')).toHaveCount(await roster.personRow('3-2-501').count());
  await expect(roster.personRow('何兆品')).toBeVisible();

  await roster.search.fill('');
  await page.getByRole('tab', { name: /住户/ }).click();
  await expect(roster.householdsTable.getByRole('row').filter({ hasText: '3-2-501' })).toBeVisible();
});

test('a household and a person added in the UI are still there after the host restarts', async ({ page }) => {
  const roster = new RosterPage(page);
  await roster.open(host.url);
  await roster.addHousehold('6栋1单元101室', '78.5');
  await roster.addPerson('欧阳晓梅', '6-1-101', ['户代表']);
  await roster.search.fill('oyxm');
  await expect(roster.personRow('欧阳晓梅')).toContainText('6-1-101');

  await host.restart();
  await roster.open(host.url);
  await roster.search.fill('oyxm');
  await expect(roster.personRow('欧阳晓梅')).toContainText('户代表');
  await page.getByRole('tab', { name: /住户/ }).click();
  await roster.search.fill('6-1-101');
  await expect(roster.householdsTable.getByRole('row').filter({ hasText: '6-1-101' })).toContainText('78.50');
});

test('a bad entry gets a clear Chinese error and nothing is saved', async ({ page }) => {
  const roster = new RosterPage(page);
  await roster.open(host.url);
  await page.getByRole('button', { name: '添加住户' }).click();
  const dialog = page.getByRole('dialog', { name: '添加住户' });
  await dialog.getByLabel('户号').fill('3-2-501');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('户号 3-2-501 已经存在。');
  await dialog.getByLabel('户号').fill('三栋');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByRole('alert')).toContainText('格式不对');
  await dialog.getByRole('button', { name: '取消' }).click();
});

test('deleting asks first', async ({ page }) => {
  const roster = new RosterPage(page);
  await roster.open(host.url);
  await roster.search.fill('孙网格');
  await roster.personRow('孙网格').getByRole('button', { name: '删除' }).click();
  const confirm = page.getByRole('dialog', { name: '删除人员' });
  await expect(confirm).toContainText('孙网格');
  await confirm.getByRole('button', { name: '删除' }).click();
  await expect(roster.personRow('孙网格')).toHaveCount(0);
});
