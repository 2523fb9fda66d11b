import { expect, test } from '@playwright/test';
import { demoHostPerTest } from './host-process';

const host = demoHostPerTest();

/**
 * On a slow laptop the council's stored settings can arrive after the user has already ticked a box.
 * They must not untick it (and a save must not then write the defaults over the council's rules).
 * The host's answer is held back here so that the order is certain.
 */
test('settings that arrive late do not undo what the user already changed on the settings page', async ({ page }) => {
  const isSettingsCall = (url: URL | string) => decodeURIComponent(new URL(url).pathname).endsWith('/council:getSettings');
  await page.route(isSettingsCall, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  const stored = page.waitForResponse((response) => isSettingsCall(response.url()));

  await page.goto(`${host.url}#/settings`);
  const settings = page.getByRole('form', { name: '签到与委托' });
  const intake = settings.getByLabel('开放居民网上提交议题（扫码页面）');
  await intake.check();
  await stored;
  await expect(intake).toBeChecked();
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(settings.getByText('已保存。')).toBeVisible();

  await page.unrouteAll({ behavior: 'wait' });
  await page.reload();
  await expect(page.getByRole('form', { name: '签到与委托' }).getByLabel('开放居民网上提交议题（扫码页面）')).toBeChecked();
});
