import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { demoHostPerTest } from './host-process';
import { RosterPage } from './pages/app-page';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

const host = demoHostPerTest();

test('a CSV with bad rows lists each problem by row and column and writes nothing', async ({ page }) => {
  const roster = new RosterPage(page);
  await roster.open(host.url);
  const before = await roster.peopleCount();

  const dialog = await roster.chooseImportFile(fixture('roster-with-errors.csv'));
  const issues = dialog.getByRole('table', { name: '错误列表' });
  await expect(issues).toBeVisible();
  expect(await issues.locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
  await expect(issues).toContainText('第');
  await expect(issues).toContainText('姓名');
  await expect(issues).toContainText('户号');
  await expect(issues).toContainText('面积');
  await expect(dialog.getByRole('button', { name: '确认导入' })).toBeDisabled();
  await dialog.getByRole('button', { name: '取消' }).click();

  await page.reload();
  await expect(roster.peopleTable.locator('tbody tr')).toHaveCount(before);
});

test('a good CSV is previewed, then imported when the user confirms', async ({ page }) => {
  const roster = new RosterPage(page);
  await roster.open(host.url);
  const before = await roster.peopleCount();
  const dialog = await roster.chooseImportFile(fixture('roster-good.csv'));
  await expect(dialog.getByText(/可导入/)).toBeVisible();
  const rows = await dialog.getByRole('table', { name: '预览' }).locator('tbody tr').count();
  expect(rows).toBeGreaterThan(0);
  await dialog.getByRole('button', { name: '确认导入' }).click();
  await expect(dialog).toBeHidden();
  await expect(roster.peopleTable.locator('tbody tr')).toHaveCount(before + rows);
});
