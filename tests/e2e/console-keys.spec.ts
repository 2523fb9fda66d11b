import { expect, test } from '@playwright/test';
import { demoHostPerTest } from './host-process';

const host = demoHostPerTest();

test('PageDown on the console scrolls the page and leaves the matter; in the agenda list it moves the matter, with 撤销', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 600 });
  await page.goto(`${host.url}#/meetings/3/console`);
  const on = page.getByRole('heading', { name: /当前议题：/ });
  await expect(on).toHaveText('当前议题：小广场地面重新铺装');

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('PageDown');
  await expect.poll(() => page.evaluate<number>('window.scrollY')).toBeGreaterThan(0);
  await expect(on).toHaveText('当前议题：小广场地面重新铺装');
  await expect(page.getByRole('status', { name: '快捷键提示' })).toHaveCount(0);

  // In the agenda list the keys mean the matters; each shows what it did, and 撤销 takes it back.
  const agenda = page.getByRole('list', { name: '议题' });
  await agenda.getByRole('button', { name: /小广场地面重新铺装/ }).focus();
  await page.keyboard.press('PageDown');
  await expect(on).toHaveText('当前议题：增设电动车集中充电桩');
  await expect(agenda.getByRole('button', { name: /增设电动车集中充电桩/ })).toBeFocused();
  const notice = page.getByRole('status', { name: '快捷键提示' });
  await expect(notice).toContainText('已换到议题：增设电动车集中充电桩');
  await notice.getByRole('button', { name: '撤销' }).click();
  await expect(on).toHaveText('当前议题：小广场地面重新铺装');
});

test('single-letter shortcuts can be switched off, and each one that acts says so with 撤销', async ({ page }) => {
  await page.goto(`${host.url}#/meetings/3/console`);
  await expect(page.getByRole('heading', { name: /当前议题：/ })).toBeVisible();
  const blank = page.getByRole('button', { name: '投影空白 (B)' });
  await page.keyboard.press('b');
  await expect(blank).toHaveAttribute('aria-pressed', 'true');
  const notice = page.getByRole('status', { name: '快捷键提示' });
  await expect(notice).toContainText('投影已空白');
  await notice.getByRole('button', { name: '撤销' }).click();
  await expect(blank).toHaveAttribute('aria-pressed', 'false');

  await page.getByRole('checkbox', { name: '使用单字母快捷键' }).uncheck();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('b');
  await page.keyboard.press('p');
  await expect(blank).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('button', { name: /休息画面/ })).toHaveAttribute('aria-pressed', 'false');

  // The choice belongs to this computer and is the same in the settings.
  await page.goto(`${host.url}#/settings`);
  await expect(page.getByRole('checkbox', { name: '使用单字母快捷键' })).not.toBeChecked();
});
