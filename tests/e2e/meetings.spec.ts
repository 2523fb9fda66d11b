import { expect, test, type Page } from '@playwright/test';
import { demoHostPerTest } from './host-process';

const host = demoHostPerTest();

const agendaTitles = (page: Page) =>
  page.getByRole('list', { name: '议程' }).locator('.agenda-title').allTextContents();

test('meetings list, and an agenda reordered by keyboard and by buttons stays reordered', async ({ page }) => {
  await page.goto(`${host.url}#/meetings`);
  const table = page.getByRole('table', { name: '会议' });
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(table).toContainText('筹备中');
  await table.getByRole('link', { name: '院落议事会（12 月）' }).click();

  await expect(page.getByRole('heading', { name: /院落议事会（12 月）/ })).toBeVisible();
  const original = await agendaTitles(page);
  expect(original).toHaveLength(4);

  // Keyboard: focus the first matter and move it down with Alt+↓.
  await page.locator('.agenda-item').first().focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(() => agendaTitles(page)).toEqual([original[1], original[0], original[2], original[3]]);

  // Buttons: move the last matter up.
  await page.getByRole('button', { name: `上移“${original[3]}”` }).click();
  const expected = [original[1], original[0], original[3], original[2]];
  await expect.poll(() => agendaTitles(page)).toEqual(expected);

  await page.getByLabel('议题名称').fill('楼道照明改造');
  await page.getByRole('button', { name: '添加议题' }).click();
  await expect.poll(() => agendaTitles(page)).toEqual([...expected, '楼道照明改造']);

  await page.reload();
  await expect.poll(() => agendaTitles(page)).toEqual([...expected, '楼道照明改造']);
  await expect(page.getByText('第 3 步：公示通知').first()).toBeVisible();
});

test('a new meeting is created and opens in the editor', async ({ page }) => {
  await page.goto(`${host.url}#/meetings`);
  await page.getByRole('button', { name: '新建会议' }).click();
  const dialog = page.getByRole('dialog', { name: '新建会议' });
  await dialog.getByLabel('会议名称').fill('一月院落夜话');
  await dialog.getByLabel('日期').fill('2027-01-16');
  await dialog.getByLabel('地点').fill('3 栋前小广场');
  await dialog.getByLabel('主持人').selectOption({ label: '王建国（1-1-301）' });
  await dialog.getByRole('button', { name: '新建会议' }).click();
  await expect(page.getByRole('heading', { name: /一月院落夜话/ })).toBeVisible();
  await page.goto(`${host.url}#/meetings`);
  await expect(page.getByRole('table', { name: '会议' })).toContainText('王建国');
});

test('the interface switches to English and back from the settings, not from the menu bar', async ({ page }) => {
  await page.goto(`${host.url}#/roster`);
  // No language button in the menu bar, where a stray click mid-meeting would switch the chair's screen.
  await expect(page.getByRole('banner').getByRole('button')).toHaveCount(0);
  await page.goto(`${host.url}#/settings`);
  await page.getByRole('radio', { name: 'English' }).check();
  await expect(page.getByRole('heading', { name: 'Council settings' })).toBeVisible();
  await page.goto(`${host.url}#/roster`);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Roster' })).toBeVisible();
  await page.goto(`${host.url}#/settings`);
  await page.getByRole('radio', { name: '中文' }).check();
  await page.goto(`${host.url}#/roster`);
  await expect(page.getByRole('heading', { name: '住户名册' })).toBeVisible();
});
