import { expect, test } from '@playwright/test';
import { demoHostPerTest } from './host-process';

const host = demoHostPerTest();

test('the vote form lists who is entitled under the chosen rule before the chair opens it', async ({ page }) => {
  await page.goto(`${host.url}#/meetings/3/vote`);
  const form = page.getByRole('form', { name: '发起表决' });
  const entitled = form.getByRole('group', { name: '应参与表决名单' });

  // A council vote: its seven members, the chair and the secretary among them, shown open.
  await form.getByLabel('表决规则').selectOption({ label: '议事会过半数表决' });
  await expect(entitled.locator('summary')).toHaveText('应参与表决 7 人（议事会成员）');
  await expect(entitled.getByText(/王建国/)).toBeVisible();
  await expect(entitled.getByText(/李秀英/)).toBeVisible();

  // One vote per household: sixty of them, folded until the chair opens the list.
  await form.getByLabel('表决规则').selectOption({ label: '居民会议' });
  await expect(entitled.locator('summary')).toHaveText('应参与表决 60 户');
  await expect(entitled.getByText(/1-1-301 王建国/)).toBeHidden();
  await entitled.locator('summary').click();
  await expect(entitled.getByText(/1-1-301 王建国/)).toBeVisible();
});
