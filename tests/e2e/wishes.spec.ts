import { expect, test } from '@playwright/test';
import { demoHostPerTest } from './host-process';

const host = demoHostPerTest();

test('a resident’s matter raised on the public page appears in the vetting list and is accepted onto the agenda', async ({ browser }) => {
  const staff = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  const resident = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true })).newPage();

  await resident.goto(`${host.url}wish?council=1`);
  await expect(resident.getByText('议事会现在没有征集议题')).toBeVisible();

  await staff.goto(`${host.url}#/settings`);
  const settings = staff.getByRole('form', { name: '签到与委托' });
  await settings.getByLabel('开放居民网上提交议题（扫码页面）').check();
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(settings.getByText('已保存。')).toBeVisible();

  await resident.reload();
  const form = resident.getByRole('form', { name: '我有一个议题' });
  await form.getByLabel('想请议事会商量的事').fill('晚上 3 栋楼道太黑，希望装声控灯');
  await form.getByLabel('类别').selectOption('设施维修');
  await form.getByLabel('楼栋（可不填）').fill('3 栋');
  await form.getByRole('button', { name: '提交' }).click();
  await expect(resident.getByRole('status')).toContainText('已收到');

  await staff.goto(`${host.url}#/wishes`);
  const list = staff.getByRole('table', { name: '议题征集与审议' });
  const row = list.getByRole('row').filter({ hasText: '希望装声控灯' });
  await expect(row).toContainText('待审议');
  await row.getByRole('button', { name: '采纳', exact: true }).click();
  await expect(row).toContainText('已采纳');

  await staff.goto(`${host.url}#/meetings/3`);
  await expect(staff.getByRole('list', { name: '议程' })).toContainText('晚上 3 栋楼道太黑，希望装声控灯');
});
